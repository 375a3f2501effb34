"""Words whose best match in the reference is weak: mistranslated or garbled wording."""
from __future__ import annotations

from ..results import Severity
from ..words import is_function_word
from .base import Finding, SegmentView

MAJOR_BELOW = 0.40  # contextual cosine of the best reference match
MINOR_BELOW = 0.50


def find_unmatched_words(view: SegmentView) -> list[Finding]:
    """Flag content words with no good contextual match in any reference."""
    found = []
    for i, w in enumerate(view.hyp_words):
        m = view.matches[i]
        if m is None or m.same_form or w.is_number or is_function_word(w, view.lang):
            continue
        if m.similarity >= MINOR_BELOW:
            continue
        severity = Severity.MAJOR if m.similarity < MAJOR_BELOW else Severity.MINOR
        # the further below the cut-off, the surer: 0.5 at the cut-off, 0.95 at cosine 0.05
        confidence = min(0.95, 0.5 + (MINOR_BELOW - m.similarity))
        found.append(Finding(
            i, i, severity, "mistranslation",
            f'"{{text}}" matches nothing in the reference well (similarity {m.similarity:.2f}); '
            "the reference has {suggestion}",
            confidence, "similarity"))
    return found
