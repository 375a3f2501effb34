"""A unit of time changed beside the same number: "over five months" for "for five years".

The numbers detector compares numbers by value, so "five" against "five" passes; the same number
of months and of years say different things. A number of the translation followed by a unit of
time is flagged when a reference has the same number followed by another unit of time, and
never by this one.
"""
from __future__ import annotations

from ..lexicon import lemmas
from ..results import Severity
from ..words import Word
from .base import Detector, Finding, SegmentView
from .numbers import number_value, same_value

TIME_UNITS = {"en": frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})}


def time_unit(w: Word, lang: str) -> str | None:
    """Return the unit of time a word names, in its dictionary form ("years" -> year), or None."""
    found = lemmas(w.norm) & TIME_UNITS.get(lang, frozenset())
    return min(found) if found else None


def _timed(words: tuple[Word, ...], lang: str) -> list[tuple[int, float, str]]:
    """Return each number followed by a unit of time: its word, value and unit."""
    out = []
    for i in range(len(words) - 1):
        value = number_value(words[i], lang)
        if value is not None and (unit := time_unit(words[i + 1], lang)) is not None:
            out.append((i, value, unit))
    return out


def find_unit_changes(view: SegmentView) -> list[Finding]:
    """Flag a number of the translation counted in another unit of time than the reference's."""
    if view.lang not in TIME_UNITS or not view.ref_words:
        return []
    # the translation's first: most segments count no time, and then the references need no reading
    mine = _timed(view.hyp_words, view.lang)
    theirs = [(k, j, value, unit) for k, words in enumerate(view.ref_words) if mine
              for j, value, unit in _timed(words, view.lang)]
    found = []
    for i, value, unit in mine:
        same = [(k, j, u) for k, j, v, u in theirs if same_value(v, value)]
        if same and all(u != unit for _, _, u in same):
            k, j, _ = same[0]
            found.append(Finding(i, i + 1, Severity.MAJOR, "number-mismatch",
                                 '"{text}" counts in another unit than the reference, which has {suggestion}', 0.8,
                                 ref_span=(k, j, j + 1)))
    return found


UNITS = Detector("units", frozenset({"number-mismatch"}), "precise", find_unit_changes)
