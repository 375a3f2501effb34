"""The HTML report: a view model built from the results, rendered by a packaged Jinja2 template.

Translated text is untrusted, so autoescaping is on for everything; spans are cut from the
text by their offsets, never found by searching.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..results import Flag, RunResult, SegmentResult
from . import worst_first
from .text import location


@dataclass(frozen=True)
class Piece:
    """A run of a segment's text, with the flag that covers it (if any) and that flag's number."""

    text: str
    flag: Flag | None = None
    number: int | None = None


def pieces(segment: SegmentResult, numbers: dict[int, int]) -> list[Piece]:
    """Cut a segment's translation into plain and flagged pieces by the flags' offsets.

    A zero-width flag (an omission) becomes an empty flagged piece at its place.
    """
    out, pos = [], 0
    for flag in sorted(segment.flags, key=lambda f: (f.start, f.end)):
        if flag.start < pos:  # flags are merged upstream; overlap would be a bug, show it plainly
            continue
        if flag.start > pos:
            out.append(Piece(segment.hypothesis[pos:flag.start]))
        out.append(Piece(segment.hypothesis[flag.start:flag.end], flag, numbers[id(flag)]))
        pos = flag.end
    if pos < len(segment.hypothesis):
        out.append(Piece(segment.hypothesis[pos:]))
    return out


def _environment():
    """Return the Jinja2 environment over the package's templates, autoescaping everything."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("mtcheck", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(run: RunResult) -> str:
    """Return the report as one self-contained HTML page."""
    ranked = worst_first(run)
    numbers = {id(flag): n for n, (_, _, flag) in enumerate(ranked, start=1)}
    documents = [
        {"doc": doc,
         "segments": [{"segment": s, "pieces": pieces(s, numbers)} for s in doc.segments]}
        for doc in run.documents
    ]
    flags = [{"number": numbers[id(f)], "flag": f, "segment": s, "where": location(d, s, f)}
             for d, s, f in ranked]
    env = _environment()
    css = env.loader.get_source(env, "report.css")[0]
    return env.get_template("report.html").render(
        run=run, documents=documents, flags=flags, css=css,
        counts=run.flag_counts, segment_count=len(run.segments))
