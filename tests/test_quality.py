"""The quality score: its terms, the model, the fit, and the model shipped in the calibration."""
import dataclasses
import json
import math

import numpy as np
import pytest

from mtcheck.calibration import default_calibration, read_calibration
from mtcheck.calibration.quality import (SIGNS, TERMS, QualityModel, cross_validate, fit_quality,
                                         quality_terms)
from mtcheck.errors import InputError
from mtcheck.io import Record
from mtcheck.results import Flag, Scores, Severity
from mtcheck.run import check_records


def flag(start, end, severity, confidence):
    return Flag(start, end, "x" * (end - start), severity, "k", "m", confidence)


def test_terms_of_a_segment():
    scores = Scores(chrf=80.0, bleu=50.0, similarity=0.9, cosine=0.95, penalty=3.0)
    flags = (flag(0, 4, Severity.MAJOR, 0.8), flag(5, 9, Severity.MAJOR, 0.6), flag(10, 12, Severity.MINOR, 0.5))
    terms = dict(zip(TERMS, quality_terms(scores, flags, "abcd efgh ij", "abcd efgh ij kl")))
    assert terms["similarity"] == 0.9 and terms["cosine"] == 0.95 and terms["chrf"] == 0.8 and terms["bleu"] == 0.5
    assert terms["penalty"] == 3.0
    assert terms["length_gap"] == pytest.approx(abs(math.log(13 / 16)))
    assert terms["log_chars"] == pytest.approx(math.log(13))
    assert (terms["major_count"], terms["major_confidence"], terms["major_words"]) == (2, pytest.approx(1.4), pytest.approx(1.4))
    assert terms["major_share"] == pytest.approx(8 / 13)
    assert (terms["minor_count"], terms["critical_count"], terms["critical_share"]) == (1, 0, 0)


def test_no_terms_without_a_reference():
    assert quality_terms(Scores(None, None, None, None, penalty=2.0), (), "text", "") is None


@pytest.mark.parametrize("intercept,weights,terms,expected", [
    (0.0, [0.0] * len(TERMS), [1.0] * len(TERMS), 50.0),
    (math.log(3), [0.0] * len(TERMS), [1.0] * len(TERMS), 75.0),
    (0.0, [1.0] + [0.0] * (len(TERMS) - 1), [-math.log(3)] + [0.0] * (len(TERMS) - 1), 25.0),
    (1000.0, [0.0] * len(TERMS), [0.0] * len(TERMS), 100.0),  # clipped, not overflowing
])
def test_model_scores_a_logistic_in_percent(intercept, weights, terms, expected):
    model = QualityModel(tuple(weights), intercept)
    assert float(model.score(np.array(terms))) == pytest.approx(expected)


@pytest.mark.parametrize("change,message", [
    ({"terms": ["similarity"]}, "quality model terms must be"),
    ({"weights": [0.0]}, "one finite weight per term"),
    ({"intercept": float("nan")}, "finite intercept"),
])
def test_a_bad_model_in_a_calibration_file_is_named(tmp_path, change, message):
    data = json.loads(default_calibration().to_json())
    data["quality"] = {**data["quality"], **change}
    path = tmp_path / "cal.json"
    path.write_text(json.dumps(data))
    with pytest.raises(InputError, match=message):
        read_calibration(path)


def test_the_shipped_model_round_trips_and_never_rises_with_a_flag():
    cal = default_calibration()
    model = cal.quality_model
    assert QualityModel.from_dict(model.to_dict()) == model
    for term, weight in zip(TERMS, model.weights):
        assert weight * SIGNS[term] >= 0, term
    assert "cross-validated by document" in model.fitted_on


def synthetic(n_sources=60, systems=5, seed=0):
    """Return terms, MQM and groups where MQM follows chrF and major flags, and minor flags are noise."""
    rng = np.random.default_rng(seed)
    rows, mqm, groups = [], [], []
    for g in range(n_sources):
        for _ in range(systems):
            terms = np.zeros(len(TERMS))
            terms[TERMS.index("chrf")] = rng.uniform(0.3, 1.0)
            terms[TERMS.index("major_confidence")] = rng.integers(0, 3) * 0.8
            terms[TERMS.index("minor_count")] = rng.integers(0, 3)
            terms[TERMS.index("log_chars")] = rng.uniform(3, 5)
            badness = 10 * (1 - terms[TERMS.index("chrf")]) + 4 * terms[TERMS.index("major_confidence")]
            rows.append(terms)
            mqm.append(max(0.0, round(badness + rng.normal(0, 1))))
            groups.append(g)
    return np.array(rows), np.array(mqm), groups


def test_the_fit_orders_translations_as_the_raters_do():
    terms, mqm, groups = synthetic()
    model = fit_quality(terms, mqm, groups)
    held_terms, held_mqm, _ = synthetic(seed=1)
    quality = model.score(held_terms)
    assert np.corrcoef(quality, -held_mqm)[0, 1] > 0.7
    weight = dict(zip(TERMS, model.weights))
    assert weight["chrf"] > 0 and weight["major_confidence"] < 0
    # a flag term can only lower the score: minor flags, unrelated here, get no positive weight
    assert weight["minor_count"] <= 0


def test_length_alone_never_raises_the_score():
    # raters found more errors in the short segments here (as in he-en news, with its headlines):
    # a longer translation must still not score higher for its length
    terms, mqm, groups = synthetic()
    log_chars = terms[:, TERMS.index("log_chars")]
    mqm = mqm + np.round(3 * (5 - log_chars))
    weight = dict(zip(TERMS, fit_quality(terms, mqm, groups).weights))
    assert weight["log_chars"] == 0 and weight["chrf"] > 0


def test_the_scale_is_the_chance_of_no_major_error():
    terms, mqm, groups = synthetic(n_sources=200)
    quality = fit_quality(terms, mqm, groups).score(terms)
    # calibrated: the mean score is about the share of segments without a major error
    assert quality.mean() / 100 == pytest.approx((mqm < 5).mean(), abs=0.03)


def test_a_flag_term_fitted_the_wrong_way_is_left_out():
    terms, mqm, groups = synthetic()
    # minor flags now go with better translations: their weight would come out positive
    terms[:, TERMS.index("minor_count")] = (mqm < np.median(mqm)) * 2.0
    weight = dict(zip(TERMS, fit_quality(terms, mqm, groups).weights))
    assert weight["minor_count"] == 0.0


@pytest.mark.parametrize("mqm,groups", [
    ([0.0, 5.0, 1.0], ["a", "b", "c"]),  # no source translated twice: no pair to learn from
    ([0.0, 1.0, 0.0, 2.0], ["a", "a", "b", "b"]),  # no major error: no scale
])
def test_too_little_to_fit_on_says_so(mqm, groups):
    with pytest.raises(ValueError, match="too few rated segments"):
        fit_quality(np.ones((len(mqm), len(TERMS))), np.array(mqm), groups)


def test_cross_validation_scores_each_segment_from_the_other_documents():
    terms, mqm, groups = synthetic()
    documents = [g // 6 for g in groups]
    held_out = cross_validate(terms, mqm, groups, documents)
    assert not np.isnan(held_out).any()
    assert np.corrcoef(held_out, -mqm)[0, 1] > 0.7
    # one fold's documents alone: its segments cannot be scored by the others (there are none)
    assert np.isnan(cross_validate(terms[:5], mqm[:5], groups[:5], [0] * 5)).all()


def test_a_checked_segment_gets_the_models_score_and_a_flag_lowers_it(fake_embedder):
    records = [Record("0", "Then Elon Musk spoke.", ("Then Elon Musk spoke.",)),
               Record("1", "Then Ilon Musk spoke.", ("Then Elon Musk spoke.",))]
    clean, flagged = check_records(records, embedder=fake_embedder).segments
    assert flagged.flags and not clean.flags
    assert 0 <= flagged.scores.quality < clean.scores.quality <= 100
    cal = default_calibration()
    for seg in (clean, flagged):
        terms = quality_terms(seg.scores, seg.flags, seg.hypothesis, seg.references[0])
        assert seg.scores.quality == pytest.approx(float(cal.quality_model.score(terms)))


def test_without_a_model_segments_have_no_quality(fake_embedder, tmp_path):
    path = tmp_path / "cal.json"
    path.write_text(dataclasses.replace(default_calibration(), quality=None).to_json())
    from mtcheck.settings import Settings

    run = check_records([Record("0", "Then Ilon Musk spoke.", ("Then Elon Musk spoke.",))],
                        settings=Settings(calibration=str(path)), embedder=fake_embedder)
    assert run.segments[0].scores.quality is None and run.corpus.quality is None
    assert "quality" not in run.segments[0].scores.to_dict()
