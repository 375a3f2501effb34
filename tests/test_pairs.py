"""Sentence pairs: the sentences of a multi-sentence segment paired with the reference's."""

import numpy as np
import pytest

import mtcheck
from mtcheck.calibration import default_calibration
from mtcheck.results import Severity
from mtcheck.align.pairs import pair_sentences, texts_to_encode
from mtcheck.segment_check import find_flags
from mtcheck.sentences import Segment, split_segment
from mtcheck.settings import Settings

from .conftest import FakeEmbedder


ENVOY = "The envoy met the minister."
TALKS = "Talks were long and hard."
ASIDE = "Nobody asked why."


def _unit(hyp, refs):
    """Return a segment split into sentences, as the pipeline splits it once."""
    return split_segment(Segment("1", hyp, tuple(refs)), "en")


def _pairs(hyp, refs):
    """Return (translation piece, what the references say there) of each pair, from fake vectors."""
    unit = _unit(hyp, refs)
    texts = texts_to_encode(unit)
    vectors = {t: e.sentence for t, e in zip(texts, FakeEmbedder().encode(texts))}
    return [(hyp[p.start:p.end], p.references) for p in pair_sentences(unit, vectors)]


@pytest.mark.parametrize("name,hyp,refs,expected", [
    ("one sentence: no pairs", ENVOY, (ENVOY,), []),
    ("no reference: no pairs", f"{ENVOY} {TALKS}", (), []),
    ("a reference of one sentence: no pairs", f"{ENVOY} {TALKS}", (f"{ENVOY}",), []),
    ("two sentences, each paired with its own",
     f"{ENVOY} {TALKS}", (f"{ENVOY} {TALKS}",), [(ENVOY, (ENVOY,)), (TALKS, (TALKS,))]),
    ("two sentences for one",
     f"The envoy met. The minister was there. {TALKS}", (f"The envoy met the minister there. {TALKS}",),
     [("The envoy met. The minister was there.", ("The envoy met the minister there.",)), (TALKS, (TALKS,))]),
    ("a sentence the reference lacks joins the pair before it",
     f"{ENVOY} {ASIDE} {TALKS}", (f"{ENVOY} {TALKS}",), [(f"{ENVOY} {ASIDE}", (ENVOY,)), (TALKS, (TALKS,))]),
    ("a reference sentence that nothing translates joins the pair before it",
     f"{ENVOY} {TALKS}", (f"{ENVOY} {ASIDE} {TALKS}",), [(ENVOY, (f"{ENVOY} {ASIDE}",)), (TALKS, (TALKS,))]),
    ("a sentence said in place of another is paired with it",
     f"{ENVOY} {ASIDE}", (f"{ENVOY} Rain fell on the coast.",),
     [(ENVOY, (ENVOY,)), (ASIDE, ("Rain fell on the coast.",))]),
    ("three sentences for one, with a further reference",
     f"The envoy met. The minister was there. {ASIDE} {TALKS}",
     (f"The envoy met the minister there. {TALKS}", f"The envoy met the minister there. {TALKS}"),
     [(f"The envoy met. The minister was there. {ASIDE}",
       ("The envoy met the minister there.", "The envoy met the minister there.")), (TALKS, (TALKS, TALKS))]),
    ("a further reference adds its closest sentence, if close enough",
     f"{ENVOY} {TALKS}", (f"The envoy saw the minister. {TALKS}", ENVOY),
     [(ENVOY, ("The envoy saw the minister.", ENVOY)), (TALKS, (TALKS,))]),
])
def test_pair_sentences(name, hyp, refs, expected):
    assert _pairs(hyp, refs) == expected


@pytest.mark.parametrize("links,expected", [
    # a translation sentence alone beside a reference sentence alone: one said in place of the other
    ([(0, 1, 0, 1), (1, 2, 1, 1), (2, 2, 1, 2), (2, 3, 2, 3)], [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)]),
    ([(0, 0, 0, 1), (0, 1, 1, 1)], [(0, 1, 0, 1)]),
    # an addition, and an omission, with nothing beside them, stay alone
    ([(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)], [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]),
    ([(0, 0, 0, 1), (0, 2, 1, 2)], [(0, 0, 0, 1), (0, 2, 1, 2)]),
])
def test_sentences_left_alone_side_by_side_are_paired(links, expected):
    from mtcheck.align.dp import Link
    from mtcheck.align.pairs import _substitutions

    assert _substitutions([Link(*k) for k in links]) == [Link(*k) for k in expected]


@pytest.mark.parametrize("links,expected", [
    # alone on either side: joined to the pair before
    ([(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)], [(0, 2, 0, 1), (2, 3, 1, 2)]),
    ([(0, 1, 0, 1), (1, 1, 1, 2), (1, 2, 2, 3)], [(0, 1, 0, 2), (1, 2, 2, 3)]),
    # before the first pair: joined to it
    ([(0, 1, 0, 0), (1, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)], [(0, 2, 0, 2), (2, 3, 2, 3)]),
    # nothing but sentences alone: no pair
    ([(0, 1, 0, 0), (1, 1, 0, 1)], []),
])
def test_sentences_left_alone_join_a_neighbour(links, expected):
    from mtcheck.align.dp import Link
    from mtcheck.align.pairs import _absorb

    assert _absorb([Link(*k) for k in links]) == [Link(*k) for k in expected]


def test_only_multi_sentence_segments_need_pieces_encoded():
    assert texts_to_encode(_unit(ENVOY, (f"{ENVOY} {TALKS}",))) == []
    assert texts_to_encode(_unit(f"{ENVOY} {TALKS}", (ENVOY,))) == []
    # each sentence on each side; runs of two get the mean of their sentences' vectors
    assert texts_to_encode(_unit(f"{ENVOY} {TALKS}", (f"{TALKS} {ASIDE}",))) == [ENVOY, TALKS, TALKS, ASIDE]


def test_a_run_of_two_sentences_gets_the_length_weighted_mean_of_their_vectors():
    from mtcheck.align.pairs import _with_runs

    vectors = {ENVOY: np.array([1.0, 0.0]), ASIDE: np.array([0.0, 1.0])}
    run = _with_runs(_unit(f"{ENVOY} {ASIDE}", ()), vectors)[f"{ENVOY} {ASIDE}"]
    expected = np.array([len(ENVOY), len(ASIDE)]) / np.hypot(len(ENVOY), len(ASIDE))
    assert run == pytest.approx(expected)


PARAGRAPH = f"{ENVOY} {TALKS} The envoy smiled at the minister. The minister spoke for an hour."


@pytest.mark.parametrize("name,hyp,expected", [
    ("a sentence that says something else: critical, with the reference's sentence",
     f"{ENVOY} {TALKS} The envoy smiled at the minister. Clouds gather over distant mountains.",
     [("unrelated", Severity.CRITICAL, "Clouds gather over distant mountains", "The minister spoke for an hour")]),
    ("a word of the third sentence, at its place in the line",
     f"{ENVOY} {TALKS} The envoy shouted at the minister. The minister spoke for an hour.",
     [("mistranslation", Severity.MAJOR, "shouted", "smiled")]),
    ("an added sentence: its words match nothing",
     f"{ENVOY} {TALKS} Nobody asked why lights went out. The envoy smiled at the minister. "
     "The minister spoke for an hour.",
     [("mistranslation", Severity.MAJOR, "Nobody asked", None),
      ("mistranslation", Severity.MAJOR, "lights went", None)]),
    ("the reference itself", PARAGRAPH, []),
])
def test_a_line_of_several_sentences_is_checked_sentence_by_sentence(tmp_path, name, hyp, expected):
    (tmp_path / "hyp.txt").write_text(hyp + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text(PARAGRAPH + "\n", encoding="utf-8")
    run = mtcheck.check(tmp_path / "hyp.txt", [tmp_path / "ref.txt"], embedder=FakeEmbedder(),
                        settings=Settings(line_aligned=True))
    [segment] = run.segments
    # the line as a whole is close to its reference: no flag would say so of the whole
    assert segment.scores.similarity > default_calibration().unrelated_below
    assert [(f.kind, f.severity, f.text, f.suggestion) for f in segment.flags] == expected
    assert all(hyp[f.start:f.end] == f.text for f in segment.flags)


def _check_line(tmp_path, hyp, embedder):
    """Check one line-aligned line against PARAGRAPH and return its segment."""
    (tmp_path / "hyp.txt").write_text(hyp + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text(PARAGRAPH + "\n", encoding="utf-8")
    run = mtcheck.check(tmp_path / "hyp.txt", [tmp_path / "ref.txt"], embedder=embedder,
                        settings=Settings(line_aligned=True))
    [segment] = run.segments
    return segment


def test_a_line_checked_by_sentence_scores_as_its_sentences_do_and_is_not_encoded_whole(tmp_path):
    hyp = f"{ENVOY} {TALKS} The envoy shouted at the minister. The minister spoke for an hour."
    embedder = FakeEmbedder()
    segment = _check_line(tmp_path, hyp, embedder)
    hyp_sents = [ENVOY, TALKS, "The envoy shouted at the minister.", "The minister spoke for an hour."]
    ref_sents = [ENVOY, TALKS, "The envoy smiled at the minister.", "The minister spoke for an hour."]
    encodings = FakeEmbedder().encode(hyp_sents + ref_sents)
    cosines = [float(encodings[i].sentence @ encodings[i + 4].sentence) for i in range(4)]
    expected = sum(len(s) * c for s, c in zip(hyp_sents, cosines)) / sum(map(len, hyp_sents))
    assert segment.scores.cosine == pytest.approx(expected)
    assert segment.scores.cosine < 1.0
    encoded = {t for call in embedder.calls for t in call}
    assert hyp not in encoded and PARAGRAPH not in encoded


def test_a_line_unrelated_as_a_whole_is_encoded_whole_and_flagged_once(tmp_path):
    hyp = "Clouds gather over distant mountains. Rivers freeze in deep winter."
    embedder = FakeEmbedder()
    segment = _check_line(tmp_path, hyp, embedder)
    assert segment.scores.similarity < default_calibration().unrelated_below
    assert [(f.kind, f.severity, f.text) for f in segment.flags] == [("unrelated", Severity.CRITICAL, hyp.rstrip("."))]
    assert hyp in {t for call in embedder.calls for t in call}


@pytest.mark.parametrize("name,hyp", [
    ("a word of the third sentence",
     f"{ENVOY} {TALKS} The envoy shouted at the minister. The minister spoke for an hour."),
    ("a sentence that says something else",
     f"{ENVOY} {TALKS} The envoy smiled at the minister. Clouds gather over distant mountains."),
    ("unrelated as a whole", "Clouds gather over distant mountains. Rivers freeze in deep winter."),
    ("one sentence", "The envoy shouted at the minister and spoke for an hour."),
])
def test_the_views_the_fit_prepares_give_the_pipelines_flags_and_scores(name, hyp):
    """The fit prepares every view (the whole and the sentences) to try other cut-offs; under the
    shipped calibration they must give what the pipeline gives."""
    from mtcheck.calibration.labelled import Item
    from mtcheck.refit import build_views, word_examples

    from mtcheck.io import Record
    from mtcheck.run import check_records

    shouted = hyp.find("shouted")
    spans = ({"rater": "r", "severity": "major", "start": shouted, "end": shouted + 7},) if shouted >= 0 else ()
    item = Item("1", hyp, (PARAGRAPH,), "", "news", ("r",), spans)
    [views] = build_views([item], FakeEmbedder())
    [segment] = check_records([Record("1", hyp, (PARAGRAPH,), None, 1)], embedder=FakeEmbedder()).segments
    assert views.similarity == pytest.approx(segment.scores.similarity)
    assert ([(f.start, f.end, f.kind, f.severity) for f in find_flags(views, default_calibration())]
            == [(f.start, f.end, f.kind, f.severity) for f in segment.flags])
    assert segment.flags or name == "one sentence"
    # the word model learns from the words at their places in the segment
    _, labels = word_examples([item], [views])
    assert labels.sum() == (1 if shouted >= 0 else 0)
