"""Invented words: rare, fragmented, and found in neither the reference nor the source."""
from __future__ import annotations

from ..results import Severity
from ..words import token_count, zipf
from .base import Finding, SegmentView

MIN_LENGTH = 4
MAX_ZIPF = 1.0  # wordfreq knows almost every real word above this


def find_nonwords(view: SegmentView) -> list[Finding]:
    """Flag lower-case words that the language's word list and the references do not know."""
    found = []
    for i, w in enumerate(view.hyp_words):
        if len(w.text) < MIN_LENGTH or not w.text.isalpha() or w.is_capitalized:
            continue  # capitalised words are names, left to the name detector
        if w.norm in view.vocabulary:
            continue  # never call a word of the reference or source a non-word
        freq = zipf(w.norm, view.lang)
        if freq > MAX_ZIPF:
            continue
        pieces = token_count(w, view.hyp_offsets) if view.hyp_offsets else 0
        confidence = 0.95 if freq == 0 and pieces >= 3 else 0.8 if freq == 0 else 0.6
        found.append(Finding(
            i, i, Severity.CRITICAL, "non-word",
            f'"{{text}}" is not a known word (wordfreq {view.lang}: {freq:.1f}) and is not in the '
            "reference, which has {suggestion}",
            confidence, "nonwords"))
    return found
