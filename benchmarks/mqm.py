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
    return [Item(r["id"], r["hypothesis"],
                 tuple(r["references"][:1] if first_reference else r["references"]),
                 r.get("source", ""), r["domain"], tuple(r["raters"]), tuple(r["spans"]))
            for r in rows]


def prf(predicted: Sequence[set[int]], gold: Sequence[set[int]]) -> tuple[float, float, float]:
    """Return micro-averaged character precision, recall and F1."""
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


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


def lexical_baseline(hypothesis: str, reference: str) -> set[int]:
    """Return the characters of translation words that difflib cannot align with the reference."""
    hyp = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(hypothesis)]
    ref = [m.group().lower() for m in _WORD.finditer(reference)]
    matcher = difflib.SequenceMatcher(a=[w for _, _, w in hyp], b=ref, autojunk=False)
    matched = {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
    return {c for i, (s, e, _) in enumerate(hyp) if i not in matched for c in range(s, e)}


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


def write_batch(data: str, segments: int, path: Path) -> list[dict]:
    """Write the first N labelled segments as an mtcheck JSONL batch; return their rows."""
    with open(data, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, segments)]
    path.write_text("".join(json.dumps({"id": r["id"], "hypothesis": r["hypothesis"],
                                        "references": r["references"]}, ensure_ascii=False) + "\n"
                            for r in rows), encoding="utf-8")
    return rows
