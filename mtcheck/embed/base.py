"""What every embedder gives: an Encoding per text, through the Embedder protocol."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np


@dataclass(frozen=True)
class Encoding:
    """A text's unit-length sentence vector and its tokens' unit-length contextual vectors."""

    sentence: np.ndarray
    tokens: np.ndarray
    offsets: tuple[tuple[int, int], ...]


class Embedder(Protocol):
    """Anything that turns texts into Encodings; ``name`` goes into every signature.

    The packaged backends also say which model they run (``model_name``) and how (``backend``).
    """

    name: str

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return one Encoding per text, in order."""
        ...


class NoModel:
    """The embedder of a run with no reference to compare with: no model is loaded, nothing encoded."""

    name = model_name = backend = "none"

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return nothing for nothing; anything else is a bug (a text compared without a reference)."""
        if texts:
            raise RuntimeError(f"a run without references was asked to encode {len(texts)} text(s)")
        return []


def describe(embedder) -> tuple[str, str]:
    """Return (model, backend) of an embedder; one without them is its name on a "custom" backend."""
    return getattr(embedder, "model_name", embedder.name), getattr(embedder, "backend", "custom")


def unit(rows: np.ndarray) -> np.ndarray:
    """Scale vectors (rows) to unit length, leaving zero vectors alone."""
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.where(norms == 0, 1, norms)
