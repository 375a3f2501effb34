"""Numbers in the translation that no reference contains, compared by value.

"7" against "seven", "3rd" against "March 3", "200rmb" against "200" and "3 billion" against
"three billion" say the same thing and stay clean; "189 million" against "0.192 billion" and
"3 million" against "3 billion" do not.
"""
from __future__ import annotations

import re

from ..results import Severity
from ..words import Word
from .base import Detector, Finding, SegmentView, Source

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
# the numerals inside a word: "uk7" -> 7, "3rd" -> 3, "200rmb" -> 200, "7.5w" -> 7.5
_NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# number words by language; languages without a list compare numerals only
SPELLED = {"en": {**{w: n for n, w in enumerate(_UNITS)},
                  **{w: 20 + 10 * n for n, w in enumerate(_TENS)}, "dozen": 12}}
SCALES = {"en": {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
                 "billion": 1_000_000_000, "trillion": 1_000_000_000_000}}


def _number_key(text: str) -> str:
    """Return a numeral with thousands separators removed ("12,000" -> "12000")."""
    return _SEPARATORS.sub("", text)


def _value(key: str) -> float | None:
    """Return a separator-free numeral's value, or None if it is not one number ("1.2.3")."""
    try:
        return float(key)
    except ValueError:
        return None


def _spelled(norm: str, lang: str) -> float | None:
    """Return the value of a number word ("seven", "twenty-five"), or None."""
    words = SPELLED.get(lang, {})
    if norm in words:
        return float(words[norm])
    tens, _, unit = norm.partition("-")
    if words.get(tens, 0) >= 20 and 0 < words.get(unit, 0) < 10:
        return float(words[tens] + words[unit])
    return None


def _scale_after(words: tuple[Word, ...], i: int, lang: str) -> tuple[int, int]:
    """Return the product of the scale words right after word i ("hundred million": 10**8)
    and how many there are; (1, 0) when there are none."""
    scales = SCALES.get(lang, {})
    product, n = 1, 0
    while i + n + 1 < len(words) and words[i + n + 1].norm in scales:
        product *= scales[words[i + n + 1].norm]
        n += 1
    return product, n


HALF = {"en": ("and", "a", "half")}


def _half_after(words: tuple[Word, ...], i: int, lang: str) -> int:
    """Return how many words say "and a half" right after word i ("two and a half million"), or 0."""
    half = HALF.get(lang, ())
    return len(half) if half and tuple(w.norm for w in words[i + 1:i + 1 + len(half)]) == half else 0


def same_value(a: float, b: float) -> bool:
    """Return True if two values are equal up to float rounding ("0.192 billion" is 192000000)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _numerals(norm: str) -> list[str]:
    """Return the separator-free numerals inside a word ("uk7.5" -> ["7.5"])."""
    return [_number_key(n) for n in _NUMERAL.findall(norm)]


def number_value(w: Word, lang: str) -> float | None:
    """Return the value of a word that is one number, in digits or in words ("5", "five"), or None."""
    return _single_value(_numerals(w.norm)) if w.is_number else _spelled(w.norm, lang)


def _single_value(numerals: list[str]) -> float | None:
    """Return the value of a word's only numeral; None for none or several ("1-2")."""
    return _value(numerals[0]) if len(numerals) == 1 else None


_FIRST_GROUP, _GROUP = re.compile(r"\d{1,3}"), re.compile(r"\d{3}")


def _groups(words: tuple[Word, ...], text: str) -> dict[int, str]:
    """Return, for each word of a number written with a space after its thousands commas
    ("100, 000", as machine translation writes 100,000), that number's separator-free numeral."""
    out: dict[int, str] = {}
    i = 0
    while i < len(words):
        j = i
        if _FIRST_GROUP.fullmatch(words[i].norm):
            while j + 1 < len(words) and _GROUP.fullmatch(words[j + 1].norm) \
                    and text[words[j].end:words[j + 1].start] == ", ":
                j += 1
        if j > i:
            out.update(dict.fromkeys(range(i, j + 1), "".join(w.norm for w in words[i:j + 1])))
        i = j + 1
    return out


def _afternoon(words: tuple[Word, ...], i: int) -> bool:
    """Return True if number i is the hour of a time after noon ("9:30 p.m.", "9 pm"): 21 in 24 hours."""
    j = i + 1
    if j < len(words) and words[j].is_number and len(words[j].norm) == 2 and words[j].start == words[i].end + 1:
        j += 1  # the minutes of "9:30"
    return j < len(words) and (words[j].norm == "pm" or
                               (words[j].norm == "p" and j + 1 < len(words) and words[j + 1].norm == "m"))


def _hour(value: float | None, words: tuple[Word, ...], i: int) -> float | None:
    """Return the 24-hour value of an afternoon hour ("9" of "9:30 p.m." -> 21), or None."""
    return value + 12 if value is not None and 1 <= value <= 11 and value.is_integer() and _afternoon(words, i) \
        else None


def _numbers_in(words: tuple[Word, ...], lang: str, text: str = "") -> tuple[set[str], set[float]]:
    """Return a text's numbers as keys ("uk7.5", "7.5", "12000") and as values (7.5, 3e9, 21 for
    "9 p.m."), also reading "100, 000" as 100000."""
    keys: set[str] = set()
    values: set[float] = set()
    for key in set(_groups(words, text).values()):
        keys.add(key)
        values.add(float(key))
    for i, w in enumerate(words):
        if w.is_number:
            numerals = _numerals(w.norm)
            keys.add(_number_key(w.norm))
            keys.update(numerals)
            value = _single_value(numerals)
            if (hour := _hour(value, words, i)) is not None:
                values.add(hour)
        else:
            value = _spelled(w.norm, lang)
        if value is not None:
            values.add(value)
            values.add(value * _scale_after(words, i, lang)[0])
            if half := _half_after(words, i, lang):  # "two and a half million" says 2500000
                values.add((value + 0.5) * _scale_after(words, i + half, lang)[0])
    return keys, values


def _source_numbers(source: Source) -> tuple[frozenset[str], frozenset[float]]:
    """Return a source text's numbers (Source.prepared keeps them: a document's source serves all its segments)."""
    keys, values = _numbers_in(source.words, source.lang, source.text)
    return frozenset(keys), frozenset(values)


def _is_known(words: tuple[Word, ...], i: int, lang: str, keys: set[str],
              values: set[float], grouped: str | None = None) -> bool:
    """Return True if word i, a number, says what some reference (or source) number says;
    ``grouped``: the whole number it is a group of ("000" of "100, 000")."""
    w = words[i]
    numerals = _numerals(w.norm)
    scale, n = _scale_after(words, i, lang)
    if n:
        # "3 million" says 3000000, which a reference "3 billion" does not
        value = _single_value(numerals)
        return value is not None and any(same_value(value * scale, v) for v in values)
    if _number_key(w.norm) in keys or (grouped is not None and grouped in keys):
        return True
    hour = _hour(_single_value(numerals), words, i)
    if hour is not None and any(same_value(hour, v) for v in values):
        return True  # "9:30 p.m." for "21:30"
    # "3rd", "uk7" and "200rmb" by their numerals; "7" against "seven" by value
    return all(k in keys or _has_value(k, values) for k in numerals)


# "one" is a pronoun as often as a number ("one of them", "no one"): only from two up, a number
# word says a number to check ("Thirteen of the injured" for "Three")
SPELLED_FROM = 2


def _spelled_unknown(words: tuple[Word, ...], i: int, lang: str, values: set[float]) -> bool:
    """Return True if word i is a number word ("thirteen", "three billion") whose value no
    reference (or source) number has."""
    value = _spelled(words[i].norm, lang)
    if value is None or value < SPELLED_FROM or not values:
        return False
    # a number word after a number word is part of it ("twenty five"): the first one speaks
    if i and _spelled(words[i - 1].norm, lang) is not None:
        return False
    after = _spelled(words[i + 1].norm, lang) if i + 1 < len(words) else None
    if after is not None and value >= 20 and after < 10:
        value += after
        i += 1
    if half := _half_after(words, i, lang):
        value += 0.5
        i += half
    scale = _scale_after(words, i, lang)[0]
    return not any(same_value(value * scale, v) for v in values)


def _has_value(key: str, values: set[float]) -> bool:
    """Return True if a numeral's value is among the known values."""
    value = _value(key)
    return value is not None and any(same_value(value, v) for v in values)


def find_number_mismatches(view: SegmentView) -> list[Finding]:
    """Flag numerals of the translation that say a number no reference (nor the source) has."""
    if not any(w.is_number or _spelled(w.norm, view.lang) is not None for w in view.hyp_words) \
            or (not view.ref_words and view.source is None):
        return []  # no number to check, or nothing to check it against
    # the references are already in words; the source's numbers are read once per source
    known = [_numbers_in(words, view.lang, text) for words, text in zip(view.ref_words, view.references)]
    if view.source is not None:
        known.append(view.source.prepared(_source_numbers))
    keys = set().union(*(k for k, _ in known))
    values = set().union(*(v for _, v in known))
    found, groups = [], _groups(view.hyp_words, view.hypothesis)
    for i, w in enumerate(view.hyp_words):
        if (w.is_number and not _is_known(view.hyp_words, i, view.lang, keys, values, groups.get(i))) or \
                _spelled_unknown(view.hyp_words, i, view.lang, values):
            half = 0 if w.is_number else _half_after(view.hyp_words, i, view.lang)
            last = i + half + _scale_after(view.hyp_words, i + half, view.lang)[1]
            found.append(Finding(
                i, last, Severity.MAJOR, "number-mismatch",
                '"{text}" is not in the reference, which has {suggestion}' if view.references
                else '"{text}" is not in the source', 0.8, suggest=bool(view.references)))
    return found


NUMBERS = Detector("numbers", frozenset({"number-mismatch"}), "precise", find_number_mismatches,
                   needs_reference=False)
