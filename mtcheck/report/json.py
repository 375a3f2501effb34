"""The JSON report: RunResult.to_dict() as versioned, documented JSON (docs/json-schema.md)."""
from __future__ import annotations

import json

from ..gate import Verdict
from ..results import RunResult


def render_json(run: RunResult, verdict: Verdict | None = None) -> str:
    """Return the run (and the gate's verdict, when a gate ran) as pretty-printed UTF-8 JSON."""
    data = run.to_dict()
    if verdict is not None:
        data["gate"] = verdict.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
