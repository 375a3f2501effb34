"""A regression floor: detection quality on a small fixed sample of labelled data.

Runs the accuracy benchmark's own code on 300 segments of the eval split (seed 0) and fails if a
figure drops below its floor. Measured on 2026-12-02 with calibration
mqm-zhen-fit-2026-12-02-a6aeb984 (fitted on the views the pipeline checks, multi-sentence
segments sentence by sentence): major P 0.192, major F1 0.222, all P 0.433, all F1 0.417,
segment AUC 0.649, Kendall tau 0.307, pairwise accuracy 0.670. The calibration before it
(mqm-zhen-fit-2026-12-01-67fe4792, fitted on whole segments) gives 0.184, 0.213, 0.432, 0.416,
0.648, 0.306 and 0.670 on these 300 with the same code.
Floors sit a little below, so noise passes and a real drop does not.
"""
import sys

import pytest

from .conftest import ROOT, SHARED_DATA

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data is not beside the checkout"),
]

FLOORS = {
    "major P": 0.17,
    "major F1": 0.20,
    "all P": 0.41,
    "all F1": 0.40,
    "seg AUC": 0.63,
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
