"""Reports of a RunResult: one renderer per format behind one protocol, and write_reports().

Results are data; rendering is separate (as coverage.py gathers, then renders). Every renderer
takes the run and the gate's verdict (None without a gate) and returns text; write_reports()
sends each to its file, written atomically, or to a stream. Renderers are imported when used,
so that Jinja2 loads only for the HTML report.
"""
from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Protocol, TextIO, Union

from ..files import output_lock, write_atomic
from ..results import DocumentResult, Flag, RunResult, SegmentResult

if TYPE_CHECKING:
    from ..gate import Verdict


class Renderer(Protocol):
    """What every report format provides."""

    def __call__(self, run: RunResult, verdict: "Verdict | None" = None) -> str:
        """Return the report of a run (with the gate's verdict, when a gate ran) as text."""
        ...


# format -> (module of this package, its renderer)
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "render_text"),
    "json": ("json", "render_json"),
    "junit": ("junit", "render_junit"),
    "markdown": ("markdown", "render_markdown"),
    "annotations": ("annotations", "render_github_annotations"),
    "html": ("html", "render_html"),
}

Target = Union[str, Path, TextIO]  # a file to write atomically, "-" for standard output, or a stream


def renderer(name: str) -> Renderer:
    """Return the renderer of a report format."""
    module, function = REPORTERS[name]
    return getattr(import_module(f".{module}", __name__), function)


def write_reports(run: RunResult, verdict: "Verdict | None", targets: Mapping[str, Target],
                  options: Mapping[str, Mapping] | None = None) -> None:
    """Render each requested format and write it to its target; ``options`` go to a renderer by name."""
    texts = {name: renderer(name)(run, verdict, **(options or {}).get(name, {})) for name in targets}
    files = [t for t in targets.values() if isinstance(t, (str, Path)) and str(t) != "-"]
    with output_lock(files):  # another run writing these reports waits: each leaves a whole set
        for name, target in targets.items():
            if isinstance(target, (str, Path)) and str(target) == "-":
                sys.stdout.write(texts[name])
            elif isinstance(target, (str, Path)):
                write_atomic(target, texts[name])
            else:
                target.write(texts[name])


def worst_first(run: RunResult) -> list[tuple[DocumentResult, SegmentResult, Flag]]:
    """Return (document, segment, flag) for every flag, most severe and surest first."""
    items = [(d, s, f) for d in run.documents for s in d.segments for f in s.flags]
    return sorted(items, key=lambda t: (-t[2].severity.rank, -t[2].confidence))


__all__ = ["REPORTERS", "Renderer", "Target", "renderer", "worst_first", "write_reports"]
