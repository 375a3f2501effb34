"""A regression floor: detection quality on a small fixed sample of labelled data.

Runs the accuracy benchmark's own code on 300 segments of the eval split (seed 0) and fails if a
figure drops below its floor. Measured on 2026-11-25 with calibration
mqm-zhen-fit-2026-11-25-c5eb01c8 (word-risk runs major as a whole when they hold a word at the
major cut-off, the penalty weighed by words): major P 0.142, major F1 0.188, all P 0.374,
all F1 0.416, segment AUC 0.667, Kendall tau 0.329, pairwise accuracy 0.683. Floors sit a little
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
    "major P": 0.13,
    "major F1": 0.17,
    "all P": 0.35,
    "all F1": 0.39,
    "seg AUC": 0.62,
    "tau": 0.29,
    "pairwise": 0.65,
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
