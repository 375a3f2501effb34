"""A fact where the reference has a modal: "was presented in June" for "would be presented in
June", "the disease was found" for "can be found".

Wording moves modals about freely ("will build" for "to establish", "it's possible that ... can"
for "may"), so only the plainest case is read: the same verb form after "be" in both texts, with
a modal before the reference's "be" ("would be presented") and a plain "was" or "were" before
the translation's ("was presented"), and no "maybe" or "perhaps" in its sentence. The
translation then says that something happened where the reference says it will, would or may.
"""
from __future__ import annotations

from ..results import Severity
from ..words import is_closed_class
from .base import Detector, Finding, SegmentView

MODALS = {"en": frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})}
BE = {"en": "be"}
# the past only: a present ("the path of light is bent" for "will be curved") may state what is
# generally so, which raters let pass
FACTUAL = {"en": frozenset({"was", "were"})}
# a modal said otherwise in the translation ("maybe the chemicals are useful")
HEDGES = {"en": frozenset({"maybe", "perhaps", "probably", "possibly", "likely"})}


def find_modality(view: SegmentView) -> list[Finding]:
    """Flag "was X" where the reference has "would be X" (any modal, the very form X)."""
    if view.lang not in MODALS or not view.ref_words:
        return []
    words, found = view.hyp_words, []
    if any(w.norm in HEDGES[view.lang] for w in words):
        return []
    for i in range(1, len(words)):
        m = view.matches[i]
        if m is None or not m.same_form or m.word < 2 or is_closed_class(words[i], view.lang):
            continue
        ref = view.ref_words[m.ref]
        if words[i - 1].norm in FACTUAL[view.lang] and ref[m.word - 1].norm == BE[view.lang] \
                and ref[m.word - 2].norm in MODALS[view.lang] and not view.between(i - 1, i).strip():
            found.append(Finding(i - 1, i, Severity.MAJOR, "tense-modal",
                                 '"{text}" states as a fact what the reference says with a modal: {suggestion}', 0.6,
                                 ref_span=(m.ref, m.word - 2, m.word)))
    return found


MODALITY = Detector("modality", frozenset({"tense-modal"}), "precise", find_modality)
