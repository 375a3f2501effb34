"""A verb left out with its "to": "Attempted tension" for "Attempts to stir up tension".

The translation keeps the words on both sides, next to each other, and makes the first another
form of its word to join them; what the reference says between them, "to" and a verb, has no
counterpart anywhere in the translation. Measured on heen's 3,770 and MQM's clean and major
segments: no flag on an error-free one (benchmarks/README.md, "The seed").
"""
from __future__ import annotations

from ..results import Severity
from ..words import is_function_word, one_stem
from .base import Detector, Finding, SegmentView

MAX_GAP = 4  # reference words left out: "to stir up"
INFINITIVE_MARKS = {"en": "to"}


def find_lost_infinitives(view: SegmentView) -> list[Finding]:
    """Flag two neighbouring words whose reference counterparts have "to" and an unmatched verb between them."""
    mark = INFINITIVE_MARKS.get(view.lang)
    words, matches, found = view.hyp_words, view.matches, []
    if mark is None:
        return []
    taken = None  # the reference words matched, gathered for the first candidate only
    for i in range(len(words) - 1):
        a, b = matches[i], matches[i + 1]
        if a is None or b is None or a.same_form or not b.same_form or a.ref != b.ref \
                or view.between(i, i + 1).strip():
            continue
        ref = view.ref_words[a.ref]
        gap = range(a.word + 1, b.word)
        if not 2 <= len(gap) <= MAX_GAP or ref[gap[0]].norm != mark or not one_stem(words[i], ref[a.word]):
            continue
        taken = taken if taken is not None else {(m.ref, m.word) for m in matches if m is not None}
        lost = [j for j in gap[1:] if not is_function_word(ref[j], view.lang) and (a.ref, j) not in taken
                and not any(one_stem(w, ref[j]) for w in words)]
        if lost:
            found.append(Finding(i, i + 1, Severity.MAJOR, "omission",
                                 '"{text}" leaves out what the reference says between these words: {suggestion}',
                                 0.6, ref_span=(a.ref, a.word, b.word)))
    return found


OMISSION = Detector("omission", frozenset({"omission"}), "wording", find_lost_infinitives)
