"""Shared fixtures: a small deterministic fake embedder and paths to the seed files."""
from __future__ import annotations

import re
import zlib
from pathlib import Path

import numpy as np
import pytest

from mtcheck.embed import Encoding

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5d07a7fcc0fe4e21.txt"
SEED_REF = ROOT / "reference" / "000_5d07a7fcc0fe4e21.txt"
SHARED_DATA = ROOT.parent / "shared" / "data" / "mqm_zhen_dev.jsonl"

_TOKEN = re.compile(r"\w+|[^\w\s]")


def _vector(token: str, dim: int = 64) -> np.ndarray:
    """Return a fixed random unit vector for a token (case-insensitive)."""
    rng = np.random.default_rng(zlib.crc32(token.lower().encode()))
    v = rng.standard_normal(dim)
    return v / np.linalg.norm(v)


class FakeEmbedder:
    """Embed each token as a fixed random vector: same word, similarity 1; other words, about 0."""

    name = "fake"

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts):
        """Return Encodings built from per-token vectors; the sentence vector is their mean."""
        self.calls.append(list(texts))
        out = []
        for text in texts:
            matches = list(_TOKEN.finditer(text))
            tokens = np.stack([_vector(m.group()) for m in matches]) if matches else np.zeros((0, 64))
            sentence = tokens.mean(axis=0) if matches else np.zeros(64)
            norm = np.linalg.norm(sentence)
            out.append(Encoding(sentence / norm if norm else sentence, tokens,
                                tuple((m.start(), m.end()) for m in matches)))
        return out


@pytest.fixture
def fake_embedder():
    """Return a fresh fake embedder."""
    return FakeEmbedder()


@pytest.fixture
def no_model(monkeypatch):
    """Make every run use the fake embedder instead of loading the real model."""
    monkeypatch.setattr("mtcheck.embed.load.load_model", lambda *a, **k: FakeEmbedder())


@pytest.fixture(scope="session")
def real_embedder():
    """Load the packaged default model once for the integration tests."""
    from mtcheck.embed import load_model

    return load_model()


@pytest.fixture
def run(no_model):
    """Invoke mtcheck with the fake embedder and return the Click result."""
    from click.testing import CliRunner

    from mtcheck.cli import cli

    def invoke(*args):
        return CliRunner().invoke(cli, [str(a) for a in args])
    return invoke
