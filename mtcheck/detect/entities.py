"""Another name in the reference's place: "said that Germany will help to build barracks for the
Polish brigade" for "said Poland would help build barracks for the German brigade".

The alignment pairs each word with its best match anywhere, so a name swapped with another
matches its own form elsewhere in the reference ("Germany" with "German") and the similarity
detector sees nothing wrong. Between the same two anchors (words written as the reference writes
them, a few words apart in both texts), the reference has another name, which no word of the
translation matches and which is not spelled like this one (not another transliteration).
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView
from .names import MIN_RATIO, likeness

SLOT = 3  # words on each side of the name to its anchors, and between the anchors in the reference


def _forms_of_one_name(a: str, b: str) -> bool:
    """Return True for two forms of one name: all but the shorter one's last letter alike, at least four."""
    stem = min(len(a), len(b)) - 1
    return a != b and stem >= 4 and a[:stem] == b[:stem]


def _anchor(view: SegmentView, steps) -> int | None:
    """Return the first translation word along ``steps`` that the reference writes alike, or None."""
    return next((k for k in steps if view.matches[k] is not None and view.matches[k].same_form), None)


def find_entity_swaps(view: SegmentView) -> list[Finding]:
    """Flag a name matched elsewhere in another form where the reference, in its place, names another."""
    if not view.ref_words:
        return []
    words, matches, found = view.hyp_words, view.matches, []
    taken = None  # the reference words matched, gathered for the first candidate only
    for i in range(1, len(words) - 1):
        m = matches[i]
        if m is None or not words[i].text[:1].isupper() or words[i].is_number:
            continue
        ref = view.ref_words[m.ref]
        if not _forms_of_one_name(words[i].norm, ref[m.word].norm):
            continue
        left = _anchor(view, range(i - 1, max(-1, i - SLOT - 1), -1))
        right = _anchor(view, range(i + 1, min(len(words), i + SLOT + 1)))
        if left is None or right is None:
            continue
        ml, mr = matches[left], matches[right]
        if not (ml.ref == mr.ref == m.ref and 0 < mr.word - ml.word <= SLOT + 1) or ml.word < m.word < mr.word:
            continue
        taken = taken if taken is not None else {(x.ref, x.word) for x in matches if x is not None}
        others = [j for j in range(ml.word + 1, mr.word)
                  if ref[j].text[:1].isupper() and not ref[j].is_number and (m.ref, j) not in taken
                  and likeness(ref[j], words[i]) < MIN_RATIO]  # spelt alike: another spelling, not another name
        if others:
            found.append(Finding(i, i, Severity.MAJOR, "name-mismatch",
                                 '"{text}" stands where the reference names {suggestion}', 0.6,
                                 ref_span=(m.ref, others[0], others[-1])))
    return found


ENTITIES = Detector("entities", frozenset({"name-mismatch"}), "precise", find_entity_swaps)
