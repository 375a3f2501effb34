"""The progress bar goes to stderr, only when stderr is a terminal and the run is not quiet."""
import json
import sys

from mtcheck.pipeline import CHUNK, check


def test_progress_only_on_a_terminal(tmp_path, capsys, monkeypatch, fake_embedder):
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps({"id": str(i), "hypothesis": f"Sentence {i} here.",
                                         "reference": f"Sentence {i} there."}) + "\n" for i in range(CHUNK + 44)))  # a bar needs more than one chunk
    check(batch, embedder=fake_embedder, progress=True)
    assert capsys.readouterr().err == ""  # captured stderr is not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    check(batch, embedder=fake_embedder, progress=False)  # --quiet
    assert capsys.readouterr().err == ""
    check(batch, embedder=fake_embedder, progress=True)
    captured = capsys.readouterr()
    assert f"Checking {batch}" in captured.err and captured.out == ""
