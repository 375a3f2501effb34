"""Editors' decisions on flags: exported by the HTML report, honoured by the next check.

A decision is keyed by the flag's kind, its text and the text around it, so a flag dismissed
once is not raised again on the same words in the same context, even if the document moves.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .io.text import read_text

FORMAT = "mtcheck-decisions"
VERSION = 1
CONTEXT = 40  # characters either side of a flag that make its context
DECISIONS = ("dismissed", "confirmed")


def flag_key(hypothesis: str, start: int, end: int, kind: str, suggestion: str | None = None) -> str:
    """Return the stable key of a flag: a hash of its kind, text and surrounding text."""
    left = hypothesis[max(0, start - CONTEXT):start]
    right = hypothesis[end:end + CONTEXT]
    extra = (suggestion or "") if start == end else ""  # an omission is known by what is missing
    data = "\x1f".join((kind, hypothesis[start:end], left, right, extra))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Decisions:
    """The editor's decision for each flag key."""

    by_key: dict

    def of(self, key: str) -> str | None:
        """Return 'dismissed', 'confirmed' or None for a flag key."""
        return self.by_key.get(key)


def read_decisions(path: str | Path) -> Decisions:
    """Read a decisions file exported by the HTML report."""
    name = str(path)
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}; give a file exported by the report", name, exc.lineno) from None
    except (ValueError, RecursionError):
        raise InputError("JSON that cannot be read; give a file exported by the report", name) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        raise InputError(f"not an mtcheck decisions file (format {FORMAT!r}, version {VERSION})", name)
    items = data.get("decisions", [])
    if not isinstance(items, list):
        raise InputError("'decisions' must be a list of decisions; give a file exported by the report", name)
    by_key = {}
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or item.get("decision") not in DECISIONS or not isinstance(item.get("key"), str):
            raise InputError(f"decision {n} needs a 'key' and a 'decision' of {' or '.join(DECISIONS)}", name)
        by_key[item["key"]] = item["decision"]
    return Decisions(by_key)
