"""Repetition: words that repeat the words just before them when no reference repeats them.

Looping is how a translation model breaks down; a repeated word that the reference has too, or
that grammar allows ("had had"), is never flagged.
"""
from __future__ import annotations

from ..lexicon import lemmas
from ..results import Severity
from ..words import is_function_word
from .base import Detector, Finding, SegmentView

# a doubled word that is grammatical: "he had had", "so that that", "what it is is"
GRAMMATICAL_DOUBLES = {"en": frozenset({"had", "that", "is"})}
LONGEST_LOOP = 8  # words in the longest repeated unit looked for


def _occurs_in(sequence: list[str], texts: list[list[str]]) -> bool:
    """Return True if the word sequence occurs in one of the texts."""
    n = len(sequence)
    return any(t[k:k + n] == sequence for t in texts for k in range(len(t) - n + 1))


def _said_as_often(view: SegmentView, i: int, n: int, copies: int) -> bool:
    """Return True if a reference has a content word of the n words at i as often as they are
    repeated, in any of its forms ("fly into it, fly into it" for "it flies into it, and it flies")."""
    content = [lemmas(w.norm) for w in view.hyp_words[i:i + n] if not is_function_word(w, view.lang)]
    return any(sum(bool(forms & lemmas(r.norm)) for r in words) >= copies
               for words in view.ref_words for forms in content)


def _loop_at(view: SegmentView, norms: list[str], refs: list[list[str]], i: int, n: int) -> int:
    """Return how many copies of the n words at i follow each other, if no reference has two; else 0."""
    unit = norms[i:i + n]
    if norms[i + n:i + 2 * n] != unit or _occurs_in(norms[i:i + 2 * n], refs):
        return 0
    copies = 2
    while norms[i + copies * n:i + (copies + 1) * n] == unit:
        copies += 1
    words = view.hyp_words
    if copies == 2 and view.between(i + n - 1, i + n).strip() and (n < 3 or _said_as_often(view, i, n, copies)):
        return 0  # "go on, go on": repeated on purpose, with punctuation between
    if n == 1 and (words[i].is_capitalized or words[i].is_number
                   or words[i].norm in GRAMMATICAL_DOUBLES.get(view.lang, ())):
        return 0  # "Tian Tian", "Bora Bora", "had had"
    return copies


def find_repetition(view: SegmentView) -> list[Finding]:
    """Flag words that repeat the words just before them when no reference repeats them.

    A doubled word ("the the") is minor; a loop (a unit of three words or more, or any unit
    repeated three times or more) is major: it is how a translation model breaks down.
    """
    norms = [w.norm for w in view.hyp_words]
    # a repetition of n words at i needs word i again at i + n: look only at such (i, n)
    candidates, seen = [], {}
    for k, w in enumerate(norms):
        before = seen.setdefault(w, [])
        candidates += [(j, k - j) for j in before if k - j <= LONGEST_LOOP]
        before.append(k)
    if not candidates:
        return []
    refs = [[w.norm for w in ws] for ws in view.ref_words]
    found: list[Finding] = []
    for i, n in sorted(candidates):  # at each start, the shortest unit first
        if found and i <= found[-1].last:
            continue  # inside the repetition just found
        copies = _loop_at(view, norms, refs, i, n)
        if not copies:
            continue
        loops = n >= 3 or copies >= 3
        found.append(Finding(
            i + n, i + copies * n - 1, Severity.MAJOR if loops else Severity.MINOR, "repetition",
            '"{text}" repeats the words just before it'
            + (f" ({copies} times in all)" if copies > 2 else "")
            + ("; the reference does not: delete it" if view.references else "; delete it"),
            0.9 if loops else 0.7, suggest=False))
    return found


REPETITION = Detector("repetition", frozenset({"repetition"}), "overriding", find_repetition,
                      needs_reference=False)
