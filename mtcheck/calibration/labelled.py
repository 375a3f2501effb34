"""Labelled MQM data: segments with raters' error spans, split by document into "fit" and "eval".

What the calibration is fitted on (`mtcheck calibrate`) and the benchmarks report on. Splits
are by document (crc32 of dataset/doc), so that fitting and evaluation never share a document,
and therefore never share a reference or a source sentence.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

SEVERITY_WEIGHT = {"minor": 1.0, "major": 5.0}


@dataclass(frozen=True)
class Item:
    """One labelled segment: texts, domain, raters and the gold spans of one chosen rater."""

    id: str
    hypothesis: str
    references: tuple[str, ...]
    source: str
    domain: str
    raters: tuple[str, ...]
    spans: tuple[dict, ...]
    # the source sentence (dataset/doc/seg): translations of one source share its reference and
    # its difficulty, so the bootstrap draws them together
    source_id: str = ""
    # raters found no major error in any of the references kept (the data's ref_quality)
    clean_references: bool = False
    system: str = ""  # the MT system that translated it
    # the raters' MQM penalty when the data gives a score per segment instead of spans
    penalty: float | None = None
    human: bool = False  # a human translation, checked like the MT

    @property
    def document_id(self) -> str:
        """Return the document the segment comes from (dataset/doc)."""
        return self.source_id.rsplit("/", 1)[0]

    @property
    def dataset(self) -> str:
        """Return the test set the segment comes from: systems are ranked within one."""
        return self.source_id.split("/", 1)[0]

    def gold(self, major_only: bool, rater: str | None = None) -> set[int]:
        """Return the character positions inside gold spans of one rater (the first by default)."""
        rater = rater or self.raters[0]
        chars: set[int] = set()
        for s in self.spans:
            if s["rater"] == rater and (not major_only or s["severity"] == "major"):
                chars.update(range(s["start"], s["end"]))
        return chars

    @property
    def mqm(self) -> float:
        """Return the MQM penalty (minor 1, major 5) averaged over the segment's raters, or as given."""
        if self.penalty is not None:
            return self.penalty
        return sum(SEVERITY_WEIGHT[s["severity"]] for s in self.spans) / len(self.raters)

    @property
    def has_major(self) -> bool:
        """Return True if the first rater marked a major error."""
        return any(s["severity"] == "major" and s["rater"] == self.raters[0] for s in self.spans)


def split_of(row: dict) -> str:
    """Return 'fit' or 'eval' for a row, by its document."""
    return "fit" if zlib.crc32(f"{row['dataset']}/{row['doc']}".encode()) % 2 == 0 else "eval"


def prf(predicted: Sequence[set[int]], gold: Sequence[set[int]]) -> tuple[float, float, float]:
    """Return micro-averaged character precision, recall and F1."""
    counts = span_counts(predicted, gold).sum(axis=0)
    tp, n_pred, n_gold = counts
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return float(precision), float(recall), float(f1_of_counts(counts))


def span_counts(predicted: Sequence[set[int]], gold: Sequence[set[int]]) -> np.ndarray:
    """Return, per segment, (true positive, predicted, gold) character counts: what prf sums."""
    return np.array([(len(p & g), len(p), len(g)) for p, g in zip(predicted, gold)], float).reshape(-1, 3)


def f1_of_counts(counts: np.ndarray) -> np.ndarray:
    """Return the F1 of summed (true positive, predicted, gold) counts, over the last axis."""
    tp, n_pred, n_gold = counts[..., 0], counts[..., 1], counts[..., 2]
    total = n_pred + n_gold
    return np.divide(2 * tp, total, out=np.zeros_like(tp, dtype=float), where=total > 0)


def kendall_tau(risk: Sequence[float], mqm: Sequence[float]) -> float:
    """Return Kendall's tau-b between a risk score and the MQM penalty."""
    from scipy.stats import kendalltau

    return float(kendalltau(risk, mqm).statistic)


def pairwise_accuracy(risk: Sequence[float], mqm: Sequence[float]) -> float:
    """Return the share of pairs with different MQM penalties that the risk score orders the same way."""
    r, m = np.asarray(risk, float), np.asarray(mqm, float)
    dr = np.sign(r[:, None] - r[None, :])
    dm = np.sign(m[:, None] - m[None, :])
    mask = dm != 0
    return float((dr[mask] == dm[mask]).mean()) if mask.any() else float("nan")


def flag_chars(flags: Iterable, severities: set[str]) -> set[int]:
    """Return the characters covered by flags of the given severities."""
    return {c for f in flags if f.severity.value in severities for c in range(f.start, f.end)}


def marked(flag, gold: set[int]) -> bool:
    """Return True if a flag overlaps a gold span: raters marked an error where it points."""
    return any(c in gold for c in range(flag.start, flag.end))
