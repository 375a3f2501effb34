"""Progress: the library reports each chunk to a callback; the CLI draws a bar on a terminal only."""
import json
import sys

from mtcheck.chunks import CHUNK
from mtcheck.report.progress import progress_bar as _progress_bar
from mtcheck.run import check


def _batch(tmp_path, n):
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps({"id": str(i), "hypothesis": f"Sentence {i} here.",
                                         "reference": f"Sentence {i} there."}) + "\n" for i in range(n)))
    return batch


def test_the_library_reports_each_chunk(tmp_path, fake_embedder):
    batch = _batch(tmp_path, CHUNK + 44)
    calls = []
    check(batch, embedder=fake_embedder, progress=lambda *a: calls.append(a))
    assert calls == [(str(batch), CHUNK, CHUNK + 44), (str(batch), CHUNK + 44, CHUNK + 44)]


def test_the_bar_is_drawn_only_on_a_terminal_and_not_when_quiet(tmp_path, capsys, monkeypatch, fake_embedder):
    batch = _batch(tmp_path, CHUNK + 44)
    with _progress_bar(True) as progress:  # captured stderr is not a terminal
        assert progress is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with _progress_bar(False) as progress:  # --quiet
        assert progress is None
    with _progress_bar(True) as progress:
        check(batch, embedder=fake_embedder, progress=progress)
    captured = capsys.readouterr()
    assert f"Checking {batch}" in captured.err and captured.out == ""


def test_a_document_of_one_chunk_draws_no_bar(tmp_path, capsys, monkeypatch, fake_embedder):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with _progress_bar(True) as progress:
        check(_batch(tmp_path, 10), embedder=fake_embedder, progress=progress)
    assert capsys.readouterr().err == ""
