"""Detectors: pure functions from a SegmentView to Findings, merged into Flags.

Every detector sees the same view of one aligned segment (words, their best reference matches,
the reference and source vocabulary) and returns Findings over translation word indices. The
findings are merged where they overlap and turned into Flags with character offsets taken from
the word tokens, never by searching the text again.
"""
from __future__ import annotations

from .base import Detector, Finding, SegmentView, build_view
from ..calibration.confidence import calibrate_flags
from .merge import to_flags
from .names import find_name_mismatches
from .nonwords import find_nonwords
from .numbers import find_number_mismatches
from .order import find_inversions
from .output import (find_copied_source, find_repetition, find_truncation, find_unrelated,
                     find_untranslated, supersede)
from .similarity import find_unmatched_words
from .wordrisk import find_risky_wording, give_way

DETECTORS: tuple[Detector, ...] = (
    find_nonwords,
    find_name_mismatches,
    find_number_mismatches,
    find_unmatched_words,
    find_inversions,
    find_risky_wording,
    find_unrelated,
    find_untranslated,
    find_copied_source,
    find_repetition,
    find_truncation,
)

__all__ = ["DETECTORS", "Finding", "SegmentView", "build_view", "detect"]


def detect(view: SegmentView, detectors: tuple[Detector, ...] = DETECTORS):
    """Run the detectors on one segment and return its merged flags, in text order."""
    findings = [f for run in detectors for f in run(view)]
    flags = to_flags(view, give_way(view, supersede(findings)))
    return calibrate_flags(flags, view.calibration.confidence_maps)
