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


def full_table_align(n_hyp, n_ref, similarity, min_similarity=0.3, band=None):
    """The aligner as it was, with the whole (n+1) x (m+1) table: what the banded one must equal."""
    import math

    from mtcheck.align.dp import MATCH_MOVES, SKIP_MOVES

    all_moves = MATCH_MOVES + SKIP_MOVES
    best = [[-math.inf] * (n_ref + 1) for _ in range(n_hyp + 1)]
    back = [[None] * (n_ref + 1) for _ in range(n_hyp + 1)]
    best[0][0] = 0.0
    ratio = n_ref / n_hyp if n_hyp else 0.0
    for i in range(n_hyp + 1):
        for j in range(n_ref + 1):
            if band is not None and abs(i * ratio - j) > band and i and j:
                continue
            if best[i][j] == -math.inf:
                continue
            for di, dj in all_moves:
                ni, nj = i + di, j + dj
                if ni > n_hyp or nj > n_ref:
                    continue
                gain = similarity(i, di, j, dj) - min_similarity if di and dj else 0.0
                if best[i][j] + gain > best[ni][nj] + 1e-12:
                    best[ni][nj], back[ni][nj] = best[i][j] + gain, (di, dj)
    links, i, j = [], n_hyp, n_ref
    while i or j:
        di, dj = back[i][j]
        links.append(Link(i - di, i, j - dj, j))
        i, j = i - di, j - dj
    return links[::-1]


@pytest.mark.parametrize("n_hyp,n_ref,band,seed", [
    (40, 40, 3, 0), (40, 55, 4, 1), (60, 20, 3, 2), (7, 90, 5, 3), (90, 7, 2, 4), (30, 30, None, 5),
    (1, 12, 2, 6), (12, 1, 2, 7), (0, 5, 3, 8), (25, 25, 0, 9),
])
def test_the_banded_table_aligns_as_the_whole_table_does(n_hyp, n_ref, band, seed):
    import random

    rng = random.Random(seed)
    table = {}

    def similarity(i, di, j, dj):
        if (i, di, j, dj) not in table:
            table[i, di, j, dj] = rng.random()
        return table[i, di, j, dj]

    from mtcheck.align.dp import effective_band

    wide = effective_band(band, n_ref / n_hyp if n_hyp else 0.0)
    expected = full_table_align(n_hyp, n_ref, similarity, band=wide)
    assert align(n_hyp, n_ref, similarity, band=band) == expected


@pytest.mark.parametrize("band,ratio,expected", [
    (30, 1.0, 30), (30, 62.0, 30), (30, 64.0, 31), (5, 90 / 7, 6), (3, 0.1, 3), (None, 50.0, None),
])
def test_the_band_widens_only_where_no_path_could_cross_it(band, ratio, expected):
    from mtcheck.align.dp import effective_band

    assert effective_band(band, ratio) == expected


def test_a_steep_document_aligns_end_to_end():
    """Two translation sentences against 130: the band as given leaves no path (the old aligner failed)."""
    links = align(2, 130, lambda i, di, j, dj: 0.5, band=30)
    assert sum(l.ref_end - l.ref_start for l in links) == 130 and links[-1].hyp_end == 2


@pytest.mark.parametrize("n_hyp,n_ref,band", [(300, 300, 3), (300, 200, 4), (40, 400, 3), (400, 40, 2)])
def test_the_banded_aligner_asks_for_similarities_near_the_band_only(n_hyp, n_ref, band):
    """Where no path can go, no similarity (an encoding) is asked for: not along the first row or column."""
    from mtcheck.align.dp import effective_band

    asked = []

    def similarity(i, di, j, dj):
        asked.append((i, j))
        return 0.5

    align(n_hyp, n_ref, similarity, band=band)
    ratio = n_ref / n_hyp
    wide = effective_band(band, ratio)
    far = [(i, j) for i, j in asked if abs(i * ratio - j) > wide + 2 * ratio + 4]
    assert asked and far == []
