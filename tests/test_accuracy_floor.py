"""A regression floor: detection quality on a small fixed sample of labelled data.

Runs the accuracy benchmark's own code on 300 segments of the eval split (seed 0) and fails if a
figure drops below its floor. Measured on 2026-11-25 with calibration
mqm-zhen-fit-2026-11-25-dd56add3 (word-risk model with a minor tier, output detectors, numbers
compared by value, fewer name and swap false alarms): major P 0.152, major F1 0.194, all P 0.413,
all F1 0.385, segment AUC 0.656, Kendall tau 0.323, pairwise accuracy 0.679. Floors sit a little
below, so noise passes and a real drop does not.
"""
import sys

import pytest

from .conftest import ROOT, SHARED_DATA

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data is not beside the checkout"),
]

FLOORS = {
    "major P": 0.14,
    "major F1": 0.17,
    "all P": 0.38,
    "all F1": 0.35,
    "seg AUC": 0.60,
    "tau": 0.27,
    "pairwise": 0.63,
}


@pytest.fixture(scope="module")
def rows(real_embedder):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from accuracy import figures, run_mtcheck
    from mqm import load_items

    items = load_items(str(SHARED_DATA), "eval", 300, 0)
    segments, _ = run_mtcheck(items, embedder=real_embedder)
    return figures(items, segments)


@pytest.mark.parametrize("figure,floor", FLOORS.items())
def test_figure_stays_above_floor(rows, figure, floor):
    assert rows["mtcheck"][figure] >= floor


def test_segment_penalty_beats_chrf_by_a_margin(rows):
    assert rows["mtcheck"]["tau"] >= rows["sentence chrF"]["tau"] + 0.05
