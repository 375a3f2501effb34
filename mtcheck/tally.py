"""Sums over checked segments: per document, per MT system and per run.

Only sums are kept (sacrebleu's statistics, similarity, penalty, flag counts), so a streamed
batch is tallied in bounded memory too. Corpus BLEU and chrF come from summed statistics, never
from averaging sentence scores.
"""
from __future__ import annotations

from collections import Counter
from typing import Mapping
from dataclasses import dataclass, field

from .metrics import LexicalMetrics, SegmentStatistics, StatisticsSum
from .results import QUALITY_PLACES, CorpusScores, SegmentResult, Severity, SystemResult


@dataclass
class Sums:
    """What some checked segments add up to."""

    statistics: StatisticsSum = field(default_factory=StatisticsSum)  # of the segments with a reference
    similarity: float = 0.0
    penalty: float = 0.0
    suppressed: int = 0
    hints: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Severity})
    segments: int = 0
    # how many segments had each quality, as shown (at most 1,001 values): a mean, and how many
    # fall below a gate's minimum, without keeping the segments
    qualities: Counter = field(default_factory=Counter)

    @property
    def scored(self) -> int:
        """Return how many of the segments had a reference to score against."""
        return self.statistics.segments

    def add(self, segment: SegmentResult, statistics: SegmentStatistics | None) -> None:
        """Count one checked segment (``statistics`` None: it had no reference)."""
        self.segments += 1
        if statistics is not None:
            self.statistics.add(statistics)
            self.similarity += segment.scores.similarity
        self.penalty += segment.scores.penalty
        if segment.scores.quality is not None:
            self.qualities[round(segment.scores.quality, QUALITY_PLACES)] += 1
        self.suppressed += segment.suppressed
        self.hints += len(segment.hints)
        for f in segment.flags:
            self.counts[f.severity.value] += 1

    def merge(self, other: "Sums") -> None:
        """Add another's sums (a document's, into the run's)."""
        self.statistics.merge(other.statistics)
        self.segments += other.segments
        self.similarity += other.similarity
        self.penalty += other.penalty
        self.qualities.update(other.qualities)
        self.suppressed += other.suppressed
        self.hints += other.hints
        for severity, n in other.counts.items():
            self.counts[severity] += n


def corpus_scores(metrics: LexicalMetrics, sums: Sums) -> CorpusScores:
    """Return corpus BLEU, chrF (and TER) from summed statistics, and the mean similarity: None
    for each without a segment that had a reference."""
    if not sums.scored:
        return CorpusScores(None, None, None)
    lex = metrics.sum_scores(sums.statistics)
    return CorpusScores(lex.bleu, lex.chrf, sums.similarity / sums.scored, lex.ter, mean_quality(sums.qualities))


def mean_quality(qualities: Mapping[float, int]) -> float | None:
    """Return the mean of segments' qualities (as shown), or None if none had one."""
    n = sum(qualities.values())
    return sum(q * k for q, k in qualities.items()) / n if n else None


class DocumentTally:
    """Sum one document's segments as they are checked, and each MT system's share of them.

    A batch record names its system in a "system" field; records without one form a group of
    their own.
    """

    def __init__(self) -> None:
        self.sums = Sums()
        self.systems: dict[str, Sums] = {}

    def add(self, segment: SegmentResult, statistics: SegmentStatistics) -> None:
        """Count one checked segment towards the document and its system."""
        self.sums.add(segment, statistics)
        self.systems.setdefault(str(segment.extra.get("system", "")), Sums()).add(segment, statistics)

    def system_results(self, metrics: LexicalMetrics) -> tuple[SystemResult, ...]:
        """Return each system's figures, best first (highest mean quality, then lowest mean penalty);
        none for fewer than two systems.

        A system's BLEU and chrF come from its own corpus statistics, as a document's do.
        """
        if len(self.systems) < 2:
            return ()
        systems = [SystemResult(name or "(no system)", sums.segments, corpus_scores(metrics, sums),
                                sums.counts, sums.penalty / sums.segments)
                   for name, sums in self.systems.items()]
        return tuple(sorted(systems, key=lambda r: (-(r.corpus.quality or 0.0), r.penalty, r.name)))
