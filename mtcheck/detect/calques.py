"""Numbers and times said in the source's words: "before two years" for "two years ago", "ten
from thirteen" for "ten of thirteen", "on two days" for "for two days".

Translated word for word, a preposition of the source stays where English has another, or a
word after the phrase (Slovak "pred dvoma rokmi", Czech "deset ze třinácti", Ukrainian "на два
дні"). Each is flagged where the reference has the very numbers (and unit) in the English way.
The meaning mostly survives, so the flags are minor.
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView
from .numbers import number_value
from .units import TIME_UNITS, time_unit

BEFORE, AGO = {"en": "before"}, {"en": "ago"}
SHARE = {"en": ("from", "of")}  # "ten from thirteen" for "ten of thirteen"
DURATION = {"en": ("on", "for")}  # "on two days" for "for two days"
MESSAGE = '"{text}" says it in the source\'s way; the reference has {suggestion}'


def find_calques(view: SegmentView) -> list[Finding]:
    """Flag a number phrase with the source's preposition where the reference has the English one."""
    if view.lang not in TIME_UNITS or not view.ref_words:
        return []
    words, found = view.hyp_words, []
    for i in range(len(words) - 2):
        a, b, c = words[i:i + 3]
        m = view.matches[i + 2]
        if m is None or not m.same_form or any(view.between(j, j + 1).strip() for j in (i, i + 1)):
            continue
        ref, k, lang = view.ref_words[m.ref], m.word, view.lang
        if a.norm == BEFORE[lang] and _number(b, lang) and time_unit(c, lang) \
                and _has(ref, k - 1, b.norm) and _has(ref, k + 1, AGO[lang]):
            found.append(Finding(i, i + 2, Severity.MINOR, "grammar", MESSAGE, 0.5, ref_span=(m.ref, k - 1, k + 1)))
        elif b.norm == SHARE[lang][0] and _number(a, lang) and _number(c, lang) \
                and _has(ref, k - 1, SHARE[lang][1]) and _has(ref, k - 2, a.norm):
            found.append(Finding(i, i + 2, Severity.MINOR, "preposition", MESSAGE, 0.5, ref_span=(m.ref, k - 2, k)))
        elif a.norm == DURATION[lang][0] and _number(b, lang) and time_unit(c, lang) \
                and _has(ref, k - 1, b.norm) and _has(ref, k - 2, DURATION[lang][1]):
            found.append(Finding(i, i + 2, Severity.MINOR, "preposition", MESSAGE, 0.5, ref_span=(m.ref, k - 2, k)))
    return found


def _number(w, lang: str) -> bool:
    """Return True if a word is one number, in digits or in words."""
    return number_value(w, lang) is not None


def _has(ref, j: int, norm: str) -> bool:
    """Return True if reference word j exists and is written norm."""
    return 0 <= j < len(ref) and ref[j].norm == norm


CALQUES = Detector("calques", frozenset({"grammar", "preposition"}), "precise", find_calques)
