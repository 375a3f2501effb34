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


@dataclass(frozen=True, slots=True)  # one a sentence of a long document
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
    2 * ratio + 2 cells off it); the first three rows and the first three columns are kept whole,
    since a path may skip sentences at the start of either text. Moves are kept for every row, a
    byte a cell, for the path's way back; scores only for the three rows a step can reach (rows
    before are let go by advance()). A 130,000-sentence document takes about 10 MB.
    """

    def __init__(self, n_hyp: int, n_ref: int, band: int | None, ratio: float):
        self.n_ref = n_ref
        self.reach = None if band is None else band + 2 * math.ceil(ratio) + 2
        width = n_ref + 1 if self.reach is None else min(n_ref + 1, 2 * self.reach + 3)
        self.width, self.ratio = width, ratio
        self.moves = array("b", [-1]) * ((n_hyp + 1) * width)
        self.scores = [array("d", [-math.inf]) * width for _ in range(3)]  # rows row, row+1, row+2
        self.row = 0
        # the first columns of rows whose window has moved past them
        self.edge_scores = array("d", [-math.inf]) * (3 * (n_hyp + 1))
        self.edge_moves = array("b", [-1]) * (3 * (n_hyp + 1))
        # the first rows in whole, beyond their windows
        self.top = [(array("d", [-math.inf]) * (n_ref + 1), array("b", [-1]) * (n_ref + 1))
                    for _ in range(min(3, n_hyp + 1))]

    def _start(self, i: int) -> int:
        """Return the first reference sentence of row i's window."""
        if self.reach is None:
            return 0
        return max(0, min(self.n_ref + 1 - self.width, int(i * self.ratio) - self.reach - 1))

    def advance(self, i: int) -> None:
        """Let go of the scores of the rows before row i: no step reaches back to them."""
        while self.row < i:
            self.scores[self.row % 3] = array("d", [-math.inf]) * self.width  # now row + 3's
            self.row += 1

    def _slot(self, i: int, j: int):
        """Return (scores, index, moves, index) where cell (i, j) is kept, or None if it is not."""
        start = self._start(i)
        if start <= j < start + self.width:
            return self.scores[i % 3], j - start, self.moves, i * self.width + j - start
        if i < len(self.top):
            scores, moves = self.top[i]
            return scores, j, moves, j
        if j < 3:
            return self.edge_scores, 3 * i + j, self.edge_moves, 3 * i + j
        return None

    def get(self, i: int, j: int) -> float:
        """Return the best score of cell (i, j) so far (row i must not be behind advance())."""
        slot = self._slot(i, j)
        return -math.inf if slot is None else slot[0][slot[1]]

    def move(self, i: int, j: int) -> int:
        """Return the number of the move that reached cell (i, j) best (-1: none)."""
        slot = self._slot(i, j)
        return -1 if slot is None else slot[2][slot[3]]

    def set(self, i: int, j: int, score: float, move: int) -> None:
        """Keep a better score for cell (i, j), reached by move number ``move``."""
        scores, k, moves, m = self._slot(i, j)
        scores[k], moves[m] = score, move

    def columns(self, i: int) -> range:
        """Return the reference sentences that row i may expand from."""
        if self.reach is None or i == 0:
            return range(self.n_ref + 1)
        start = self._start(i)
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

    def expanded(i: int, j: int) -> bool:
        """Return whether row i will take steps from cell (i, j)."""
        return band is None or not i or not j or (abs(i * ratio - j) <= band and j in cells.columns(i))

    cells.set(0, 0, 0.0, -1)
    for i in range(n_hyp + 1):
        cells.advance(i)
        # the first column lies outside the band's window of a late row; it is expanded all the same
        columns = cells.columns(i)
        if band is not None and i and columns.start > 0:
            columns = [0, *columns]
        for j in columns:
            if band is not None and abs(i * ratio - j) > band and i and j:
                continue
            here = cells.get(i, j)
            if here == -math.inf:
                continue
            for m, (di, dj) in enumerate(all_moves):
                ni, nj = i + di, j + dj
                if ni > n_hyp or nj > n_ref:
                    continue
                gain = 0.0
                if di and dj:
                    # a cell no step leaves from can only be on the path as its end: the
                    # similarity (an encoding) is not asked for where the path cannot go
                    if not expanded(ni, nj) and (ni, nj) != (n_hyp, n_ref):
                        continue
                    gain = similarity(i, di, j, dj) - min_similarity
                # ties go to the move listed first, so 1-1 beats a merge of equal score
                if here + gain > cells.get(ni, nj) + 1e-12:
                    cells.set(ni, nj, here + gain, m)
    links = []
    i, j = n_hyp, n_ref
    while i or j:
        m = cells.move(i, j)
        assert m >= 0
        di, dj = all_moves[m]
        links.append(Link(i - di, i, j - dj, j))
        i, j = i - di, j - dj
    links.reverse()
    return links
