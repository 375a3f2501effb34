"""Comparing two runs: deltas with intervals, new and fixed flags, the regression gate."""
import json

import pytest
from click.testing import CliRunner

from mtcheck.cli import cli
from mtcheck.compare import compare, regressions, render_comparison
from mtcheck.errors import ExitCode, UsageError
from mtcheck.io import Record
from mtcheck.run import check_records

REFS = ["Then Elon Musk spoke.", "The weather is fine today.", "Prices rose by ten percent.",
        "The minister resigned on Monday."]


def result(hyps, fake_embedder):
    records = [Record(str(i), h, (r,)) for i, (h, r) in enumerate(zip(hyps, REFS))]
    return json.loads(json.dumps(check_records(records, embedder=fake_embedder).to_dict()))


@pytest.fixture
def runs(fake_embedder):
    good = result(REFS, fake_embedder)
    bad = result(["Then Ilon Musk spoke.", "The weather is fine today.", "Costs fell by ten points.",
                  "The minister resigned on Monday."], fake_embedder)
    return good, bad


def test_deltas_and_flags(runs):
    good, bad = runs
    c = compare(good, bad, n_samples=200)
    by_name = {m.name: m for m in c.metrics}
    assert [m.name for m in c.metrics] == ["quality", "BLEU", "chrF", "similarity", "penalty"]
    assert by_name["quality"].delta < 0 and by_name["quality"].regressed_by == -by_name["quality"].delta
    assert by_name["chrF"].baseline == pytest.approx(100.0) and by_name["chrF"].delta < 0
    assert by_name["chrF"].ci_low <= by_name["chrF"].delta <= by_name["chrF"].ci_high
    assert by_name["penalty"].delta > 0 and by_name["penalty"].regressed_by == by_name["penalty"].delta
    assert [(f.segment, f.text) for f in c.new_flags][:1] == [("0", "Ilon")]
    assert c.fixed_flags == ()
    back = compare(bad, good, n_samples=200)
    assert [(f.segment, f.text) for f in back.fixed_flags][:1] == [("0", "Ilon")]


def test_runs_without_a_quality_compare_the_rest(runs):
    good, bad = runs
    for run in (good, bad):  # as written under a calibration without a quality model
        for doc in run["documents"]:
            for seg in doc["segments"]:
                del seg["scores"]["quality"]
    assert [m.name for m in compare(good, bad, n_samples=200).metrics] == ["BLEU", "chrF", "similarity", "penalty"]


def test_identical_runs_change_nothing(runs):
    good, _ = runs
    c = compare(good, good, n_samples=200)
    assert all(m.delta == 0 and m.p_value == 1.0 for m in c.metrics)
    assert regressions(c, 0.0) == []


@pytest.mark.parametrize("allowed,failing", [(0.0, ["quality", "BLEU", "chrF"]), (100.0, [])])
def test_regression_gate(runs, allowed, failing):
    good, bad = runs
    failed = regressions(compare(good, bad, n_samples=200), allowed)
    assert [r.split()[0] for r in failed] == failing


def test_same_setup_has_no_caveat(runs):
    good, bad = runs
    assert compare(good, bad, n_samples=200).caveats == ()


@pytest.mark.parametrize("key,expected", [
    ("calibration", "the runs differ in calibration: old (baseline) against new (current); "
     "quality, penalty and flags change with it, not only with the translations"),
    ("signature", "the runs differ in set-up (model, language, alignment): old (baseline) against new "
     "(current); quality, similarity, penalty and flags change with it, not only with the translations"),
])
def test_runs_with_different_setups_say_so(runs, key, expected):
    good, bad = runs
    good["meta"][key], bad["meta"][key] = "old", "new"
    c = compare(good, bad, n_samples=200)
    assert c.caveats == (expected,)
    assert f"\nNote: {c.caveats[0]}\n" in render_comparison(c)
    assert c.to_dict()["caveats"] == list(c.caveats)


def test_different_inputs_cannot_be_compared(runs):
    good, bad = runs
    bad["documents"][0]["segments"].pop()
    with pytest.raises(UsageError, match="do not cover the same segments"):
        compare(good, bad)


def test_cli_exit_codes(runs, tmp_path):
    good, bad = runs
    (tmp_path / "a.json").write_text(json.dumps(good))
    (tmp_path / "b.json").write_text(json.dumps(bad))
    (tmp_path / "junk.json").write_text("{]")
    invoke = lambda *a: CliRunner().invoke(cli, ["compare", *map(str, a)])  # noqa: E731
    ok = invoke(tmp_path / "b.json", tmp_path / "a.json", "--max-regression", "1")
    assert ok.exit_code == ExitCode.OK and ok.stdout.endswith("Regression gate: passed.\n")
    worse = invoke(tmp_path / "a.json", tmp_path / "b.json", "--max-regression", "1", "-q")
    assert worse.exit_code == ExitCode.GATE_FAILED and worse.stdout == ""
    assert worse.stderr.startswith("Regression gate: FAILED.\n  quality fell by ")
    junk = invoke(tmp_path / "a.json", tmp_path / "junk.json")
    assert junk.exit_code == ExitCode.INPUT
    assert junk.stderr == (f"mtcheck: error: {tmp_path / 'junk.json'}:1: not JSON (line 1): "
                           "Expecting property name enclosed in double quotes; give an mtcheck --json result\n")
    as_json = invoke(tmp_path / "a.json", tmp_path / "b.json", "--json", "-")
    assert json.loads(as_json.stdout)["segments"] == 4
