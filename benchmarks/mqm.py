"""Shared code of the benchmarks: the labelled MQM data, its splits, gold spans and figures.

Splits are by document (crc32 of dataset/doc), so that calibration ("fit") and evaluation
("eval") never share a document, and therefore never share a reference or a source sentence.
"""
from __future__ import annotations

import difflib
import itertools
import json
import random
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

SEVERITY_WEIGHT = {"minor": 1.0, "major": 5.0}
_WORD = re.compile(r"\S+")


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
        """Return the MQM penalty (minor 1, major 5) averaged over the segment's raters."""
        return sum(SEVERITY_WEIGHT[s["severity"]] for s in self.spans) / len(self.raters)

    @property
    def has_major(self) -> bool:
        """Return True if the first rater marked a major error."""
        return any(s["severity"] == "major" and s["rater"] == self.raters[0] for s in self.spans)


def split_of(row: dict) -> str:
    """Return 'fit' or 'eval' for a row, by its document."""
    return "fit" if zlib.crc32(f"{row['dataset']}/{row['doc']}".encode()) % 2 == 0 else "eval"


def load_items(path: str, split: str, sample: int | None, seed: int, first_reference: bool = False) -> list[Item]:
    """Return a reproducible random sample of one split of the labelled JSONL file."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if split in ("all", split_of(row)) and row["raters"]:
                rows.append(row)
    if sample is not None and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    return [_item(r, r["references"][:1] if first_reference else r["references"]) for r in rows]


def _item(row: dict, references: list[str]) -> Item:
    """Return the Item of one JSONL row, keeping the given references."""
    quality = row.get("ref_quality") or {}
    rated = [quality.get(name) for name in row.get("ref_names", [])[:len(references)]]
    clean = len(rated) == len(references) and all(q is not None and q["major"] == 0 for q in rated)
    return Item(row["id"], row["hypothesis"], tuple(references), row.get("source", ""), row["domain"],
                tuple(row["raters"]), tuple(row["spans"]), f"{row['dataset']}/{row['doc']}/{row['seg']}", clean,
                row.get("system", ""))


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


def flag_chars(flags: Iterable, severities: set[str]) -> set[int]:
    """Return the characters covered by flags of the given severities."""
    return {c for f in flags if f.severity.value in severities for c in range(f.start, f.end)}


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


def marked(flag, gold: set[int]) -> bool:
    """Return True if a flag overlaps a gold span: raters marked an error where it points."""
    return any(c in gold for c in range(flag.start, flag.end))


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
