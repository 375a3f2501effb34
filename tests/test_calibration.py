"""The calibration file: read and validated, honoured by the detectors, used for the penalty."""
import dataclasses
import json

import pytest

from mtcheck.calibration import PACKAGED, Calibration, default_calibration, load_calibration, read_calibration
from mtcheck.detect import build_view, detect
from mtcheck.errors import InputError
from mtcheck.results import Flag, Severity


def test_packaged_calibration_round_trips(tmp_path):
    cal = default_calibration()
    path = tmp_path / "c.json"
    path.write_text(cal.to_json())
    assert read_calibration(path) == cal


@pytest.mark.parametrize("fitted_for,run_model,warned", [
    ("", "anything", False),                                  # a file that names no model
    ("m@pkg==1", "m@pkg==1", False),
    ("m@pkg==1", "/models/all-mpnet-base-v2", True),
    ("m@pkg==1", "m@pkg==2", True),                           # another release of it
])
def test_model_warning(fitted_for, run_model, warned):
    warning = dataclasses.replace(default_calibration(), model=fitted_for).model_warning(run_model)
    assert (warning is not None) == warned
    if warned:
        assert f"for the model {fitted_for}, not {run_model};" in warning


def test_packaged_calibration_names_the_packaged_model():
    from mtcheck.embed import default_model_path

    assert default_calibration().model == default_model_path()[1]


@pytest.mark.parametrize("where,id_starts", [
    (None, "mqm-zhen-fit-"),
    ("default", "mqm-zhen-fit-"),
    ("news", "heen-news-dev-fit-"),
])
def test_packaged_calibrations_by_name(where, id_starts):
    assert load_calibration(where).id.startswith(id_starts)


def test_a_file_is_read_as_a_file(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(dataclasses.replace(default_calibration(), id="mine").to_json())
    assert load_calibration(path).id == load_calibration(str(path)).id == "mine"


def test_a_name_that_is_no_packaged_calibration_is_a_missing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        load_calibration("nws")
    assert str(caught.value) == ("nws: cannot read calibration: No such file or directory; give a calibration "
                                 "file, or a packaged one by name: default, news")


@pytest.mark.parametrize("name", sorted(set(PACKAGED) - {"default"}))
def test_packaged_calibrations_raise_the_default_flags(name):
    # only the quality score may differ: a packaged name must not change which flags are raised
    ours, default = dataclasses.asdict(load_calibration(name)), dataclasses.asdict(default_calibration())
    differing = {key for key in default if ours[key] != default[key]}
    assert differing == {"id", "quality"}


BAD = [
    ("not json", "{", "cannot read calibration"),
    ("old format", json.dumps({"format_version": 0}), "format_version must be 1"),
    ("unknown key", json.dumps({"format_version": 1, "colour": "red"}), "invalid calibration"),
    ("cut-offs reversed", json.dumps({"format_version": 1, "major_below": 0.6, "minor_below": 0.5}),
     "major_below <= minor_below"),
    ("confidence map short", json.dumps({"format_version": 1, "confidence_maps": {"wordrisk": [0.1, 0.2]}}),
     r"invalid calibration: confidence_maps\['wordrisk'\] must be \[intercept, slope, per_word\]"),
]


@pytest.mark.parametrize("name,text,message", BAD, ids=[b[0] for b in BAD])
def test_bad_calibration_files(tmp_path, name, text, message):
    path = tmp_path / "c.json"
    path.write_text(text)
    with pytest.raises(InputError, match=message):
        read_calibration(path)


@pytest.mark.parametrize("flags,similarity,expected", [
    ((), 1.0, 0.0),
    ((), 0.25, 0.75),
    (((Severity.MAJOR, 0.5, "x"),), 1.0, 2.5),
    (((Severity.CRITICAL, 1.0, "x"), (Severity.MINOR, 0.5, "x")), 0.5, 10 + 0.5 + 0.5),
    (((Severity.MAJOR, 0.5, "called himself criticism"),), 1.0, 3 * 2.5),  # weighed by words
    (((Severity.MINOR, 1.0, "«"),), 1.0, 1.0),  # one word at least
])
def test_penalty(flags, similarity, expected):
    made = [Flag(0, len(text), text, sev, "k", "m", conf) for sev, conf, text in flags]
    cal = Calibration()
    assert cal.penalty(made, similarity) == pytest.approx(expected)


def test_detectors_honour_the_cut_offs(fake_embedder):
    hyp, ref = "The cat sat.", "The dog sat."
    view = build_view(hyp, (ref,), *fake_embedder.encode([hyp, ref])[:1], fake_embedder.encode([ref]))
    assert [f.text for f in detect(view)] == ["cat"]
    sim = view.matches[1].similarity
    assert 0 < sim < 0.4  # the fake embedder's cosine of "cat" and "dog"
    at = dataclasses.replace(view, calibration=Calibration(major_below=sim, minor_below=sim))
    assert detect(at) == ()  # a match exactly at the cut-off is not flagged
    minor = dataclasses.replace(view, calibration=Calibration(major_below=sim, minor_below=sim + 0.01))
    assert [f.severity for f in detect(minor)] == [Severity.MINOR]
