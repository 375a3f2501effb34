"""Clauses turned inside out: neighbouring words that the reference has side by side, swapped."""
from __future__ import annotations

from ..results import Severity
from ..words import Word, is_function_word
from .base import Detector, Finding, SegmentView


def find_inversions(view: SegmentView) -> list[Finding]:
    """Flag adjacent anchored content words whose reference counterparts are adjacent and swapped.

    Longer jumps are left alone: "Saudi Arabia meetings" for "meetings in Saudi Arabia" is a
    legitimate reordering, "himself criticism" for "criticism himself" is not. So are words with
    punctuation between them ("fresh, mineral-rich"), which belong to different phrases, and
    pairs that a reference also has in the translation's order (an alignment to the wrong
    occurrence of a repeated name).
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
        first, second = view.hyp_words[i], view.hyp_words[i + 1]
        if view.between(i, i + 1).strip():
            continue
        if any(is_function_word(w, view.lang) for w in (first, second)):
            continue
        if (_in_order(view, first.norm, second.norm) or _free_adverb(first, second, view.lang)
                or _date(first, second, view.lang)):
            continue
        # minor alone: on MQM data no such swap lay in a major error span (none of 37 on the fit
        # split); next to a mistranslation it joins a major "garbled" flag
        found.append(Finding(
            i, i + 1, Severity.MINOR, "word-order",
            '"{text}" reverses the order of the reference, which has {suggestion}',
            0.5))
    return found


# suffixes of adverbs of manner, which move freely around the word they modify
# ("rapidly increasing", "rising rapidly"); languages without one skip the test
ADVERB_SUFFIX = {"en": "ly"}


def _free_adverb(first: Word, second: Word, lang: str) -> bool:
    """Return True if either word is an adverb of manner, whose place in a phrase is free."""
    suffix = ADVERB_SUFFIX.get(lang)
    return bool(suffix) and any(len(w.norm) > len(suffix) + 2 and w.norm.endswith(suffix)
                                for w in (first, second))


# month names, beside which a day may stand on either side ("8 July", "July 8")
MONTHS = {"en": frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                           "september", "october", "november", "december"})}


def _date(first: Word, second: Word, lang: str) -> bool:
    """Return True if the two words are a day and a month, whose order is a house style."""
    months = MONTHS.get(lang, frozenset())
    return (first.is_number and second.norm in months) or (second.is_number and first.norm in months)


def _in_order(view: SegmentView, first: str, second: str) -> bool:
    """Return True if some reference has the two words side by side in this order, or if the
    translation has them in the reference's order too (a repeated word aligned to its other
    occurrence: "the journal European Journal of Cardiology")."""
    return any(a.norm == first and b.norm == second
               for words in view.ref_words for a, b in zip(words, words[1:])) or \
        any(a.norm == second and b.norm == first for a, b in zip(view.hyp_words, view.hyp_words[1:]))


ORDER = Detector("order", frozenset({"word-order"}), "wording", find_inversions)
