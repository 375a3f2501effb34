"""The terminal summary: scores per document, then flags worst first with file:line:column."""
from __future__ import annotations

from ..gate import Verdict
from ..results import DocumentResult, Flag, RunResult, SegmentResult
from . import worst_first
from ..escape import no_workflow_commands, terminal


def _counts(counts: dict[str, int]) -> str:
    """Return '1 critical, 16 major, 0 minor'."""
    return ", ".join(f"{n} {sev}" for sev, n in counts.items())


def location(doc: DocumentResult, seg: SegmentResult, flag: Flag) -> str:
    """Return file:line:column of a flag; for records and units, file:line [id] and the offset."""
    if not doc.is_document:
        where = f"{doc.path}:{seg.line}" if seg.line else doc.path
        return f"{where} [{seg.id}] at {flag.start}"
    line, col = seg.position(flag)
    return f"{doc.path}:{line}:{col}"


def render_text(run: RunResult, verdict: Verdict | None = None, limit: int | None = None) -> str:
    """Return the summary a person reads in the terminal (the verdict follows it, on its own stream)."""
    lines = []
    for doc in run.documents:
        refs = ", ".join(map(terminal, doc.references)) or "references in the file"
        lines.append(f"{terminal(doc.path)} (against {refs})" if doc.references or not doc.is_document
                     else f"{terminal(doc.path)} (no reference)")
        lines.append(f"  {_segments(doc.segment_count)} | {scores_line(doc.corpus)} | flags: {_counts(doc.flag_counts)}")
        lines += [f"  note: {terminal(note)}" for note in doc.notes]
        if doc.suppressed:
            lines.append(f"  {doc.suppressed} flag{'s' * (doc.suppressed != 1)} not raised again: dismissed "
                         "by an editor's decisions")
        if doc.hints:
            lines.append(f"  {doc.hints} hint{'s' * (doc.hints != 1)} not shown: weak evidence, counted in the "
                         "scores (--hints shows them)")
        if doc.systems:
            lines.append("  by system, best first (mean quality, then mean penalty):")
            width = max(len(s.name) for s in doc.systems)
            lines += [f"    {terminal(s.name):<{width}}  penalty {s.penalty:.2f} | {_segments(s.segments)} | "
                      f"{scores_line(s.corpus)} | flags: {_counts(s.flag_counts)}" for s in doc.systems]
    flags = worst_first(run)
    if flags:
        lines.append("")
        lines.append("Flags, worst first:")
    shown = flags if limit is None else flags[:limit]
    for doc, seg, flag in shown:
        where = terminal(location(doc, seg, flag))
        arrow = f' -> "{terminal(flag.suggestion)}"' if flag.suggestion else ""
        lines.append(f'{where}: {flag.severity.value} {flag.kind}: "{terminal(flag.text)}"{arrow}')
        lines.append(f"    {terminal(flag.message)} (confidence {flag.confidence:.2f})")
    if limit is not None and len(flags) > limit:
        lines.append(f"... and {len(flags) - limit} more flags (see the HTML or JSON report)")
    for doc in run.documents:
        # a streamed run keeps no flags, only its worst segments: their flags are in the file
        worst = [w for w in (doc.streamed.worst if doc.streamed else ()) if w[3]]
        if worst:
            lines.append("")
            lines.append(f"Worst segments of {terminal(doc.path)} (their flags are in {terminal(doc.streamed.output)}):")
            lines += [f"{terminal(doc.path)}:{line} [{terminal(sid)}]: "
                      + (f"quality {quality:.1f}, " if quality is not None else "")
                      + f"penalty {penalty:.2f}, {n} flag{'s' * (n != 1)}" for sid, line, penalty, n, quality, _ in worst]
    if not flags and not any(sum(doc.flag_counts.values()) for doc in run.documents):
        lines.append("No flags.")
    return no_workflow_commands("\n".join(lines)) + "\n"


def scores_line(c) -> str:
    """Return 'quality 71.3 | BLEU 51.4 | chrF 76.2 | similarity 0.906', or say that there was nothing to score against."""
    if c.bleu is None:
        return "no scores without a reference"
    return ((f"quality {c.quality:.1f} | " if c.quality is not None else "") + f"BLEU {c.bleu:.1f} | chrF {c.chrf:.1f} | similarity {c.similarity:.3f}"
            + (f" | TER {c.ter:.1f}" if c.ter is not None else ""))


def _segments(n: int) -> str:
    """Return '1 segment' or 'n segments'."""
    return f"{n} segment{'s' * (n != 1)}"
