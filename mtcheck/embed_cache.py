"""An optional on-disk embedding cache (SQLite), keyed by model, backend and text.

Re-checking a batch that changed a little, or a reference shared by many runs, then encodes only
the texts not seen before. Vectors are stored as float32 bytes, so a cached encoding is exactly
the one computed.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Sequence

import numpy as np

from .embed import Embedder, Encoding

# Part of every key: a change to what an encoding holds must not serve encodings made before it
# (2: texts beyond the model's length limit are encoded whole, not cut short).
ENCODING_VERSION = 2
SCHEMA = "CREATE TABLE IF NOT EXISTS encodings (key TEXT PRIMARY KEY, sentence BLOB, tokens BLOB, offsets TEXT)"


class DiskCachedEmbedder:
    """Wrap an embedder with a SQLite cache of its encodings."""

    def __init__(self, inner: Embedder, path: str | Path):
        self.inner = inner
        self.name = inner.name
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
