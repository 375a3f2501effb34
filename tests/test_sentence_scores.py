"""Sentence scores: the sentences of a multi-sentence segment paired with the reference's."""
import pytest

import mtcheck
from mtcheck.calibration import default_calibration
from mtcheck.results import Severity
from mtcheck.sentence_scores import sentence_scores, texts_to_encode
from mtcheck.settings import Settings

from .conftest import FakeEmbedder

ENVOY = "The envoy met the minister."
TALKS = "Talks were long and hard."
ASIDE = "Nobody asked why."


def _scores(hyp, refs):
    """Return the sentence scores from fake vectors, the cosine rescaled as c - 1; and the vectors."""
    texts = texts_to_encode(hyp, refs, "en")
    vectors = {t: e.sentence for t, e in zip(texts, FakeEmbedder().encode(texts))}
    return sentence_scores(hyp, refs, vectors, lambda c: c - 1, "en"), vectors


@pytest.mark.parametrize("name,hyp,refs,expected", [
    ("one sentence: no scores", ENVOY, (ENVOY,), []),
    ("no reference: no scores", f"{ENVOY} {TALKS}", (), []),
    ("two sentences, each paired with its own",
     f"{ENVOY} {TALKS}", (f"{ENVOY} {TALKS}",), [(ENVOY, ENVOY, ENVOY), (TALKS, TALKS, TALKS)]),
    ("a reference of one sentence: no scores", f"{ENVOY} {TALKS}", (f"{ENVOY}",), []),
    ("two sentences for one: both against it",
     f"The envoy met. The minister was there. {TALKS}", (f"The envoy met the minister there. {TALKS}",),
     [("The envoy met. The minister was there.", "The envoy met the minister there.",
       "The envoy met the minister there."), (TALKS, TALKS, TALKS)]),
    ("a sentence the reference lacks gets no score",
     f"{ENVOY} {ASIDE} {TALKS}", (f"{ENVOY} {TALKS}",), [(ENVOY, ENVOY, ENVOY), (TALKS, TALKS, TALKS)]),
    ("a sentence said in place of another is paired with it",
     f"{ENVOY} {ASIDE}", (f"{ENVOY} Rain fell on the coast.",),
     [(ENVOY, ENVOY, ENVOY), (ASIDE, "Rain fell on the coast.", "Rain fell on the coast.")]),
    ("a further reference adds its closest sentence, and the closer counts",
     f"{ENVOY} {TALKS}", (f"The envoy saw the minister. {TALKS}", ENVOY),
     [(ENVOY, "The envoy saw the minister.", ENVOY), (TALKS, TALKS, TALKS)]),
])
def test_sentence_scores(name, hyp, refs, expected):
    """Each row: (translation piece, its counterpart in the first reference, the closest counterpart)."""
    scores, vectors = _scores(hyp, refs)
    got = [(hyp[s.start:s.end], refs[0][s.ref_start:s.ref_end]) for s in scores]
    assert got == [(piece, first) for piece, first, _ in expected]
    for s, (piece, _, closest) in zip(scores, expected):
        assert s.similarity == pytest.approx(float(vectors[piece] @ vectors[closest]) - 1)


@pytest.mark.parametrize("links,expected", [
    # a translation sentence alone beside a reference sentence alone: one said in place of the other
    ([(0, 1, 0, 1), (1, 2, 1, 1), (2, 2, 1, 2), (2, 3, 2, 3)], [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)]),
    ([(0, 0, 0, 1), (0, 1, 1, 1)], [(0, 1, 0, 1)]),
    # an addition, and an omission, with nothing beside them, stay alone
    ([(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)], [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]),
    ([(0, 0, 0, 1), (0, 2, 1, 2)], [(0, 0, 0, 1), (0, 2, 1, 2)]),
])
def test_sentences_left_alone_side_by_side_are_paired(links, expected):
    from mtcheck.align import Link
    from mtcheck.sentence_scores import _substitutions

    assert _substitutions([Link(*k) for k in links]) == [Link(*k) for k in expected]


def test_only_multi_sentence_segments_need_pieces_encoded():
    assert texts_to_encode(ENVOY, (f"{ENVOY} {TALKS}",), "en") == []
    assert texts_to_encode(f"{ENVOY} {TALKS}", (ENVOY,), "en") == []
    # the runs of one and two sentences on each side
    assert set(texts_to_encode(f"{ENVOY} {TALKS}", (f"{TALKS} {ASIDE}",), "en")) == {
        ENVOY, TALKS, f"{ENVOY} {TALKS}", ASIDE, f"{TALKS} {ASIDE}"}


@pytest.mark.parametrize("hyp,expected", [
    # the paragraph as a whole is close enough to its reference; its last sentence is not
    (f"{ENVOY} {TALKS} The envoy smiled at the minister. Clouds gather over distant mountains.",
     [("Clouds gather over distant mountains", "The minister spoke for an hour")]),
    (f"{ENVOY} {TALKS} The envoy smiled at the minister. The minister spoke for an hour.", []),
])
def test_an_unrelated_sentence_of_a_line_is_flagged_alone(tmp_path, hyp, expected):
    ref = f"{ENVOY} {TALKS} The envoy smiled at the minister. The minister spoke for an hour."
    (tmp_path / "hyp.txt").write_text(hyp + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text(ref + "\n", encoding="utf-8")
    run = mtcheck.check(tmp_path / "hyp.txt", [tmp_path / "ref.txt"], embedder=FakeEmbedder(),
                        settings=Settings(line_aligned=True))
    [segment] = run.segments
    assert segment.scores.similarity > default_calibration().unrelated_below
    unrelated = [f for f in segment.flags if f.kind == "unrelated"]
    assert [(f.text, f.suggestion) for f in unrelated] == expected
    assert all(f.severity is Severity.CRITICAL and hyp[f.start:f.end] == f.text for f in unrelated)
