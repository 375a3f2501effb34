"""The CI gate: a pure function from a RunResult and thresholds to a verdict.

Thresholds apply to each document and, when a run has several, to the whole batch. A verdict
names every failed threshold, by how much it failed, and the worst segments.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .errors import UsageError
from .escape import terminal
from .results import CHRF_PLACES, QUALITY_PLACES, SIMILARITY_PLACES, RunResult, Severity, worst_first_key
from .settings import Thresholds
from .tally import mean_quality

WORST_SHOWN = 5


@dataclass(frozen=True)
class Failure:
    """One threshold that a document (or the batch) did not meet."""

    scope: str
    check: str
    actual: float
    limit: float
    message: str


@dataclass(frozen=True)
class WorstSegment:
    """A segment among the worst of a failed run, for the verdict."""

    path: str
    id: str
    line: int
    penalty: float
    flags: int
    quality: float | None = None


@dataclass(frozen=True)
class Verdict:
    """The gate's decision."""

    failures: tuple[Failure, ...]
    worst: tuple[WorstSegment, ...]

    @property
    def passed(self) -> bool:
        """Return True if no threshold failed."""
        return not self.failures

    def to_dict(self) -> dict:
        """Return the verdict as a JSON-ready dictionary."""
        return {
            "passed": self.passed,
            "failures": [f.__dict__ for f in self.failures],
            "worst_segments": [w.__dict__ for w in self.worst],
        }


def _check(scope: str, counts: dict[str, int], chrf: float | None, similarity: float | None,
           t: Thresholds, qualities: dict[float, int] | None = None) -> list[Failure]:
    """Return the failures of one scope (a document, or the batch); ``qualities`` counts its
    segments by quality, as shown.

    A score threshold on a scope without a reference is refused: it cannot pass or fail.
    """
    needs = t.score_options
    if needs and chrf is None:
        raise UsageError(f"{t.needing_a_reference()}, and {scope} has none; "
                         "give --reference, or gate on flags (--fail-on, --max-flags)")
    failures = []
    if t.fail_on is not None:
        at_or_above = sum(n for sev, n in counts.items() if Severity(sev).rank >= t.fail_on.rank)
        if at_or_above:
            failures.append(Failure(scope, "fail-on", at_or_above, 0,
                                    f"{at_or_above} flag(s) at or above {t.fail_on.value}"))
    total = sum(counts.values())
    if t.max_flags is not None and total > t.max_flags:
        failures.append(Failure(scope, "max-flags", total, t.max_flags,
                                f"{total} flags, {total - t.max_flags} more than the maximum {t.max_flags}"))
    # scores are compared as they are shown (CHRF_PLACES, SIMILARITY_PLACES): a verdict never
    # says "chrF 50.00 is 0.00 below the minimum 50"
    if needs:
        chrf, similarity = round(chrf, CHRF_PLACES), round(similarity, SIMILARITY_PLACES)
    failures += _quality_failures(scope, qualities or {}, t)
    if t.min_chrf is not None and chrf < t.min_chrf:
        failures.append(Failure(scope, "min-chrf", chrf, t.min_chrf,
                                f"chrF {chrf:.{CHRF_PLACES}f} is {t.min_chrf - chrf:.{CHRF_PLACES}f} below "
                                f"the minimum {t.min_chrf:g}"))
    if t.min_similarity is not None and similarity < t.min_similarity:
        failures.append(Failure(
            scope, "min-similarity", similarity, t.min_similarity,
            f"similarity {similarity:.{SIMILARITY_PLACES}f} is {t.min_similarity - similarity:.{SIMILARITY_PLACES}f} "
            f"below the minimum {t.min_similarity:g}"))
    return failures


def _quality_failures(scope: str, qualities: dict[float, int], t: Thresholds) -> list[Failure]:
    """Return the failures of the quality thresholds: the mean, and the segments below a minimum."""
    if (t.min_quality is not None or t.min_segment_quality is not None) and not qualities:
        raise UsageError(f"--min-quality and --min-segment-quality need a quality score, and {scope} has "
                         "none: its calibration has no quality model; use one that has (mtcheck calibrate "
                         "--quality-only)")
    failures = []
    n = sum(qualities.values())
    mean = round(mean_quality(qualities) or 0.0, QUALITY_PLACES)
    if t.min_quality is not None and mean < t.min_quality:
        failures.append(Failure(scope, "min-quality", mean, t.min_quality,
                                f"mean quality {mean:.{QUALITY_PLACES}f} is {t.min_quality - mean:.{QUALITY_PLACES}f} "
                                f"below the minimum {t.min_quality:g}"))
    if t.min_segment_quality is not None:
        below = sum(k for q, k in qualities.items() if q < t.min_segment_quality)
        if below:
            failures.append(Failure(scope, "min-segment-quality", below, 0,
                                    f"{below} of {n} segment(s) below quality {t.min_segment_quality:g}"))
    return failures


def evaluate(run: RunResult, thresholds: Thresholds) -> Verdict:
    """Return the verdict of the thresholds on a run: per document, then for the whole batch."""
    failures: list[Failure] = []
    for doc in run.documents:
        failures += _check(doc.path, doc.flag_counts, doc.corpus.chrf, doc.corpus.similarity, thresholds,
                           doc.quality_counts)
    if len(run.documents) > 1:
        batch: Counter = Counter()
        for doc in run.documents:
            batch.update(doc.quality_counts)
        failures += _check("batch", run.flag_counts, run.corpus.chrf, run.corpus.similarity, thresholds, batch)
    worst: tuple[WorstSegment, ...] = ()
    if failures:
        candidates = [(s.worst_first_key, WorstSegment(d.path, s.id, s.line, round(s.scores.penalty, 3), len(s.flags),
                                                        _shown(s.scores.quality)))
                      for d in run.documents for s in d.segments]
        candidates += [(worst_first_key(rank, quality, penalty),
                        WorstSegment(d.path, sid, line, round(penalty, 3), flags, _shown(quality)))
                       for d in run.documents if d.streamed
                       for sid, line, penalty, flags, quality, rank in d.streamed.worst]
        ranked = [w for _, w in sorted(candidates, key=lambda c: c[0])]
        worst = tuple(w for w in ranked[:WORST_SHOWN] if w.penalty > 0 or w.flags)
    return Verdict(tuple(failures), worst)


def _shown(quality: float | None) -> float | None:
    """Return a quality as the verdict shows it."""
    return None if quality is None else round(quality, QUALITY_PLACES)


def verdict_of(run: RunResult, thresholds: Thresholds) -> Verdict | None:
    """Return the gate's verdict, or None when no threshold is set."""
    return evaluate(run, thresholds) if thresholds.active else None


def render_verdict(verdict: Verdict) -> str:
    """Return the verdict as lines of text for the terminal."""
    if verdict.passed:
        return "Gate: passed.\n"
    lines = ["Gate: FAILED."]
    lines += [f"  {terminal(f.scope)}: {f.check}: {terminal(f.message)}" for f in verdict.failures]
    if verdict.worst:
        lines.append("  Worst segments:")
        lines += [f"    {terminal(w.path)}:{w.line} [{terminal(w.id)}] "
                  + (f"quality {w.quality:.{QUALITY_PLACES}f}, " if w.quality is not None else "")
                  + f"penalty {w.penalty:.2f}, {w.flags} flag(s)" for w in verdict.worst]
    return "\n".join(lines) + "\n"
