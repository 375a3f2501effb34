"""Measure mtcheck's detection quality on labelled MQM data, side by side with baselines.

    python benchmarks/accuracy.py ../shared/data/mqm_zhen_dev.jsonl [--sample 2000] [--seed 0]

Prints character-level span precision/recall/F1 (major flags against gold major spans; all flags
against all gold spans), segment-level detection of major errors (ROC AUC; F1 at mtcheck's own
threshold: "has a major or critical flag"), and agreement of segment scores with MQM (Kendall tau,
pairwise accuracy), for mtcheck and for baselines computed in the same run: sentence chrF and BLEU
for segments; difflib's unaligned words and "flag everything" for spans. Then the same by domain,
the flags by kind (how much of each kind the raters marked), and the multi-rater subset. Evaluates the "eval" split only (calibration uses "fit").
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mqm import (  # noqa: E402
    Item, binary_f1, flag_chars, kendall_tau, kind_shares, lexical_baseline, load_items,
    pairwise_accuracy, prf, roc_auc,
)

MAJOR = {"major", "critical"}
ALL = {"minor", "major", "critical"}


def run_mtcheck(items: list[Item], embedder=None):
    """Check the items with mtcheck's library and return one SegmentResult per item, in order."""
    from mtcheck.io import Record
    from mtcheck.pipeline import check_records

    records = [Record(it.id, it.hypothesis, it.references, it.source or None, n)
               for n, it in enumerate(items, start=1)]
    run = check_records(records, embedder=embedder)
    return list(run.segments), run


def figures(items: list[Item], segments) -> dict[str, dict[str, float]]:
    """Return {system: {figure: value}} for mtcheck and the baselines on these items."""
    gold_major = [it.gold(major_only=True) for it in items]
    gold_all = [it.gold(major_only=False) for it in items]
    labels = [it.has_major for it in items]
    mqm = [it.mqm for it in items]
    rows: dict[str, dict[str, float]] = {}

    pred_major = [flag_chars(s.flags, MAJOR) for s in segments]
    pred_all = [flag_chars(s.flags, ALL) for s in segments]
    risk = [s.scores.penalty for s in segments]
    rows["mtcheck"] = {
        **_spans(pred_major, gold_major, pred_all, gold_all),
        **_segment_figures(risk, labels, mqm),
        "seg F1": binary_f1([any(f.severity.value in MAJOR for f in s.flags) for s in segments], labels),
    }
    rows["mtcheck similarity"] = _segment_figures([-s.scores.similarity for s in segments], labels, mqm)
    rows["sentence chrF"] = _segment_figures([-s.scores.chrf for s in segments], labels, mqm)
    rows["sentence BLEU"] = _segment_figures([-s.scores.bleu for s in segments], labels, mqm)
    lexical = [lexical_baseline(it.hypothesis, it.references[0]) for it in items]
    rows["lexical (difflib)"] = _spans(lexical, gold_major, lexical, gold_all)
    everything = [set(range(len(it.hypothesis))) for it in items]
    rows["flag everything"] = _spans(everything, gold_major, everything, gold_all)
    return rows


def _spans(pred_major, gold_major, pred_all, gold_all) -> dict[str, float]:
    """Return span P/R/F1 for major and for all spans."""
    p, r, f = prf(pred_major, gold_major)
    pa, ra, fa = prf(pred_all, gold_all)
    return {"major P": p, "major R": r, "major F1": f, "all P": pa, "all R": ra, "all F1": fa}


def _segment_figures(risk, labels, mqm) -> dict[str, float]:
    """Return AUC of major-error detection and agreement with MQM for one risk score."""
    return {"seg AUC": roc_auc(risk, labels), "tau": kendall_tau(risk, mqm),
            "pairwise": pairwise_accuracy(risk, mqm)}


COLUMNS = ["major P", "major R", "major F1", "all P", "all R", "all F1", "seg AUC", "seg F1", "tau", "pairwise"]


def print_table(title: str, rows: dict[str, dict[str, float]], n: int) -> None:
    """Print one table of figures, one row per system."""
    print(f"\n## {title} ({n} segments)\n")
    print("| system | " + " | ".join(COLUMNS) + " |")
    print("|---|" + "---:|" * len(COLUMNS))
    for name, values in rows.items():
        cells = [f"{values[c]:.3f}" if c in values else "" for c in COLUMNS]
        print(f"| {name} | " + " | ".join(cells) + " |")


def multi_rater(items: list[Item], segments) -> None:
    """Print span F1 averaged over raters, and the raters' agreement with each other (the ceiling)."""
    import itertools

    multi = [(it, s) for it, s in zip(items, segments) if len(it.raters) > 1]
    if not multi:
        return
    tool, lexical, between = [], [], []
    for it, s in multi:
        pred = flag_chars(s.flags, MAJOR)
        lex = lexical_baseline(it.hypothesis, it.references[0])
        for rater in it.raters:
            gold = it.gold(True, rater)
            tool.append((pred, gold))
            lexical.append((lex, gold))
        for a, b in itertools.permutations(it.raters, 2):
            between.append((it.gold(True, a), it.gold(True, b)))
    f = lambda pairs: prf([p for p, _ in pairs], [g for _, g in pairs])[2]  # noqa: E731
    print(f"\n## Multi-rater subset ({len(multi)} segments, {len(multi[0][0].raters)} raters each)\n")
    print("Major-span F1 against each rater, pooled over raters:")
    print(f"- mtcheck: {f(tool):.3f}\n- lexical (difflib): {f(lexical):.3f}\n"
          f"- one rater against another (the ceiling): {f(between):.3f}")


def print_kinds(items: list[Item], segments) -> None:
    """Print, per kind of flag, how many there are and how much of them the raters marked."""
    shares = kind_shares([s.flags for s in segments], [it.gold(major_only=True) for it in items],
                         [it.gold(major_only=False) for it in items])
    print(f"\n## Flags by kind ({len(items)} segments)\n")
    print("| kind | severity | detector | flags | characters | in gold major | in any gold span |")
    print("|---|---|---|---:|---:|---:|---:|")
    for (kind, severity, detector), (n, size, major, every) in shares.items():
        print(f"| {kind} | {severity} | {detector} | {n} | {size} | {major:.2f} | {every:.2f} |")


def main(argv=None) -> None:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="labelled JSONL (e.g. ../shared/data/mqm_zhen_dev.jsonl)")
    parser.add_argument("--sample", type=int, default=2000, help="segments to sample (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the sample (default 0)")
    parser.add_argument("--split", default="eval", choices=["eval", "fit", "all"])
    parser.add_argument("--first-reference", action="store_true", help="use only the first reference")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    items = load_items(args.data, args.split, args.sample, args.seed, args.first_reference)
    segments, run = run_mtcheck(items)
    elapsed = time.perf_counter() - t0
    print(f"# mtcheck accuracy: {args.data}, split {args.split}, sample {len(items)}, seed {args.seed}")
    print(f"{run.meta['signature']}\ncalibration {run.meta.get('calibration', '-')}; {elapsed:.0f} s")
    print_table("All segments", figures(items, segments), len(items))
    for domain in sorted({it.domain for it in items}):
        pairs = [(it, s) for it, s in zip(items, segments) if it.domain == domain]
        print_table(f"Domain {domain}", figures([p[0] for p in pairs], [p[1] for p in pairs]), len(pairs))
    print_kinds(items, segments)
    multi_items = load_items(args.data, args.split, None, args.seed, args.first_reference)
    multi_items = [it for it in multi_items if len(it.raters) > 1]
    multi_segments, _ = run_mtcheck(multi_items)
    multi_rater(multi_items, multi_segments)


if __name__ == "__main__":
    main()
