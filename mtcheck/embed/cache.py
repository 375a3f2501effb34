"""Caches of encodings: in memory for a run (CachingEmbedder), and optionally on disk (SQLite),
keyed by model, backend and text.

Re-checking a batch that changed a little, or a reference shared by many runs, then encodes only
the texts not seen before. Vectors are stored as float32 bytes, so a cached encoding is exactly
the one computed.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import OrderedDict
from pathlib import Path
from typing import Sequence

import numpy as np

from .base import Embedder, Encoding, describe

# Part of every key: a change to what an encoding holds must not serve encodings made before it
# (2: texts beyond the model's length limit are encoded whole, not cut short).
ENCODING_VERSION = 2
SCHEMA = "CREATE TABLE IF NOT EXISTS encodings (key TEXT PRIMARY KEY, sentence BLOB, tokens BLOB, offsets TEXT)"


def cache_dir() -> Path:
    """Return mtcheck's cache directory."""
    return Path(os.environ.get("MTCHECK_CACHE") or Path.home() / ".cache" / "mtcheck")


class CachingEmbedder:
    """Wrap an embedder so that a text seen recently is not encoded again.

    The cache keeps the most recently used encodings only, up to ``size`` texts and
    ``max_bytes`` of vectors (token vectors take about 60 KB for a sentence, and up to 400 KB
    for a text at the model's length limit), so memory stays bounded however large the batch
    and however long its texts; a reference shared by many segments stays in it while it is
    being used.
    """

    def __init__(self, inner: Embedder, size: int = 4096, max_bytes: int = 256 * 2**20):
        self.inner = inner
        self.name = inner.name
        self.model_name, self.backend = describe(inner)
        self.size = size
        self.max_bytes = max_bytes
        self._bytes = 0
        self._cache: OrderedDict[str, Encoding] = OrderedDict()

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return Encodings, encoding only texts not in the cache."""
        found = {t: self._cache[t] for t in dict.fromkeys(texts) if t in self._cache}
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            found.update(zip(todo, self.inner.encode(todo)))
        for t, e in found.items():
            if t not in self._cache:
                self._bytes += nbytes(e)
            self._cache[t] = e
            self._cache.move_to_end(t)
        while self._cache and (len(self._cache) > self.size or self._bytes > self.max_bytes):
            _, evicted = self._cache.popitem(last=False)
            self._bytes -= nbytes(evicted)
        return [found[t] for t in texts]


def nbytes(encoding: Encoding) -> int:
    """Return the memory an Encoding's vectors take."""
    return encoding.tokens.nbytes + encoding.sentence.nbytes



class DiskCachedEmbedder:
    """Wrap an embedder with a SQLite cache of its encodings."""

    def __init__(self, inner: Embedder, path: str | Path):
        self.inner = inner
        self.name = inner.name
        self.model_name, self.backend = describe(inner)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute(SCHEMA)

    def _key(self, text: str) -> str:
        """Return the cache key of a text under this model (the name includes the backend)."""
        return hashlib.sha256(f"{ENCODING_VERSION}\x00{self.name}\x00{text}".encode("utf-8")).hexdigest()

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return Encodings, from the cache where it has them."""
        keys = [self._key(t) for t in texts]
        found: dict[str, Encoding] = {}
        for start in range(0, len(keys), 500):  # SQLite limits the number of parameters
            part = keys[start:start + 500]
            rows = self.db.execute(
                f"SELECT key, sentence, tokens, offsets FROM encodings WHERE key IN ({','.join('?' * len(part))})",
                part)
            for key, sentence, tokens, offsets in rows:
                spans = tuple(tuple(o) for o in json.loads(offsets))
                found[key] = Encoding(np.frombuffer(sentence, dtype=np.float32).copy(),
                                      np.frombuffer(tokens, dtype=np.float32).reshape(len(spans), -1).copy(),
                                      spans)
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in found))
        if todo:
            fresh = self.inner.encode(todo)
            with self.db:
                for text, enc in zip(todo, fresh):
                    key = self._key(text)
                    sentence = np.asarray(enc.sentence, dtype=np.float32)
                    tokens = np.asarray(enc.tokens, dtype=np.float32)
                    self.db.execute("INSERT OR REPLACE INTO encodings VALUES (?, ?, ?, ?)",
                                    (key, sentence.tobytes(), tokens.tobytes(), json.dumps(enc.offsets)))
                    found[key] = Encoding(sentence, tokens.reshape(len(enc.offsets), -1), enc.offsets)
        return [found[k] for k in keys]
