"""Invented words: rare, fragmented, and found in neither the reference nor the source."""
from __future__ import annotations

from ..results import Severity
from ..words import token_count, zipf
from .base import Detector, Finding, SegmentView
from .names import MIN_RATIO, likeness

MIN_LENGTH = 4
MAX_ZIPF = 1.0  # wordfreq knows almost every real word above this
BASE_ZIPF = 2.5  # a rare word made from a word at least this common is a derivation, not invented
MIN_BASE = 3  # letters left of the word once its affix is taken off

# productive affixes: "grandiloquently", "unsmooth", "blowable" and "subname" are rare or odd,
# but made from known words, and an editor reads them as such; languages without a list skip this
AFFIXES = {"en": (
    ("un", "non", "re", "sub", "post", "pre", "over", "under", "mis", "dis", "anti", "co", "multi",
     "semi", "inter", "super", "self-"),
    ("ly", "ness", "able", "ible", "less", "ful", "ment", "ity", "er", "ers", "ed", "ing", "s",
     "es", "ist", "ism", "ize", "ise", "al", "age"),
)}


def _derived(norm: str, lang: str) -> bool:
    """Return True if a word is a known word with a productive prefix or suffix."""
    prefixes, suffixes = AFFIXES.get(lang, ((), ()))
    bases = [norm[len(p):] for p in prefixes if norm.startswith(p)]
    for suffix in suffixes:
        if norm.endswith(suffix):
            base = norm[:-len(suffix)]
            # "dignifiedly" <- "dignified", "happily" <- "happy", "blowable" <- "blow", "usable" <- "use"
            bases += [base, base + "e"] + ([base[:-1] + "y"] if base.endswith("i") else [])
    return any(len(b) >= MIN_BASE and zipf(b, lang) >= BASE_ZIPF for b in bases)


MIN_OPENING = 8  # letters of a capitalised opening word that no word list knows


def _foreign_opening(view: SegmentView, i: int) -> bool:
    """Return True if a capitalised word opens a sentence, is long, and is spelled like no name
    the reference has: a word left in the source language ("Pótlóbuszok run between ...")
    rather than a name, which the reference would write too."""
    w = view.hyp_words[i]
    if not view.sentence_initial(i) or len(w.text) < MIN_OPENING or not view.references:
        return False
    return not any(r.is_capitalized and likeness(w, r) >= MIN_RATIO for ws in view.ref_words for r in ws)


def find_nonwords(view: SegmentView) -> list[Finding]:
    """Flag lower-case words that the language's word list and the references do not know."""
    found = []
    for i, w in enumerate(view.hyp_words):
        if len(w.text) < MIN_LENGTH or not w.text.isalpha():
            continue
        if w.is_capitalized and not _foreign_opening(view, i):
            continue  # capitalised words are names, left to the name detector
        if w.norm in view.vocabulary:
            continue  # never call a word of the reference or source a non-word
        freq = zipf(w.norm, view.lang)
        if freq > MAX_ZIPF or _derived(w.norm, view.lang):
            continue
        pieces = token_count(w, view.hyp_offsets) if view.hyp_offsets else 0
        confidence = 0.95 if freq == 0 and pieces >= 3 else 0.8 if freq == 0 else 0.6
        said = (" and is not in the reference, which has {suggestion}" if view.references
                else " nor in the source" if view.source is not None else "")
        found.append(Finding(
            i, i, Severity.MAJOR if w.is_capitalized else Severity.CRITICAL, "non-word",
            f'"{{text}}" is not a known word (wordfreq {view.lang}: {freq:.1f})' + said,
            confidence, suggest=bool(view.references)))
    return found


NONWORDS = Detector("nonwords", frozenset({"non-word"}), "precise", find_nonwords, needs_reference=False)
