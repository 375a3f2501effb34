"""Mangled names: a capitalised word that the reference spells differently ("Ilon" for "Elon")."""
from __future__ import annotations

from os.path import commonprefix

from ..results import Severity
from ..words import Word, is_function_word, zipf
from .base import Detector, Finding, SegmentView

MIN_RATIO = 60.0  # rapidfuzz ratio (0-100); "Stephen" against "Steve" is 67
COMMON_WORD_ZIPF = 3.0  # a sentence-initial capital on a common word is not a name
SHARED_STEM = 4  # common words sharing this many first letters are forms of one word


def _may_be_name(w: Word, lang: str) -> bool:
    """Return True unless a capitalised word is plainly no name: "I", "It", a single letter."""
    return len(w.norm) > 1 and not is_function_word(w, lang)


def _other_form(a: Word, b: Word, lang: str) -> bool:
    """Return True if two words are forms of one common word ("China" and "Chinese", "West"
    and "Western"): another word form, not a misspelt name."""
    return (len(commonprefix((a.norm, b.norm))) >= SHARED_STEM
            and min(zipf(a.norm, lang), zipf(b.norm, lang)) >= COMMON_WORD_ZIPF)


def find_name_mismatches(view: SegmentView) -> list[Finding]:
    """Flag capitalised words absent from the reference that closely resemble a reference name."""
    from rapidfuzz import fuzz

    found = []
    for i, w in enumerate(view.hyp_words):
        if not w.is_capitalized or w.is_number or w.norm in view.vocabulary \
                or not _may_be_name(w, view.lang):
            continue
        if view.sentence_initial(i) and zipf(w.norm, view.lang) >= COMMON_WORD_ZIPF:
            continue
        best = None
        for k, words in enumerate(view.ref_words):
            for j, r in enumerate(words):
                if not r.is_capitalized or r.norm == w.norm:
                    continue
                ratio = fuzz.ratio(w.norm, r.norm)
                if ratio < MIN_RATIO or (best is not None and ratio <= best[0]):
                    continue
                if _may_be_name(r, view.lang) and not _other_form(w, r, view.lang):
                    best = (ratio, k, j)
        if best is None:
            continue
        ratio, k, j = best
        found.append(Finding(
            i, i, Severity.MAJOR, "name-mismatch",
            'name "{text}" is spelled {suggestion} in the reference',
            ratio / 100, ref_span=(k, j, j)))
    return found


NAMES = Detector("names", frozenset({"name-mismatch"}), "precise", find_name_mismatches)
