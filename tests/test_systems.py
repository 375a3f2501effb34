"""Batches of several MT systems: each system's figures, from its own corpus statistics."""
import json

import pytest
from click.testing import CliRunner

from mtcheck.cli import cli
from mtcheck.errors import ExitCode
from mtcheck.metrics import LexicalMetrics, StatisticsSum
from mtcheck.run import check
from mtcheck.stream import check_stream
from mtcheck.tally import DocumentTally
from mtcheck.results import Flag, Scores, SegmentResult, Severity

M, m = Severity.MAJOR, Severity.MINOR


def segment(system, penalty, severities=(), similarity=0.9):
    """Return a checked segment of a system (None: a record without one)."""
    flags = tuple(Flag(0, 1, "x", sev, "mistranslation", "", 0.5) for sev in severities)
    extra = {} if system is None else {"system": system}
    return SegmentResult(id="r", hypothesis="x", references=("y",), extra=extra,
                         scores=Scores(50.0, 40.0, similarity, similarity, penalty=penalty), flags=flags)


@pytest.mark.parametrize("case,segments,expected", [
    ("one system names no systems", [("A", 1.0, [])], []),
    ("records without a system are no second system", [(None, 1.0, []), (None, 3.0, [M])], []),
    ("lowest mean penalty first; counts by severity",
     [("B", 4.0, [M]), ("A", 1.0, [m]), ("B", 2.0, [M, m]), ("A", 0.0, [])],
     [("A", 2, 0.5, {"critical": 0, "major": 0, "minor": 1}),
      ("B", 2, 3.0, {"critical": 0, "major": 2, "minor": 1})]),
    ("records without a system form their own group",
     [("A", 2.0, []), (None, 1.0, [])],
     [("(no system)", 1, 1.0, {"critical": 0, "major": 0, "minor": 0}),
      ("A", 1, 2.0, {"critical": 0, "major": 0, "minor": 0})]),
    ("equal penalties in name order", [("b", 1.0, []), ("a", 1.0, [])],
     [("a", 1, 1.0, {"critical": 0, "major": 0, "minor": 0}),
      ("b", 1, 1.0, {"critical": 0, "major": 0, "minor": 0})]),
])
def test_tally(case, segments, expected):
    metrics = LexicalMetrics()
    tally = DocumentTally()
    for k, (system, penalty, severities) in enumerate(segments):
        tally.add(segment(system, penalty, severities, similarity=k), metrics.statistics("x", ("y",)))
    results = tally.system_results(metrics)
    assert [(r.name, r.segments, r.penalty, dict(r.flag_counts)) for r in results] == expected
    # each system's corpus scores come from its own segments: here, their mean similarity
    means = {}
    for k, (system, _, _) in enumerate(segments):
        means.setdefault(system or "(no system)", []).append(k)
    assert [r.corpus.similarity for r in results] == [sum(means[r.name]) / len(means[r.name]) for r in results]


@pytest.fixture
def two_systems(tmp_path):
    """Return a batch where system B garbles a name and a number that system A gets right."""
    refs = ["Then Elon Musk spoke.", "The economy grew by 3 percent.", "The talks went well."]
    hyps = {"A": refs, "B": ["Then Ilon Musk spoke.", "The economy grew by 5 percent.", "The talks went well."]}
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps({"id": f"{s}{k}", "hypothesis": h, "reference": r, "system": s}) + "\n"
                            for s in ("B", "A") for k, (h, r) in enumerate(zip(hyps[s], refs))))
    return path, hyps, refs


def test_each_system_scores_as_a_batch_of_its_own_records(two_systems, tmp_path, fake_embedder):
    path, hyps, refs = two_systems
    doc = check(path, embedder=fake_embedder).documents[0]
    assert [s.name for s in doc.systems] == ["A", "B"]
    for system in doc.systems:
        alone = tmp_path / f"{system.name}.jsonl"
        alone.write_text("".join(json.dumps({"hypothesis": h, "reference": r}) + "\n"
                                 for h, r in zip(hyps[system.name], refs)))
        own = check(alone, embedder=fake_embedder).documents[0]
        assert (system.corpus, system.segments, dict(system.flag_counts)) == (own.corpus, 3, own.flag_counts)
        assert system.penalty == pytest.approx(sum(s.scores.penalty for s in own.segments) / 3)
    # and corpus BLEU is sacrebleu's corpus score of the system's sentences, not a mean
    total = StatisticsSum()
    metrics = LexicalMetrics()
    for h, r in zip(hyps["B"], refs):
        total.add(metrics.statistics(h, (r,)))
    assert doc.systems[1].corpus.bleu == pytest.approx(metrics.sum_scores(total).bleu)


def test_stream_tallies_systems_as_a_normal_run(two_systems, tmp_path, fake_embedder):
    path, _, _ = two_systems
    normal = check(path, embedder=fake_embedder).documents[0].systems
    streamed = check_stream(path, tmp_path / "s.jsonl", embedder=fake_embedder).documents[0].systems
    assert streamed == normal and len(normal) == 2


def test_reports_show_the_systems(two_systems, tmp_path, no_model):
    path, _, _ = two_systems
    json_out, md, html = tmp_path / "r.json", tmp_path / "r.md", tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["check", str(path), "--json", str(json_out), "--markdown", str(md),
                                      "--html", str(html), "--limit", "0"])
    assert result.exit_code == ExitCode.OK
    lines = result.stdout.splitlines()
    at = lines.index("  by system, best first (mean quality, then mean penalty):")
    assert [line.split()[0] for line in lines[at + 1:at + 3]] == ["A", "B"]
    systems = json.loads(json_out.read_text())["documents"][0]["systems"]
    assert [(s["name"], s["segment_count"], s["flag_counts"]["major"]) for s in systems] == [("A", 3, 0), ("B", 3, 2)]
    best = systems[0]["mean_quality"]
    assert best > systems[1]["mean_quality"]
    assert lines[at + 1].endswith(f"| 3 segments | quality {best:.1f} | BLEU 100.0 | chrF 100.0 | similarity 1.000 | "
                                  "flags: 0 critical, 0 major, 0 minor")
    assert f"| A | {best:.1f} | 0.00 | 3 | 100.0 | 100.0 | 1.000 | 0 | 0 | 0 |" in md.read_text()
    page = html.read_text()
    assert "<h2>MT systems, best first</h2>" in page and page.index("<td>A</td>") < page.index("<td>B</td>") < page.index("id=\"flags\"")


def test_a_batch_without_systems_lists_none(tmp_path, no_model):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"hypothesis": "Then Ilon Musk spoke.", "reference": "Then Elon Musk spoke."}) + "\n")
    json_out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", str(path), "--json", str(json_out), "--no-html"])
    assert result.exit_code == ExitCode.OK and "by system" not in result.stdout
    assert json.loads(json_out.read_text())["documents"][0]["systems"] == []


def test_compare_two_systems_of_one_batch(two_systems, tmp_path, fake_embedder):
    from mtcheck.compare import compare, split_systems

    path, _, _ = two_systems
    data = json.loads(json.dumps(check(path, embedder=fake_embedder).to_dict()))
    a, b = split_systems(data, "A", "B")
    # paired by what they translate: B's records came first in the file, A's ids are kept
    assert [s["id"] for s in a["documents"][0]["segments"]] == ["A0", "A1", "A2"]
    assert [s["hypothesis"] for s in b["documents"][0]["segments"]] == [
        "Then Ilon Musk spoke.", "The economy grew by 5 percent.", "The talks went well."]
    c = compare(a, b, n_samples=200)
    by_name = {m.name: m for m in c.metrics}
    assert by_name["quality"].delta < 0 and by_name["chrF"].delta < 0
    assert sorted(f.text for f in c.new_flags) == ["5", "Ilon"] and c.fixed_flags == ()
    assert [(f.segment, f.text) for f in compare(b, a, n_samples=200).fixed_flags] == [("A0", "Ilon"), ("A1", "5")]


def test_compare_systems_on_the_command_line(two_systems, tmp_path, no_model):
    path, _, _ = two_systems
    result = tmp_path / "r.json"
    assert CliRunner().invoke(cli, ["check", str(path), "--json", str(result), "--no-html", "-q"]).exit_code == 0
    worse = CliRunner().invoke(cli, ["compare", str(result), "--systems", "A", "B", "--max-regression", "0"])
    assert worse.exit_code == ExitCode.GATE_FAILED
    assert worse.stdout.startswith("3 segments compared (paired bootstrap, 95% intervals)\n")
    assert "Regression gate: FAILED.\n  quality fell by " in worse.stderr
    better = CliRunner().invoke(cli, ["compare", str(result), "--systems", "B", "A", "--max-regression", "0", "-q"])
    assert better.exit_code == ExitCode.OK
    unknown = CliRunner().invoke(cli, ["compare", str(result), "--systems", "A", "C"])
    assert unknown.exit_code == ExitCode.USAGE
    assert unknown.stderr == "mtcheck: error: no records of system C in the result; it has A, B\n"
    both = CliRunner().invoke(cli, ["compare", str(result), str(result), "--systems", "A", "B"])
    assert both.exit_code == ExitCode.USAGE and "give that result alone" in both.stderr
    alone = CliRunner().invoke(cli, ["compare", str(result)])
    assert alone.exit_code == ExitCode.USAGE
    assert alone.stderr == "mtcheck: error: give two results to compare, or one result and --systems A B\n"
