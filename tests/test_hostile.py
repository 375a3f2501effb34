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

from .conftest import SEED_REF

USAGE, INPUT = ExitCode.USAGE, ExitCode.INPUT
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
          + ']><martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>&i;</term></tig>'
          '</langSet></termEntry></body></text></martif>')
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


MORE = [
    ("a JSONL line that is a list", lambda d: ["check", write(d, "b.jsonl", "[1, 2]\n"), "--no-html"], INPUT, '{d}/b.jsonl:1: expected a JSON object, got list'),
    ("a JSONL record without hypothesis", lambda d: ["check", write(d, "b.jsonl", '{"reference": "b"}\n'), "--no-html"], INPUT, "{d}/b.jsonl:1: record has no 'hypothesis' field; every line needs one"),
    ("a JSONL hypothesis that is a number", lambda d: ["check", write(d, "b.jsonl", '{"hypothesis": 3, "reference": "b"}\n'), "--no-html"], INPUT, "{d}/b.jsonl:1: 'hypothesis' must be a string"),
    ("JSONL references that are not a list", lambda d: ["check", write(d, "b.jsonl", '{"hypothesis": "a", "references": "b"}\n'), "--no-html"], INPUT, "{d}/b.jsonl:1: 'references' must be a list of strings"),
    ("JSONL references all empty", lambda d: ["check", write(d, "b.jsonl", '{"hypothesis": "a", "references": ["", " "]}\n'), "--no-html"], INPUT, "{d}/b.jsonl:1: record's references are all empty"),
    ("a JSONL record without reference", lambda d: ["check", write(d, "b.jsonl", '{"hypothesis": "a"}\n'), "--no-html"], INPUT, "{d}/b.jsonl:1: record has neither 'reference' nor 'references'; add the reference translation"),
    ("a JSONL source that is a number", lambda d: ["check", write(d, "b.jsonl", '{"hypothesis": "a", "reference": "b", "source": 1}\n'), "--no-html"], INPUT, "{d}/b.jsonl:1: 'source' must be a string"),
    ("JSONL in UTF-16", lambda d: ["check", write(d, "b.jsonl", GOOD.encode("utf-16"), binary=True), "--no-html"], INPUT, '{d}/b.jsonl:1: is UTF-16; JSON Lines must be UTF-8: convert it, e.g. with iconv -f utf-16 -t utf-8'),
    ("JSONL in Latin-1", lambda d: ["check", write(d, "b.jsonl", GOOD.replace("talks", "caf\xe9").encode("latin-1"), binary=True), "--no-html"], INPUT, '{d}/b.jsonl:1: not valid UTF-8 (byte 0xe9 at column 35); convert the file to UTF-8, e.g. with iconv '),
    ("an empty JSONL file", lambda d: ["check", write(d, "b.jsonl", ""), "--no-html"], INPUT, '{d}/b.jsonl: file is empty; give a file with text in it'),
    ("a JSONL file of blank lines", lambda d: ["check", write(d, "b.jsonl", "\n \n\n"), "--no-html"], INPUT, '{d}/b.jsonl: file is empty; give a file with text in it'),
    ("a TSV without a hypothesis column", lambda d: ["check", write(d, "b.tsv", "mt\treference\na\tb\n"), "--no-html"], INPUT, "{d}/b.tsv:1: the header has no 'hypothesis' column; name the columns in the first line"),
    ("a TSV without a reference column", lambda d: ["check", write(d, "b.tsv", "hypothesis\tref\na\tb\n"), "--no-html"], INPUT, "{d}/b.tsv:1: the header has no 'reference' column; name one 'reference' (or 'reference1', 'reference"),
    ("a TSV row with a column too many", lambda d: ["check", write(d, "b.tsv", "hypothesis\treference\na\tb\tc\n"), "--no-html"], INPUT, '{d}/b.tsv:2: has 3 columns but the header has 2 (hypothesis, reference); separate the columns with o'),
    ("a TSV that is empty", lambda d: ["check", write(d, "b.tsv", ""), "--no-html"], INPUT, '{d}/b.tsv: file is empty; give a file with text in it'),
    ("a missing translation", lambda d: ["check", d / "none.txt", "-r", SEED_REF, "--no-html"], INPUT, '{d}/none.txt: file not found; check the path'),
    ("a missing reference", lambda d: ["check", write(d, "mt.txt", "A.\n"), "-r", d / "none.txt", "--no-html"], INPUT, '{d}/none.txt: file not found; check the path'),
    ("a folder of references without the file", lambda d: ["check", write(d, "mt.txt", "A.\n"), "-r", (d / "refs").mkdir() or d / "refs", "--no-html"], INPUT, '{d}/mt.txt: has no reference: {d}/refs/mt.txt does not exist'),
    ("a glob that matches nothing", lambda d: ["check", str(d / "*.nothing"), "--no-html"], INPUT, '{d}/*.nothing: matches no translation file'),
    ("a folder of translations without references", lambda d: [write(d, "t/a.txt", "A.\n") and "check", d / "t", "--no-html"], USAGE, '{d}/t/a.txt needs a reference; give --reference DIRECTORY'),
    ("an empty text file", lambda d: ["check", write(d, "mt.txt", " \n"), "-r", SEED_REF, "--no-html"], INPUT, '{d}/mt.txt: file is empty; give a file with text in it'),
    ("a text file in Latin-1", lambda d: ["check", write(d, "mt.txt", "caf\xe9\n".encode("latin-1"), binary=True), "-r", SEED_REF, "--no-html"], INPUT, '{d}/mt.txt:1: not valid UTF-8 (byte 0xe9 at column 4); convert the file to UTF-8, e.g. with iconv -f'),
    ("a missing source", lambda d: ["check", write(d, "mt.txt", "A.\n"), "-r", SEED_REF, "--source", d / "none.txt", "--no-html"], INPUT, '{d}/none.txt: file not found; check the path'),
    ("line-aligned files of unequal length", lambda d: ["check", write(d, "mt.txt", "A.\nB.\n"), "-r", write(d, "ref.txt", "A.\n"), "--line-aligned", "--no-html"], INPUT, '{d}/mt.txt:2: has 2 lines but {d}/ref.txt has 1; line-aligned mode needs one line per segment in eve'),
    ("a source of another length, line-aligned", lambda d: ["check", write(d, "mt.txt", "A.\nB.\n"), "-r", write(d, "ref.txt", "A.\nB.\n"), "--source", write(d, "src.txt", "A.\n"), "--line-aligned", "--no-html"], INPUT, '{d}/mt.txt:2: has 2 lines but source has 1; line-aligned mode needs one line per segment in every fi'),
    ("malformed XLIFF", lambda d: ["check", write(d, "mt.xlf", "<xliff><file>"), "-r", write(d, "ref.xlf", "<xliff/>"), "--no-html"], INPUT, '{d}/mt.xlf:1: cannot read as XLIFF: Premature end of data in tag file line 1, line 1, column 14 (<st'),
    ("malformed TMX", lambda d: ["check", write(d, "mt.tmx", "<tmx><body>"), "-r", write(d, "ref.tmx", "<tmx/>"), "--no-html"], INPUT, '{d}/mt.tmx:1: cannot read as TMX: Premature end of data in tag body line 1, line 1, column 12 (<stri'),
    ("malformed PO", lambda d: ["check", write(d, "mt.po", 'msgid "a"\nmsgstr "b\n'), "-r", write(d, "ref.po", 'msgid "a"\nmsgstr "b"\n'), "--no-html"], INPUT, '{d}/mt.po:2: cannot read as PO: end-of-line within string on line 2: \'msgstr "b\\n\''),
    ("malformed SRT", lambda d: ["check", write(d, "mt.srt", "1\nnot a time\nText\n"), "-r", write(d, "ref.srt", "1\n00:00:01,000 --> 00:00:02,000\nText\n"), "--no-html"], INPUT, '{d}/mt.srt:1: cannot read as SRT: this subtitle is malformed; each one needs its number, a timing li'),
    ("a JSONL batch with --reference", lambda d: ["check", write(d, "b.jsonl", GOOD), "-r", SEED_REF, "--no-html"], USAGE, 'a JSONL batch carries its own references; drop --reference'),
    ("a language without word frequencies", lambda d: ["check", write(d, "b.jsonl", GOOD), "--lang", "xx", "--no-html"], USAGE, "no word frequencies for language 'xx'; give --lang one of: ar, bg, bn, ca, cs, da, de, el, en, es, f"),
    ("a settings file with an unknown key", lambda d: ["check", write(d, "b.jsonl", GOOD), "--config", write(d, "m.toml", "colour = 1\n"), "--no-html"], USAGE, "{d}/m.toml:1: unknown setting 'colour'; known settings: calibration, fail-on, glossary, hints, lang, line-aligned"),
    ("a settings file with a wrong type", lambda d: ["check", write(d, "b.jsonl", GOOD), "--config", write(d, "m.toml", 'max-flags = "many"\n'), "--no-html"], USAGE, "{d}/m.toml:1: setting 'max-flags' must be a whole number, got 'many'"),
    ("a settings file that is not TOML", lambda d: ["check", write(d, "b.jsonl", GOOD), "--config", write(d, "m.toml", "= =\n"), "--no-html"], USAGE, '{d}/m.toml: invalid TOML: Invalid statement (at line 1, column 1)'),
    ("a settings file with an unknown severity", lambda d: ["check", write(d, "b.jsonl", GOOD), "--config", write(d, "m.toml", 'fail-on = "fatal"\n'), "--no-html"], USAGE, "{d}/m.toml:1: fail-on must be one of critical, major, minor, got 'fatal'"),
    ("a settings file with chrF out of range", lambda d: ["check", write(d, "b.jsonl", GOOD), "--config", write(d, "m.toml", "min-chrf = 200\n"), "--no-html"], USAGE, '{d}/m.toml:1: min-chrf must be between 0 and 100, got 200.0'),
    ("a glossary that is a folder", lambda d: ["check", write(d, "b.jsonl", GOOD), "--glossary", (d / "g").mkdir() or d / "g", "--no-html"], INPUT, "{d}/g: is a directory; give a glossary file"),
    ("a TBX glossary of nested entities (billion laughs)", lambda d: ["check", write(d, "b.jsonl", GOOD), "--glossary", write(d, "g.tbx", LAUGHS), "--no-html"], INPUT, "{d}/g.tbx:1: cannot read as TBX: Maximum entity amplification factor exceeded"),
    ("a glossary in Latin-1", lambda d: ["check", write(d, "b.jsonl", GOOD), "--glossary", write(d, "g.tsv", "term\nKi\xe9v\n".encode("latin-1"), binary=True), "--no-html"], INPUT, "{d}/g.tsv:2: not valid UTF-8 (byte 0xe9 at column 3); convert the file to UTF-8"),
    ("a decisions file that is not JSON", lambda d: ["check", write(d, "b.jsonl", GOOD), "--decisions", write(d, "d.json", "{oops"), "--no-html"], INPUT, '{d}/d.json:1: not JSON: Expecting property name enclosed in double quotes; give a file exported by t'),
    ("a decisions file of another format", lambda d: ["check", write(d, "b.jsonl", GOOD), "--decisions", write(d, "d.json", '{"format": "x"}'), "--no-html"], INPUT, "{d}/d.json: not an mtcheck decisions file (format 'mtcheck-decisions', version 1)"),
    ("a decision without a key", lambda d: ["check", write(d, "b.jsonl", GOOD), "--decisions", write(d, "d.json", '{"format": "mtcheck-decisions", "version": 1, "decisions": [{"decision": "dismissed"}]}'), "--no-html"], INPUT, "{d}/d.json: decision 1 needs a 'key' and a 'decision' of dismissed or confirmed"),
    ("a calibration of another format version", lambda d: ["check", write(d, "b.jsonl", GOOD), "--calibration", write(d, "c.json", '{"format_version": 9}'), "--no-html"], INPUT, '{d}/c.json: calibration format_version must be 1'),
    ("a calibration with major above minor", lambda d: ["check", write(d, "b.jsonl", GOOD), "--calibration", write(d, "c.json", '{"format_version": 1, "major_below": 0.9, "minor_below": 0.1}'), "--no-html"], INPUT, '{d}/c.json: invalid calibration: calibration needs 0 <= major_below <= minor_below <= 1'),
    ("--stream with --json", lambda d: ["check", write(d, "b.jsonl", GOOD), "--stream", d / "s.jsonl", "--json", d / "r.json"], USAGE, '--stream writes segments as they come; --html and --json need the whole run'),
    ("--stream of a text document without a reference", lambda d: ["check", write(d, "mt.txt", "A.\n"), "--stream", d / "s.jsonl"], USAGE, 'a document needs at least one --reference file, or a --glossary to check it against the house style alone'),
    ("compare on a file that is not JSON", lambda d: ["compare", write(d, "a.json", "{oops"), write(d, "b.json", "{}")], INPUT, '{d}/a.json:1: not JSON (line 1): Expecting property name enclosed in double quotes; give an mtcheck '),
    ("compare on a missing file", lambda d: ["compare", d / "none.json", write(d, "b.json", "{}")], INPUT, '{d}/none.json: file not found; check the path'),
    ("compare writing over its baseline", lambda d: ["compare", write(d, "a.json", "{}"), write(d, "b.json", "{}"), "--json", d / "a.json"], USAGE, 'output {d}/a.json is one of the input files; choose another path'),
]


def _snapshot(d: Path) -> dict:
    return {p: p.read_bytes() for p in d.rglob("*") if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("name,build,code,message", CASES + MORE, ids=[c[0] for c in CASES + MORE])
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


def test_a_tsv_cell_with_a_line_separator_stays_one_row(tmp_path, no_model):
    """U+2028, NEL and a form feed inside a cell are text: splitlines() would have made new rows."""
    from mtcheck.io.tsv import read_tsv

    batch = write(tmp_path, "b.tsv", "hypothesis\treference\nOne\u2028two\x85three\x0cfour.\tOne two three four.\n")
    [record] = read_tsv(batch)
    assert record.hypothesis == "One\u2028two\x85three\x0cfour." and record.line == 2


@pytest.mark.parametrize("names,expected", [
    (["story.txt"], "story.html"), (["mt.xlf"], "mt.xlf.html"), (["mt.po"], "mt.po.html"),
    (["notes.md"], "notes.html"), (["a.txt", "b.txt"], "mtcheck.html"),
])
def test_default_report_names_do_not_collide(tmp_path, names, expected):
    from mtcheck.cli_options import report_name

    paths = [write(tmp_path, name, "x\n") for name in names]
    assert f"{report_name(paths)}.html" == expected
