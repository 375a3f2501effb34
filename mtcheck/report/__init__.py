"""Renderers of a RunResult (text, JSON, HTML) and the atomic file writer they share."""
from __future__ import annotations

from ..results import DocumentResult, Flag, RunResult, SegmentResult


def worst_first(run: RunResult) -> list[tuple[DocumentResult, SegmentResult, Flag]]:
    """Return (document, segment, flag) for every flag, most severe and surest first."""
    items = [(d, s, f) for d in run.documents for s in d.segments for f in s.flags]
    return sorted(items, key=lambda t: (-t[2].severity.rank, -t[2].confidence))
