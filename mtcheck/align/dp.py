"""Monotonic n:m alignment of translation sentences to reference sentences (dynamic programming).

Each step of the path takes 1-1, 1-2, 2-1 sentences, or leaves a sentence unmatched (1-0, 0-1).
A match gains ``similarity - min_similarity``, once per step, whatever its size; an unmatched
sentence gains nothing. So a pair below ``min_similarity`` is better left unmatched, and a merge
wins only when the merged text matches better than the single sentence does: a sentence that
was not translated is not swallowed by its neighbour's match, which it would only dilute.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

# (translation sentences, reference sentences) taken by one step
MATCH_MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1))
SKIP_MOVES: tuple[tuple[int, int], ...] = ((1, 0), (0, 1))

Similarity = Callable[[int, int, int, int], float]
"""similarity(i, di, j, dj) of translation sentences [i, i+di) and reference sentences [j, j+dj)."""


@dataclass(frozen=True)
class Link:
    """One step of an alignment: translation sentences [hyp_start, hyp_end) to reference ones."""

    hyp_start: int
    hyp_end: int
    ref_start: int
    ref_end: int

    @property
    def kind(self) -> str:
        """Return the step as 'n-m', e.g. '2-1' for two translation sentences to one reference."""
        return f"{self.hyp_end - self.hyp_start}-{self.ref_end - self.ref_start}"


def length_penalty(hyp_len: int, ref_len: int, weight: float = 0.1) -> float:
    """Return a penalty that grows with the log ratio of two lengths in characters."""
    return weight * abs(math.log((hyp_len + 1) / (ref_len + 1)))


def align(
    n_hyp: int,
    n_ref: int,
    similarity: Similarity,
    min_similarity: float = 0.3,
    moves: Sequence[tuple[int, int]] = MATCH_MOVES,
    band: int | None = None,
) -> list[Link]:
    """Return the best monotonic alignment covering every sentence on both sides exactly once.

    With ``band``, only cells within that many sentences of the (scaled) diagonal are searched,
    which keeps long documents linear instead of quadratic.
    """
    all_moves = tuple(moves) + SKIP_MOVES
    best = [[-math.inf] * (n_ref + 1) for _ in range(n_hyp + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (n_ref + 1) for _ in range(n_hyp + 1)]
    best[0][0] = 0.0
    ratio = n_ref / n_hyp if n_hyp else 0.0
    for i in range(n_hyp + 1):
        for j in range(n_ref + 1):
            if band is not None and abs(i * ratio - j) > band and i and j:
                continue
            here = best[i][j]
            if here == -math.inf:
                continue
            for di, dj in all_moves:
                ni, nj = i + di, j + dj
                if ni > n_hyp or nj > n_ref:
                    continue
                gain = 0.0
                if di and dj:
                    gain = similarity(i, di, j, dj) - min_similarity
                # ties go to the move listed first, so 1-1 beats a merge of equal score
                if here + gain > best[ni][nj] + 1e-12:
                    best[ni][nj] = here + gain
                    back[ni][nj] = (di, dj)
    links = []
    i, j = n_hyp, n_ref
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj = step
        links.append(Link(i - di, i, j - dj, j))
        i, j = i - di, j - dj
    links.reverse()
    return links
