"""A translation about something else: a hallucination, or a line paired with the wrong reference.

The whole translation gets one critical flag when its sentence similarity to the reference is
below the calibration's cut-off; flags on the words of such a text would explain nothing more.
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView, whole_reference


def find_unrelated(view: SegmentView) -> list[Finding]:
    """Flag a whole translation whose sentence similarity to the reference is below the cut-off."""
    cut = view.calibration.unrelated_below
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
