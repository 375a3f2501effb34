"""The JSON report: RunResult.to_dict() as versioned, documented JSON (docs/json-schema.md)."""
from __future__ import annotations

import json

from ..results import RunResult


def render_json(run: RunResult) -> str:
    """Return the run as pretty-printed UTF-8 JSON."""
    return json.dumps(run.to_dict(), ensure_ascii=False, indent=2) + "\n"
