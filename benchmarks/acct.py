"""Pairwise accuracy with tie calibration (acc-t), WMT23's segment-level meta-evaluation.

Deutsch, Foster and Freitag (2023), "Ties Matter: Meta-Evaluating Modern Metrics with Pairwise
Accuracy and Tie Calibration". Within each group (the translations of one source segment by
several systems), every pair of translations counts: correct when the metric orders it as the
humans do, or when both call it a tie. A metric's scores rarely tie, so the metric is given a
tie threshold epsilon: a pair whose metric scores differ by at most epsilon is a metric tie. One
epsilon for all groups is chosen to maximise the accuracy, averaged over the groups. Written
from the paper's definitions (the reference implementation, Google's mt-metrics-eval, is
Apache-2.0); vectorised, so that a bootstrap can redo the calibration on every resample.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Sequence

import numpy as np


@dataclass(frozen=True)
class Pairs:
    """Every pair of translations within each group, sorted by the metric's difference.

    ``untied`` and ``tied``: whether the pair is correct when the metric does not, or does,
    call it a tie. ``group``: the pair's group index; ``size``: pairs per group.
    """

    diff: np.ndarray
    untied: np.ndarray
    tied: np.ndarray
    group: np.ndarray
    size: np.ndarray


def pairs_of(groups: Sequence[Hashable], metric: Sequence[float], human: Sequence[float]) -> Pairs:
    """Return the pairs of translations of each group, for acc_t()."""
    by_group: dict[Hashable, list[int]] = {}
    for k, g in enumerate(groups):
        by_group.setdefault(g, []).append(k)
    m, h = np.asarray(metric, float), np.asarray(human, float)
    diffs, untied, tied, owner, sizes = [], [], [], [], []
    for n, members in enumerate(by_group.values()):
        idx = np.asarray(members)
        i, j = np.triu_indices(len(idx), k=1)
        if not len(i):
            continue
        dm, dh = m[idx[i]] - m[idx[j]], h[idx[i]] - h[idx[j]]
        diffs.append(np.abs(dm))
        # untied: the metric's order must be the humans' (a human tie is then a miss); an exact
        # metric tie is a tie even at epsilon 0
        untied.append(np.where(dm == 0, dh == 0, np.sign(dm) == np.sign(dh)))
        tied.append(dh == 0)
        owner.append(np.full(len(i), len(sizes)))
        sizes.append(len(i))
    diff = np.concatenate(diffs)
    order = np.argsort(diff, kind="stable")
    return Pairs(diff[order], np.concatenate(untied)[order], np.concatenate(tied)[order],
                 np.concatenate(owner)[order], np.asarray(sizes, float))


def acc_t(pairs: Pairs, weights: np.ndarray | None = None) -> tuple[float, float]:
    """Return (acc-t, epsilon): the accuracy averaged over groups at the best tie threshold.

    ``weights`` (one per group, as a bootstrap draws them) weigh each group's average.
    """
    w = np.ones(len(pairs.size)) if weights is None else np.asarray(weights, float)
    per_pair = (w / pairs.size)[pairs.group] / w.sum()
    base = float(np.sum(per_pair * pairs.untied))
    # as epsilon passes a pair's difference, the pair turns from untied to tied
    gain = np.cumsum(per_pair * (pairs.tied.astype(float) - pairs.untied))
    # a threshold takes every pair of its difference at once: look at the last of each run
    last = np.r_[pairs.diff[1:] != pairs.diff[:-1], True]
    candidates = np.r_[base, base + gain[last]]
    thresholds = np.r_[0.0, pairs.diff[last]]
    best = int(np.argmax(candidates))  # the first best: the smallest epsilon
    return float(candidates[best]), float(thresholds[best])
