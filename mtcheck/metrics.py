"""Lexical metrics through sacrebleu, used as designed, with their signatures.

Sentence BLEU uses effective order (as sacrebleu recommends for single sentences); corpus BLEU
and chrF come from sacrebleu's corpus statistics, never from averaging sentence scores.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class LexicalScores:
    """Sentence chrF, BLEU and, on request, TER (sacrebleu's 0-100 scale)."""

    chrf: float
    bleu: float
    ter: float | None = None


class LexicalMetrics:
    """Hold one configured sacrebleu metric of each kind and score segments and corpora."""

    def __init__(self, ter: bool = False):
        from sacrebleu.metrics import BLEU, CHRF, TER

        self.sentence_bleu = BLEU(effective_order=True)
        self.corpus_bleu = BLEU()
        self.chrf = CHRF()
        self.ter = TER() if ter else None

    def sentence(self, hypothesis: str, references: Sequence[str]) -> LexicalScores:
        """Score one segment against its references."""
        refs = list(references)
        return LexicalScores(
            chrf=self.chrf.sentence_score(hypothesis, refs).score,
            bleu=self.sentence_bleu.sentence_score(hypothesis, refs).score,
            ter=self.ter.sentence_score(hypothesis, refs).score if self.ter else None,
        )

    def corpus(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> LexicalScores:
        """Score a corpus; segments may have different numbers of references."""
        width = max((len(r) for r in references), default=1)
        # sacrebleu takes one stream per reference position; None marks a missing reference
        streams = [[refs[k] if k < len(refs) else None for refs in references] for k in range(width)]
        hyps = list(hypotheses)
        return LexicalScores(
            chrf=self.chrf.corpus_score(hyps, streams).score,
            bleu=self.corpus_bleu.corpus_score(hyps, streams).score,
            ter=self.ter.corpus_score(hyps, streams).score if self.ter else None,
        )

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
