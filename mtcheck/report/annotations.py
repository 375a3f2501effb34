"""GitHub Actions workflow commands that annotate the flagged lines of the translation files."""
from __future__ import annotations

from ..gate import Verdict
from ..results import RunResult
from ..escape import terminal
from . import worst_first

LEVEL = {"critical": "error", "major": "warning", "minor": "notice"}


def _data(text: str) -> str:
    """Escape a workflow command's message: no line break, no control character."""
    return terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    """Escape a workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github_annotations(run: RunResult, verdict: Verdict | None = None) -> str:
    """Return one ::error/::warning/::notice line per flag, worst first (the verdict is the log's)."""
    lines = []
    for doc, seg, f in worst_first(run):
        line, col = seg.position(f) if doc.is_document else (seg.line or 1, None)
        where = f"file={_prop(doc.path)},line={line}" + (f",col={col}" if col else "")
        title = _prop(f"mtcheck {f.severity.value} {f.kind}")
        # the message names the reference's words already, when it has them
        suggestion = f' (reference: "{f.suggestion}")' if f.suggestion and f'"{f.suggestion}"' not in f.message else ""
        lines.append(f"::{LEVEL[f.severity.value]} {where},title={title}::{_data(f.message + suggestion)}")
    # what a document's check left out (no reference: which checks did not run) is said once per file
    lines += [f"::notice file={_prop(doc.path)},title=mtcheck note::{_data(note)}" for doc in run.documents
              for note in doc.notes]
    return "\n".join(lines) + ("\n" if lines else "")
