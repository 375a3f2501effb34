"""How well segment scores rank translations as MQM raters do, beside the WMT23 metrics.

    python -m benchmarks.ranking ../shared/data [--cache /tmp/ranking.jsonl] [--resamples 1000] [--calibration FILE]

The WMT23 translations of mqm_zhen_dev.jsonl (zh-en: user reviews, manuals; 800 source
segments by 15 systems) and heen_news_dev.jsonl (he-en news: 290 by 12 systems and a human
translation) are checked once as batches; each segment's scores and flags are kept in --cache
(reused when it exists). Every score is then measured on the eval half of each set (documents
split as mtcheck calibrate splits them; fitting uses only the other half) against the MQM
score of the segment (zh-en: minor 1, major 5, over the raters; he-en: the file's `mqm`):

- acc-t: pairwise accuracy with tie calibration within each source segment, averaged over the
  source segments (WMT23's segment-level measure, benchmarks/acct.py), with a 95% interval
  from a bootstrap over source segments, and the paired difference from COMET-22, chrF and
  BERTScore on the same resamples;
- Pearson r over all segments;
- system level: pairwise accuracy of the systems' mean scores against their mean MQM.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

from mtcheck.calibration.labelled import SEVERITY_WEIGHT, pairwise_accuracy
from mtcheck.calibration.labelled import split_of as labelled_split

from .acct import acc_t, pairs_of

WMT_METRICS = ["XCOMET-XL", "MetricX-23", "COMET", "BLEURT-20", "BERTscore", "chrF", "BLEU", "CometKiwi"]


def load_segments(data: Path) -> list[dict]:
    """Return the WMT23 segments of both sets: id, set, split, group, system, texts, human score."""
    out = []
    with (data / "mqm_zhen_dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if not r["id"].startswith("wmt23") or not r["raters"]:
                continue
            mqm = sum(SEVERITY_WEIGHT[s["severity"]] for s in r["spans"]) / len(r["raters"])
            out.append(_segment(r, "zh-en", labelled_split(r), -mqm))
    with (data / "heen_news_dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append(_segment(r, "he-en", labelled_split({"dataset": r["lp"], "doc": r["doc"]}), r["mqm"]))
    return out


def _segment(r: dict, name: str, split: str, human: float) -> dict:
    return {"id": r["id"], "set": name, "split": split, "group": f"{name}/{r['doc']}/{r['seg']}",
            "system": r["system"], "hypothesis": r["hypothesis"], "references": r["references"][:1],
            "source": r.get("source", ""), "human": human}


def features_of(segment, reference: str) -> dict:
    """Return what mtcheck computed for a checked segment: its scores and its flags, summed."""
    s = segment.scores
    out = {"chrf": s.chrf, "bleu": s.bleu, "similarity": s.similarity, "cosine": s.cosine, "penalty": s.penalty,
           "quality": s.quality,
           "hyp_chars": len(segment.hypothesis), "ref_chars": len(reference)}
    for sev in ("critical", "major", "minor"):
        flags = [f for f in segment.flags if f.severity.value == sev]
        out[f"n_{sev}"] = len(flags)
        out[f"conf_{sev}"] = sum(f.confidence for f in flags)
        out[f"chars_{sev}"] = sum(f.end - f.start for f in flags)
    return out


def collect(segments: list[dict], cache: Path, calibration: Path | None = None) -> dict[str, dict]:
    """Return each segment's mtcheck features, by id: read from the cache, or checked (under a
    calibration file, or the packaged one) and cached."""
    if cache.exists():
        return {r["id"]: r["features"] for r in map(json.loads, cache.read_text(encoding="utf-8").splitlines())}
    import mtcheck

    features = {}
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "wmt23.jsonl"
        batch.write_text("".join(json.dumps({"id": s["id"], "hypothesis": s["hypothesis"],
                                             "references": s["references"], "source": s["source"],
                                             "system": s["system"]}, ensure_ascii=False) + "\n"
                                 for s in segments), encoding="utf-8")
        settings = mtcheck.Settings(**({"calibration": str(calibration)} if calibration else {}))
        run = mtcheck.check(batch, settings=settings)
        for seg in run.segments:
            features[seg.id] = features_of(seg, seg.references[0])
    cache.write_text("".join(json.dumps({"id": k, "features": v}) + "\n" for k, v in features.items()),
                     encoding="utf-8")
    return features


BASELINES = ("COMET", "chrF", "BERTscore")  # each row's acc-t is paired against these


def metric_table(segments: list[dict], scores: dict[str, np.ndarray], resamples: int, seed: int = 1) -> list[tuple]:
    """Return (name, acc-t, interval, {baseline: (difference, low, high)}, Pearson, system accuracy) rows."""
    human = np.array([s["human"] for s in segments])
    groups = [s["group"] for s in segments]
    systems = [s["system"] for s in segments]
    rng = np.random.default_rng(seed)
    pairs = {name: pairs_of(groups, values, human) for name, values in scores.items()}
    n_groups = len(next(iter(pairs.values())).size)
    draws = [np.bincount(rng.integers(0, n_groups, n_groups), minlength=n_groups) for _ in range(resamples)]
    boot = {name: np.array([acc_t(p, w)[0] for w in draws]) for name, p in pairs.items()}
    real = {name: acc_t(p)[0] for name, p in pairs.items()}
    rows = []
    names = sorted(set(systems))
    mean_human = [np.mean([v for v, s in zip(human, systems) if s == n]) for n in names]
    for name, values in scores.items():
        low, high = np.percentile(boot[name], [2.5, 97.5])
        # the paired difference: both scores on the same resampled source segments
        diffs = {b: (real[name] - real[b], *np.percentile(boot[name] - boot[b], [2.5, 97.5]))
                 for b in BASELINES if b in boot}
        r = float(np.corrcoef(values, human)[0, 1])
        mean_metric = [np.mean([v for v, s in zip(values, systems) if s == n]) for n in names]
        rows.append((name, real[name], (low, high), diffs, r, pairwise_accuracy(mean_metric, mean_human)))
    return rows


def print_table(title: str, rows: list[tuple], n: int, groups: int) -> None:
    """Print one set's table, best acc-t first."""
    print(f"\n{title}: {n} segments, {groups} source segments")
    print("| score | acc-t | 95% interval | " + " | ".join(f"minus {b} (95%)" for b in BASELINES)
          + " | Pearson r | system pairwise |")
    print("|---|---:|---|" + "---|" * len(BASELINES) + "---:|---:|")
    for name, acc, (lo, hi), diffs, r, sys_acc in sorted(rows, key=lambda row: -row[1]):
        cells = " | ".join(f"{d:+.3f} ({dlo:+.3f} to {dhi:+.3f})" for d, dlo, dhi in
                           (diffs.get(b, (0.0, 0.0, 0.0)) for b in BASELINES))
        print(f"| {name} | {acc:.3f} | {lo:.3f}-{hi:.3f} | {cells} | {r:.3f} | {sys_acc:.3f} |")


def mtcheck_scores(features: list[dict]) -> dict[str, np.ndarray]:
    """Return mtcheck's own segment scores (higher is better) from their features."""
    return {
        "mtcheck quality": np.array([f["quality"] for f in features]),
        "mtcheck -penalty": -np.array([f["penalty"] for f in features]),
        "mtcheck similarity": np.array([f["similarity"] for f in features]),
        "mtcheck chrF": np.array([f["chrf"] for f in features]),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--cache", type=Path, default=None,
                        help="features of the checked segments, reused when it exists (delete it after a recalibration) "
                             "[default: mtcheck-ranking.jsonl, or mtcheck-ranking-<calibration's name>.jsonl, in the "
                             "temporary directory]")
    parser.add_argument("--calibration", type=Path, help="check under this calibration file [default: the packaged one]")
    parser.add_argument("--resamples", type=int, default=1000)
    args = parser.parse_args(argv)

    segments = load_segments(args.data)
    wmt = {}
    with (args.data / "wmt23_metric_scores.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            wmt[r["id"]] = r["scores"]
    name = f"mtcheck-ranking-{args.calibration.stem}.jsonl" if args.calibration else "mtcheck-ranking.jsonl"
    features = collect(segments, args.cache or Path(tempfile.gettempdir()) / name, args.calibration)
    for name in ("zh-en", "he-en"):
        chosen = [s for s in segments if s["set"] == name and s["split"] == "eval"
                  and s["id"] in wmt and all(wmt[s["id"]].get(m) is not None for m in WMT_METRICS)]
        scores = {m: np.array([wmt[s["id"]][m] for s in chosen]) for m in WMT_METRICS}
        scores.update(mtcheck_scores([features[s["id"]] for s in chosen]))
        rows = metric_table(chosen, scores, args.resamples)
        print_table(f"{name}, eval half", rows, len(chosen), len({s["group"] for s in chosen}))


if __name__ == "__main__":
    main()
