"""A flag's confidence: each detector's raw score mapped to the share of such flags raters marked."""
import dataclasses
import math

import numpy as np
import pytest

from mtcheck.calibration import Calibration
from mtcheck.detect import build_view, detect
from mtcheck.calibration.confidence import calibrate_flags, fit_map, logit, mapped
from mtcheck.results import Flag, Severity



@pytest.mark.parametrize("raw,words,weights,expected", [
    (0.5, 1, (0.0, 1.0, 0.0), 0.5),              # the identity map
    (0.8, 1, (0.0, 1.0, 0.0), 0.8),
    (0.8, 1, (0.0, 0.0, 0.0), 0.5),              # a flat map: every flag as sure as the base rate
    (0.5, 1, (math.log(3), 1.0, 0.0), 0.75),     # the intercept shifts the odds: 1:1 to 3:1
    (0.9, 1, (0.0, 0.5, 0.0), 0.75),             # half the slope: odds 9:1 to 3:1
    (0.5, 3, (0.0, 1.0, 1.0), 0.75),             # three words: odds times 3
    (0.5, 1, (0.0, 1.0, 5.0), 0.5),              # one word adds nothing
    (0.5, 0, (0.0, 1.0, 5.0), 0.5),              # nor does a flag on punctuation alone
    (1.0, 1, (0.0, 1.0, 0.0), 0.999),            # raw 1.0 is clipped, not an infinite logit
    (0.0, 1, (0.0, 1.0, 0.0), 0.001),
])
def test_mapped(raw, words, weights, expected):
    assert mapped(raw, words, *weights) == pytest.approx(expected)


def test_logit_is_the_inverse_of_the_identity_map():
    assert logit(0.25) == pytest.approx(math.log(1 / 3))


def test_fit_map_recovers_the_map_that_made_the_labels():
    rng = np.random.default_rng(0)
    raw = rng.uniform(0.05, 0.95, 20000)
    words = rng.integers(1, 10, len(raw))
    chance = [mapped(r, n, -1.0, 0.5, 0.3) for r, n in zip(raw, words)]
    real = rng.uniform(size=len(raw)) < chance
    assert fit_map(raw, words, real, l2=0.0) == pytest.approx((-1.0, 0.5, 0.3), abs=0.06)


def test_fit_map_of_scores_that_say_nothing_is_flat_at_the_base_rate():
    raw = [0.2, 0.9] * 200
    real = [True, False, False, True] * 100  # half marked at either score
    intercept, slope, per_word = fit_map(raw, [1] * len(raw), real)
    assert slope == pytest.approx(0.0, abs=1e-6)
    assert mapped(0.9, 1, intercept, slope, per_word) == pytest.approx(0.5)


def test_fit_map_never_lets_a_higher_score_mean_less_sure():
    # raters marked 3 in 4 flags scored 0.2 and 1 in 4 scored 0.9: the map stays flat in the
    # score, at the share marked overall
    raw = [0.2] * 200 + [0.9] * 200
    real = ([True] * 3 + [False]) * 50 + ([True] + [False] * 3) * 50
    intercept, slope, per_word = fit_map(raw, [1] * len(raw), real)
    assert slope == 0.0
    assert mapped(0.2, 1, intercept, slope, per_word) == pytest.approx(0.5)
    assert mapped(0.9, 1, intercept, slope, per_word) == pytest.approx(0.5)


@pytest.mark.parametrize("real,sure", [(True, True), (False, False)])
def test_fit_map_of_flags_all_marked_or_none_stays_finite(real, sure):
    intercept, slope, per_word = fit_map([0.3, 0.6, 0.9] * 100, [1, 2, 3] * 100, [real] * 300)
    assert all(map(math.isfinite, (intercept, slope, per_word)))
    assert (mapped(0.6, 2, intercept, slope, per_word) > 0.99) == sure
    assert (mapped(0.6, 2, intercept, slope, per_word) < 0.01) == (not sure)


def _flag(detector, confidence, text="word"):
    return Flag(0, len(text), text, Severity.MAJOR, "mistranslation", "m", confidence, None, detector)


def test_calibrate_flags_maps_only_the_detectors_that_have_a_map():
    flags = (_flag("similarity", 0.8), _flag("names", 0.8), _flag("similarity", 0.8, "three more words"),
             _flag("order+similarity", 0.8, "two words"), _flag("names+order", 0.8))
    out = calibrate_flags(flags, {"similarity": [0.0, 0.0, 1.0], "order": [0.0, 0.0, 0.0]})
    # a merged flag takes the highest of its detectors' maps (similarity: 2:1 odds, order: 1:1);
    # one whose detectors have no map but order's gets order's
    assert [f.confidence for f in out] == pytest.approx([0.5, 0.8, 0.75, 2 / 3, 0.5])
    assert calibrate_flags(flags, None) == flags


def test_detect_reports_mapped_confidences(fake_embedder):
    hyp, ref = "The cat sat.", "The dog sat."
    view = build_view(hyp, (ref,), *fake_embedder.encode([hyp]), fake_embedder.encode([ref]))
    calibration = Calibration(major_below=0.5, minor_below=0.6)
    raw = detect(dataclasses.replace(view, calibration=calibration))
    assert [(f.text, f.detector) for f in raw] == [("cat", "similarity")]
    flat = dataclasses.replace(calibration, confidence_maps={"similarity": [math.log(3), 0.0, 0.0]})
    (flag,) = detect(dataclasses.replace(view, calibration=flat))
    assert flag.confidence == pytest.approx(0.75) != raw[0].confidence
    assert dataclasses.replace(flag, confidence=raw[0].confidence) == raw[0]  # nothing else changes


@pytest.mark.parametrize("maps", [
    {"similarity": [0.1, 0.2]},
    {"similarity": [0.1, -0.2, 0.0]},       # a negative slope would rank flags backwards
    {"similarity": [float("nan"), 1.0, 0.0]},
    {"similarity": "0.1 0.2"},
])
def test_bad_maps_are_refused(maps):
    with pytest.raises(ValueError, match=r"confidence_maps\['similarity'\]"):
        Calibration(confidence_maps=maps)


def test_calibrate_fits_a_map_for_detectors_with_enough_flags(capsys):
    from mtcheck.calibration.fit import fit_confidence_maps
    from mtcheck.calibration.labelled import Item

    def flag(start, detector, confidence):
        return Flag(start, start + 1, "x", Severity.MAJOR, "k", "m", confidence, None, detector)

    # one segment; raters marked characters 0 to 9
    item = Item("1", "x" * 40, ("y",), "", "d", ("r",), ({"start": 0, "end": 10, "severity": "minor", "rater": "r"},))
    flags = [[flag(0, "similarity", 0.9), flag(20, "similarity", 0.9), flag(1, "names", 0.9),
              flag(30, "order+similarity", 0.9)]]
    maps = fit_confidence_maps(flags, [item], min_flags=2)
    assert set(maps) == {"similarity"}  # names has one flag; a merged flag has no one scale
    assert mapped(0.9, 1, *maps["similarity"]) == pytest.approx(0.5, abs=0.01)  # one of its two marked
    assert "names: 1 flags" in capsys.readouterr().out
    assert fit_confidence_maps(flags, [item], min_flags=5) is None
