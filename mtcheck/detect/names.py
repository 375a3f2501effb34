"""Mangled names: a capitalised word that the reference spells differently ("Ilon" for "Elon")."""
from __future__ import annotations

from ..results import Severity
from ..words import zipf
from .base import Finding, SegmentView

MIN_RATIO = 60.0  # rapidfuzz ratio (0-100); "Stephen" against "Steve" is 67
COMMON_WORD_ZIPF = 3.0  # a sentence-initial capital on a common word is not a name


def find_name_mismatches(view: SegmentView) -> list[Finding]:
    """Flag capitalised words absent from the reference that closely resemble a reference name."""
    from rapidfuzz import fuzz

    found = []
    for i, w in enumerate(view.hyp_words):
        if not w.is_capitalized or w.is_number or w.norm in view.vocabulary:
            continue
        if view.sentence_initial(i) and zipf(w.norm, view.lang) >= COMMON_WORD_ZIPF:
            continue
        best = None
        for k, words in enumerate(view.ref_words):
            for j, r in enumerate(words):
                if not r.is_capitalized or r.norm == w.norm:
                    continue
                ratio = fuzz.ratio(w.norm, r.norm)
                if ratio >= MIN_RATIO and (best is None or ratio > best[0]):
                    best = (ratio, k, j)
        if best is None:
            continue
        ratio, k, j = best
        found.append(Finding(
            i, i, Severity.MAJOR, "name-mismatch",
            'name "{text}" is spelled {suggestion} in the reference',
            ratio / 100, "names", (k, j, j)))
    return found
