"""Renderers of a RunResult (text, JSON, HTML) and the atomic file writer they share."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..results import DocumentResult, Flag, RunResult, SegmentResult


def write_atomic(path: str | Path, text: str) -> None:
    """Write text to path so that readers see the old file or the whole new one, never a part."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def worst_first(run: RunResult) -> list[tuple[DocumentResult, SegmentResult, Flag]]:
    """Return (document, segment, flag) for every flag, most severe and surest first."""
    items = [(d, s, f) for d in run.documents for s in d.segments for f in s.flags]
    return sorted(items, key=lambda t: (-t[2].severity.rank, -t[2].confidence))
