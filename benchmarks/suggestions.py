"""Count the flags that say what the reference has there, and show a sample to judge by hand.

    python -m benchmarks.suggestions ../shared/data/mqm_zhen_dev.jsonl [--sample 2000] [--seed 0]
        [--show 20] [--show-seed 0]

MQM labels say where errors are, not what the reference says at them, so a suggestion's quality
is judged by reading: this prints, for the flags whose suggestion comes from the word alignment
(not names, numbers or invented words, which carry their own), how many have one, and a random
sample of flag, suggestion and reference sentence.
"""
from __future__ import annotations

import argparse
import random


from .accuracy import run_mtcheck
from .mqm import load_items

# kinds whose detectors name the reference's words themselves, or that suggest nothing
OWN_SUGGESTION = {"name-mismatch", "number-mismatch", "non-word", "unrelated", "truncation", "omission",
                  "repetition"}  # a repetition has nothing to suggest: delete it


def main(argv=None) -> None:
    """Print the counts and the sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="labelled JSONL (e.g. ../shared/data/mqm_zhen_dev.jsonl)")
    parser.add_argument("--sample", type=int, default=2000, help="segments to sample (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the sample (default 0)")
    parser.add_argument("--show", type=int, default=20, help="flags with a suggestion to print (default 20)")
    parser.add_argument("--show-seed", type=int, default=0, help="random seed of the flags printed")
    args = parser.parse_args(argv)

    items = load_items(args.data, "eval", args.sample, args.seed)
    segments, _ = run_mtcheck(items)
    rows = [(f, s) for s in segments for f in s.flags if f.kind not in OWN_SUGGESTION]
    with_one = [(f, s) for f, s in rows if f.suggestion is not None]
    nothing_between = sum(1 for f, _ in rows if "has nothing between" in f.message)
    print(f"# suggestions: {args.data}, split eval, sample {len(items)}, seed {args.seed}")
    print(f"flags whose suggestion comes from the alignment: {len(rows)}")
    print(f"- with a suggestion: {len(with_one)}")
    print(f"- the reference has nothing between two anchors: {nothing_between}")
    print(f"- no clear counterpart: {len(rows) - len(with_one) - nothing_between}")
    print(f"\n## {args.show} flags with a suggestion, to judge by hand\n")
    for f, s in random.Random(args.show_seed).sample(with_one, min(args.show, len(with_one))):
        print(f"- {f.text!r} -> {f.suggestion!r}\n  reference: {s.references[0]}")


if __name__ == "__main__":
    main()
