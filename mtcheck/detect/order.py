"""Clauses turned inside out: neighbouring words that the reference has side by side, swapped."""
from __future__ import annotations

from ..results import Severity
from ..words import is_function_word
from .base import Finding, SegmentView


def find_inversions(view: SegmentView) -> list[Finding]:
    """Flag adjacent anchored content words whose reference counterparts are adjacent and swapped.

    Longer jumps are left alone: "Saudi Arabia meetings" for "meetings in Saudi Arabia" is a
    legitimate reordering, "himself criticism" for "criticism himself" is not.
    """
    found = []
    for i in range(len(view.hyp_words) - 1):
        pair = (view.hyp_words[i], view.hyp_words[i + 1])
        if any(is_function_word(w, view.lang) for w in pair):
            continue
        if not (view.is_anchor(i) and view.is_anchor(i + 1)):
            continue
        a, b = view.matches[i], view.matches[i + 1]
        if a.ref == b.ref and a.word - b.word == 1:
            found.append(Finding(
                i, i + 1, Severity.MAJOR, "word-order",
                '"{text}" reverses the order of the reference, which has {suggestion}',
                0.6, "order"))
    return found
