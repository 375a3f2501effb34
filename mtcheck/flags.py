"""A flag: a suspect span as character offsets into its text, and how bad it is."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Sequence

# minor flags of these kinds are hints: weak evidence, counted in the scores and shown on request
# (a wording that matches a little weakly; a little-known name in another transliteration)
HINT_KINDS = frozenset({"mistranslation", "name-mismatch"})


class Severity(str, Enum):
    """How bad a flag is; compare with .rank (critical is worst)."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        """Return 3 for critical, 2 for major, 1 for minor."""
        return {"critical": 3, "major": 2, "minor": 1}[self.value]


@dataclass(frozen=True)
class Flag:
    """A suspect span: character offsets [start, end) into its segment's hypothesis."""

    start: int
    end: int
    text: str
    severity: Severity
    kind: str
    message: str
    confidence: float
    suggestion: str | None = None
    detector: str = ""
    key: str = ""  # stable across runs: kind, text and context (decisions.py)
    decision: str | None = None  # "confirmed" by an editor; dismissed flags are not kept

    def to_dict(self) -> dict[str, Any]:
        """Return the flag as a JSON-ready dictionary."""
        return {
            "key": self.key,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "severity": self.severity.value,
            "kind": self.kind,
            "message": self.message,
            "confidence": round(self.confidence, 3),
            "suggestion": self.suggestion,
            "detector": self.detector,
            "decision": self.decision,
        }

    @property
    def is_hint(self) -> bool:
        """Return True for weak evidence: a minor mistranslation, which raters marked about one time
        in four, or a minor name mismatch, another transliteration that the house style settles.

        Such a flag costs an editor more than it finds (benchmarks/README.md, "editor.py"), but it
        says how far a segment strays: the penalty and the quality score count it, shown or not.
        """
        return self.severity is Severity.MINOR and self.kind in HINT_KINDS


def split_hints(flags: Sequence[Flag], show: bool) -> tuple[tuple[Flag, ...], tuple[Flag, ...]]:
    """Return (the flags to show, the hints kept for scoring alone); with ``show``, every flag is shown."""
    if show:
        return tuple(flags), ()
    return tuple(f for f in flags if not f.is_hint), tuple(f for f in flags if f.is_hint)
