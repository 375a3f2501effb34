"""A regression floor: detection quality on a small fixed sample of labelled data.

Runs the accuracy benchmark's own code on 300 segments of the eval split (seed 0) and fails if a
figure drops below its floor. Measured on 2026-12-02 with calibration
mqm-zhen-fit-2026-12-02-9720eaaf (confidences mapped to what raters marked): major P 0.192,
major F1 0.222, all P 0.433, all F1 0.417, segment AUC 0.654, Kendall tau 0.315, pairwise
accuracy 0.675, and a calibration error of the flags' confidence of 0.055. The calibration
before it (mqm-zhen-fit-2026-12-02-a6aeb984, the same cut-offs with the detectors' raw scores as
confidence) gives the same span figures, AUC 0.649, tau 0.307, pairwise 0.670 and an error of
0.245 on these 300 with the same code.
Floors sit a little below, so noise passes and a real drop does not. Since the twenty-third
session weak wording evidence (minor mistranslations) is a hint, scored but not shown unless
--hints: all P 0.567, all R 0.257, all F1 0.354 by default; 0.437, 0.417 and 0.426 with hints
(the other figures are the same either way: major F1 0.226, tau 0.323, pairwise 0.679).
"""
import pytest

from .conftest import SHARED_DATA

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data is not beside the checkout"),
]

FLOORS = {
    "major P": 0.17,
    "major F1": 0.20,
    "all P": 0.52,
    "all F1": 0.33,
    "seg AUC": 0.63,
    "tau": 0.30,
    "pairwise": 0.66,
}
# with --hints, the minor spans come back
HINT_FLOORS = {"all P": 0.41, "all F1": 0.40}
# the flags' confidence against the share that raters marked (mqm.reliability)
CALIBRATION_ERROR_CEILING = 0.10


@pytest.fixture(scope="module")
def checked(real_embedder):
    from benchmarks.accuracy import run_mtcheck
    from benchmarks.mqm import load_items

    items = load_items(str(SHARED_DATA), "eval", 300, 0)
    segments, _ = run_mtcheck(items, embedder=real_embedder)
    return items, segments


@pytest.fixture(scope="module")
def rows(checked):
    from benchmarks.accuracy import figures

    return figures(*checked)


@pytest.mark.parametrize("figure,floor", FLOORS.items())
def test_figure_stays_above_floor(rows, figure, floor):
    assert rows["mtcheck"][figure] >= floor


def test_hints_shown_find_the_minor_spans(checked, real_embedder):
    from benchmarks.accuracy import figures, run_mtcheck

    items, segments = checked
    with_hints, _ = run_mtcheck(items, embedder=real_embedder, hints=True)
    shown, hidden = figures(items, with_hints)["mtcheck"], figures(items, segments)["mtcheck"]
    assert all(shown[figure] >= floor for figure, floor in HINT_FLOORS.items())
    # the hints are scored either way: the segment figures do not move
    assert (shown["tau"], shown["major F1"]) == (hidden["tau"], hidden["major F1"])


def test_segment_penalty_beats_chrf_by_a_margin(rows):
    assert rows["mtcheck"]["tau"] >= rows["sentence chrF"]["tau"] + 0.05


def test_confidence_says_how_often_raters_marked_such_flags(checked):
    from benchmarks.mqm import reliability

    items, segments = checked
    _, error = reliability([s.flags for s in segments], [it.gold(major_only=False) for it in items])
    assert error <= CALIBRATION_ERROR_CEILING


WIRE = SHARED_DATA.parent / "wire_stories"
HEEN = SHARED_DATA.parent / "heen_news_dev.jsonl"
# benchmarks/editor.py's figures, a little below this session's (benchmarks/README.md, "What an
# editor feels"): a regression in what an editor sees fails here
# (twenty-fifth session: recall 58/59, precision 0.88 (80 of 91), paraphrases 10% major and 10%
# any, hints hidden; heen eval false alarms 0.433 MT and 0.431 human, major errors kept 0.775)
WIRE_FLOORS = {"major recall": 56 / 59, "precision": 0.82}
WIRE_CEILINGS = {"paraphrases with a major flag": 0.12, "paraphrases with any flag": 0.12}
HEEN_EVAL_CEILINGS = {"false alarms, MT": 0.44, "false alarms, human": 0.44}
HEEN_EVAL_FLOORS = {"major errors kept, MT": 0.765}


@pytest.mark.skipif(not WIRE.exists(), reason="wire_stories is not beside the checkout")
def test_wire_stories_stay_within_their_floors(real_embedder):
    from benchmarks.editor import check_wire, load_wire, wire_figures

    from mtcheck.settings import Settings

    _, gold, ok = load_wire(WIRE)
    out = wire_figures(gold, ok, check_wire(WIRE, Settings(line_aligned=True), real_embedder))
    found = sum(out.found[s][0] for s in ("critical", "major")) / sum(out.found[s][1] for s in ("critical", "major"))
    assert found >= WIRE_FLOORS["major recall"]
    assert out.precision >= WIRE_FLOORS["precision"]
    assert out.paraphrases_hit_major / out.paraphrases <= WIRE_CEILINGS["paraphrases with a major flag"]
    assert out.paraphrases_hit / out.paraphrases <= WIRE_CEILINGS["paraphrases with any flag"]


@pytest.mark.skipif(not HEEN.exists(), reason="heen_news_dev.jsonl is not beside the checkout")
def test_false_alarms_on_correct_news_stay_below_their_ceilings(real_embedder):
    from benchmarks.editor import check_items, load_heen, segment_figures

    from mtcheck.settings import Settings

    items = [it for it in load_heen(HEEN) if it.split == "eval" and (it.clean or it.major)]
    figures = segment_figures(items, check_items(items, Settings(), real_embedder))
    for name, ceiling in HEEN_EVAL_CEILINGS.items():
        assert figures[name][1] <= ceiling, name
    for name, floor in HEEN_EVAL_FLOORS.items():
        assert figures[name][1] >= floor, name
