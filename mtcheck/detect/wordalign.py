"""Align each translation word with its best reference word (BERTScore-style greedy matching)."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..words import Word

# Weights of the tie-breakers added to the contextual cosine when choosing a match: the same
# word form is strong evidence, and matches far from the diagonal are less likely.
SAME_FORM_BONUS = 0.2
DISTORTION_PENALTY = 0.15
# Distortion is counted in words up to a sentence's length: in a paragraph of many sentences,
# relative position over the whole text would cost a match in the wrong sentence next to nothing.
DISTORTION_REACH = 40
BLOCK_CELLS = 1 << 20  # translation-word x reference-word cells computed at a time (8 MB a table)


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
    # all references side by side: one product and one argmax, whose first maximum is the
    # earliest reference's on ties
    # forms compare without Latin diacritics: "Djordjevic" is "Đorđević" written plain
    columns = [(k, j, len(words), w.folded) for k, words in enumerate(ref_words)
               for j, w in enumerate(words)]
    if not columns:
        return (None,) * n
    ref_of, word_of, length_of, ref_norms = zip(*columns)
    vectors = np.vstack([v for words, v in zip(ref_words, ref_vectors) if words])
    # word forms as small integers, so that "same form" is one integer comparison per pair
    form_ids: dict[str, int] = {}
    hyp_forms = np.array([form_ids.setdefault(w.folded, len(form_ids)) for w in hyp_words])
    ref_forms = np.array([form_ids.get(norm, -1) for norm in ref_norms])
    lengths = np.array(length_of)
    positions = np.array(word_of)
    reach = np.minimum(lengths, DISTORTION_REACH)
    cols, best_sims, best_same = [], [], []
    # a block of translation words at a time: the word-by-word tables of a paragraph of
    # thousands of words would take gigabytes at once; a block takes about BLOCK_CELLS cells
    block = max(1, BLOCK_CELLS // len(columns))
    for start in range(0, n, block):
        rows = np.arange(start, min(n, start + block))
        # where each reference would have translation word i if the two ran in step, and how
        # far a column lies from it: as a share of the reference, but never past DISTORTION_REACH words
        expected = rows[:, None] * lengths[None, :] / n
        distortion = np.minimum(1.0, np.abs(expected - positions[None, :]) / reach[None, :])
        sims = hyp_vectors[rows] @ vectors.T
        same = hyp_forms[rows][:, None] == ref_forms[None, :]
        score = sims + SAME_FORM_BONUS * same - DISTORTION_PENALTY * distortion
        best = score.argmax(axis=1)
        at = np.arange(len(rows))
        cols += best.tolist()
        best_sims += sims[at, best].tolist()
        best_same += same[at, best].tolist()
    # a word with no vector was cut off by the model's length limit: nothing to compare
    found = hyp_vectors.any(axis=1).tolist()
    return tuple(Match(ref_of[c], word_of[c], sim, bool_same) if ok else None
                 for ok, c, sim, bool_same in zip(found, cols, best_sims, best_same))
