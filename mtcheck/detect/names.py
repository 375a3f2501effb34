"""Mangled names: a capitalised word that the reference spells differently ("Ilon" for "Elon").

Names cross scripts in more than one spelling. A name written without its accents ("Kubes" for
"Kubeš") is the same name, and is not flagged. Another standard transliteration of a little-known
name ("Serhii" for "Serhiy", "Asaf" for "Assaf", "Shapira" for "Shapiro") is at most minor: an
editor may follow the house style, but the reader is not misled. A misspelling of a well-known
name ("Ilon" for "Elon"), or a name changed beyond such variation ("Whitkoff" for "Witkoff", a
case ending left on "Zupana" for "Zupan"), stays major.
"""
from __future__ import annotations

import re
from os.path import commonprefix

from ..results import Severity
from ..words import Word, is_function_word, zipf
from .base import Detector, Finding, SegmentView

MIN_RATIO = 60.0  # rapidfuzz ratio (0-100); "Stephen" against "Steve" is 67
COMMON_WORD_ZIPF = 3.0  # a sentence-initial capital on a common word is not a name
SHARED_STEM = 4  # common words sharing this many first letters are forms of one word
# A name at least this frequent in English text has one spelling that readers know ("Elon" 3.3,
# "Kellogg" 3.1), unless the translation's spelling is itself a name in use ("Shapira" 1.9 for
# "Shapiro" 3.4, "Derrick" 3.5 for "Drick").
WELL_KNOWN_ZIPF = 3.0
ATTESTED_ZIPF = 1.5
VOWELS = frozenset("aeiouy")
# marks between a name's parts, which spellings put in or leave out: Bar-Lev, Barlev; Be'er, Beer
_SEPARATORS = re.compile(r"[-'’ ]")
# spellings of one sound that transliterations of a name alternate between
_SOUNDS = [(re.compile(p), r) for p, r in (
    (r"sch", "sh"),
    (r"(ch|kh)", "h"),        # Chaim, Haim; Kharkiv, Harkiv; Yiftach, Yiftah
    (r"tz", "z"), (r"ph", "f"), (r"ck", "k"), (r"c(?=[aou])", "k"), (r"q", "k"),
    (r"th", "t"),             # Jonathan, Yonatan
    (r"j", "y"), (r"^gi(?=[aeiou])", "y"),  # Yonatan, Jonathan; Binyamin, Benjamin; Yannis, Giannis
    (r"(.)\1+", r"\1"),       # Assaf, Asaf; Kirill, Kiril
    (r"ah$", "a"),            # Hazalah, Hazala; Sarah, Sara: a final h after a
)]


def _may_be_name(w: Word, lang: str) -> bool:
    """Return True unless a capitalised word is plainly no name: "I", "It", a single letter."""
    return len(w.norm) > 1 and not is_function_word(w, lang)


def _other_form(a: Word, b: Word, lang: str) -> bool:
    """Return True if two words are forms of one word: a common word's ("China" and "Chinese",
    "West" and "Western"), or a name's plural ("Dreamliners")."""
    if a.folded == b.folded + "s" or b.folded == a.folded + "s":
        return True
    return (len(commonprefix((a.norm, b.norm))) >= SHARED_STEM
            and min(zipf(a.norm, lang), zipf(b.norm, lang)) >= COMMON_WORD_ZIPF)


def likeness(a: Word, b: Word) -> float:
    """Return how alike two names are spelt, 0 to 100 (rapidfuzz's ratio of their folded forms)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a.folded, b.folded)


def sound_key(folded: str) -> str:
    """Return a name's spelling with the letters that transliterations alternate between made one."""
    folded = _SEPARATORS.sub("", folded)
    for pattern, replacement in _SOUNDS:
        folded = pattern.sub(replacement, folded)
    return folded


def transliterated(hyp: str, ref: str, attested: bool = False) -> bool:
    """Return True if two folded spellings are one name in two transliterations.

    Their sound keys are equal, or differ by one vowel: changed ("Shapira", "Shapiro"), added
    or left out inside the name ("Sofie", "Sofi"), but not added at its end, which is a case
    ending ("Zupana" for "Zupan", "Tamme" for "Tamm"), unless the translation's spelling is
    itself a well-known name (``attested``: "Sophie" for "Sofi").
    """
    a, b = sound_key(hyp), sound_key(ref)
    if a == b:
        return True
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    # the translation adds an ending; or, to a name of four letters or more, a well-known name's final vowel
    if len(longer) != len(shorter) + 1 or (a[:-1] == b and not (attested and len(b) >= 4)):
        return False
    return any(longer[:k] + longer[k + 1:] == shorter and longer[k] in VOWELS for k in range(len(longer)))


def _severity(w: Word, r: Word, lang: str) -> Severity:
    """Return how bad a spelling is: minor for another transliteration of a little-known name."""
    spelling = zipf(w.norm, lang)
    # a name in parts is known as a whole: wordfreq would count "Bar-Lev" as common as "bar" and "lev"
    known = zipf(_SEPARATORS.sub("", r.norm), lang)
    if transliterated(w.folded, r.folded, spelling >= WELL_KNOWN_ZIPF) and (known < WELL_KNOWN_ZIPF
                                                                           or spelling >= ATTESTED_ZIPF):
        return Severity.MINOR
    return Severity.MAJOR


def find_name_mismatches(view: SegmentView) -> list[Finding]:
    """Flag capitalised words absent from the reference that closely resemble a reference name."""
    found = []
    for i, w in enumerate(view.hyp_words):
        if not w.is_capitalized or w.is_number or w.norm in view.vocabulary or w.folded in view.vocabulary \
                or not _may_be_name(w, view.lang):
            continue
        if view.sentence_initial(i) and zipf(w.norm, view.lang) >= COMMON_WORD_ZIPF:
            continue
        # the reference names it in another form ("Iranian" for "Iran's", "Asian" for "Asiatic"):
        # a likeness to some other name there ("IRNA", "Iran") is no misspelling
        if any(_other_form(w, r, view.lang) for words in view.ref_words for r in words):
            continue
        best = None
        for k, words in enumerate(view.ref_words):
            for j, r in enumerate(words):
                if not r.is_capitalized or r.folded == w.folded:
                    continue
                ratio = likeness(w, r)
                if ratio < MIN_RATIO or (best is not None and ratio <= best[0]):
                    continue
                if _may_be_name(r, view.lang):
                    best = (ratio, k, j)
        if best is None:
            continue
        ratio, k, j = best
        severity = _severity(w, view.ref_words[k][j], view.lang)
        message = ('name "{text}" is spelled {suggestion} in the reference' if severity is Severity.MAJOR else
                   'name "{text}" may be another transliteration of {suggestion}, as the reference spells '
                   "it; follow the house style")
        found.append(Finding(i, i, severity, "name-mismatch", message, ratio / 100, ref_span=(k, j, j)))
    return found


NAMES = Detector("names", frozenset({"name-mismatch"}), "precise", find_name_mismatches)
