"""How often `mtcheck compare --systems` calls a difference between two MT systems, and whether
the raters agree with it.

    python -m benchmarks.systems ../shared/data [--samples 1000]

The eval half of the WMT23 translations of both MQM sets (as benchmarks/ranking.py takes them)
is checked as one batch per set, with each record's "system"; then every pair of systems is
compared as `mtcheck compare result.json --systems A B` compares them (records paired by what
they translate). For each of quality, chrF and BLEU: the pairs whose 95% interval of the change
leaves out 0 ("called"), and of those, the share that the raters' mean MQM over the same
segments orders the same way.
"""
from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from pathlib import Path

from .ranking import load_segments

METRICS = ("quality", "chrF", "BLEU")


def check_set(segments: list[dict]) -> dict:
    """Return the JSON result of checking one set's segments as a batch."""
    import mtcheck

    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        batch.write_text("".join(json.dumps({"id": s["id"], "hypothesis": s["hypothesis"], "references": s["references"],
                                             "source": s["source"], "system": s["system"]}, ensure_ascii=False) + "\n"
                                 for s in segments), encoding="utf-8")
        return json.loads(json.dumps(mtcheck.check(batch).to_dict()))


def called_pairs(result: dict, human: dict[str, float], samples: int) -> dict[str, list[bool]]:
    """Return, per metric, whether MQM agrees with each pair the metric's interval calls."""
    from mtcheck.compare import compare, split_systems

    systems = sorted({s["extra"]["system"] for d in result["documents"] for s in d["segments"]})
    out: dict[str, list[bool]] = {m: [] for m in METRICS}
    out["pairs"] = []
    by_text = {(s["extra"]["system"], s["hypothesis"], tuple(s["references"])): s["id"]
               for d in result["documents"] for s in d["segments"]}
    for a, b in itertools.combinations(systems, 2):
        base, cur = split_systems(result, a, b)
        # the raters' change from a to b on the same source segments (the pairs keep a's ids)
        ids = [(s["id"], by_text[b, t["hypothesis"], tuple(t["references"])])
               for s, t in zip(base["documents"][0]["segments"], cur["documents"][0]["segments"])]
        mqm = sum(human[j] - human[i] for i, j in ids) / len(ids)
        out["pairs"].append(True)
        for m in compare(base, cur, n_samples=samples).metrics:
            if m.name in METRICS and (m.ci_low > 0 or m.ci_high < 0):
                out[m.name].append((m.delta > 0) == (mqm > 0))
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--samples", type=int, default=1000)
    args = parser.parse_args(argv)
    segments = [s for s in load_segments(args.data) if s["split"] == "eval"]
    print("| set | systems | pairs | " + " | ".join(f"{m}: called, agreeing with MQM" for m in METRICS) + " |")
    print("|---|---:|---:|" + "---:|" * len(METRICS))
    for name in ("zh-en", "he-en"):
        chosen = [s for s in segments if s["set"] == name]
        human = {s["id"]: s["human"] for s in chosen}
        found = called_pairs(check_set(chosen), human, args.samples)
        cells = " | ".join(f"{len(found[m])}, {sum(found[m]) / max(len(found[m]), 1):.0%}" for m in METRICS)
        print(f"| {name} | {len({s['system'] for s in chosen})} | {len(found['pairs'])} | {cells} |")


if __name__ == "__main__":
    main()
