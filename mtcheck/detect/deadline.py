"""A deadline turned into a duration: "will close its plant until the end of March" for "by the
end of March".

"By" a time says when something is done; "until" a time says how long it goes on, so the plant
that closes "until the end of March" opens again. Word-for-word translation confuses them where
the source's preposition means both (Slovak "do", Czech "do", Polish "do"). The translation's
"until" is flagged where the reference has "by" before the very words that follow it
("the end of March").
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView

DURATION = {"en": frozenset({"until", "till", "til"})}
DEADLINE = {"en": "by"}
DETERMINERS = {"en": frozenset({"the", "a", "an", "this", "next", "its", "their"})}
REACH = 3  # determiners between the preposition and its time word


def find_deadlines_as_durations(view: SegmentView) -> list[Finding]:
    """Flag "until X" where the reference has "by X"."""
    lang = view.lang
    if lang not in DURATION or not view.ref_words:
        return []
    words, found = view.hyp_words, []
    for i, w in enumerate(words[:-1]):
        if w.norm not in DURATION[lang]:
            continue
        n = i + 1
        while n < len(words) - 1 and n - i <= REACH and words[n].norm in DETERMINERS[lang]:
            n += 1
        m = view.matches[n]
        if m is None or not m.same_form or words[n].norm in DETERMINERS[lang]:
            continue
        ref = view.ref_words[m.ref]
        k = m.word - (n - i)  # the reference's preposition, across as many determiners
        if k < 0 or ref[k].norm != DEADLINE[lang] \
                or any(ref[j].norm != words[i + (j - k)].norm for j in range(k + 1, m.word)):
            continue
        # the flag runs to the time word, as its suggestion does: "until the end" -> "by the end"
        found.append(Finding(i, n, Severity.MAJOR, "preposition",
                             '"{text}" says how long, where the reference gives a deadline: {suggestion}', 0.6,
                             ref_span=(m.ref, k, m.word)))
    return found


DEADLINE_DETECTOR = Detector("deadline", frozenset({"preposition"}), "precise", find_deadlines_as_durations)
