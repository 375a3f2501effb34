"""The word-risk detector: its model as read from a calibration, its runs, and how it gives way."""
import dataclasses
import json

import numpy as np
import pytest

from mtcheck.calibration import Calibration, default_calibration, read_calibration
from mtcheck.detect import build_view, detect
from mtcheck.detect.base import Finding
from mtcheck.calibration.word_model import FEATURES, WordRiskModel
from mtcheck.detect import DETECTORS
from mtcheck.detect.arbitrate import give_way
from mtcheck.detect.wordrisk import word_features
from mtcheck.errors import InputError
from mtcheck.results import Severity


from mtcheck.calibration.fit import choose_cut_off, choose_fewest_flags

M, m = Severity.MAJOR, Severity.MINOR

# risk = sigmoid(-10 * (match - 0.5)): above one half exactly where the best match is below 0.5
WEAK_MATCH = {"terms": ["match"], "mean": [0.0], "scale": [1.0], "weights": [5.0, -10.0], "major_at": 0.5}


def view_of(embedder, hyp, ref, model=WEAK_MATCH, **kwargs):
    """Return a segment view under a calibration holding one word model, the similarity detector off."""
    hyp_enc, ref_enc = embedder.encode([hyp, ref])
    cal = Calibration(major_below=0.0, minor_below=0.0, word_model=model)
    return build_view(hyp, (ref,), hyp_enc, [ref_enc], calibration=cal, similarity=0.5, chrf=40.0, **kwargs)


@pytest.mark.parametrize("name,hyp,ref,expected", [
    ("identical: nothing", "The envoy met the minister.", "The envoy met the minister.", []),
    ("a run of unmatched content words is one flag",
     "The envoy greeted warmly the minister.", "The envoy met the minister.", [("greeted warmly", M)]),
    ("unmatched function words alone are no flag",
     "The envoy met with the minister.", "The envoy met the minister.", []),
    ("a run across a misspelt name gives way to the name's flag",
     "Then Ilon greeted Musk.", "Then Elon met Musk.", [("Ilon", M), ("greeted", M)]),
])
def test_risky_runs(fake_embedder, name, hyp, ref, expected):
    flags = detect(view_of(fake_embedder, hyp, ref))
    assert [(f.text, f.severity) for f in flags] == expected, name


def test_without_a_word_model_the_detector_is_silent(fake_embedder):
    view = view_of(fake_embedder, "The envoy greeted warmly the minister.", "The envoy met the minister.",
                   model=None)
    assert detect(view) == ()


def test_risky_flag_says_why_and_what_the_reference_has(fake_embedder):
    (flag,) = detect(view_of(fake_embedder, "The envoy greeted the minister.", "The envoy met the minister."))
    assert flag.detector == "wordrisk" and flag.kind == "mistranslation"
    assert flag.suggestion == "met"
    assert flag.message.startswith('"greeted" is likely mistranslated (risk 0.9')
    assert flag.message.endswith('the reference has "met"')


# risk = sigmoid(-4 - 3 * match + 5 * length / 10): an unmatched word of 6 letters is at about 0.27,
# one of 13 letters at about 0.92, a matched word below 0.06
BY_LENGTH = {"terms": ["match", "length"], "mean": [0.0, 0.0], "scale": [1.0, 1.0],
             "weights": [-4.0, -3.0, 5.0], "major_at": 0.5, "minor_at": 0.15}


@pytest.mark.parametrize("name,hyp,expected", [
    ("a word below the major cut-off is a minor flag", "The envoy hailed the minister.", [("hailed", m)]),
    ("a word above it is a major flag", "The envoy congratulated the minister.", [("congratulated", M)]),
    ("a risky neighbour is part of the major phrase",
     "The envoy congratulated hailed the minister.", [("congratulated hailed", M)]),
    ("a word below the minor cut-off ends it", "The envoy congratulated the hailed minister.",
     [("congratulated", M), ("hailed", m)]),
])
def test_minor_tier(fake_embedder, name, hyp, expected):
    flags = detect(view_of(fake_embedder, hyp, "The envoy met the minister.", model=BY_LENGTH))
    assert [(f.text, f.severity) for f in flags] == expected, name


def test_minor_flag_says_perhaps(fake_embedder):
    (flag,) = detect(view_of(fake_embedder, "The envoy hailed the minister.", "The envoy met the minister.",
                             model=BY_LENGTH))
    assert flag.message.startswith('"hailed" is perhaps mistranslated (risk 0.2')


PRECISE = frozenset(k for d in DETECTORS if d.role in ("precise", "overriding") for k in d.kinds)


def finding(first, last, kind, detector, severity=M):
    return Finding(first, last, severity, kind, "m", 0.5, detector)


@pytest.mark.parametrize("hyp,findings,expected", [
    # no precise finding: risky runs stay as they are
    ("greeted warmly the minister", [finding(0, 1, "mistranslation", "wordrisk")], [(0, 1)]),
    # a name inside a run splits it; both sides keep a content word
    ("greeted Ilon warmly", [finding(0, 2, "mistranslation", "wordrisk"), finding(1, 1, "name-mismatch", "names")],
     [(0, 0), (2, 2), (1, 1)]),
    # what is left of a run without a content word ("the") is dropped
    ("the Ilon warmly", [finding(0, 2, "mistranslation", "wordrisk"), finding(1, 1, "name-mismatch", "names")],
     [(2, 2), (1, 1)]),
    # other detectors' findings never give way
    ("greeted Ilon", [finding(0, 1, "mistranslation", "similarity"), finding(1, 1, "name-mismatch", "names")],
     [(0, 1), (1, 1)]),
    # a minor run keeps clear of a major finding and its neighbours, so merging cannot widen it
    ("greeted warmly the minister kindly",
     [finding(0, 4, "mistranslation", "wordrisk", m), finding(1, 1, "mistranslation", "similarity")],
     [(3, 4), (1, 1)]),
    # ...but not of another minor finding
    ("greeted warmly the minister",
     [finding(0, 3, "mistranslation", "wordrisk", m), finding(1, 1, "mistranslation", "similarity", m)],
     [(0, 3), (1, 1)]),
])
def test_give_way(fake_embedder, hyp, findings, expected):
    view = view_of(fake_embedder, hyp, "nothing alike here")
    assert [(f.first, f.last) for f in give_way(view, findings, PRECISE)] == expected


def test_features_one_row_per_word(fake_embedder):
    view = view_of(fake_embedder, "The envoy greeted the minister.", "The envoy met the minister.")
    rows = word_features(view)
    assert rows.shape == (5, len(FEATURES))
    match = rows[:, FEATURES.index("match")]
    assert match[0] == pytest.approx(1.0) and match[2] < 0.5
    assert rows[:, FEATURES.index("in_reference")].tolist() == [1, 1, 0, 1, 1]
    assert np.all(rows[:, FEATURES.index("segment_chrf")] == pytest.approx(0.4))


@pytest.mark.parametrize("hyp,expected", [
    ("", ()),
    ("The envoy met the minister.", ((0, 4),)),
    ("The envoy met. The minister spoke at length!", ((0, 2), (3, 7))),
    ("One. Two. Three", ((0, 0), (1, 1), (2, 2))),
    ("A headline\nThe first line of text.", ((0, 1), (2, 6))),  # a line break ends a sentence
])
def test_sentences_are_word_ranges(fake_embedder, hyp, expected):
    assert view_of(fake_embedder, hyp, "The envoy met the minister.").sentences == expected


SEGMENT_FEATURES = ("position", "segment_length", "mean_match", "min_match")


def test_sentence_scope_describes_the_sentence_of_each_word(fake_embedder):
    ref = "The envoy met the minister. The minister spoke."
    view = view_of(fake_embedder, "The envoy met the minister. The president shouted loudly again.", ref)
    whole, by_sentence = word_features(view, "segment"), word_features(view, "sentence")
    col = {f: FEATURES.index(f) for f in SEGMENT_FEATURES}
    match = whole[:, FEATURES.index("match")]
    assert by_sentence[:, col["position"]].tolist() == pytest.approx([0, .2, .4, .6, .8, 0, .2, .4, .6, .8])
    assert by_sentence[:, col["segment_length"]].tolist() == pytest.approx([np.log(6) / 4] * 10)
    assert whole[:, col["segment_length"]].tolist() == pytest.approx([np.log(11) / 4] * 10)
    assert by_sentence[:5, col["mean_match"]] == pytest.approx(match[:5].mean())
    assert by_sentence[5:, col["min_match"]] == pytest.approx(match[5:].min())
    assert by_sentence[0, col["mean_match"]] > whole[0, col["mean_match"]]  # the first sentence is exact
    # the features of the word itself do not depend on the scope
    others = [k for k, f in enumerate(FEATURES) if f not in SEGMENT_FEATURES]
    assert np.array_equal(whole[:, others], by_sentence[:, others])


def test_one_sentence_scores_alike_in_both_scopes(fake_embedder):
    view = view_of(fake_embedder, "The envoy greeted the minister.", "The envoy met the minister.")
    assert np.array_equal(word_features(view, "segment"), word_features(view, "sentence"))


@pytest.mark.parametrize("stored,expected", [({}, "segment"), ({"scope": "sentence"}, "sentence")])
def test_a_word_model_reads_its_scope_and_calibrations_without_one_keep_theirs(stored, expected):
    assert WordRiskModel.from_dict({**WEAK_MATCH, **stored}).scope == expected


def test_the_detector_scores_with_its_models_scope(fake_embedder):
    # risk rises as the mean match of the word's scope falls: per sentence, only the second is at risk
    model = {"terms": ["mean_match"], "mean": [0.0], "scale": [1.0], "weights": [5.0, -8.0], "major_at": 0.5}
    hyp = "The envoy met the minister. The president shouted loudly again."
    ref = "The envoy met the minister. The minister spoke."
    flagged = {scope: [f.text for f in detect(view_of(fake_embedder, hyp, ref, model={**model, "scope": scope}))
                       if f.detector == "wordrisk"]
               for scope in ("segment", "sentence")}
    assert flagged == {"segment": [], "sentence": ["The president shouted loudly again"]}


BAD_MODELS = [
    ("unknown scope", {**WEAK_MATCH, "scope": "paragraph"}, "scope of segment or sentence, not 'paragraph'"),
    ("unknown feature", {**WEAK_MATCH, "terms": ["colour"]}, "unknown features: colour"),
    ("weights do not fit the terms", {**WEAK_MATCH, "weights": [1.0]}, "one mean, scale and weight per term"),
    ("cut-off above 1", {**WEAK_MATCH, "major_at": 1.5}, "0 <= major_at <= 1"),
    ("missing cut-off", {k: v for k, v in WEAK_MATCH.items() if k != "major_at"}, "word_model is incomplete"),
    ("minor cut-off above the major one", {**WEAK_MATCH, "minor_at": 0.6}, "0 <= minor_at <= major_at"),
]


@pytest.mark.parametrize("name,model,message", BAD_MODELS, ids=[b[0] for b in BAD_MODELS])
def test_bad_word_models_are_input_errors(tmp_path, name, model, message):
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"format_version": 1, "word_model": model}))
    with pytest.raises(InputError, match=message):
        read_calibration(path)


def test_packaged_calibration_has_a_word_model():
    model = default_calibration().risk_model
    assert isinstance(model, WordRiskModel)
    assert 0 < model.major_at < 1
    assert model.risk(np.zeros((2, len(FEATURES)))).shape == (2,)


@pytest.mark.parametrize("scores,expected", [
    ({0.08: 0.1945, 0.10: 0.1938, 0.12: 0.1893}, 0.10),  # 0.10 is within 1% of the best
    ({0.08: 0.20, 0.10: 0.19}, 0.08),  # 5% below the best: not on the plateau
    ({0.1: 0.2}, 0.1),
    ({0.1: 0.2, 0.2: 0.2, 0.3: 0.1}, 0.2),  # ties: the higher cut-off
])
def test_choose_cut_off(scores, expected):
    assert choose_cut_off(scores) == expected


@pytest.mark.parametrize("scores,expected", [
    ({None: 0.270, 0.0: 0.2735, 0.1: 0.275, 0.2: 0.271}, 0.0),  # flags below: the lowest on the plateau
    ({None: 0.250, 0.0: 0.260, 0.1: 0.275, 0.2: 0.271}, 0.1),
    ({None: 0.274, 0.0: 0.272, 0.1: 0.275}, None),  # off is on the plateau: fewest flags of all
])
def test_choose_cut_off_for_a_detector_that_flags_below(scores, expected):
    assert choose_cut_off(scores, flags_below=True) == expected


@pytest.mark.parametrize("scores,expected", [
    ({(0.18, 0.07): (0.2082, 5876), (0.20, 0.07): (0.2085, 6107), (0.10, None): (0.1980, 5479)}, (0.18, 0.07)),
    ({(0.10, None): (0.2000, 5000), (0.18, 0.07): (0.2010, 6000)}, (0.10, None)),  # both on the plateau
    ({(0.10, None): (0.1900, 5000), (0.18, 0.07): (0.2010, 6000)}, (0.18, 0.07)),  # 5% below the best
    ({(0.1, None): (0.20, 10), (0.2, None): (0.21, 10)}, (0.2, None)),  # equal flags: the better F1
])
def test_choose_fewest_flags(scores, expected):
    assert choose_fewest_flags(scores) == expected


def test_replacing_the_calibration_keeps_the_model_valid():
    cal = dataclasses.replace(default_calibration(), major_below=0.3)
    assert cal.risk_model == default_calibration().risk_model
