"""Align each translation word with its best reference word (BERTScore-style greedy matching)."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..words import Word

# Weights of the tie-breakers added to the contextual cosine when choosing a match: the same
# word form is strong evidence, and matches far from the diagonal are less likely.
SAME_FORM_BONUS = 0.2
DISTORTION_PENALTY = 0.15


class Match(NamedTuple):
    """The best reference word for one translation word (a named tuple: one is made per word)."""

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
    if not hyp_words:
        return ()
    n = len(hyp_words)
    # word forms as small integers, so that "same form" is one integer comparison per pair
    form_ids: dict[str, int] = {}
    hyp_forms = np.array([form_ids.setdefault(w.norm, len(form_ids)) for w in hyp_words])
    hyp_pos = np.arange(n)[:, None] / n
    rows = np.arange(n)
    best_score = np.full(n, -np.inf)
    best_ref = np.full(n, -1)
    best_word = np.zeros(n, dtype=np.int64)
    best_sim = np.zeros(n)
    best_same = np.zeros(n, dtype=bool)
    for k, (words, vectors) in enumerate(zip(ref_words, ref_vectors)):
        if not words:
            continue
        sims = hyp_vectors @ vectors.T
        same = hyp_forms[:, None] == np.array([form_ids.get(r.norm, -1) for r in words])[None, :]
        ref_pos = np.arange(len(words))[None, :] / len(words)
        score = sims + SAME_FORM_BONUS * same - DISTORTION_PENALTY * np.abs(hyp_pos - ref_pos)
        cols = score.argmax(axis=1)
        top = score[rows, cols]
        better = top > best_score  # ties keep the earlier reference
        best_score = np.where(better, top, best_score)
        best_ref = np.where(better, k, best_ref)
        best_word = np.where(better, cols, best_word)
        best_sim = np.where(better, sims[rows, cols], best_sim)
        best_same = np.where(better, same[rows, cols], best_same)
    # a word with no vector was cut off by the model's length limit: nothing to compare
    found = (best_ref >= 0) & hyp_vectors.any(axis=1)
    return tuple(Match(k, j, sim, same) if ok else None for ok, k, j, sim, same in zip(
        found.tolist(), best_ref.tolist(), best_word.tolist(), best_sim.tolist(), best_same.tolist()))
