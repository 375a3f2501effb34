"""The glossary on the command line: with and without a reference, in every output, as settings."""
import json

import pytest

from mtcheck.errors import ExitCode

from .conftest import ROOT, SEED, SEED_REF

SEED_GLOSSARY = ROOT / "reference" / "000_5d07a7fcc0fe4e21.glossary.tsv"


def test_a_document_without_a_reference_is_checked_against_the_glossary(run, tmp_path):
    out = tmp_path / "r.json"
    result = run("check", SEED, "--glossary", SEED_GLOSSARY, "--json", out, "--no-html")
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.startswith(f"{SEED} (no reference)\n  11 segments | no scores without a reference | ")
    assert "  note: no reference: only the checks that need none ran" in result.stdout
    data = json.loads(out.read_text())
    [doc] = data["documents"]
    assert doc["corpus"] == {} and data["corpus"] == {}  # absent, not zero
    assert all(list(s["scores"]) == ["penalty"] for s in doc["segments"])
    assert doc["notes"][0].startswith("no reference: only the checks that need none ran")
    kinds = {f["kind"] for s in doc["segments"] for f in s["flags"]}
    assert kinds == {"house-style"}  # "prutestry" too: the glossary's "special envoy" garbled
    assert data["meta"]["glossary"] == [{"path": str(SEED_GLOSSARY), "sha256": data["meta"]["glossary"][0]["sha256"]}]
    assert f"|glossary:{SEED_GLOSSARY.name}@" in data["meta"]["signature"]


def test_every_output_says_which_checks_did_not_run(run, tmp_path):
    md, xml, html = tmp_path / "r.md", tmp_path / "r.xml", tmp_path / "r.html"
    result = run("check", SEED, "--glossary", SEED_GLOSSARY, "--markdown", md, "--junit", xml, "--html", html,
                 "--annotations", "github")
    assert result.exit_code == ExitCode.OK, result.output
    said = "no reference: only the checks that need none ran"
    assert "no scores without a reference" in md.read_text() and said in md.read_text()
    assert said in xml.read_text()
    assert f"::notice file={SEED},title=mtcheck note::{said}" in result.stdout
    page = html.read_text()
    assert said in page and "no scores without a reference" in page and "Histogram" not in page
    assert "House style: <q>Steve Witkoff</q>" in page
    assert '<option value="house-style">house-style</option>' in page  # its own kind, filterable


@pytest.mark.parametrize("gate", [["--min-chrf", "50"], ["--min-similarity", "0.5"], ["--min-quality", "50"],
                                  ["--min-segment-quality", "50"]])
def test_score_thresholds_need_a_reference(run, tmp_path, gate):
    result = run("check", SEED, "--glossary", SEED_GLOSSARY, "--no-html", *gate)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (f"mtcheck: error: {gate[0]} needs a reference to compare with, and a "
                             "document checked with a glossary alone has none; give --reference, or gate on "
                             "flags (--fail-on, --max-flags)\n")


def test_a_flag_gate_works_without_a_reference(run):
    result = run("check", SEED, "--glossary", SEED_GLOSSARY, "--no-html", "--fail-on", "major", "-q")
    assert result.exit_code == ExitCode.GATE_FAILED


def test_a_malformed_glossary_names_its_line(run, tmp_path):
    bad = tmp_path / "house.tsv"
    bad.write_text("term\tnote\nKyiv\tx\ty\n", encoding="utf-8")
    result = run("check", SEED, "-r", SEED_REF, "--glossary", bad, "--no-html")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == (f"mtcheck: error: {bad}:2: has 3 columns but the header has 2; keep tabs out of "
                             "terms\n")


def test_an_output_never_overwrites_the_glossary(run, tmp_path):
    glossary = tmp_path / "house.tsv"
    glossary.write_text("term\nKyiv\n", encoding="utf-8")
    result = run("check", SEED, "-r", SEED_REF, "--glossary", glossary, "--no-html", "--json", glossary)
    assert result.exit_code == ExitCode.USAGE
    assert glossary.read_text(encoding="utf-8") == "term\nKyiv\n"


@pytest.mark.parametrize("setting", ['glossary = "house.tsv"', 'glossary = ["house.tsv"]'])
def test_a_glossary_set_in_mtcheck_toml_is_read_relative_to_it(run, tmp_path, setting):
    (tmp_path / "house.tsv").write_text("term\tforbidden\nenvoy\tmessenger\n", encoding="utf-8")
    config = tmp_path / "mtcheck.toml"
    config.write_text(setting + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = run("check", SEED, "--config", config, "--json", out, "--no-html")
    assert result.exit_code == ExitCode.OK, result.output
    flags = [f for d in json.loads(out.read_text())["documents"] for s in d["segments"] for f in s["flags"]]
    assert [(f["text"], f["suggestion"]) for f in flags if f["kind"] == "house-style"] == [
        ("Messenger", "envoy"), ("Messenger", "envoy")]


def test_a_glossary_setting_of_the_wrong_type_names_its_line(run, tmp_path):
    config = tmp_path / "mtcheck.toml"
    config.write_text("lang = 'en'\nglossary = 3\n", encoding="utf-8")
    result = run("check", SEED, "--config", config, "--no-html")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (f"mtcheck: error: {config}:2: setting 'glossary' must be a path or a list of paths, "
                             "got 3\n")


def test_source_terms_missing_from_a_batch_segment(run, tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "1", "hypothesis": "The head of the fund spoke.",
                                 "reference": "Kirill Dmitriev spoke.", "source": "Кирилл Дмитриев выступил."},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text("term\tsource\nKirill Dmitriev\tКирилл Дмитриев\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = run("check", batch, "--glossary", glossary, "--json", out, "--no-html")
    assert result.exit_code == ExitCode.OK, result.output
    [segment] = json.loads(out.read_text())["documents"][0]["segments"]
    house = [f for f in segment["flags"] if f["kind"] == "house-style"]
    assert [(f["start"], f["end"], f["severity"], f["suggestion"]) for f in house] == [(0, 27, "major", "Kirill Dmitriev")]
    assert house[0]["message"].startswith('the source has "Кирилл Дмитриев", which the house style renders')


STORY = "Talks in Kiev\nThe head of the fund spoke to reporters on Monday.\nHe said the talks went well.\n"
STORY_SOURCE = "Переговоры в Киеве\nКирилл Дмитриев выступил перед журналистами.\nОн сказал, что всё хорошо.\n"
RU_GLOSSARY = "term\tsource\tforbidden\nKirill Dmitriev\tКирилл Дмитриев\t\nKyiv\tКиеве\tKiev\n"


@pytest.mark.parametrize("with_reference", [False, True])
def test_a_document_source_term_missing_is_flagged_where_the_source_has_it(run, tmp_path, with_reference):
    story, source, glossary, out = (tmp_path / n for n in ("story.txt", "source.txt", "g.tsv", "r.json"))
    story.write_text(STORY, encoding="utf-8")
    source.write_text(STORY_SOURCE, encoding="utf-8")
    glossary.write_text(RU_GLOSSARY, encoding="utf-8")
    reference = tmp_path / "ref.txt"
    reference.write_text("Talks in Kyiv\nKirill Dmitriev spoke to reporters on Monday.\nHe said the talks had gone "
                         "well.\n", encoding="utf-8")
    refs = ["-r", reference] if with_reference else []
    result = run("check", story, *refs, "--source", source, "--glossary", glossary, "--json", out, "--no-html")
    assert result.exit_code == ExitCode.OK, result.output
    house = [(s["line"], f["text"], f["suggestion"]) for d in json.loads(out.read_text())["documents"]
             for s in d["segments"] for f in s["flags"] if f["kind"] == "house-style"]
    assert sorted(house) == [(1, "Kiev", "Kyiv"),
                             (2, "The head of the fund spoke to reporters on Monday.", "Kirill Dmitriev")]


def test_house_style_stands_in_a_sentence_without_a_counterpart(run, tmp_path):
    story, reference, glossary, out = (tmp_path / n for n in ("story.txt", "ref.txt", "g.tsv", "r.json"))
    story.write_text("Talks in Kiev went well.\nThe weather in Kiev was mild and sunny all week.\n", encoding="utf-8")
    reference.write_text("Talks in Kyiv went well.\n", encoding="utf-8")
    glossary.write_text(RU_GLOSSARY, encoding="utf-8")
    result = run("check", story, "-r", reference, "--glossary", glossary, "--json", out, "--no-html")
    assert result.exit_code == ExitCode.OK, result.output
    flags = [(s["line"], f["kind"], f["text"]) for d in json.loads(out.read_text())["documents"]
             for s in d["segments"] for f in s["flags"]]
    assert (2, "unaligned", "The weather in Kiev was mild and sunny all week.") in flags
    assert [f for f in flags if f[1] == "house-style"] == [(1, "house-style", "Kiev"), (2, "house-style", "Kiev")]
