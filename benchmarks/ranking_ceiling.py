"""What any linear model over mtcheck's segment features reaches, fitted on the very segments it is scored on.

    python -m benchmarks.ranking_ceiling ../shared/data [--cache FILE]

The quality score is a small model over what mtcheck computes (benchmarks/ranking.py scores it
on held-out documents). This asks what such a model could reach at best: on the eval half of
each set, a pairwise logistic model over all the features in the ranking cache (similarity,
cosine, chrF, BLEU, penalty, the quality score's logit, lengths, flag counts, confidences and
lengths by severity, each standardised) is fitted on that half's own pairs of differently rated
translations of one source, and its acc-t is measured on the same pairs; and a least-squares
fit of the MQM scores on the same features (with the quality score and its square) gives the
best Pearson r a linear model could show there. Both are in-sample, so they bound from above
what a model fitted elsewhere reaches with these features.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

from mtcheck.calibration.logistic import fit_logistic

from .acct import acc_t, pairs_of
from .ranking import collect, load_segments

EXCLUDED = ("quality",)  # entered as its logit, below


def design(features: list[dict]) -> np.ndarray:
    """Return the standardised feature columns of segments, the quality score as a logit."""
    keys = [k for k in features[0] if k not in EXCLUDED]
    x = np.array([[f[k] for k in keys] for f in features], float)
    q = np.clip(np.array([f["quality"] for f in features]) / 100, 1e-4, 1 - 1e-4)
    x = np.column_stack([x, np.log1p(x[:, keys.index("hyp_chars")]), np.log1p(x[:, keys.index("ref_chars")]),
                         np.log(q / (1 - q))])
    return (x - x.mean(0)) / (x.std(0) + 1e-9)


def pairwise_fit(x: np.ndarray, human: np.ndarray, groups: list[str], l2: float = 1.0) -> np.ndarray:
    """Return the scores of a pairwise logistic model fitted on every differently rated pair of a group."""
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    better, worse = zip(*[(a, b) for ii in members.values() for a in ii for b in ii if human[a] > human[b]])
    diffs = x[list(better)] - x[list(worse)]
    # both orders of every pair, so that the intercept has nothing to learn
    _, w = fit_logistic(np.vstack([diffs, -diffs]), [1] * len(diffs) + [0] * len(diffs), l2)
    return x @ w


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "mtcheck-ranking.jsonl",
                        help="the ranking benchmark's cache of mtcheck's features (made when missing)")
    args = parser.parse_args(argv)
    segments = load_segments(args.data)
    features = collect(segments, args.cache)
    print("| set | segments | quality: acc-t / Pearson | in-sample pairwise model: acc-t | in-sample least squares: Pearson |")
    print("|---|---:|---|---:|---:|")
    for name in ("zh-en", "he-en"):
        chosen = [s for s in segments if s["set"] == name and s["split"] == "eval"]
        f = [features[s["id"]] for s in chosen]
        human = np.array([s["human"] for s in chosen])
        groups = [s["group"] for s in chosen]
        quality = np.array([x["quality"] for x in f])
        x = design(f)
        fitted = pairwise_fit(x, human, groups)
        ols_x = np.column_stack([x, quality, quality ** 2, np.ones(len(x))])
        ols = ols_x @ np.linalg.lstsq(ols_x, human, rcond=None)[0]
        print(f"| {name} | {len(chosen)} | {acc_t(pairs_of(groups, quality, human))[0]:.3f} / "
              f"{np.corrcoef(quality, human)[0, 1]:.3f} | {acc_t(pairs_of(groups, fitted, human))[0]:.3f} | "
              f"{np.corrcoef(ols, human)[0, 1]:.3f} |")


if __name__ == "__main__":
    main()
