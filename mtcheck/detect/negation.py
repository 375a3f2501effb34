"""Meaning flipped by a negation lost: the reference negates a word that the translation states.

"the government will resign" for "would not resign", "Walking is a substitute" for "is no
substitute", "which surprised most analysts" for "which came as no surprise": the translation
has the negated word, matched well in the reference, and no negation near it. A translation
that says the negation otherwise ("refused to pay", "unpaid") is left alone.
"""
from __future__ import annotations

from ..results import Severity
from ..words import Word, one_stem
from .base import Detector, Finding, SegmentView

# negation cues by language; languages without a list skip the detector
CUES = {"en": frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
                         "cannot", "nowhere", "hardly", "barely"})}
# words that negate what follows them, or are negative themselves ("refused to pay")
NEGATIVE_STEMS = {"en": ("refus", "reject", "deni", "deny", "fail", "lack", "avoid", "declin", "stop", "prevent",
                         "rule", "halt", "abandon", "un", "non", "dis", "in", "im", "ir", "il")}
# a cue that does not negate the word after it ("not only", "no longer", "nothing but")
NOT_NEGATING = {"en": frozenset({"only", "just", "merely", "less", "more", "longer", "doubt", "matter", "but",
                                 "sooner", "later", "least"})}
# words between a cue and what it negates ("not to pay", "no more than", "not be paid")
PASSED_OVER = {"en": frozenset({"a", "an", "the", "be", "been", "being", "to", "at", "all", "any", "as", "so",
                                "very", "too", "quite", "really", "even", "yet", "ever", "have", "has", "had"})}
SCOPE = 3  # words after a reference cue that may be what it negates
REACH = 4  # words either side of the translation's word where its own negation would stand
GOOD_MATCH = 0.7  # how well the translation's word must match the negated one


def is_cue(word: Word, lang: str) -> bool:
    """Return True if a word negates ("not", "never", "didn't")."""
    return word.norm in CUES.get(lang, ()) or word.norm.endswith("n't")


def _negated_word(words: tuple[Word, ...], j: int, lang: str) -> int | None:
    """Return the reference word that the cue at j negates: the first word after it but an
    article, an auxiliary or a particle ("not right", "would not resign", "no surprise")."""
    for k in range(j + 1, min(j + 1 + SCOPE, len(words))):
        if words[k].norm in NOT_NEGATING.get(lang, ()):
            return None
        if words[k].norm not in PASSED_OVER.get(lang, ()) and not is_cue(words[k], lang):
            return k
    return None


def _said_otherwise(view: SegmentView, i: int) -> bool:
    """Return True if the translation negates word i in its own way: a cue or a negative word
    near it in its clause, before or after ("no personal data were stolen" is "personal data
    were not stolen")."""
    stems = NEGATIVE_STEMS.get(view.lang, ())
    start, end = i, i
    while start > 0 and i - start < REACH and not any(c in view.between(start - 1, start) for c in ".;:!?"):
        start -= 1
    while end + 1 < len(view.hyp_words) and end - i < REACH and \
            not any(c in view.between(end, end + 1) for c in ".;:!?"):
        end += 1
    near = view.hyp_words[start:end + 1]
    return any(is_cue(w, view.lang) for w in near) or any(
        w.norm.startswith(stems) and w.norm != view.hyp_words[i].norm for w in near) or \
        view.hyp_words[i].norm.startswith(("un", "non", "dis"))


def find_lost_negation(view: SegmentView) -> list[Finding]:
    """Flag translation words that a reference negates and the translation does not."""
    if view.lang not in CUES or not any(is_cue(w, view.lang) for ws in view.ref_words for w in ws):
        return []  # most references negate nothing: no alignment table to build
    # the very word, or a form of it: a near-synonym may be the negation's antonym ("wrong" for
    # "not right" is right), which the embeddings match as well as the word itself
    by_ref_word = {(m.ref, m.word): i for i, m in enumerate(view.matches)
                   if m is not None and (m.same_form or m.similarity >= GOOD_MATCH
                                         and one_stem(view.hyp_words[i], view.ref_words[m.ref][m.word]))}
    found = []
    for k, words in enumerate(view.ref_words):
        for j, w in enumerate(words):
            if not is_cue(w, view.lang):
                continue
            target = _negated_word(words, j, view.lang)
            i = by_ref_word.get((k, target)) if target is not None else None
            if i is None or _said_otherwise(view, i):
                continue
            # the span starts at the counterpart of the word before the cue ("will" for "would")
            before = by_ref_word.get((k, j - 1))
            first = before if before is not None and i - REACH <= before < i else i
            found.append(Finding(
                first, i, Severity.MAJOR, "negation",
                '"{text}" states what the reference negates: it has {suggestion}',
                0.7, ref_span=(k, j - 1 if first < i and j > 0 else j, target)))
    return found


NEGATION = Detector("negation", frozenset({"negation"}), "precise", find_lost_negation)
