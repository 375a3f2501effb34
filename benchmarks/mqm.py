"""Shared code of the benchmarks: figures over the labelled MQM data (read by mtcheck.calibration.labelled).

Splits are by document (crc32 of dataset/doc), so that calibration ("fit") and evaluation
("eval") never share a document, and therefore never share a reference or a source sentence.
"""
from __future__ import annotations

import difflib
import itertools
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from mtcheck.calibration.labelled import (
    SEVERITY_WEIGHT, Item, f1_of_counts, flag_chars, kendall_tau, marked, pairwise_accuracy, prf, span_counts,
    split_of,
)
from mtcheck.calibration.labelled_rows import load_items

# the labelled data's own names, which the benchmarks take from here
__all__ = ["SEVERITY_WEIGHT", "Item", "f1_of_counts", "flag_chars", "kendall_tau", "load_items", "marked",
           "pairwise_accuracy", "prf", "span_counts", "split_of"]

_WORD = re.compile(r"\S+")


def bootstrap_weights(groups: Sequence[str], resamples: int, seed: int) -> np.ndarray:
    """Return (resamples, segments) counts: how often each segment is drawn in each resample.

    Whole groups are drawn with replacement, as many as there are, so that segments that are
    not independent (translations of one source sentence) stay together.
    """
    keys, index = np.unique(np.asarray(groups, dtype=object).astype(str), return_inverse=True)
    draws = np.random.default_rng(seed).integers(0, len(keys), size=(resamples, len(keys)))
    per_group = np.array([np.bincount(row, minlength=len(keys)) for row in draws], int).reshape(resamples, len(keys))
    return per_group[:, index]


def bootstrap_f1(counts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return the span F1 of each resample, from per-segment counts and bootstrap weights."""
    return f1_of_counts(weights @ counts)


def bootstrap_tau(risk: Sequence[float], mqm: Sequence[float], weights: np.ndarray) -> np.ndarray:
    """Return Kendall's tau-b in each resample."""
    risk, mqm = np.asarray(risk, float), np.asarray(mqm, float)
    return np.array([kendall_tau(np.repeat(risk, w), np.repeat(mqm, w)) for w in weights])


def system_totals(values: Sequence, systems: Sequence[str], weights: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Return the systems (sorted) and, per row of weights, each system's weighted sum of values
    (rows, systems, ...) and its weight (rows, systems): a system's mean, or its summed corpus
    statistics, in every bootstrap resample."""
    names, index = np.unique(np.asarray(systems, dtype=str), return_inverse=True)
    values = np.asarray(values, float)
    member = np.eye(len(names))[index]  # (segments, systems)
    per_segment = member.reshape(member.shape + (1,) * (values.ndim - 1)) * values[:, None]
    sums = (weights @ per_segment.reshape(len(values), -1)).reshape((len(weights),) + per_segment.shape[1:])
    return list(names), sums, weights @ member


def system_means(values: Sequence[float], systems: Sequence[str], weights: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Return the systems (sorted) and each one's weighted mean of values per row of weights."""
    names, sums, counts = system_totals(values, systems, weights)
    return names, np.divide(sums, counts, out=np.full_like(sums, np.nan), where=counts > 0)


def pearson(a: Sequence[float], b: Sequence[float]) -> float:
    """Return Pearson's correlation (NaN if either side is constant)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    if a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def interval(samples: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """Return the central percentile interval of bootstrap samples (NaN, as of a ratio to 0, left out)."""
    tail = 100 * (1 - level) / 2
    low, high = np.nanpercentile(samples, [tail, 100 - tail])
    return float(low), float(high)


def roc_auc(risk: Sequence[float], labels: Sequence[bool]) -> float:
    """Return the ROC AUC of a risk score for binary labels (Mann-Whitney, ties counted half)."""
    from scipy.stats import rankdata

    risk, labels = np.asarray(risk, float), np.asarray(labels, bool)
    n_pos, n_neg = labels.sum(), (~labels).sum()
    if not n_pos or not n_neg:
        return float("nan")
    ranks = rankdata(risk)
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def binary_f1(predicted: Sequence[bool], labels: Sequence[bool]) -> float:
    """Return the F1 of binary predictions."""
    p, l = np.asarray(predicted, bool), np.asarray(labels, bool)
    tp = (p & l).sum()
    return float(2 * tp / (p.sum() + l.sum())) if p.sum() + l.sum() else 0.0


@lru_cache(maxsize=None)
def lexical_baseline(hypothesis: str, reference: str) -> frozenset[int]:
    """Return the characters of translation words that difflib cannot align with the reference.

    Kept per pair: the benchmark scores each segment in several subsets and tables.
    """
    hyp = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(hypothesis)]
    ref = [m.group().lower() for m in _WORD.finditer(reference)]
    matcher = difflib.SequenceMatcher(a=[w for _, _, w in hyp], b=ref, autojunk=False)
    matched = {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
    return frozenset(c for i, (s, e, _) in enumerate(hyp) if i not in matched for c in range(s, e))


def kind_shares(flag_lists: Sequence[Iterable], gold_major: Sequence[set[int]],
                gold_all: Sequence[set[int]]) -> dict[tuple[str, str, str], tuple[int, int, float, float]]:
    """Return, per (kind, severity, detector), how many flags, their characters, and the share
    of those characters inside gold major spans and inside any gold span: where false alarms
    come from."""
    counts: dict[tuple[str, str, str], list[int]] = {}
    for flags, major, every in zip(flag_lists, gold_major, gold_all):
        for f in flags:
            c = counts.setdefault((f.kind, f.severity.value, f.detector), [0, 0, 0, 0])
            chars = range(f.start, f.end)
            c[0] += 1
            c[1] += len(chars)
            c[2] += sum(ch in major for ch in chars)
            c[3] += sum(ch in every for ch in chars)
    return {key: (n, size, in_major / size if size else 0.0, in_any / size if size else 0.0)
            for key, (n, size, in_major, in_any) in sorted(counts.items(), key=lambda kv: -kv[1][1])}


@dataclass(frozen=True)
class ConfidenceBin:
    """Flags whose confidence lies in [low, high): how many, how sure they said, how many were marked."""

    low: float
    high: float
    flags: int
    confidence: float
    marked: float


def reliability(flag_lists: Sequence[Iterable], gold_all: Sequence[set[int]],
                bins: int = 10) -> tuple[list[ConfidenceBin], float]:
    """Return the flags' confidence against the share that raters marked, per bin, and the
    expected calibration error (the flag-weighted mean gap between the two)."""
    said: list[list[float]] = [[] for _ in range(bins)]
    seen: list[list[bool]] = [[] for _ in range(bins)]
    for flags, gold in zip(flag_lists, gold_all):
        for f in flags:
            k = min(bins - 1, int(f.confidence * bins))
            said[k].append(f.confidence)
            seen[k].append(marked(f, gold))
    table = [ConfidenceBin(k / bins, (k + 1) / bins, len(said[k]), float(np.mean(said[k])), float(np.mean(seen[k])))
             for k in range(bins) if said[k]]
    total = sum(b.flags for b in table)
    error = sum(b.flags * abs(b.confidence - b.marked) for b in table) / total if total else 0.0
    return table, error


def write_batch(data: str, segments: int, path: Path) -> list[dict]:
    """Write the first N labelled segments as an mtcheck JSONL batch; return their rows."""
    with open(data, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, segments)]
    path.write_text("".join(json.dumps({"id": r["id"], "hypothesis": r["hypothesis"],
                                        "references": r["references"]}, ensure_ascii=False) + "\n"
                            for r in rows), encoding="utf-8")
    return rows
