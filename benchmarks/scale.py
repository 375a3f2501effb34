"""Measure time and peak memory on huge inputs: a document of many lines, checked in document mode.

    python -m benchmarks.scale ../shared/data/mqm_zhen_dev.jsonl [--lines 50000] [--one-line] [--stream]

The document and its reference are the MQM data's translations and references, one a line,
repeated with a number so that every line is distinct, as long as asked. Each run is its own
process, so that its peak memory (max RSS) is its own.
"""
from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUN = """
import resource, sys, time
from mtcheck.run import check
from mtcheck.stream import check_stream
start = time.perf_counter()
if len(sys.argv) > 3:
    count = check_stream(sys.argv[1], sys.argv[3], [sys.argv[2]]).documents[0].segment_count
else:
    count = len(check(sys.argv[1], [sys.argv[2]]).segments)
print(count, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def write_document(data: str, lines: int, folder: Path, one_line: bool = False) -> tuple[Path, Path]:
    """Write a translation and its reference of ``lines`` lines each from the labelled data
    (or of as many sentences on one line, with ``one_line``)."""
    with open(data, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, 5000)]
    hyp, ref = folder / "doc.txt", folder / "ref.txt"
    pairs = ((f"{r['hypothesis'].strip()} ({k})", f"{r['references'][0].strip()} ({k})")
             for k, r in enumerate(itertools.islice(itertools.cycle(rows), lines)))
    with hyp.open("w", encoding="utf-8") as h, ref.open("w", encoding="utf-8") as r:
        end = " " if one_line else "\n"
        for a, b in pairs:
            h.write(" ".join(a.split()) + end)
            r.write(" ".join(b.split()) + end)
        if one_line:
            h.write("\n")
            r.write("\n")
    return hyp, ref


def main(argv=None) -> None:
    """Check a document of --lines lines and print segments, seconds and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--lines", type=int, default=50000)
    parser.add_argument("--one-line", action="store_true", help="put all the lines on one line of text")
    parser.add_argument("--stream", action="store_true", help="check as --stream does, results written as they come")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        hyp, ref = write_document(args.data, args.lines, Path(tmp), args.one_line)
        size = hyp.stat().st_size
        started = time.perf_counter()
        stream = [str(Path(tmp) / "segments.jsonl")] if args.stream else []
        out = subprocess.run([sys.executable, "-c", RUN, str(hyp), str(ref), *stream], capture_output=True, text=True)
        if out.returncode:
            print(out.stderr[-2000:])
            sys.exit(1)
        segments, seconds, peak = out.stdout.split()[-3:]
        shape = f"one line of {size / 2**20:.1f} MB" if args.one_line else f"{args.lines:,} lines"
        how = "streamed" if args.stream else "held"
        print(f"| document of {shape}, {how} | {int(segments):,} segments | {float(seconds):.0f} s "
              f"(wall {time.perf_counter() - started:.0f} s) | peak {float(peak):.0f} MB |")


if __name__ == "__main__":
    main()
