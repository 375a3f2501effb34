"""Hostile and malformed inputs, through the command line: each gets its documented exit code,
one line on stderr naming the file (and line) and what to do, no traceback, and no file written
or changed.

Each case builds its files in a fresh folder and returns the arguments; the files there before
the run must be there, unchanged, after it, and nothing else.
"""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtcheck.cli import cli
from mtcheck.errors import ExitCode

from .conftest import SEED, SEED_REF

USAGE, INPUT = ExitCode.USAGE, ExitCode.INPUT
GOOD = '{"id": "1", "hypothesis": "The talks went well.", "reference": "The talks went well."}\n'


def write(d: Path, name: str, content, binary=False) -> Path:
    path = d / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content) if binary else path.write_text(content, encoding="utf-8")
    return path


def _symlink_loop(d):
    (d / "loop.txt").symlink_to(d / "loop.txt")
    return ["check", d / "loop.txt", "-r", SEED_REF, "--no-html"]


def _huge_id(d):
    return ["check", write(d, "b.jsonl", '{"id": ' + "9" * 5000 + ', "hypothesis": "a", "reference": "b"}\n'),
            "--no-html"]


def _surrogate(d):
    return ["check", write(d, "b.jsonl", '{"id": "1", "hypothesis": "a \\ud800 b", "reference": "b"}\n'), "--no-html"]


def _translations_dir(d):
    write(d, "trans/a.txt", "One sentence.\n")
    write(d, "refs/a.txt", "One sentence.\n")
    return ["check", d / "trans", "-r", d / "refs", "--json", d / "trans" / "a.txt", "--no-html"]


def _glob(d):
    write(d, "trans/a.txt", "One sentence.\n")
    write(d, "trans/b.txt", "Two sentence.\n")
    write(d, "refs/a.txt", "One sentence.\n")
    write(d, "refs/b.txt", "Two sentence.\n")
    return ["check", str(d / "trans" / "*.txt"), "-r", d / "refs", "--markdown", d / "trans" / "b.txt", "--no-html"]


def _decisions_out(d):
    decisions = write(d, "d.json", json.dumps({"format": "mtcheck-decisions", "version": 1, "decisions": []}))
    return ["check", write(d, "b.jsonl", GOOD), "--decisions", decisions, "--json", decisions, "--no-html"]


def _calibration_out(d):
    from mtcheck.calibration import default_calibration

    calibration = write(d, "c.json", default_calibration().to_json())
    return ["check", write(d, "b.jsonl", GOOD), "--calibration", calibration, "--json", calibration, "--no-html"]


def _config_out(d):
    config = write(d, "cfg.toml", "min-chrf = 10\n")
    return ["check", write(d, "b.jsonl", GOOD), "--config", config, "--markdown", config, "--no-html"]


def _same_output_twice(d):
    return ["check", write(d, "b.jsonl", GOOD), "--json", d / "r.json", "--markdown", d / "r.json", "--no-html"]


def _read_only_dir(d):
    locked = d / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return ["check", write(d, "b.jsonl", GOOD), "--json", locked / "out.json", "--no-html"]


def _output_under_a_file(d):
    file = write(d, "file.txt", "x")
    return ["check", write(d, "b.jsonl", GOOD), "--json", file / "out.json", "--no-html"]


XLIFF_WITHOUT_IDS = b"""<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="doc.txt" source-language="he"
 target-language="en" datatype="plaintext"><body>
<trans-unit><source>a</source><target>One.</target></trans-unit>
<trans-unit><source>b</source><target>Two.</target></trans-unit>
</body></file></xliff>
"""


CASES = [
    # name, build(folder) -> args, exit code, message (after "mtcheck: error: "), with {d} the folder
    ("a symbolic link loop as the translation", _symlink_loop, INPUT,
     "{d}/loop.txt: is a loop of symbolic links; give the file itself"),
    ("a JSONL id of 5,000 digits", _huge_id, INPUT, "{d}/b.jsonl:1: JSON that cannot be read "),
    ("a JSONL text with an unpaired surrogate", _surrogate, INPUT,
     "{d}/b.jsonl:1: hypothesis holds an unpaired surrogate ('\\ud800'), which is no character; "
     "fix the \\u escape in the JSON"),
    ("a JSONL id that is null", lambda d: ["check", write(d, "b.jsonl", '{"id": null, "hypothesis": "a", '
                                                          '"reference": "b"}\n'), "--no-html"],
     INPUT, "{d}/b.jsonl:1: 'id' must be a string or a whole number"),
    ("a JSONL id that is an object", lambda d: ["check", write(d, "b.jsonl", '{"id": {"a": [1]}, "hypothesis": '
                                                               '"a", "reference": "b"}\n'), "--no-html"],
     INPUT, "{d}/b.jsonl:1: 'id' must be a string or a whole number"),
    ("JSON nested ten thousand deep", lambda d: ["check", write(d, "b.jsonl", "[" * 10000 + "]" * 10000 + "\n"),
                                                 "--no-html"], INPUT, "{d}/b.jsonl:1: JSON that cannot be read"),
    ("--json into a read-only folder", _read_only_dir, USAGE,
     "{d}/locked/out.json: cannot write here: Permission denied; choose another output path"),
    ("--json under a file", _output_under_a_file, USAGE,
     "{d}/file.txt/out.json: cannot write here: a folder on its path is a file; choose another output path"),
    ("a decisions file whose decisions are a number",
     lambda d: ["check", write(d, "b.jsonl", GOOD), "--no-html", "--decisions",
                write(d, "d.json", '{"format": "mtcheck-decisions", "version": 1, "decisions": 3}')],
     INPUT, "{d}/d.json: 'decisions' must be a list of decisions; give a file exported by the report"),
    ("a decisions file whose decisions are null",
     lambda d: ["check", write(d, "b.jsonl", GOOD), "--no-html", "--decisions",
                write(d, "d.json", '{"format": "mtcheck-decisions", "version": 1, "decisions": null}')],
     INPUT, "{d}/d.json: 'decisions' must be a list of decisions; give a file exported by the report"),
    ("a calibration file that is a JSON list",
     lambda d: ["check", write(d, "b.jsonl", GOOD), "--no-html", "--calibration", write(d, "c.json", "[1, 2]")],
     INPUT, "{d}/c.json: a calibration file holds a JSON object; give one written by mtcheck calibrate"),
    ("a calibration file with words for severity weights",
     lambda d: ["check", write(d, "b.jsonl", GOOD), "--no-html", "--calibration",
                write(d, "c.json", json.dumps({"format_version": 1, "severity_weights":
                                               {"critical": "ten", "major": 5, "minor": 1}}))],
     INPUT, "{d}/c.json: invalid calibration: severity_weights must give a number for each of critical, major "
            "and minor"),
    ("a calibration file that is not UTF-8",
     lambda d: ["check", write(d, "b.jsonl", GOOD), "--no-html", "--calibration",
                write(d, "c.json", b'{"id": "caf\xe9"}', binary=True)],
     INPUT, "{d}/c.json: cannot read calibration: not UTF-8; give a calibration file written by mtcheck calibrate"),
    ("pyproject.toml whose tool is a string",
     lambda d: ["check", write(d, "b.jsonl", GOOD), "--no-html", "--config",
                write(d, "pyproject.toml", 'tool = "x"\n[project]\nname = "p"\n')],
     USAGE, "{d}/pyproject.toml:1: [tool.mtcheck] must be a table of settings"),
    ("a translation directory with --json inside it", _translations_dir, USAGE,
     "output {d}/trans/a.txt is one of the input files; choose another path"),
    ("a glob with --markdown on one of its files", _glob, USAGE,
     "output {d}/trans/b.txt is one of the input files; choose another path"),
    ("--json over the decisions file", _decisions_out, USAGE,
     "output {d}/d.json is one of the input files; choose another path"),
    ("--json over the calibration file", _calibration_out, USAGE,
     "output {d}/c.json is one of the input files; choose another path"),
    ("--markdown over the settings file", _config_out, USAGE,
     "output {d}/cfg.toml is one of the input files; choose another path"),
    ("one path for two reports", _same_output_twice, USAGE,
     "output {d}/r.json is named twice; give each report its own path"),
    ("--html with --no-html", lambda d: ["check", write(d, "b.jsonl", GOOD), "--html", d / "x.html", "--no-html"],
     USAGE, "--html and --no-html contradict each other; give one of them"),
    ("a TSV with a header only", lambda d: ["check", write(d, "b.tsv", "hypothesis\treference\n"), "--no-html"],
     INPUT, "{d}/b.tsv:2: has a header but no rows; give one row per segment below it"),
    ("XLIFF units without ids", lambda d: ["check", write(d, "mt.xlf", XLIFF_WITHOUT_IDS, binary=True), "-r",
                                           write(d, "ref.xlf", XLIFF_WITHOUT_IDS, binary=True), "--no-html"],
     INPUT, "{d}/mt.xlf:5: unit id 'doc.txt::' is used lines 4 and 5; units are paired with the reference's by id, "
            "so give each unit an id of its own"),
    ("UTF-16 without a byte-order mark", lambda d: ["check", write(d, "mt.txt", "One sentence.\n".encode("utf-16-le"),
                                                                 binary=True), "-r", SEED_REF, "--no-html"],
     INPUT, "{d}/mt.txt:1: holds NUL characters: is it UTF-16 without a byte-order mark? Save it as UTF-8"),
    ("compare on results without documents",
     lambda d: ["compare", write(d, "a.json", '{"schema_version": "1.0"}'), write(d, "b.json", '{"schema_version": "1.0"}')],
     INPUT, "{d}/a.json: an mtcheck result needs its 'meta', 'corpus' and 'documents' with their segments, as "
            "--json writes them; give an unedited --json result"),
]


def _snapshot(d: Path) -> dict:
    return {p: p.read_bytes() for p in d.rglob("*") if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("name,build,code,message", CASES, ids=[c[0] for c in CASES])
def test_hostile_input(name, build, code, message, tmp_path, no_model, monkeypatch):
    if name == "--json into a read-only folder" and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    monkeypatch.chdir(tmp_path)  # no settings file of the checkout's
    args = [str(a) for a in build(tmp_path)]
    before = _snapshot(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, (name, result.stderr, result.exception)
    expected = "mtcheck: error: " + message.format(d=tmp_path)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), (name, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert _snapshot(tmp_path) == before, name  # nothing written, nothing changed


HOSTILE_TEXT = ("Then \x1b]0;pwned\x07Ilon <img src=x onerror=alert(1)> [x](javascript:alert(1)) spoke.\n"
                "::error file=a.txt::injected")


def test_translated_text_cannot_reach_the_terminal_ci_log_or_markdown_raw(tmp_path, no_model):
    batch = write(tmp_path, "b.jsonl", json.dumps({"id": "<script>x</script>", "hypothesis": HOSTILE_TEXT,
                                                   "reference": "Then Elon spoke. All is well."}) + "\n")
    result = CliRunner().invoke(cli, ["check", str(batch), "--markdown", str(tmp_path / "s.md"), "--no-html",
                                      "--annotations", "github"])
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    # the only lines that start a workflow command are mtcheck's own annotations
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert commands and all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in commands)
    assert all("::error file=a.txt" not in line.split("::", 2)[1] for line in commands)
    markdown = (tmp_path / "s.md").read_text()
    for raw in ("<img", "<script", "[x](javascript:", "\x1b"):
        assert raw not in markdown
