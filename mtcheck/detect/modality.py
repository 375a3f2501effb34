"""A fact where the reference has a modal: "was presented in June" for "would be presented in
June", "the disease was found" for "can be found", "have already been signed" for "still have
to be signed".

Wording moves modals about freely ("will build" for "to establish", "it's possible that ... can"
for "may"), so only the plainest case is read: the same verb form after "be" in both texts, with
a modal before the reference's "be" ("would be presented") or an obligation ("has to be
signed"), and a plain "was" or "were" ("was presented") or a perfect ("has (already) been
signed") before the translation's, and no "maybe" or "perhaps" in its sentence. The
translation then says that something happened where the reference says it will, would, may or
still has to.
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
# a perfect says it is done: "has been signed", "have already been signed"
PERFECT = {"en": (frozenset({"has", "have", "had"}), "been", frozenset({"already", "now", "just", "since"}))}
# an obligation before the reference's "be": "has to be signed", "still needs to be approved"
OBLIGATION = {"en": (frozenset({"has", "have", "had", "need", "needs", "ought"}), "to")}
# a schedule in the reference ("are due to start") said with a modal of doubt or duty ("should start")
SCHEDULE = {"en": (frozenset({"should"}), ("due", "to"))}
# a modal said otherwise in the translation ("maybe the chemicals are useful")
HEDGES = {"en": frozenset({"maybe", "perhaps", "probably", "possibly", "likely"})}


def find_modality(view: SegmentView) -> list[Finding]:
    """Flag "was X" where the reference has "would be X" (any modal, the very form X), and
    "should X" where it has "due to X"."""
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
        first, modal = _factual_start(view, i), _modal_start(view, ref, m.word)
        if first is not None and modal is not None:
            found.append(Finding(first, i, Severity.MAJOR, "tense-modal",
                                 '"{text}" states as a fact what the reference says with a modal: {suggestion}', 0.6,
                                 ref_span=(m.ref, modal, m.word)))
        elif _scheduled(view, ref, i, m.word):
            found.append(Finding(i - 1, i, Severity.MINOR, "tense-modal",
                                 '"{text}" adds doubt or duty where the reference gives a schedule: {suggestion}', 0.4,
                                 ref_span=(m.ref, m.word - 2, m.word)))
    return found


def _scheduled(view: SegmentView, ref, i: int, k: int) -> bool:
    """Return True if "should X" (word i) stands for the reference's "due to X" (word k)."""
    modals, (due, to) = SCHEDULE[view.lang]
    return view.hyp_words[i - 1].norm in modals and not view.between(i - 1, i).strip() \
        and k >= 2 and ref[k - 1].norm == to and ref[k - 2].norm == due


def _factual_start(view: SegmentView, i: int) -> int | None:
    """Return the first word of "was X" or "has (already) been X" ending at word i, or None."""
    words, lang = view.hyp_words, view.lang
    if view.between(i - 1, i).strip():
        return None
    if words[i - 1].norm in FACTUAL[lang]:
        return i - 1
    auxiliaries, been, adverbs = PERFECT[lang]
    if words[i - 1].norm != been:
        return None
    j = i - 2
    if j >= 0 and words[j].norm in adverbs:
        j -= 1
    if j < 0 or words[j].norm not in auxiliaries:
        return None
    # "would have been spread" keeps its modal
    return None if j > 0 and words[j - 1].norm in MODALS[lang] else j


def _modal_start(view: SegmentView, ref, k: int) -> int | None:
    """Return the first word of "would be X" or "has to be X" ending at reference word k, or None."""
    lang = view.lang
    if ref[k - 1].norm != BE[lang]:
        return None
    if ref[k - 2].norm in MODALS[lang]:
        return k - 2
    verbs, to = OBLIGATION[lang]
    return k - 3 if k >= 3 and ref[k - 2].norm == to and ref[k - 3].norm in verbs else None


MODALITY = Detector("modality", frozenset({"tense-modal"}), "precise", find_modality)
