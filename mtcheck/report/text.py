"""The terminal summary: scores per document, then flags worst first with file:line:column."""
from __future__ import annotations

from ..results import Flag, RunResult, SegmentResult
from . import worst_first


def _counts(counts: dict[str, int]) -> str:
    """Return '1 critical, 16 major, 0 minor'."""
    return ", ".join(f"{n} {sev}" for sev, n in counts.items())


def location(path: str, seg: SegmentResult, flag: Flag, batch: bool) -> str:
    """Return file:line:column of a flag; in a batch, file:line [id] and the offset in the segment."""
    if batch:
        return f"{path}:{seg.line} [{seg.id}] at {flag.start}"
    line, col = seg.position(flag)
    return f"{path}:{line}:{col}"


def render_text(run: RunResult, limit: int | None = None) -> str:
    """Return the summary a person reads in the terminal."""
    lines = []
    for doc in run.documents:
        refs = ", ".join(doc.references) or "references in the file"
        c = doc.corpus
        lines.append(f"{doc.path} (against {refs})")
        lines.append(
            f"  {len(doc.segments)} segments | BLEU {c.bleu:.1f} | chrF {c.chrf:.1f} | "
            f"similarity {c.similarity:.3f}" + (f" | TER {c.ter:.1f}" if c.ter is not None else "")
            + f" | flags: {_counts(doc.flag_counts)}")
    flags = worst_first(run)
    batches = {d.path for d in run.documents if d.mode == "batch"}
    if flags:
        lines.append("")
        lines.append("Flags, worst first:")
    shown = flags if limit is None else flags[:limit]
    for path, seg, flag in shown:
        where = location(path, seg, flag, batch=path in batches)
        arrow = f' -> "{flag.suggestion}"' if flag.suggestion else ""
        lines.append(f'{where}: {flag.severity.value} {flag.kind}: "{flag.text}"{arrow}')
        lines.append(f"    {flag.message} (confidence {flag.confidence:.2f})")
    if limit is not None and len(flags) > limit:
        lines.append(f"... and {len(flags) - limit} more flags (see the HTML or JSON report)")
    if not flags:
        lines.append("No flags.")
    return "\n".join(lines) + "\n"
