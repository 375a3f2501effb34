"""Another name put inside a possessive's phrase: "He opposed Joe Biden's Trump administration" for
"He contrasted Joe Biden's administration with Trump's".

The reference has the possessive right before its noun and the other name elsewhere, as a
possessive of its own; the translation runs them together, so one name's possession reads as
the other's ("Biden's Trump administration"). A name the reference has nowhere, or as a name
of the noun ("Iran's news agency 'IRNA'"), is left alone.
"""
from __future__ import annotations

from ..results import Severity
from ..words import is_closed_class, is_possessive
from .base import Detector, Finding, SegmentView

LANGS = frozenset({"en"})  # an English possessive 's, which words.is_possessive reads


def find_names_inside_possessives(view: SegmentView) -> list[Finding]:
    """Flag "A's B noun" where the reference has "A's noun" and B elsewhere."""
    if view.lang not in LANGS:
        return []
    words, found = view.hyp_words, []
    for i in range(len(words) - 2):
        owner, other, noun, m = words[i], words[i + 1], words[i + 2], view.matches[i]
        if not is_possessive(owner) or m is None or not m.same_form \
                or not other.is_capitalized or noun.is_capitalized or is_closed_class(noun, view.lang) \
                or view.between(i, i + 1).strip() or view.between(i + 1, i + 2).strip():
            continue
        ref = view.ref_words[m.ref]
        if m.word + 1 >= len(ref) or ref[m.word + 1].norm != noun.norm \
                or view.references[m.ref][ref[m.word].end:ref[m.word + 1].start].strip():
            continue
        # the other name a possessive of its own there ("with Trump's"), not a name of the noun
        # ("Iran's news agency 'IRNA'" for "Iran's IRNA news agency" is right)
        elsewhere = [j for j, w in enumerate(ref) if w.folded == other.folded and is_possessive(w)]
        if not elsewhere or m.word - 1 in elsewhere:  # "Trump's Biden's administration" keeps the order
            continue
        first = _name_start(view, i)
        ref_first = m.word - (i - first)  # the reference's name as long as the translation's: "Joe Biden's"
        found.append(Finding(first, i + 2, Severity.MAJOR, "word-order",
                             '"{text}" puts a name inside another\'s phrase; '
                             "the reference has {suggestion}", 0.6,
                             ref_span=(m.ref, max(0, ref_first), max(m.word + 1, *elsewhere))))
    return found


def _name_start(view: SegmentView, i: int) -> int:
    """Return the first word of the name that ends at word i ("Joe Biden's")."""
    words = view.hyp_words
    while i > 0 and words[i - 1].is_capitalized and not view.between(i - 1, i).strip() \
            and not view.sentence_initial(i - 1):
        i -= 1
    return i


POSSESSIVE = Detector("possessive", frozenset({"word-order"}), "wording", find_names_inside_possessives)
