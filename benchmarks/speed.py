"""Measure mtcheck's throughput and peak memory against its floor and other tools, in one run.

    python -m benchmarks.speed ../shared/data/mqm_zhen_dev.jsonl [--segments 2000] [--repeat 5]

Each contender runs in its own process, so its peak memory (max RSS) is its own, in --repeat
rounds that run every contender once; the median time is reported:
- mtcheck, torch and onnx backends: the full check of a batch (encode, score, detect), model
  load excluded; and the same batch joined five segments at a time into paragraphs, which are
  checked sentence by sentence;
- encoder alone: the model encoding every distinct hypothesis and reference once (the floor);
- sacrebleu: sentence chrF and BLEU of every segment;
- bert-score: BERTScore with the same MiniLM model, where the package is installed;
and then `mtcheck --help`, the command a user starts with.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from .mqm import write_batch

STAGES = {
    # the full check, model loaded; the same code for both backends
    f"mtcheck, {backend}": f"""
from mtcheck.embed import load_model
from mtcheck.io import read_jsonl
from mtcheck.run import check_records
records = read_jsonl(BATCH)
embedder = load_model(backend="{backend}")
start()
run = check_records(records, embedder=embedder)
stop(len(run.segments))
""" for backend in ("torch", "onnx")} | {
    # the same segments joined five by five into paragraphs, each checked sentence by sentence
    # (sentence_pairs.py); counted in the sentences they hold, as the batch above
    "mtcheck, torch, paragraphs of 5": """
from mtcheck.embed import load_model
from mtcheck.io import Record, read_jsonl
from mtcheck.run import check_records
rows = read_jsonl(BATCH)
groups = [rows[i:i + 5] for i in range(0, len(rows), 5)]
records = [Record(str(n), " ".join(r.hypothesis for r in g),
                  tuple(" ".join(r.references[k] for r in g) for k in range(min(len(r.references) for r in g))),
                  None, n) for n, g in enumerate(groups, start=1)]
embedder = load_model()
start()
run = check_records(records, embedder=embedder)
stop(len(rows))
""",
    "encoder alone": """
from mtcheck.embed import default_model_path
from sentence_transformers import SentenceTransformer
import json
rows = [json.loads(l) for l in open(BATCH, encoding="utf-8")]
texts = list(dict.fromkeys([r["hypothesis"] for r in rows] + [x for r in rows for x in r["references"]]))
model = SentenceTransformer(default_model_path()[0], device="cpu")
start()
model.encode(texts, batch_size=32)
stop(len(rows))
""",
    "sacrebleu chrF+BLEU": """
import json
from sacrebleu.metrics import BLEU, CHRF
rows = [json.loads(l) for l in open(BATCH, encoding="utf-8")]
bleu, chrf = BLEU(effective_order=True), CHRF()
start()
for r in rows:
    chrf.sentence_score(r["hypothesis"], r["references"]); bleu.sentence_score(r["hypothesis"], r["references"])
stop(len(rows))
""",
    "bert-score (MiniLM)": """
import json
from mtcheck.embed import default_model_path
from bert_score import BERTScorer
rows = [json.loads(l) for l in open(BATCH, encoding="utf-8")]
scorer = BERTScorer(model_type=default_model_path()[0], num_layers=6, lang="en", device="cpu")
start()
scorer.score([r["hypothesis"] for r in rows], [r["references"] for r in rows], batch_size=32)
stop(len(rows))
""",
}

PRELUDE = """
import os, resource, sys, time, json
os.environ.setdefault("HF_HUB_OFFLINE", "1"); os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
BATCH = sys.argv[1]
_t = {}
def start(): _t["t"] = time.perf_counter()
def stop(n):
    elapsed = time.perf_counter() - _t["t"]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "segments": n, "peak_mb": rss}))
"""


def main(argv=None) -> None:
    """Build the batch and time each contender in fresh processes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each contender; the median counts")
    args = parser.parse_args(argv)
    batch = Path(tempfile.mkdtemp()) / "batch.jsonl"
    rows = write_batch(args.data, args.segments, batch)
    distinct = len({r["hypothesis"] for r in rows} | {x for r in rows for x in r["references"]})
    print(f"# {len(rows)} segments, {distinct} distinct texts, median of {args.repeat} runs\n")
    print("| contender | seconds (runs) | segments/s | peak memory (MB) |\n|---|---:|---:|---:|")
    # rounds, each running every contender once, so that a slow spell of the machine
    # touches all contenders alike instead of one contender's every run
    runs: dict[str, list | str] = {name: [] for name in STAGES}
    for _ in range(args.repeat):
        for name, code in STAGES.items():
            if isinstance(runs[name], str):
                continue
            proc = subprocess.run([sys.executable, "-c", PRELUDE + code, str(batch)],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                runs[name] = (proc.stderr.strip().splitlines() or ["failed"])[-1]
            else:
                runs[name].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    rates = {}
    for name, done in runs.items():
        if isinstance(done, str):
            print(f"| {name} | not run: {done[:90]} | | |")
            continue
        seconds = statistics.median(r["seconds"] for r in done)
        rates[name] = done[0]["segments"] / seconds
        spread = ", ".join(f"{r['seconds']:.2f}" for r in done)
        print(f"| {name} | {seconds:.2f} ({spread}) | {rates[name]:.0f} | {max(r['peak_mb'] for r in done):.0f} |")
    print()
    ratio("mtcheck (torch) runs at {} of the encoder-alone floor", "{:.0%}",
          runs, "encoder alone", "mtcheck, torch")
    ratio("mtcheck (onnx) runs at {} mtcheck (torch)", "{:.2f}x", runs, "mtcheck, torch", "mtcheck, onnx")
    print(f"mtcheck --help takes {help_seconds(args.repeat):.2f} s (median of {args.repeat} runs)")


def help_seconds(repeat: int) -> float:
    """Return the median wall time of `mtcheck --help`, the command users start with."""
    command = [shutil.which("mtcheck")] if shutil.which("mtcheck") else [sys.executable, "-m", "mtcheck"]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([*command, "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ratio(text: str, number: str, runs: dict, slow: str, fast: str) -> None:
    """Print a goal's ratio of speeds: the median of the rounds' own ratios, and their range.

    Paired by round, as both contenders of a round ran within a minute of each other.
    """
    if not isinstance(runs.get(slow), list) or not isinstance(runs.get(fast), list):
        return
    each = sorted(a["seconds"] / b["seconds"] for a, b in zip(runs[slow], runs[fast]))
    print(text.format(number.format(statistics.median(each)))
          + f" (median of {len(each)} rounds; range {number.format(each[0])} to {number.format(each[-1])})")

if __name__ == "__main__":
    main()
