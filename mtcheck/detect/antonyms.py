"""Meaning flipped by an antonym: "imports" for "exports", "victory" for "defeat".

Sentence embeddings put a word and its antonym close together, so the word alignment pairs them
and no similarity flags them. WordNet 3.0's antonym pairs (mtcheck/data/antonyms.tsv, built by
docs/build_antonyms.py) name them. A pair is left alone where a negation stands near either word
("did not lose" for "won" says the same) or where either text has both words (a list: "imports
and exports").
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import data_rows, lemmas
from ..results import Severity
from ..words import Word, is_function_word
from .base import Detector, Finding, SegmentView
from .negation import REACH, is_cue

LANGUAGES = ("en",)
# frequent words that WordNet leaves out or that the detector would skip as function words:
# opposites of time and direction, which change the fact ("last year" for "this year")
FREQUENT = {"en": (("last", "this"), ("last", "next"), ("this", "next"), ("up", "down"), ("before", "after"),
                   ("yesterday", "today"), ("yesterday", "tomorrow"), ("today", "tomorrow"), ("more", "less"),
                   ("more", "fewer"), ("most", "least"), ("above", "below"), ("earlier", "later"))}


@lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Return each word's antonyms, both ways."""
    table: dict[str, set[str]] = {}
    pairs = [row[1:] for row in data_rows("antonyms.tsv")]
    for a, b in pairs + [list(p) for p in FREQUENT["en"]]:
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return {w: frozenset(s) for w, s in table.items()}


def _opposite(a: Word, b: Word) -> bool:
    """Return True if two words are forms of antonyms."""
    table = antonyms()
    return any(table.get(x, frozenset()) & lemmas(b.norm) for x in lemmas(a.norm))


def _negated_near(words, i: int, lang: str) -> bool:
    """Return True if a negation cue stands within REACH words of word i."""
    return any(is_cue(w, lang) for w in words[max(0, i - REACH):i + REACH + 1])


# a comparative of lesser degree turns a word into its opposite's comparative: "less expensive" is "cheaper"
LESSER = {"en": frozenset({"less", "least", "fewer"})}


def _lessened(words, i: int, lang: str) -> bool:
    """Return True if word i comes right after a word of lesser degree ("less expensive")."""
    return i > 0 and words[i - 1].norm in LESSER.get(lang, ())


def find_antonyms(view: SegmentView) -> list[Finding]:
    """Flag translation words matched to their antonym in the reference."""
    if view.lang not in LANGUAGES or not view.ref_words:
        return []
    found = []
    frequent = {w for pair in FREQUENT.get(view.lang, ()) for w in pair}
    for i, w in enumerate(view.hyp_words):
        m = view.matches[i]
        if m is None or m.same_form or w.is_number or (is_function_word(w, view.lang) and w.norm not in frequent):
            continue
        ref_words = view.ref_words[m.ref]
        r = ref_words[m.word]
        if (is_function_word(r, view.lang) and r.norm not in frequent) or not _opposite(w, r):
            continue
        if _negated_near(view.hyp_words, i, view.lang) or _negated_near(ref_words, m.word, view.lang) \
                or _lessened(view.hyp_words, i, view.lang) or _lessened(ref_words, m.word, view.lang):
            continue
        mine, theirs = lemmas(w.norm), lemmas(r.norm)
        if any(lemmas(x.norm) & mine for x in ref_words) or any(lemmas(x.norm) & theirs for x in view.hyp_words):
            continue
        found.append(Finding(i, i, Severity.MAJOR, "antonym",
                             '"{text}" says the opposite of the reference, which has {suggestion}', 0.7,
                             ref_span=(m.ref, m.word, m.word)))
    return found


ANTONYMS = Detector("antonyms", frozenset({"antonym"}), "precise", find_antonyms)
