"""A person's gender changed: "his novel" for "her novel", "he said" for "she said".

A gendered pronoun of the translation whose counterpart in the reference is the same kind of
pronoun of the other gender, where the reference's sentence has no pronoun of the
translation's gender at all (a sentence about two people may pair them the other way).
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView

# pronoun -> (gender, form): "his" and "her" are both possessives, "him" and "her" objects
PRONOUNS = {"en": {"he": ("m", "subject"), "she": ("f", "subject"), "him": ("m", "object"),
                   "his": ("m", "possessive"), "her": ("f", "possessive|object"), "hers": ("f", "possessive"),
                   "himself": ("m", "reflexive"), "herself": ("f", "reflexive")}}


def _same_form(a: str, b: str) -> bool:
    """Return True if two pronoun forms can stand in one place ("her" is a possessive and an object)."""
    return bool(set(a.split("|")) & set(b.split("|")))


def find_gender_swaps(view: SegmentView) -> list[Finding]:
    """Flag gendered pronouns whose reference counterpart is of the other gender."""
    table = PRONOUNS.get(view.lang)
    if not table or not view.ref_words:
        return []
    found = []
    for i, w in enumerate(view.hyp_words):
        mine = table.get(w.norm)
        m = view.matches[i]
        if mine is None or m is None:
            continue
        ref_words = view.ref_words[m.ref]
        theirs = table.get(ref_words[m.word].norm)
        if theirs is None or theirs[0] == mine[0] or not _same_form(mine[1], theirs[1]):
            continue
        if any(table.get(r.norm, ("",))[0] == mine[0] for r in ref_words):
            continue  # the reference speaks of someone of that gender too
        found.append(Finding(i, i, Severity.MAJOR, "pronoun",
                             '"{text}" changes the person\'s gender: the reference has {suggestion}', 0.7,
                             ref_span=(m.ref, m.word, m.word)))
    return found


PRONOUNS_DETECTOR = Detector("pronouns", frozenset({"pronoun"}), "precise", find_gender_swaps)
