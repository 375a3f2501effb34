"""A passive where the reference is active with the same words in the same order: "Croatia
defeated by Denmark" for "Croatia beat Denmark" says that Denmark won."""
from __future__ import annotations

from ..lexicon import is_past_form
from ..results import Severity
from ..words import is_closed_class
from .base import Detector, Finding, SegmentView, one_clause
from .roles import content_anchor

AGENT = {"en": "by"}
# between the doer and the verb in the translation: the passive's auxiliary
BE = {"en": frozenset({"was", "were", "is", "are", "been", "be", "being", "got"})}
REACH = 4  # words from the doer to the done-to in the reference


def find_voice_flips(view: SegmentView) -> list[Finding]:
    """Flag "X V-ed by Y" where the reference has X and Y in this order with no agent between."""
    by = AGENT.get(view.lang)
    if by is None or not view.ref_words:
        return []
    words, found = view.hyp_words, []
    for b in range(2, len(words) - 1):
        if words[b].norm != by or not is_past_form(words[b - 1].norm) \
                or view.between(b - 1, b).strip() or view.between(b, b + 1).strip():
            continue
        y = b + 1 if content_anchor(view, b + 1) else None
        x = b - 2
        while x >= 0 and words[x].norm in BE[view.lang] and not view.between(x, x + 1).strip():
            x -= 1
        if y is None or x < 0 or not content_anchor(view, x) or any(view.between(k, k + 1).strip() for k in range(x, b - 1)):
            continue
        mx, my = view.matches[x], view.matches[y]
        ref = view.ref_words[mx.ref]
        if my.ref != mx.ref or not 0 < my.word - mx.word <= REACH:
            continue
        # the reference's verb between the two, and nothing of the closed classes: "Croatia beat
        # Denmark", not "the level that TED advocates" (an object relative) nor an agent of its own
        mv = view.matches[b - 1]
        text = view.references[mx.ref]
        if mv is None or mv.ref != mx.ref or not mx.word < mv.word < my.word \
                or any(is_closed_class(w, view.lang) for w in ref[mx.word + 1:my.word]) \
                or not one_clause(ref, text, mx.word, my.word):
            continue
        found.append(Finding(x, y, Severity.MAJOR, "role-reversal",
                             '"{text}" turns the roles round: the reference has {suggestion}', 0.6,
                             ref_span=(mx.ref, mx.word, my.word)))
    return found


VOICE = Detector("voice", frozenset({"role-reversal"}), "precise", find_voice_flips)
