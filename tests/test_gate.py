"""The gate: a pure function, tested with a boundary table."""
from collections import Counter

import pytest

from mtcheck.errors import UsageError
from mtcheck.gate import evaluate, render_verdict
from mtcheck.settings import Thresholds
from mtcheck.results import (
    CorpusScores, DocumentResult, Flag, RunResult, Scores, SegmentResult, Severity,
)

C, M, m = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR


def doc(path, severities, chrf=50.0, similarity=0.8):
    flags = tuple(Flag(0, 1, "x", s, "k", "msg", 0.5) for s in severities)
    seg = SegmentResult(id="s1", hypothesis="x", references=("y",), line=3,
                        scores=Scores(chrf, 10.0, similarity, similarity, penalty=len(flags)), flags=flags)
    return DocumentResult(path, ("ref",), (seg,), CorpusScores(10.0, chrf, similarity))


def run(*docs, chrf=50.0, similarity=0.8):
    return RunResult(tuple(docs), CorpusScores(10.0, chrf, similarity), {})


def rated(path, *qualities):
    """Return a document whose segments have these quality scores (None: no quality model)."""
    segs = tuple(SegmentResult(id=f"s{k}", hypothesis="x", references=("y",), line=k,
                               scores=Scores(50.0, 10.0, 0.8, 0.8, penalty=1.0, quality=q), flags=())
                 for k, q in enumerate(qualities, start=1))
    counts = Counter(round(q, 1) for q in qualities if q is not None)  # as the run's tally counts them
    return DocumentResult(path, ("ref",), segs, CorpusScores(10.0, 50.0, 0.8), quality_counts=dict(counts))


CASES = [
    # name, thresholds, run, expected failed checks as (scope, check)
    ("no thresholds pass", Thresholds(), run(doc("a", [C])), []),
    ("fail-on major, a minor flag passes", Thresholds(fail_on=M), run(doc("a", [m])), []),
    ("fail-on major, a major flag fails", Thresholds(fail_on=M), run(doc("a", [M])), [("a", "fail-on")]),
    ("fail-on major, a critical flag fails", Thresholds(fail_on=M), run(doc("a", [C])), [("a", "fail-on")]),
    ("fail-on critical, a major flag passes", Thresholds(fail_on=C), run(doc("a", [M])), []),
    ("max-flags met exactly passes", Thresholds(max_flags=2), run(doc("a", [m, m])), []),
    ("max-flags exceeded by one fails", Thresholds(max_flags=2), run(doc("a", [m, m, m])), [("a", "max-flags")]),
    ("max-flags 0 with no flags passes", Thresholds(max_flags=0), run(doc("a", [])), []),
    ("min-chrf met exactly passes", Thresholds(min_chrf=50.0), run(doc("a", [], chrf=50.0)), []),
    ("min-chrf missed fails", Thresholds(min_chrf=50.0), run(doc("a", [], chrf=49.99)), [("a", "min-chrf")]),
    # compared at the precision printed: 49.996 is shown as 50.00, which meets 50
    ("min-chrf met as printed passes", Thresholds(min_chrf=50.0), run(doc("a", [], chrf=49.996)), []),
    ("min-chrf missed as printed fails", Thresholds(min_chrf=50.0), run(doc("a", [], chrf=49.994)),
     [("a", "min-chrf")]),
    ("min-similarity met as printed passes", Thresholds(min_similarity=0.8),
     run(doc("a", [], similarity=0.79996)), []),
    ("min-similarity missed as printed fails", Thresholds(min_similarity=0.8),
     run(doc("a", [], similarity=0.79994)), [("a", "min-similarity")]),
    ("min-similarity met exactly passes", Thresholds(min_similarity=0.8), run(doc("a", [], similarity=0.8)), []),
    ("min-similarity missed fails", Thresholds(min_similarity=0.8), run(doc("a", [], similarity=0.79)),
     [("a", "min-similarity")]),
    ("each document and the batch", Thresholds(max_flags=1),
     run(doc("a", [m]), doc("b", [m, m])), [("b", "max-flags"), ("batch", "max-flags")]),
    ("batch fails though no document does", Thresholds(max_flags=1),
     run(doc("a", [m]), doc("b", [m])), [("batch", "max-flags")]),
    ("batch chrF is the run's corpus chrF", Thresholds(min_chrf=40),
     run(doc("a", [], chrf=45), doc("b", [], chrf=45), chrf=39), [("batch", "min-chrf")]),
    ("min-quality met exactly passes", Thresholds(min_quality=60), run(rated("a", 50.0, 70.0)), []),
    ("min-quality missed fails", Thresholds(min_quality=60), run(rated("a", 50.0, 69.8)), [("a", "min-quality")]),
    # compared as printed: 59.96 is shown as 60.0
    ("min-quality met as printed passes", Thresholds(min_quality=60), run(rated("a", 59.96)), []),
    ("min-quality missed as printed fails", Thresholds(min_quality=60), run(rated("a", 59.94)),
     [("a", "min-quality")]),
    ("min-segment-quality met by every segment passes", Thresholds(min_segment_quality=40),
     run(rated("a", 40.0, 90.0)), []),
    ("min-segment-quality missed by one segment fails", Thresholds(min_segment_quality=40),
     run(rated("a", 39.9, 90.0)), [("a", "min-segment-quality")]),
    ("min-segment-quality met as printed passes", Thresholds(min_segment_quality=40), run(rated("a", 39.96)), []),
    ("min-quality over the batch is over all its segments", Thresholds(min_quality=60),
     run(rated("a", 61.0), rated("b", 61.0, 55.0)), [("b", "min-quality"), ("batch", "min-quality")]),
]


@pytest.mark.parametrize("name,thresholds,run_,expected", CASES, ids=[c[0] for c in CASES])
def test_gate_table(name, thresholds, run_, expected):
    verdict = evaluate(run_, thresholds)
    assert [(f.scope, f.check) for f in verdict.failures] == expected
    assert verdict.passed is (expected == [])


@pytest.mark.parametrize("kwargs,message", [
    ({"max_flags": -1}, "max-flags must be 0 or more, got -1"),
    ({"min_chrf": 101}, "min-chrf must be between 0 and 100, got 101"),
    ({"min_chrf": -0.5}, "min-chrf must be between 0 and 100, got -0.5"),
    ({"min_similarity": 1.5}, "min-similarity must be between -1 and 1, got 1.5"),
])
def test_out_of_range_thresholds_are_rejected(kwargs, message):
    with pytest.raises(UsageError) as err:
        Thresholds(**kwargs)
    assert str(err.value) == message


def test_verdict_names_checks_amounts_and_worst_segments():
    verdict = evaluate(run(doc("a.txt", [M, m], chrf=41.5)), Thresholds(fail_on=M, max_flags=1, min_chrf=45))
    assert render_verdict(verdict) == (
        "Gate: FAILED.\n"
        "  a.txt: fail-on: 1 flag(s) at or above major\n"
        "  a.txt: max-flags: 2 flags, 1 more than the maximum 1\n"
        "  a.txt: min-chrf: chrF 41.50 is 3.50 below the minimum 45\n"
        "  Worst segments:\n"
        "    a.txt:3 [s1] penalty 2.00, 2 flag(s)\n")
    assert render_verdict(evaluate(run(doc("a", [])), Thresholds(max_flags=0))) == "Gate: passed.\n"


ALONE = DocumentResult("story.txt", (), (), CorpusScores(None, None, None))


@pytest.mark.parametrize("thresholds,expected", [
    (Thresholds(fail_on=M), []),
    (Thresholds(max_flags=0), []),
])
def test_flag_thresholds_apply_without_a_reference(thresholds, expected):
    assert list(evaluate(RunResult((ALONE,), CorpusScores(None, None, None), {}), thresholds).failures) == expected


@pytest.mark.parametrize("thresholds,message", [
    (Thresholds(min_quality=60), "mean quality 55.0 is 5.0 below the minimum 60"),
    (Thresholds(min_segment_quality=50), "2 of 3 segment(s) below quality 50"),
])
def test_quality_failures_say_how_far(thresholds, message):
    [failure] = evaluate(run(rated("a", 45.0, 30.0, 90.0)), thresholds).failures
    assert failure.message == message


def test_a_quality_threshold_without_a_quality_model_is_refused():
    with pytest.raises(UsageError, match="--min-quality and --min-segment-quality need a quality score, and a has none"):
        evaluate(run(rated("a", None)), Thresholds(min_quality=50))


@pytest.mark.parametrize("thresholds,named", [
    (Thresholds(min_chrf=50), "--min-chrf needs"),
    (Thresholds(min_similarity=0.5), "--min-similarity needs"),
    (Thresholds(min_quality=50), "--min-quality needs"),
    (Thresholds(min_segment_quality=50), "--min-segment-quality needs"),
    (Thresholds(min_chrf=50, min_similarity=0.5), "--min-chrf and --min-similarity need"),
])
def test_score_thresholds_without_a_reference_are_refused(thresholds, named):
    with pytest.raises(UsageError) as err:
        evaluate(RunResult((ALONE,), CorpusScores(None, None, None), {}), thresholds)
    assert err.value.message == (f"{named} a reference to compare with, and story.txt has none; give --reference, "
                                 "or gate on flags (--fail-on, --max-flags)")


def test_worst_segments_come_by_their_worst_flag_then_by_quality():
    def seg(id_, severity, quality, penalty):
        flags = (Flag(0, 1, "x", severity, "k", "msg", 0.5),) if severity else ()
        return SegmentResult(id=id_, hypothesis="x", references=("y",), line=1, flags=flags,
                             scores=Scores(50.0, 10.0, 0.8, 0.8, penalty=penalty, quality=quality))
    segments = (seg("a", M, 70.0, 5.0), seg("b", M, 40.0, 2.0), seg("c", None, 10.0, 0.5), seg("d", m, 5.0, 1.0))
    document = DocumentResult("a.txt", ("ref",), segments, CorpusScores(10.0, 50.0, 0.8))
    verdict = evaluate(run(document), Thresholds(max_flags=0))
    assert [(w.id, w.quality) for w in verdict.worst] == [("b", 40.0), ("a", 70.0), ("d", 5.0), ("c", 10.0)]
