"""A translation about something else: a hallucination, or a line paired with the wrong reference.

The whole translation gets one critical flag when its sentence similarity to the reference is
below the calibration's cut-off; flags on the words of such a text would explain nothing more.
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView, whole_reference


# A text of fewer words than this is held to a lower cut-off: the sentence vectors of "The effect
# is okay" and "The outcome is not poor" are as far apart as those of unrelated sentences. On the
# MQM fit half, of the 20 unrelated flags on such texts between the two cut-offs, 9 stood on
# segments raters found error-free and 6 on segments with a major error.
SHORT_WORDS = 6
SHORT_MARGIN = 0.05


def find_unrelated(view: SegmentView) -> list[Finding]:
    """Flag a whole translation whose sentence similarity to the reference is below the cut-off."""
    cut = view.calibration.unrelated_below
    if cut is not None and len(view.hyp_words) < SHORT_WORDS:
        cut -= SHORT_MARGIN
    if cut is None or view.similarity is None or view.similarity >= cut or not view.hyp_words \
            or not view.ref_words:
        return []
    return [Finding(
        0, len(view.hyp_words) - 1, Severity.CRITICAL, "unrelated",
        f"the translation says something different from the reference (sentence similarity "
        f"{view.similarity:.2f}): a hallucination, or a line paired with the wrong reference; "
        "the reference has {suggestion}",
        min(0.95, 0.7 + (cut - view.similarity)), ref_span=whole_reference(view))]


UNRELATED = Detector("unrelated", frozenset({"unrelated"}), "whole", find_unrelated)
