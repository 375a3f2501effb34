"""Align each translation word with its best reference word (BERTScore-style greedy matching)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..words import Word

# Weights of the tie-breakers added to the contextual cosine when choosing a match: the same
# word form is strong evidence, and matches far from the diagonal are less likely.
SAME_FORM_BONUS = 0.2
DISTORTION_PENALTY = 0.15


@dataclass(frozen=True)
class Match:
    """The best reference word for one translation word."""

    ref: int
    word: int
    similarity: float
    same_form: bool


def align_words(
    hyp_words: tuple[Word, ...],
    hyp_vectors: np.ndarray,
    ref_words: tuple[tuple[Word, ...], ...],
    ref_vectors: tuple[np.ndarray, ...],
) -> tuple[Match | None, ...]:
    """Return each translation word's best match across all references.

    A word gets None when no reference has words, or when it has no vector because the model
    truncated a long text before it.
    """
    best: list[Match | None] = [None] * len(hyp_words)
    if not hyp_words:
        return ()
    best_score = np.full(len(hyp_words), -np.inf)
    # a word with no vector was cut off by the model's length limit: nothing to compare
    has_vector = hyp_vectors.any(axis=1)
    hyp_forms = np.array([h.norm for h in hyp_words], dtype=object)
    hyp_pos = np.arange(len(hyp_words))[:, None] / len(hyp_words)
    for k, (words, vectors) in enumerate(zip(ref_words, ref_vectors)):
        if not words:
            continue
        sims = hyp_vectors @ vectors.T
        same = hyp_forms[:, None] == np.array([r.norm for r in words], dtype=object)[None, :]
        ref_pos = np.arange(len(words))[None, :] / len(words)
        score = sims + SAME_FORM_BONUS * same - DISTORTION_PENALTY * np.abs(hyp_pos - ref_pos)
        cols = score.argmax(axis=1)
        rows = np.arange(len(hyp_words))
        top = score[rows, cols]
        for i in np.flatnonzero(has_vector & (top > best_score)):
            j = int(cols[i])
            best_score[i] = top[i]
            best[i] = Match(k, j, float(sims[i, j]), bool(same[i, j]))
    return tuple(best)
