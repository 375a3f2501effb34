"""The gate and the CI outputs through the command line: exit codes, verdict, files."""
import json
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from mtcheck.cli import cli
from mtcheck.errors import ExitCode


@pytest.fixture
def work(tmp_path, monkeypatch, no_model):
    """Run in an empty directory holding one translation with a mangled name, and its reference."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hyp.txt").write_text("Then Ilon Musk spoke.\nThe weather is fine.\n")
    (tmp_path / "ref.txt").write_text("Then Elon Musk spoke.\nThe weather is fine.\n")
    return tmp_path


def mtcheck(*args):
    return CliRunner().invoke(cli, ["check", "hyp.txt", "-r", "ref.txt", "--no-html", *map(str, args)])


def test_gate_passes_with_exit_0(work):
    result = mtcheck("--fail-on", "critical")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.endswith("Gate: passed.\n")


def test_quality_gates_fail_with_exit_1_and_count_the_segments(work):
    data = json.loads(mtcheck("--json", "-", "-q").stdout)
    qualities = [s["scores"]["quality"] for s in data["documents"][0]["segments"]]
    mean = data["documents"][0]["corpus"]["quality"]
    assert qualities[0] < qualities[1] and mean == round(sum(qualities) / 2, 1)
    assert mtcheck("--min-quality", mean, "-q").exit_code == ExitCode.OK
    above = round(mean + 0.1, 1)
    result = mtcheck("--min-quality", above, "--min-segment-quality", qualities[1], "-q")
    assert result.exit_code == ExitCode.GATE_FAILED
    assert result.stdout == ""
    verdict = mtcheck("--min-quality", above, "--min-segment-quality", qualities[1]).stdout
    assert (f"  hyp.txt: min-quality: mean quality {mean:.1f} is 0.1 below the minimum {above:g}\n"
            f"  hyp.txt: min-segment-quality: 1 of 2 segment(s) below quality {qualities[1]:g}\n") in verdict
    assert f"hyp.txt:1 [s1] quality {qualities[0]:.1f}, penalty" in verdict


def test_gate_fails_with_exit_1_and_says_why(work):
    result = mtcheck("--fail-on", "major", "--max-flags", "0")
    assert result.exit_code == ExitCode.GATE_FAILED
    verdict = result.stdout[result.stdout.index("Gate: FAILED."):]
    assert re.fullmatch(
        r"Gate: FAILED\.\n"
        r"  hyp\.txt: fail-on: 1 flag\(s\) at or above major\n"
        r"  hyp\.txt: max-flags: 1 flags, 1 more than the maximum 0\n"
        r"  Worst segments:\n"
        r"    hyp\.txt:1 \[s1\] quality \d+\.\d, penalty \d+\.\d\d, 1 flag\(s\)\n", verdict)  # penalty: see test_calibration


def test_quiet_still_prints_a_failed_verdict_on_stderr(work):
    result = mtcheck("--fail-on", "major", "-q")
    assert (result.exit_code, result.stdout) == (ExitCode.GATE_FAILED, "")
    assert result.stderr.startswith("Gate: FAILED.\n")


def test_config_file_sets_the_gate_and_the_command_line_overrides_it(work):
    (work / "mtcheck.toml").write_text('fail-on = "major"\n')
    assert mtcheck().exit_code == ExitCode.GATE_FAILED
    assert mtcheck("--fail-on", "critical").exit_code == ExitCode.OK


def test_pyproject_table_is_read(work):
    (work / "pyproject.toml").write_text('[tool.mtcheck]\nmax-flags = 0\n')
    assert mtcheck().exit_code == ExitCode.GATE_FAILED


@pytest.mark.parametrize("args,message", [
    (["--max-flags", "-1"], "Invalid value for '--max-flags': -1 is not in the range x>=0."),
    (["--min-chrf", "120"], "Invalid value for '--min-chrf': 120.0 is not in the range 0<=x<=100."),
    (["--fail-on", "fatal"], "Invalid value for '--fail-on': 'fatal' is not one of 'critical', 'major', 'minor'."),
])
def test_out_of_range_options_are_usage_errors(work, args, message):
    result = mtcheck(*args)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr


def test_out_of_range_config_value_is_a_usage_error(work):
    (work / "mtcheck.toml").write_text("min-similarity = 3\n")
    result = mtcheck()
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (f"mtcheck: error: {work / 'mtcheck.toml'}:1: "
                             "min-similarity must be between -1 and 1, got 3.0\n")


def test_junit_markdown_json_and_annotations(work):
    result = mtcheck("--fail-on", "major", "--junit", "out.xml", "--markdown", "out.md",
                     "--json", "out.json", "--annotations", "github", "-q")
    assert result.exit_code == ExitCode.GATE_FAILED
    assert result.stdout == (
        "::warning file=hyp.txt,line=1,col=6,title=mtcheck major name-mismatch::"
        'name "Ilon" is spelled "Elon" in the reference\n')
    suite = ET.parse(work / "out.xml").getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("1", "1")
    failure = suite.find("testsuite/testcase/failure")
    assert failure.get("message") == "fail-on: 1 flag(s) at or above major"
    assert failure.text == 'hyp.txt:1:6: major name-mismatch: "Ilon" -> "Elon" (name "Ilon" is spelled "Elon" in the reference)'
    markdown = (work / "out.md").read_text()
    assert "**Gate: failed.**" in markdown and "| hyp.txt:1:6 | major | name-mismatch | Ilon | Elon |" in markdown
    gate = json.loads((work / "out.json").read_text())["gate"]
    assert gate["passed"] is False and gate["failures"][0]["check"] == "fail-on"


def test_junit_without_gate_passes_and_lists_flags(work):
    assert mtcheck("--junit", "out.xml", "-q").exit_code == ExitCode.OK
    suite = ET.parse(work / "out.xml").getroot()
    assert suite.get("failures") == "0"
    assert "Ilon" in suite.find("testsuite/testcase/system-out").text
