"""The on-disk embedding cache: a second run encodes nothing it has seen, with the same vectors."""
import numpy as np

from mtcheck.embed.cache import DiskCachedEmbedder
from mtcheck.run import check
from mtcheck.settings import Settings

from .conftest import FakeEmbedder


def test_second_embedder_reads_what_the_first_wrote(tmp_path, fake_embedder):
    db = tmp_path / "e.sqlite"
    first = DiskCachedEmbedder(fake_embedder, db).encode(["Hello there.", "Bye now."])
    again = FakeEmbedder()
    second = DiskCachedEmbedder(again, db).encode(["Bye now.", "Hello there.", "New text."])
    assert again.calls == [["New text."]]
    assert np.array_equal(second[0].tokens, first[1].tokens) and second[0].offsets == first[1].offsets
    assert np.array_equal(second[1].sentence, first[0].sentence)


def test_another_model_does_not_share_entries(tmp_path, fake_embedder):
    db = tmp_path / "e.sqlite"
    DiskCachedEmbedder(fake_embedder, db).encode(["Hello there."])
    other = FakeEmbedder()
    other.name = "other-model"
    DiskCachedEmbedder(other, db).encode(["Hello there."])
    assert other.calls == [["Hello there."]]


def test_runs_with_disk_cache_give_the_same_result(tmp_path, monkeypatch, fake_embedder):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    (tmp_path / "h.txt").write_text("Then Ilon Musk spoke.\n")
    (tmp_path / "r.txt").write_text("Then Elon Musk spoke.\n")
    settings = Settings(disk_cache=True)
    first = check(tmp_path / "h.txt", [tmp_path / "r.txt"], settings=settings, embedder=fake_embedder)
    again = FakeEmbedder()
    second = check(tmp_path / "h.txt", [tmp_path / "r.txt"], settings=settings, embedder=again)
    assert again.calls == []
    assert second.segments == first.segments
