"""Streaming batches: results written as they come, aggregates kept, equal to a normal run."""
import json
import re

import pytest
from click.testing import CliRunner

from mtcheck.cli import cli
from mtcheck.errors import ExitCode
from mtcheck.gate import evaluate
from mtcheck.settings import Thresholds
from mtcheck.run import check
from mtcheck.stream import check_stream


@pytest.fixture
def batch(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = []
    for i in range(600):  # several chunks
        hyp = f"Then Ilon Musk spoke on day {i}." if i % 7 == 0 else f"The weather was fine on day {i}."
        ref = f"Then Elon Musk spoke on day {i}." if i % 7 == 0 else f"The weather was fine on day {i}."
        lines.append(json.dumps({"id": f"r{i}", "hypothesis": hyp, "reference": ref}))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_stream_equals_a_normal_run_and_keeps_no_segments(batch, tmp_path, fake_embedder):
    normal = check(batch, embedder=fake_embedder)
    out = tmp_path / "segments.jsonl"
    streamed = check_stream(batch, out, embedder=fake_embedder)
    doc = streamed.documents[0]
    assert doc.segments == () and doc.segment_count == 600
    assert doc.flag_counts == normal.documents[0].flag_counts == {"critical": 0, "major": 86, "minor": 0}
    assert streamed.corpus == normal.corpus
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    expected = [dict(s.to_dict(), document=str(batch)) for s in normal.segments]
    assert lines == expected
    # worst first: the most severe flag, then the lowest quality, then the earliest segment
    ranked = sorted(enumerate(normal.segments), key=lambda iseg: (iseg[1].worst_first_key, iseg[0]))
    top = [seg.id for _, seg in ranked[:5]]
    assert [w[0] for w in doc.streamed.worst] == top
    assert [w.id for w in evaluate(streamed, Thresholds(max_flags=0)).worst] == top
    assert [w.id for w in evaluate(normal, Thresholds(max_flags=0)).worst] == top


def test_a_streamed_run_gates_on_quality_as_a_normal_run(batch, tmp_path, fake_embedder):
    normal = check(batch, embedder=fake_embedder)
    streamed = check_stream(batch, tmp_path / "segments.jsonl", embedder=fake_embedder)
    counts = streamed.documents[0].quality_counts
    assert counts == normal.documents[0].quality_counts and sum(counts.values()) == 600
    flagged = min(s.scores.quality for s in normal.segments if s.flags)
    clean = min(s.scores.quality for s in normal.segments if not s.flags)
    assert flagged < clean  # the 86 segments with a misspelt name score lower than the rest
    gate = Thresholds(min_quality=100, min_segment_quality=round((flagged + clean) / 2, 1))
    verdicts = [evaluate(r, gate).failures for r in (normal, streamed)]
    assert verdicts[0] == verdicts[1]
    assert [f.message.split(" segment")[0] for f in verdicts[0] if f.check == "min-segment-quality"] == ["86 of 600"]


def test_bad_line_fails_before_anything_is_written(tmp_path, fake_embedder):
    path = tmp_path / "b.jsonl"
    path.write_text('{"hypothesis": "a", "reference": "b"}\n{"hypothesis": \n')
    out = tmp_path / "segments.jsonl"
    from mtcheck.errors import InputError

    with pytest.raises(InputError) as err:
        check_stream(path, out, embedder=fake_embedder)
    assert (err.value.line, out.exists()) == (2, False)


def test_cli_stream_gate_and_conflicts(batch, tmp_path, no_model):
    out = tmp_path / "s.jsonl"
    result = CliRunner().invoke(cli, ["check", str(batch), "--stream", str(out), "--fail-on", "major"])
    assert result.exit_code == ExitCode.GATE_FAILED
    assert "600 segments" in result.stdout and f"Segments streamed to: {out}" in result.stdout
    # the flags are in the file, the worst segments on the terminal: not "No flags."
    assert "No flags." not in result.stdout
    header = f"Worst segments of {batch} (their flags are in {out}):\n"
    assert header in result.stdout
    worst = result.stdout.split(header)[1].splitlines()[:5]
    assert all(re.fullmatch(rf"{re.escape(str(batch))}:\d+ \[r\d+\]: quality \d+\.\d, penalty [34]\.\d\d, 1 flag", w) for w in worst), worst
    assert len(out.read_text().splitlines()) == 600
    clash = CliRunner().invoke(cli, ["check", str(batch), "--stream", str(out), "--json", str(tmp_path / "r.json")])
    assert clash.exit_code == ExitCode.USAGE
    assert "--html and --json need the whole run" in clash.stderr


def test_cli_stream_of_a_clean_batch_says_no_flags(tmp_path, no_model):
    batch = tmp_path / "clean.jsonl"
    batch.write_text('{"id": "c1", "hypothesis": "The weather is fine.", "reference": "The weather is fine."}\n')
    result = CliRunner().invoke(cli, ["check", str(batch), "--stream", str(tmp_path / "s.jsonl")])
    assert result.exit_code == ExitCode.OK
    assert "No flags." in result.stdout and "Worst segments" not in result.stdout


@pytest.fixture
def document(tmp_path):
    """A document of many sentences over several lines, its reference, and its source."""
    hyp, ref = [], []
    for i in range(1500):  # two chunks and more, and two blocks of the aligner's vectors
        if i % 11 == 0:
            hyp.append(f"Ilon Musk met the envoy on day {i}.")
            ref.append(f"Elon Musk met the envoy on day {i}.")
        elif i % 13 == 0:
            ref.append(f"A sentence nobody translated, number {i}.")
        else:
            hyp.append(f"The weather was fine on day {i}.")
            ref.append(f"The weather was fine on day {i}.")
    doc, reference, source = tmp_path / "doc.txt", tmp_path / "doc.ref.txt", tmp_path / "doc.src.txt"
    doc.write_text("\n".join(" ".join(hyp[k:k + 3]) for k in range(0, len(hyp), 3)) + "\n")
    reference.write_text("\n".join(" ".join(ref[k:k + 4]) for k in range(0, len(ref), 4)) + "\n")
    source.write_text("Илон Маск. " * 3 + "\n")
    return doc, reference, source


def test_a_streamed_document_equals_a_normal_run(document, tmp_path, fake_embedder):
    doc, ref, source = document
    normal = check(doc, [ref], source=source, embedder=fake_embedder)
    out = tmp_path / "segments.jsonl"
    streamed = check_stream(doc, out, [ref], source=source, embedder=fake_embedder)
    got = streamed.documents[0]
    assert (got.segments, got.mode, got.references) == ((), "document", (str(ref),))
    assert got.segment_count == len(normal.segments) > 1024
    assert got.flag_counts == normal.documents[0].flag_counts and got.flag_counts["major"] >= 136
    assert streamed.corpus == normal.corpus
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == [dict(s.to_dict(), document=str(doc)) for s in normal.segments]
    assert sum(s.alignment == "0-1" for s in normal.segments) >= 100  # the 104 untranslated sentences


def test_cli_streams_a_document_with_its_reference(document, tmp_path, no_model):
    doc, ref, _ = document
    out = tmp_path / "s.jsonl"
    result = CliRunner().invoke(cli, ["check", str(doc), "-r", str(ref), "--stream", str(out), "--fail-on", "major"])
    assert result.exit_code == ExitCode.GATE_FAILED, result.output
    assert f"Segments streamed to: {out}" in result.stdout
    assert f"Worst segments of {doc} (their flags are in {out}):" in result.stdout
    assert {json.loads(line)["document"] for line in out.read_text().splitlines()} == {str(doc)}
    dask = CliRunner().invoke(cli, ["check", str(doc), "-r", str(ref), "--stream", str(out), "--workers", "2"])
    assert dask.exit_code == ExitCode.USAGE
    assert dask.stderr.strip().endswith("--stream checks on this machine; drop --dask and --workers")
