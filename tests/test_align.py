"""The sentence aligner, as a table of similarity matrices and expected links."""
import pytest

from mtcheck.align.dp import Link, align, length_penalty


def table_similarity(sims: dict[tuple[int, int, int, int], float], default: float = 0.0):
    """Return a similarity function reading (i, di, j, dj) from a table."""
    return lambda i, di, j, dj: sims.get((i, di, j, dj), default)


CASES = [
    ("one to one", 2, 2, {(0, 1, 0, 1): 0.9, (1, 1, 1, 1): 0.9}, ["1-1", "1-1"]),
    ("translation merged two reference sentences", 1, 2,
     {(0, 1, 0, 1): 0.6, (0, 1, 0, 2): 0.95}, ["1-2"]),
    ("translation split one reference sentence", 2, 1,
     {(0, 1, 0, 1): 0.6, (0, 2, 0, 1): 0.95}, ["2-1"]),
    ("extra translation sentence", 3, 2,
     {(0, 1, 0, 1): 0.9, (2, 1, 1, 1): 0.9}, ["1-1", "1-0", "1-1"]),
    ("reference sentence left untranslated", 2, 3,
     {(0, 1, 0, 1): 0.9, (1, 1, 2, 1): 0.9}, ["1-1", "0-1", "1-1"]),
    ("nothing alike", 1, 1, {}, ["0-1", "1-0"]),
    ("an untranslated sentence is not absorbed by a merge", 1, 2,
     {(0, 1, 1, 1): 0.9, (0, 1, 0, 2): 0.75}, ["0-1", "1-1"]),
    ("a weak merge loses to a good single match", 2, 1,
     {(0, 1, 0, 1): 0.9, (0, 2, 0, 1): 0.7}, ["1-1", "1-0"]),
    ("empty translation", 0, 2, {}, ["0-1", "0-1"]),
]


@pytest.mark.parametrize("name,n_hyp,n_ref,sims,expected", CASES, ids=[c[0] for c in CASES])
def test_align_table(name, n_hyp, n_ref, sims, expected):
    links = align(n_hyp, n_ref, table_similarity(sims))
    assert [link.kind for link in links] == expected
    # every sentence on both sides is covered exactly once, in order
    assert sum(l.hyp_end - l.hyp_start for l in links) == n_hyp
    assert sum(l.ref_end - l.ref_start for l in links) == n_ref


def test_align_is_monotonic_with_band():
    n = 50
    sims = {(i, 1, i, 1): 0.8 for i in range(n)}
    links = align(n, n, table_similarity(sims), band=3)
    assert links == [Link(i, i + 1, i, i + 1) for i in range(n)]


@pytest.mark.parametrize("a,b,expected_zero", [(10, 10, True), (10, 40, False), (0, 0, True)])
def test_length_penalty(a, b, expected_zero):
    assert (length_penalty(a, b) == 0) is expected_zero
    assert length_penalty(a, b) == length_penalty(b, a)
