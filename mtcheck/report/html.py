"""The HTML report: a view model built from the results, rendered by packaged Jinja2 templates.

Translated text is untrusted, so autoescaping is on for everything; spans are cut from the
text by their offsets, never found by searching. Every row is rendered on the server, so the
page reads without JavaScript and prints whole; the inline script adds sorting, filters,
search, keyboard navigation, paging for large batches and the editor's decisions.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gate import Verdict
from ..results import UNRATED, DocumentResult, Flag, RunResult, SegmentResult, Severity
from . import worst_first
from .text import location

PAGE = 200  # rows of a table shown before "Show more"; the script pages the rest
CHART_BINS = 20
CHART_WIDTH, CHART_HEIGHT = 400, 90


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


def figure(value: float | None, places: int) -> str:
    """Return a score as shown, or a dash for one that needs a reference."""
    return "–" if value is None else f"{value:.{places}f}"


def similarity_chart(segments: tuple[SegmentResult, ...]) -> dict | None:
    """Return the bars of a histogram of segment similarity, from min(0, lowest) to 1 (None: no reference)."""
    values = [s.scores.similarity for s in segments if s.scores.similarity is not None]
    if not values and segments:
        return None
    low = min([0.0, *values])
    width = (1.0 - low) / CHART_BINS or 1.0
    counts = [0] * CHART_BINS
    for v in values:
        counts[min(int((v - low) / width), CHART_BINS - 1)] += 1
    top = max(counts) or 1
    bar_w = CHART_WIDTH / CHART_BINS
    bars = [{"x": round(i * bar_w, 1), "w": round(bar_w - 2, 1), "h": round(c / top * CHART_HEIGHT, 1),
             "y": round(CHART_HEIGHT - c / top * CHART_HEIGHT, 1), "count": c,
             "low": round(low + i * width, 2), "high": round(low + (i + 1) * width, 2)}
            for i, c in enumerate(counts)]
    return {"bars": bars, "low": round(low, 2), "width": CHART_WIDTH, "height": CHART_HEIGHT, "top": max(counts)}


def _worst_rank(segment: SegmentResult) -> int:
    """Return 3, 2, 1 for the worst flag's severity, 0 for a clean segment."""
    return segment.worst.rank if segment.worst else 0


def document_index(documents: tuple[DocumentResult, ...]) -> list[dict]:
    """Return one row per document, worst first (most severe flags, then lowest quality, then highest penalty)."""
    rows = [{"number": n, "doc": d, "counts": d.flag_counts,
             "penalty": sum(s.scores.penalty for s in d.segments)} for n, d in enumerate(documents, start=1)]
    return sorted(rows, key=lambda r: (-r["counts"]["critical"], -r["counts"]["major"],
                                       -r["counts"]["minor"], _quality_key(r["doc"]), -r["penalty"]))


def _quality_key(doc: DocumentResult) -> float:
    """Return a document's mean quality for sorting worst first (one without a quality last)."""
    return UNRATED if doc.corpus.quality is None else doc.corpus.quality


def _environment():
    """Return the Jinja2 environment over the package's templates, autoescaping everything."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("mtcheck", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["breakable"] = breakable
    env.filters["figure"] = figure
    return env


def breakable(text: str):
    """Return text escaped for HTML, with a line-break opportunity after each slash of a path."""
    from markupsafe import Markup, escape

    return Markup(str(escape(text)).replace("/", "/<wbr>"))


def render_html(run: RunResult, verdict: Verdict | None = None) -> str:
    """Return the report as one self-contained HTML page, with the gate's verdict when a gate ran."""
    ranked = worst_first(run)
    numbers = {id(flag): n for n, (_, _, flag) in enumerate(ranked, start=1)}
    # rows come worst first, as the page opens, so the browser need not reorder thousands of them
    documents = []
    for n, doc in enumerate(run.documents, start=1):
        rows = [{"segment": s, "order": k, "pieces": pieces(s, numbers), "worst": _worst_rank(s)}
                for k, s in enumerate(doc.segments, start=1)]
        rows.sort(key=lambda r: (r["segment"].worst_first_key, r["order"]))
        # a document checked without a reference has no Reference column to show
        documents.append({"number": n, "doc": doc, "segments": rows,
                          "has_reference": any(s.references for s in doc.segments)})
    flags = [{"number": numbers[id(f)], "flag": f, "segment": s, "doc": d, "where": location(d, s, f)}
             for d, s, f in ranked]
    env = _environment()
    return env.get_template("report.html").render(
        run=run, verdict=verdict, documents=documents, flags=flags,
        css=env.loader.get_source(env, "report.css")[0],
        js=env.loader.get_source(env, "report.js")[0],
        counts=run.flag_counts, segment_count=len(run.segments), page=PAGE,
        kinds=sorted({f.kind for _, _, f in ranked}), severities=[s.value for s in Severity],
        has_source=any(s.source for s in run.segments),
        chart=similarity_chart(run.segments),
        index=document_index(run.documents) if len(run.documents) > 1 else [],
        suppressed=sum(d.suppressed for d in run.documents), hints=sum(d.hints for d in run.documents))
