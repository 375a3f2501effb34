"""Freed memory goes back to the system after each chunk (glibc's malloc_trim)."""
import platform

import pytest

from mtcheck.heap import release
from mtcheck.io.jsonl import Record
from mtcheck.run import check_records


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_release_trims_the_glibc_heap():
    assert release() is True


def test_each_chunk_hands_its_memory_back(monkeypatch, fake_embedder):
    calls = []
    monkeypatch.setattr("mtcheck.chunks.release", lambda: calls.append(1))
    records = [Record(f"r{i}", f"The weather was fine on day {i}.", (f"The weather was fine on day {i}.",), line=i + 1)
               for i in range(2100)]
    check_records(records, embedder=fake_embedder)
    assert len(calls) == 3  # chunks of 1,024
