"""Lexical metrics through sacrebleu, used as designed, with their signatures.

Each segment's sufficient statistics are extracted once. The sentence scores are computed from
them (BLEU with effective order, as sacrebleu recommends for single sentences), and corpus
scores from their sums: corpus BLEU and chrF come from corpus statistics, never from averaging
sentence scores. This is how sacrebleu computes corpus scores and its significance tests.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER

REFERENCE_CACHE = 4096  # distinct reference sets whose n-grams are kept
# and characters of them: chrF's counters of character n-grams take about a kilobyte a
# character, so 4,096 references of 2,000 characters (a one-line document's pieces) held GBs
REFERENCE_CACHE_CHARS = 100_000


@dataclass(frozen=True)
class LexicalScores:
    """Sentence or corpus chrF, BLEU and, on request, TER (sacrebleu's 0-100 scale)."""

    chrf: float
    bleu: float
    ter: float | None = None


@dataclass(frozen=True)
class SegmentStatistics:
    """One segment's sufficient statistics for each metric."""

    bleu: tuple
    chrf: tuple
    ter: tuple | None = None
    references: int = 1


class StatisticsSum:
    """A running sum of segments' statistics: corpus scores in constant memory."""

    def __init__(self):
        self.bleu = self.chrf = self.ter = None
        self.reference_counts: set[int] = set()
        self.segments = 0

    def add(self, stats: SegmentStatistics) -> None:
        """Add one segment's statistics."""
        for field in ("bleu", "chrf", "ter"):
            value = getattr(stats, field)
            if value is not None:
                current = getattr(self, field)
                setattr(self, field, np.array(value, dtype=np.float64) if current is None else current + value)
        self.reference_counts.add(stats.references)
        self.segments += 1

    def merge(self, other: "StatisticsSum") -> None:
        """Add another sum (a document's, into the run's)."""
        for field in ("bleu", "chrf", "ter"):
            value = getattr(other, field)
            if value is not None:
                current = getattr(self, field)
                setattr(self, field, value.copy() if current is None else current + value)
        self.reference_counts |= other.reference_counts
        self.segments += other.segments


class LexicalMetrics:
    """Hold one configured sacrebleu metric of each kind and score segments and corpora."""

    def __init__(self, ter: bool = False):
        self.sentence_bleu = BLEU(effective_order=True)
        self.corpus_bleu = BLEU()
        self.chrf = CHRF()
        self.ter = TER() if ter else None
        self._reference_counts: set[int] = set()
        # references repeat (one reference, many MT systems): their n-grams are extracted once,
        # as sacrebleu's own reference cache does for a corpus
        self._reference_info: OrderedDict = OrderedDict()
        self._reference_chars = 0

    def _metrics(self):
        """Return the configured metric objects."""
        return [m for m in (self.corpus_bleu, self.sentence_bleu, self.chrf, self.ter) if m is not None]

    def statistics(self, hypothesis: str, references: Sequence[str]) -> SegmentStatistics:
        """Return the sufficient statistics of one segment against its references."""
        refs = tuple(references)

        def extract(metric):
            key = (id(metric), refs)
            info = self._reference_info.get(key)
            if info is None:
                info = metric._extract_reference_info([metric._preprocess_segment(r) for r in refs])
                self._reference_info[key] = info
                self._reference_chars += sum(map(len, refs))
                while len(self._reference_info) > REFERENCE_CACHE or self._reference_chars > REFERENCE_CACHE_CHARS:
                    (_, evicted), _ = self._reference_info.popitem(last=False)
                    self._reference_chars -= sum(map(len, evicted))
            else:
                self._reference_info.move_to_end(key)
            return tuple(metric._compute_segment_statistics(metric._preprocess_segment(hypothesis), info))

        stats = SegmentStatistics(extract(self.corpus_bleu), extract(self.chrf),
                                  extract(self.ter) if self.ter else None, len(references))
        self.note_references(len(references))
        return stats

    def note_references(self, count: int) -> None:
        """Record a segment's number of references, for the signatures' nrefs.

        Extraction segment by segment resets nrefs; keep what the whole corpus has, as
        sacrebleu's own reference cache does ("var" when the counts differ).
        """
        self._reference_counts.add(count)
        nrefs = next(iter(self._reference_counts)) if len(self._reference_counts) == 1 else -1
        for metric in self._metrics():
            metric.num_refs = nrefs

    def sentence(self, hypothesis: str, references: Sequence[str]) -> LexicalScores:
        """Score one segment against its references."""
        return self.sentence_scores(self.statistics(hypothesis, references))

    def sentence_scores(self, stats: SegmentStatistics) -> LexicalScores:
        """Return sentence scores from a segment's statistics."""
        # BLEU's statistics do not depend on effective order; only the score computed from them does
        return LexicalScores(
            chrf=self.chrf._compute_score_from_stats(list(stats.chrf)).score,
            bleu=self.sentence_bleu._compute_score_from_stats(list(stats.bleu)).score,
            ter=self.ter._compute_score_from_stats(list(stats.ter)).score if self.ter else None)

    def corpus_scores(self, stats: Sequence[SegmentStatistics]) -> LexicalScores:
        """Return corpus scores from the summed statistics of segments (possibly computed elsewhere)."""
        total = StatisticsSum()
        for s in stats:
            total.add(s)
        return self.sum_scores(total)

    def sum_scores(self, total: StatisticsSum) -> LexicalScores:
        """Return corpus scores from a running sum of statistics."""
        for count in total.reference_counts:
            self.note_references(count)
        return self.scores_of_sums(total.bleu, total.chrf, total.ter)

    def scores_of_sums(self, bleu: np.ndarray, chrf: np.ndarray, ter: np.ndarray | None = None) -> LexicalScores:
        """Return corpus scores from summed statistics (a bootstrap resample's, say)."""
        return LexicalScores(
            chrf=self.chrf._compute_score_from_stats(chrf.tolist()).score,
            bleu=self.corpus_bleu._compute_score_from_stats(bleu.tolist()).score,
            ter=self.ter._compute_score_from_stats(ter.tolist()).score if self.ter and ter is not None else None)

    def corpus(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> LexicalScores:
        """Score a corpus; segments may have different numbers of references."""
        return self.corpus_scores([self.statistics(h, r) for h, r in zip(hypotheses, references)])

    def signatures(self) -> dict[str, str]:
        """Return sacrebleu's signature of each metric that has scored something (nrefs is known then)."""
        metrics = {"bleu": self.corpus_bleu, "sentence_bleu": self.sentence_bleu, "chrf": self.chrf}
        if self.ter:
            metrics["ter"] = self.ter
        sigs = {}
        for name, metric in metrics.items():
            if hasattr(metric, "num_refs"):  # sacrebleu sets it on first use
                sigs[name] = str(metric.get_signature())
        return sigs
