"""A time said in the source's words: "before two years" for "two years ago".

Slavic languages put a time in the past with a preposition before it (Slovak "pred dvoma
rokmi", Czech "před dvěma lety", Croatian "prije dvije godine"); translated word for word, it
reads "before two years", which English says "two years ago". Flagged where the reference has
the very number and unit, then "ago". The meaning survives, so the flag is minor.
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView

BEFORE = {"en": frozenset({"before"})}
AGO = {"en": "ago"}
UNITS = {"en": frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
                          "decade", "decades", "century", "centuries"})}


def find_time_calques(view: SegmentView) -> list[Finding]:
    """Flag "before N units" where the reference has "N units ago"."""
    lang = view.lang
    if lang not in BEFORE or not view.ref_words:
        return []
    words, found = view.hyp_words, []
    for i in range(len(words) - 2):
        unit, m = words[i + 2], view.matches[i + 2]
        if words[i].norm not in BEFORE[lang] or unit.norm not in UNITS[lang] or m is None or not m.same_form \
                or view.between(i, i + 1).strip() or view.between(i + 1, i + 2).strip():
            continue
        ref = view.ref_words[m.ref]
        if m.word + 1 < len(ref) and ref[m.word + 1].norm == AGO[lang] and m.word >= 1 \
                and ref[m.word - 1].norm == words[i + 1].norm:
            found.append(Finding(i, i + 2, Severity.MINOR, "grammar",
                                 '"{text}" is the source\'s way of saying it; the reference has {suggestion}', 0.5,
                                 ref_span=(m.ref, m.word - 1, m.word + 1)))
    return found


TIME_CALQUES = Detector("time-calques", frozenset({"grammar"}), "precise", find_time_calques)
