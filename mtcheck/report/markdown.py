"""A Markdown summary for pull-request comments and GitHub's step summary."""
from __future__ import annotations

from ..gate import Verdict
from ..results import RunResult
from . import worst_first
from ..escape import markdown
from .text import location

FLAGS_SHOWN = 20


def _cell(text: str | None) -> str:
    """Return untrusted text safe inside a Markdown table cell or line."""
    return markdown(text)


def _figure(value: float | None, places: int) -> str:
    """Return a score as shown, or a dash for one that needs a reference."""
    return "–" if value is None else f"{value:.{places}f}"


def render_markdown(run: RunResult, verdict: Verdict | None) -> str:
    """Return the summary: verdict, scores per document, the worst flags."""
    counts = run.flag_counts
    lines = ["## mtcheck", ""]
    if verdict is not None:
        if verdict.passed:
            lines += ["**Gate: passed.**", ""]
        else:
            lines += ["**Gate: failed.**", ""]
            lines += [f"- {_cell(f.scope)}: {f.check}: {_cell(f.message)}" for f in verdict.failures]
            lines.append("")
    suppressed, hints = sum(d.suppressed for d in run.documents), sum(d.hints for d in run.documents)
    lines += [f"{run.segment_count} segment{'s' * (run.segment_count != 1)} · {counts['critical']} critical, "
              f"{counts['major']} major, {counts['minor']} minor flags · "
              + (f"quality {_figure(run.corpus.quality, 1)} · BLEU {run.corpus.bleu:.1f} · chrF {run.corpus.chrf:.1f} · similarity {run.corpus.similarity:.3f}"
                 if run.corpus.bleu is not None else "no scores without a reference")
              + (f" · {suppressed} flag{'s' * (suppressed != 1)} dismissed by an editor's decisions not raised again"
                 if suppressed else "")
              + (f" · {hints} hint{'s' * (hints != 1)} not shown (--hints shows them)" if hints else ""), ""]
    lines += ["| document | segments | quality | BLEU | chrF | similarity | critical | major | minor |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for d in run.documents:
        c = d.flag_counts
        lines.append(f"| {_cell(d.path)} | {d.segment_count} | {_figure(d.corpus.quality, 1)} | {_figure(d.corpus.bleu, 1)} | "
                     f"{_figure(d.corpus.chrf, 1)} | {_figure(d.corpus.similarity, 3)} | {c['critical']} | "
                     f"{c['major']} | {c['minor']} |")
    notes = [(d, note) for d in run.documents for note in d.notes]
    if notes:
        lines += [""] + [f"- Note on {_cell(d.path)}: {_cell(note)}" for d, note in notes]
    for d in (d for d in run.documents if d.systems):
        lines += ["", f"By MT system in {_cell(d.path)}, best first (highest mean quality):", "",
                  "| system | mean quality | mean penalty | segments | BLEU | chrF | similarity | critical | major | minor |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [f"| {_cell(s.name)} | {_figure(s.corpus.quality, 1)} | {s.penalty:.2f} | {s.segments} | {_figure(s.corpus.bleu, 1)} | "
                  f"{_figure(s.corpus.chrf, 1)} | {_figure(s.corpus.similarity, 3)} | {s.flag_counts['critical']} | "
                  f"{s.flag_counts['major']} | {s.flag_counts['minor']} |" for s in d.systems]
    flags = worst_first(run)
    if flags:
        lines += ["", f"### Flags, worst first ({min(len(flags), FLAGS_SHOWN)} of {len(flags)})", "",
                  "| where | severity | kind | text | suggestion |", "|---|---|---|---|---|"]
        for doc, seg, f in flags[:FLAGS_SHOWN]:
            lines.append(f"| {_cell(location(doc, seg, f))} | {f.severity.value} | {f.kind} | "
                         f"{_cell(f.text)} | {_cell(f.suggestion)} |")
    lines += ["", f"<sub>{_cell(run.meta.get('signature'))}</sub>", ""]
    return "\n".join(lines)
