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
    matches = view.matches
    for i in range(len(view.hyp_words) - 1):
        a, b = matches[i], matches[i + 1]
        # the cheap test first: most neighbours are not swapped
        if a is None or b is None or a.ref != b.ref or a.word - b.word != 1:
            continue
        if not (view.is_anchor(i) and view.is_anchor(i + 1)):
            continue
        if any(is_function_word(w, view.lang) for w in (view.hyp_words[i], view.hyp_words[i + 1])):
            continue
        found.append(Finding(
            i, i + 1, Severity.MAJOR, "word-order",
            '"{text}" reverses the order of the reference, which has {suggestion}',
            0.6, "order"))
    return found
