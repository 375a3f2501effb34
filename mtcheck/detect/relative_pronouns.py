"""A person called "which": "Professor Nowak, which led the study" for "who led the study".

Languages with one relative pronoun for people and things (Polish "który", Czech "který")
come out as "which" for a person. Flagged where the reference has "who" (or "whom", "whose")
before the very word that follows the translation's "which". The meaning survives, so the
flag is minor.
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView

THING = {"en": frozenset({"which"})}
PERSON = {"en": frozenset({"who", "whom"})}


def find_which_for_who(view: SegmentView) -> list[Finding]:
    """Flag "which X" where the reference has "who X"."""
    lang = view.lang
    if lang not in THING or not view.ref_words:
        return []
    words, found = view.hyp_words, []
    for i in range(len(words) - 1):
        m = view.matches[i + 1]
        if words[i].norm not in THING[lang] or m is None or not m.same_form or m.word < 1 \
                or view.between(i, i + 1).strip():
            continue
        ref = view.ref_words[m.ref]
        if ref[m.word - 1].norm in PERSON[lang]:
            found.append(Finding(i, i, Severity.MINOR, "pronoun",
                                 '"{text}" stands for a person; the reference has {suggestion}', 0.5,
                                 ref_span=(m.ref, m.word - 1, m.word - 1)))
    return found


WHICH_FOR_WHO = Detector("relative-pronouns", frozenset({"pronoun"}), "precise", find_which_for_who)
