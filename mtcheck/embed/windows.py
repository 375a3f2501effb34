"""Texts longer than the model reads at once, encoded whole in overlapping windows.

A transformer reads a limited number of word pieces (256 for the default model) and silently
drops the rest. A long segment (a paragraph checked with --line-aligned, a long batch record or
translation unit) would then be compared only in part: its last words would get no vector, and
words whose counterparts lie in the dropped end of the reference would look unmatched. Encoding
the rest again, from a little before where the model stopped, gives every word a vector.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .base import Embedder, Encoding, describe, unit

# Tokens that a window shares with the one before it. The two are joined halfway through the
# overlap, so every token kept has at least OVERLAP // 2 tokens of context on each side.
OVERLAP = 64
WINDOW_MARGIN = 256  # characters added to a window's cut, for texts of short tokens


def read_until(text: str, encoding: Encoding) -> int | None:
    """Return where the model stopped reading a text, or None if it read all of it."""
    if not encoding.offsets:
        return None
    end = encoding.offsets[-1][1]
    return end if text[end:].strip() else None


def _word_start(text: str, offsets: Sequence[tuple[int, int]], at: int, lowest: int) -> int:
    """Return the index of the token at or before ``at`` (not below ``lowest``) that starts a word.

    A window must begin at a word, or the tokenizer would split that word differently. Text
    without spaces between words (Chinese, Japanese) has no such token: ``at`` itself is used.
    """
    for k in range(at, max(lowest, 1) - 1, -1):
        start = offsets[k][0]
        if not text[start - 1].isalnum():
            return k
    return at


def _join(joined: Encoding, window: Encoding, restart: int, mid: int) -> Encoding | None:
    """Return ``joined`` continued by a window encoded from text[restart:], cut at text offset ``mid``.

    None when the window reads no further than ``joined`` did (nothing to gain by going on).
    The sentence vector stays the first window's until all windows are in (``_sentence``).
    """
    shifted = [(s + restart, e + restart) for s, e in window.offsets]
    if not shifted or shifted[-1][1] <= joined.offsets[-1][1]:
        return None
    keep_old = sum(1 for s, _ in joined.offsets if s < mid)
    keep_new = [k for k, (s, _) in enumerate(shifted) if s >= mid]
    return Encoding(sentence=joined.sentence,
                    tokens=np.concatenate([joined.tokens[:keep_old], window.tokens[keep_new]]),
                    offsets=joined.offsets[:keep_old] + tuple(shifted[k] for k in keep_new))


def _sentence(encoding: Encoding, parts: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """Return the mean of the windows' sentence vectors, each weighted by the tokens kept from it.

    ``parts`` holds each window's sentence vector and the text offset where its kept tokens
    begin. For a mean-pooling model this approximates the vector of the whole text.
    """
    starts = np.array([s for s, _ in encoding.offsets])
    begins = [b for _, b in parts] + [np.inf]
    counts = [int(((starts >= a) & (starts < b)).sum()) for a, b in zip(begins, begins[1:])]
    return unit(sum(v * n for (v, _), n in zip(parts, counts)))


class WindowedEmbedder:
    """Wrap an embedder so that texts beyond its model's length limit are encoded whole.

    A text the model stopped short in is encoded again from a word about OVERLAP tokens before
    the stop, as many times as it takes; the windows' token vectors are joined in the middle of
    their overlap, and the sentence vector is the mean of the windows' sentence vectors, each
    weighted by the tokens it contributes. Texts within the limit come back exactly as the inner
    embedder gave them, at the cost of one look at their last offset.
    """

    def __init__(self, inner: Embedder):
        self.inner = inner
        self.name = inner.name
        self.model_name, self.backend = describe(inner)

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return one Encoding per text, every word of every text read by the model."""
        texts = list(texts)
        encodings = self.inner.encode(texts)
        # per long text: each window's sentence vector and where its kept tokens begin
        parts = {i: [(e.sentence, 0)] for i, e in enumerate(encodings)
                 if read_until(texts[i], e) is not None}
        # how many tokens the model read of each: its length limit, as it applies to that text
        read = {i: len(encodings[i].offsets) for i in parts}
        # each window is cut from the text at twice what the first one read, so that the
        # tokenizer reads a window's worth, not the whole rest of a text of megabytes: time
        # linear in the text's length (a window that reads its whole cut is simply followed by
        # another, since the text goes on)
        span = {i: 2 * encodings[i].offsets[-1][1] + WINDOW_MARGIN for i in parts}
        pending = list(parts)
        while pending:
            cuts = {}
            for i in pending:
                offsets, text = encodings[i].offsets, texts[i]
                last = len(offsets) - 1
                overlap = min(OVERLAP, read[i] // 2)
                restart = _word_start(text, offsets, last - overlap, last - 2 * overlap)
                mid = max(_word_start(text, offsets, last - overlap // 2, restart + 1), restart + 1)
                cuts[i] = offsets[restart][0], offsets[min(mid, last)][0]
            windows = self.inner.encode([texts[i][cuts[i][0]:cuts[i][0] + span[i]] for i in pending])
            still = []
            for i, window in zip(pending, windows):
                joined = _join(encodings[i], window, *cuts[i])
                if joined is None:
                    continue
                parts[i].append((window.sentence, cuts[i][1]))
                encodings[i] = joined
                if read_until(texts[i], joined) is not None:
                    still.append(i)
            pending = still
        for i, windows_of in parts.items():
            if len(windows_of) > 1:
                encodings[i] = Encoding(_sentence(encodings[i], windows_of), encodings[i].tokens,
                                        encodings[i].offsets)
        return encodings
