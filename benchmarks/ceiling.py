"""What the best segment scores reach on the editor's goal: false alarms at 75% of major errors kept.

    python -m benchmarks.ceiling ../shared/data [--kept 0.75] [--cache FILE]

"A major or critical flag in the segment" is a segment classifier, so no flag rule can do
better than the best segment score available. For each score on heen_news_dev.jsonl (the WMT23
metrics, their rank ensembles, and mtcheck's own segment scores from the ranking benchmark's
cache), the cut-off is set on the very segments measured so that the share `--kept` of the MT
segments with a major error (MQM -5 or worse) score at or below it; printed is the share of
error-free segments (MQM 0) at or below it, MT and human translation apart: the false alarms of
an ideal rule over that score. The cut-off is chosen on the evaluated half itself, which
favours every score: the figures bound from below what a rule fitted elsewhere would reach.
Also printed: the ROC AUC of the score for "major error" against "error-free" (MT).
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np
from scipy.stats import rankdata

from .editor import Labelled, load_heen
from .ranking import WMT_METRICS, collect, load_segments, mtcheck_scores

ENSEMBLES = {
    "XCOMET-XL + MetricX-23": ["XCOMET-XL", "MetricX-23"],
    "XCOMET-XL + MetricX-23 + CometKiwi": ["XCOMET-XL", "MetricX-23", "CometKiwi"],
    "all eight WMT23 metrics": WMT_METRICS,
}


def false_alarms_at(scores: np.ndarray, items: list[Labelled], kept: float) -> tuple[float, float, float]:
    """Return (false alarms MT, false alarms human, ROC AUC) at the cut-off keeping `kept` of major errors."""
    major = np.array([it.major and not it.human for it in items])
    clean_mt = np.array([it.clean and not it.human for it in items])
    clean_human = np.array([it.clean and it.human for it in items])
    cut = np.quantile(scores[major], kept)
    # AUC: the chance that a major-error segment scores below an error-free one (ties count half)
    ranks = rankdata(np.concatenate([scores[major], scores[clean_mt]]))
    n_major, n_clean = major.sum(), clean_mt.sum()
    auc = 1 - (ranks[:n_major].sum() - n_major * (n_major + 1) / 2) / (n_major * n_clean)
    return float((scores[clean_mt] <= cut).mean()), float((scores[clean_human] <= cut).mean()), float(auc)


def score_table(items: list[Labelled], wmt: dict[str, dict], features: dict[str, dict]) -> dict[str, np.ndarray]:
    """Return every score of the segments, higher is better: the metrics, their ensembles, mtcheck's."""
    scores = {m: np.array([wmt[it.id][m] for it in items], dtype=float) for m in WMT_METRICS}
    for name, members in ENSEMBLES.items():
        scores[name] = np.mean([rankdata(scores[m]) for m in members], axis=0)
    scores.update(mtcheck_scores([features[it.id] for it in items]))
    return scores


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--kept", type=float, default=0.75, help="share of major errors to keep [default: 0.75]")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "mtcheck-ranking.jsonl",
                        help="the ranking benchmark's cache of mtcheck's scores (made when missing)")
    args = parser.parse_args(argv)

    wmt = {}
    with (args.data / "wmt23_metric_scores.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            wmt[r["id"]] = r["scores"]
    features = collect(load_segments(args.data), args.cache)
    items = [it for it in load_heen(args.data / "heen_news_dev.jsonl")
             if it.id in wmt and all(wmt[it.id].get(m) is not None for m in WMT_METRICS)]
    for split in ("fit", "eval", "all"):
        chosen = [it for it in items if split == "all" or it.split == split]
        print(f"\nheen {split}: {len(chosen)} segments; false alarms at {args.kept:.0%} of "
              f"{sum(it.major and not it.human for it in chosen)} major errors kept, on "
              f"{sum(it.clean and not it.human for it in chosen)} error-free MT and "
              f"{sum(it.clean and it.human for it in chosen)} error-free human segments")
        print("| score | false alarms, MT | false alarms, human | ROC AUC |")
        print("|---|---:|---:|---:|")
        rows = [(name, *false_alarms_at(values, chosen, args.kept))
                for name, values in score_table(chosen, wmt, features).items()]
        for name, fa_mt, fa_human, auc in sorted(rows, key=lambda row: row[1]):
            print(f"| {name} | {fa_mt:.3f} | {fa_human:.3f} | {auc:.3f} |")


if __name__ == "__main__":
    main()
