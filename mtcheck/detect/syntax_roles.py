"""Roles turned round, by the parse (--syntax): a word that does the action in the reference and
undergoes it in the translation, or the other way round, under the same verb.

"Croatia defeated by Denmark" for "Croatia beat Denmark": Denmark is the doer in the
translation (the agent of a passive) and the one beaten in the reference. A passive that keeps
the roles ("bears were attacked by six people" for "six people attacked bears") is not flagged.
"""
from __future__ import annotations

from ..results import Severity
from ..words import one_stem
from .base import Detector, Finding, SegmentView


def find_swapped_roles(view: SegmentView) -> list[Finding]:
    """Flag words whose role under their verb is the opposite of their counterpart's in the reference."""
    if view.roles is None or not view.ref_roles:
        return []
    found = []
    for i, role in enumerate(view.roles):
        m = view.matches[i]
        if role is None or m is None or not (m.same_form or one_stem(view.hyp_words[i], view.ref_words[m.ref][m.word])):
            continue
        theirs = view.ref_roles[m.ref][m.word]
        verb = view.matches[role.head]
        if theirs is None or theirs.role == role.role or verb is None or verb.ref != m.ref or verb.word != theirs.head:
            continue
        first, last = min(i, role.head), max(i, role.head)
        found.append(Finding(first, last, Severity.MAJOR, "role-reversal",
                             '"{text}" turns the roles round: the reference has {suggestion}', 0.6,
                             ref_span=(m.ref, min(m.word, theirs.head), max(m.word, theirs.head))))
    return found


SYNTAX_ROLES = Detector("syntax", frozenset({"role-reversal"}), "precise", find_swapped_roles)
