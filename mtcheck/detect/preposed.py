"""A phrase put before the name it describes, in the source's order: "The close to Trump Whitkoff"
for "Witkoff, who is close to Trump".

Slavic and Germanic languages put a participle or an adjective with its complement before the
noun ("близкий к Трампу Уиткофф"); English cannot ("the former minister Novak" is English, "the
close to Trump Witkoff" is not), and says it after the name, in a relative clause. The reference shows that clause: the name, a comma, "who is" (or "which was", ...), and
the very words the translation puts between a determiner and the name, then a comma.
"""
from __future__ import annotations

from ..lexicon import may_be_adjective
from ..results import Severity
from .base import Detector, Finding, SegmentView
from .names import MIN_RATIO, likeness

DETERMINERS = {"en": frozenset({"the", "a", "an"})}
RELATIVES = {"en": frozenset({"who", "which", "that"})}
COPULAS = {"en": frozenset({"is", "was", "are", "were"})}
# an adjective's complement: "close to", "responsible for", "known for"; a phrase without one
# may stand before a name in English ("the former minister Novak")
PREPOSITIONS = {"en": frozenset({"to", "for", "with", "of", "by", "from", "in", "on", "at", "about", "against"})}
MIN_WORDS, MAX_WORDS = 2, 6  # the phrase moved: "close to Trump"


def find_preposed_phrases(view: SegmentView) -> list[Finding]:
    """Flag the words between a determiner and a name that the reference says after the name, in a relative clause."""
    if view.lang not in DETERMINERS:
        return []
    clauses = _relative_clauses(view)  # few references have one: the translation is read only then
    if not clauses:
        return []
    words, found = view.hyp_words, []
    norms = [w.norm for w in words]
    for r, name, first, last in clauses:
        run = [w.norm for w in view.ref_words[r][first:last + 1]]
        if not may_be_adjective(run[0]) or PREPOSITIONS[view.lang].isdisjoint(run[1:]):
            continue
        for i in range(1, len(words) - len(run)):
            after = i + len(run)
            if norms[i:after] != run or norms[i - 1] not in DETERMINERS[view.lang] \
                    or not words[after].is_capitalized or not _names(view, after, r, name):
                continue
            found.append(Finding(i, after - 1, Severity.MAJOR, "word-order",
                                 '"{text}" stands before the name it describes, in the source\'s order; '
                                 "the reference has {suggestion}", 0.6, ref_span=(r, name, last)))
    return found


def _relative_clauses(view: SegmentView) -> list[tuple[int, int, int, int]]:
    """Return (reference, name, first, last) for each "Name, who is <first..last>," of the references."""
    lang, out = view.lang, []
    for r, ref in enumerate(view.ref_words):
        text = view.references[r]
        for j in range(len(ref) - 1):
            if not ref[j].is_capitalized or ref[j + 1].norm not in RELATIVES[lang] \
                    or text[ref[j].end:ref[j + 1].start].strip() != ",":
                continue
            first = j + 2 + (j + 2 < len(ref) and ref[j + 2].norm in COPULAS[lang])
            last = first
            while last + 1 < len(ref) and not text[ref[last].end:ref[last + 1].start].strip():
                last += 1
            ends_with_comma = last + 1 < len(ref) and text[ref[last].end:ref[last + 1].start].strip() == ","
            if ends_with_comma and MIN_WORDS <= last - first + 1 <= MAX_WORDS:
                out.append((r, j, first, last))
    return out


def _names(view: SegmentView, i: int, r: int, name: int) -> bool:
    """Return True if translation word i is reference r's name, spelt alike ("Whitkoff" for "Witkoff")."""
    return likeness(view.hyp_words[i], view.ref_words[r][name]) >= MIN_RATIO


PREPOSED = Detector("preposed", frozenset({"word-order"}), "wording", find_preposed_phrases)
