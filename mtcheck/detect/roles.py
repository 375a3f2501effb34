"""Roles turned round: two words on either side of a third swap sides against the reference.

"six people attacked bears" for "bears attacked six people", "The declaration ... signed both
presidents" for "The two presidents signed a declaration": the translation keeps the words and
puts the doer where the reference has the done-to. Each of the three words is matched well in
the reference; the two swap sides around the middle one, within one clause of each text. A
passive ("bears were attacked by six people") and reported speech ("'...', he said"), which
reorder legitimately, are left alone.
"""
from __future__ import annotations

from ..results import Severity
from ..words import is_closed_class, is_possessive
from .base import Detector, Finding, SegmentView, one_clause

REACH = 4  # words from one side to the other, in each text
# a middle word of these says a legitimate reordering: reported speech, or a passive's agent
SPEECH = {"en": frozenset({"say", "said", "says", "tell", "told", "tells", "add", "added", "adds", "state",
                           "stated", "states", "announce", "announced", "announces", "report", "reported",
                           "reports", "write", "wrote", "writes", "claim", "claimed", "claims", "according"})}
PASSIVE = {"en": frozenset({"by"})}
# a genitive in one text and this word in the other reorder legitimately: "last season's
# Baskonia star" is "the star of Baskonia last season"
GENITIVE_OF = {"en": "of"}


def content_anchor(view: SegmentView, i: int) -> bool:
    """Return True if translation word i is a content word that the reference writes so too.

    The very word, not a close match: a phrase reworded ("quality housing solutions" for
    "housing that offers quality living solutions") matches loosely and reorders legitimately.
    """
    w, m = view.hyp_words[i], view.matches[i]
    # the closed classes, not the most frequent words: "state", "company" or "people" can be a doer
    return m is not None and m.same_form and not is_closed_class(w, view.lang) and not w.is_number


def _genitive_for_of(view: SegmentView, i: int, j: int, ref_words, a: int, b: int) -> bool:
    """Return True if one text writes a genitive where the other has "of", between the swapped words."""
    of = GENITIVE_OF.get(view.lang)

    def genitive(words, first, last) -> bool:
        return any(is_possessive(w) for w in words[first:last + 1])

    def has_of(words, first, last) -> bool:
        return any(w.norm == of for w in words[first + 1:last])

    return (genitive(view.hyp_words, i, j) and has_of(ref_words, a, b)) or \
        (genitive(ref_words, a, b) and has_of(view.hyp_words, i, j))


def find_role_swaps(view: SegmentView) -> list[Finding]:
    """Flag two words that swap sides around a third against the reference."""
    if not view.ref_words or view.lang not in SPEECH:
        return []
    n = len(view.hyp_words)
    anchored = [i for i in range(n) if content_anchor(view, i)]
    marked = {w.norm for w in view.hyp_words} | {w.norm for ws in view.ref_words for w in ws}
    if marked & PASSIVE[view.lang]:
        return []
    found: list[Finding] = []
    for v in anchored:
        mv = view.matches[v]
        if view.hyp_words[v].norm in SPEECH[view.lang]:
            continue
        ref_words, ref_text = view.ref_words[mv.ref], view.references[mv.ref]
        for i in (a for a in anchored if v - REACH < a < v):
            mi = view.matches[i]
            if mi.ref != mv.ref or mi.word <= mv.word or mi.word - mv.word > REACH:
                continue
            for j in (b for b in anchored if v < b < v + REACH and b - i <= REACH):
                mj = view.matches[j]
                if mj.ref != mv.ref or mj.word >= mv.word or mi.word - mj.word > REACH:
                    continue
                if not (one_clause(view.hyp_words, view.hypothesis, i, j)
                        and one_clause(ref_words, ref_text, mj.word, mi.word)):
                    continue
                if found and i <= found[-1].last or _genitive_for_of(view, i, j, ref_words, mj.word, mi.word):
                    continue
                found.append(Finding(i, j, Severity.MAJOR, "role-reversal",
                                     '"{text}" turns the roles round: the reference has {suggestion}',
                                     0.6, ref_span=(mv.ref, mj.word, mi.word)))
    return found


ROLES = Detector("roles", frozenset({"role-reversal"}), "precise", find_role_swaps)
