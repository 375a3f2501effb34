"""Measure mtcheck's throughput and peak memory against its floor and other tools, in one run.

    python benchmarks/speed.py ../shared/data/mqm_zhen_dev.jsonl [--segments 2000] [--backend torch]

Each contender runs in its own process, so its peak memory (max RSS) is its own:
- mtcheck: the full check of a batch (read, encode, score, detect), model load excluded;
- encoder alone: the model encoding every distinct hypothesis and reference once (the floor);
- sacrebleu: sentence chrF and BLEU of every segment;
- bert-score: BERTScore with the same MiniLM model, where the package is installed.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mqm import write_batch  # noqa: E402

STAGES = {
    "mtcheck": """
from mtcheck.embed import load_model
from mtcheck.io import read_jsonl
from mtcheck.pipeline import check_records
from mtcheck.settings import Settings
records = read_jsonl(BATCH)
embedder = load_model(backend=BACKEND) if BACKEND != "torch" else load_model()
start()
run = check_records(records, embedder=embedder)
stop(len(run.segments))
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
BATCH, BACKEND = sys.argv[1], sys.argv[2]
_t = {}
def start(): _t["t"] = time.perf_counter()
def stop(n):
    elapsed = time.perf_counter() - _t["t"]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "segments": n, "peak_mb": rss}))
"""


def main(argv=None) -> None:
    """Build the batch and time each contender in a fresh process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--backend", default="torch")
    args = parser.parse_args(argv)
    batch = Path(tempfile.mkdtemp()) / "batch.jsonl"
    rows = write_batch(args.data, args.segments, batch)
    distinct = len({r["hypothesis"] for r in rows} | {x for r in rows for x in r["references"]})
    print(f"# {len(rows)} segments, {distinct} distinct texts, backend {args.backend}\n")
    print("| contender | seconds | segments/s | peak memory (MB) |\n|---|---:|---:|---:|")
    floor = None
    for name, code in STAGES.items():
        proc = subprocess.run([sys.executable, "-c", PRELUDE + code, str(batch), args.backend],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
            print(f"| {name} | not run: {last[:90]} | | |")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        rate = r["segments"] / r["seconds"]
        floor = rate if name == "encoder alone" else floor
        print(f"| {name} | {r['seconds']:.1f} | {rate:.0f} | {r['peak_mb']:.0f} |")
    print()


if __name__ == "__main__":
    main()
