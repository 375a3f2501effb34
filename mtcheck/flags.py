"""A flag: a suspect span as character offsets into its text, and how bad it is."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


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
