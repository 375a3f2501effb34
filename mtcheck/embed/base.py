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
    """Anything that turns texts into Encodings; ``name`` goes into every signature."""

    name: str

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return one Encoding per text, in order."""
        ...


def unit(rows: np.ndarray) -> np.ndarray:
    """Scale vectors (rows) to unit length, leaving zero vectors alone."""
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.where(norms == 0, 1, norms)
