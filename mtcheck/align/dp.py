"""Monotonic n:m alignment of translation sentences to reference sentences (dynamic programming).

Each step of the path takes 1-1, 1-2, 2-1 sentences, or leaves a sentence unmatched (1-0, 0-1).
A match gains ``similarity - min_similarity``, once per step, whatever its size; an unmatched
sentence gains nothing. So a pair below ``min_similarity`` is better left unmatched, and a merge
wins only when the merged text matches better than the single sentence does: a sentence that
was not translated is not swallowed by its neighbour's match, which it would only dilute.
"""
from __future__ import annotations

import math
from array import array
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


class _Cells:
    """The aligner's table, stored where the path can go: linear in the sentences with a band.

    Without a band, every row is whole. With one, a row keeps the cells within reach of the band
    (a step moves at most two sentences on each side, which at a slope of ``ratio`` is up to
    2 * ratio + 2 cells off it); the first three rows and columns are kept whole, since a path
    may skip sentences at the start of either text. Scores are doubles and moves bytes
    (array module): a 50,000-sentence document takes some tens of megabytes, not the squared
    table's hundreds of gigabytes.
    """

    def __init__(self, n_hyp: int, n_ref: int, band: int | None, ratio: float):
        self.n_ref = n_ref
        self.reach = None if band is None else band + 2 * math.ceil(ratio) + 2
        width = n_ref + 1 if self.reach is None else min(n_ref + 1, 2 * self.reach + 3)
        self.width, self.ratio = width, ratio
        self.rows = [(self._start(i), array("d", [-math.inf]) * width, array("b", [-1]) * width)
                     for i in range(n_hyp + 1)]
        # the first columns of rows whose window has moved past them
        self.edge = [(array("d", [-math.inf]) * 3, array("b", [-1]) * 3) for _ in range(n_hyp + 1)]
        # the first rows in whole, beyond their windows
        self.top = [(array("d", [-math.inf]) * (n_ref + 1), array("b", [-1]) * (n_ref + 1))
                    for _ in range(min(3, n_hyp + 1))]

    def _start(self, i: int) -> int:
        """Return the first reference sentence of row i's window."""
        if self.reach is None:
            return 0
        return max(0, min(self.n_ref + 1 - self.width, int(i * self.ratio) - self.reach - 1))

    def _slot(self, i: int, j: int):
        """Return (scores, moves, index) where cell (i, j) is kept, or None if it is not."""
        start, scores, moves = self.rows[i]
        if start <= j < start + self.width:
            return scores, moves, j - start
        if i < len(self.top):
            scores, moves = self.top[i]
            return scores, moves, j
        if j < 3:
            scores, moves = self.edge[i]
            return scores, moves, j
        return None

    def get(self, i: int, j: int) -> tuple[float, int]:
        """Return the best score of cell (i, j) and the move that reached it (-1: none)."""
        slot = self._slot(i, j)
        return (-math.inf, -1) if slot is None else (slot[0][slot[2]], slot[1][slot[2]])

    def set(self, i: int, j: int, score: float, move: int) -> None:
        """Keep a better score for cell (i, j), reached by move number ``move``."""
        scores, moves, k = self._slot(i, j)
        scores[k], moves[k] = score, move

    def columns(self, i: int) -> range:
        """Return the reference sentences that row i may expand from."""
        if self.reach is None or i == 0:
            return range(self.n_ref + 1)
        start = self.rows[i][0]
        return range(start, min(self.n_ref + 1, start + self.width))


def effective_band(band: int | None, ratio: float) -> int | None:
    """Return a band wide enough for a path to cross it at this slope.

    A step takes at most two reference sentences, while the band's centre moves ``ratio`` of
    them per translation sentence: past ``2 * band + 2`` the bands of two rows no longer meet,
    and no path would reach the end (a translation of 2 sentences against 130).
    """
    if band is None:
        return None
    return max(band, math.ceil((ratio - 2) / 2))


def align(
    n_hyp: int,
    n_ref: int,
    similarity: Similarity,
    min_similarity: float = 0.3,
    moves: Sequence[tuple[int, int]] = MATCH_MOVES,
    band: int | None = None,
) -> list[Link]:
    """Return the best monotonic alignment covering every sentence on both sides exactly once.

    With ``band``, only cells within that many sentences of the (scaled) diagonal are expanded
    (and the first row and column, so that a text may start with sentences the other lacks),
    and the table is kept only there: time and memory grow linearly with the document.
    """
    all_moves = tuple(moves) + SKIP_MOVES
    ratio = n_ref / n_hyp if n_hyp else 0.0
    band = effective_band(band, ratio)
    cells = _Cells(n_hyp, n_ref, band, ratio)
    cells.set(0, 0, 0.0, -1)
    for i in range(n_hyp + 1):
        # the first column lies outside the band's window of a late row; it is expanded all the same
        columns = cells.columns(i)
        if band is not None and i and columns.start > 0:
            columns = [0, *columns]
        for j in columns:
            if band is not None and abs(i * ratio - j) > band and i and j:
                continue
            here, _ = cells.get(i, j)
            if here == -math.inf:
                continue
            for m, (di, dj) in enumerate(all_moves):
                ni, nj = i + di, j + dj
                if ni > n_hyp or nj > n_ref:
                    continue
                gain = 0.0
                if di and dj:
                    gain = similarity(i, di, j, dj) - min_similarity
                # ties go to the move listed first, so 1-1 beats a merge of equal score
                if here + gain > cells.get(ni, nj)[0] + 1e-12:
                    cells.set(ni, nj, here + gain, m)
    links = []
    i, j = n_hyp, n_ref
    while i or j:
        _, m = cells.get(i, j)
        assert m >= 0
        di, dj = all_moves[m]
        links.append(Link(i - di, i, j - dj, j))
        i, j = i - di, j - dj
    links.reverse()
    return links
