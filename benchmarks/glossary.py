"""Measure what a glossary of 10,000 entries adds to the check of the seed.

    python -m benchmarks.glossary [--entries 10000] [--repeat 5]

The glossary is the seed's own, plus made-up entries: two- and three-word names of invented
syllables (so that none is a near miss of the seed's words by design, but every one is looked
up), a tenth of them with a forbidden variant and a source term, and lower-case titles. The
command line is timed as a user runs it, a fresh process per check (model loading included:
every run reads its glossary anew). Then check() is timed in one process with the model
loaded, as a service runs it: each call opens a fresh encoding cache, and the glossary is read
and indexed once per process. The configurations take turns; medians are printed.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5d07a7fcc0fe4e21.txt"
SEED_REF = ROOT / "reference" / "000_5d07a7fcc0fe4e21.txt"
SEED_GLOSSARY = ROOT / "reference" / "000_5d07a7fcc0fe4e21.glossary.tsv"
SYLLABLES = "ka ri vo len dim tes bor ul an mir sa to vek ham zel os ni pra gu dor fe lis mar ko".split()


def _name(rng: random.Random, parts: int) -> str:
    """Return an invented name of several capitalised words."""
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
                    for _ in range(parts))


def write_glossary(folder: Path, entries: int, seed: int = 1) -> Path:
    """Write the seed's glossary plus ``entries`` made-up entries; return its path."""
    rng = random.Random(seed)
    rows = SEED_GLOSSARY.read_text(encoding="utf-8").splitlines()
    header = "term\tsource\tforbidden\tnote"
    body = [row for row in rows[2:]]  # the seed's entries: term, forbidden, note
    lines = [header] + [f"{r.split(chr(9))[0]}\t\t{'	'.join(r.split(chr(9))[1:3])}" for r in body]
    seen = {line.split("\t")[0] for line in lines}
    while len(lines) - 1 - len(body) < entries:
        k = len(lines)
        if k % 10 == 0:
            term = f"{rng.choice(['deputy', 'acting', 'chief', 'senior'])} {''.join(rng.sample(SYLLABLES, 3))}"
        else:
            term = _name(rng, rng.choice((2, 2, 3)))
        if term in seen:
            continue
        seen.add(term)
        extra = (f"\tИмя{k}\t{term.split()[-1]}x\tinvented" if k % 10 == 1 else "\t\t\t")
        lines.append(term + extra)
    path = folder / "house.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _time(check, args, settings, embedder) -> float:
    """Return the wall time of one check."""
    start = time.perf_counter()
    check(*args, settings=settings, embedder=embedder)
    return time.perf_counter() - start


def _command(glossary: Path | None) -> float:
    """Return the wall time of one `mtcheck check` of the seed in a fresh process."""
    cmd = [sys.executable, "-m", "mtcheck", "check", str(SEED), "-r", str(SEED_REF), "--no-html", "-q"]
    start = time.perf_counter()
    subprocess.run(cmd + (["--glossary", str(glossary)] if glossary else []), check=True)
    return time.perf_counter() - start


def _table(title: str, times: dict[str, list[float]]) -> None:
    """Print each configuration's median and minimum, and its median against no glossary's."""
    base = statistics.median(times["no glossary"])
    print(title)
    for label, values in times.items():
        median = statistics.median(values)
        print(f"  {label:<26} median {median:7.3f} s  min {min(values):7.3f} s  {100 * (median / base - 1):+6.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15, help="checks per configuration in one process")
    parser.add_argument("--commands", type=int, default=5, help="command-line runs per configuration")
    args = parser.parse_args()

    from mtcheck.embed.base import NoModel
    from mtcheck.embed.load import load_model
    from mtcheck.glossary import read_glossary
    from mtcheck.run import check
    from mtcheck.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        big = write_glossary(Path(tmp), args.entries)
        start = time.perf_counter()
        g = read_glossary(big)
        print(f"glossary: {len(g.entries):,} entries, read and indexed in {time.perf_counter() - start:.3f} s "
              "(once per process)")
        configurations = (("no glossary", None), ("seed glossary", SEED_GLOSSARY),
                          (f"seed + {args.entries:,} entries", big))
        # the configurations take turns, so that a slow spell of the machine falls on each alike
        commands: dict[str, list[float]] = {label: [] for label, _ in configurations}
        for _ in range(args.commands):
            for label, glossary in configurations:
                commands[label].append(_command(glossary))
        _table(f"mtcheck check of the seed with its reference, a fresh process each ({args.commands} runs):", commands)

        embedder = load_model()
        check(SEED, [SEED_REF], embedder=embedder)  # warm up: the first call loads word lists
        library: dict[str, list[float]] = {label: [] for label, _ in configurations}
        alone: dict[str, list[float]] = {label: [] for label, g in configurations if g}
        for _ in range(args.repeat):
            for label, glossary in configurations:
                settings = Settings(glossaries=(str(glossary),) if glossary else ())
                library[label].append(_time(check, (SEED, [SEED_REF]), settings, embedder))
                if glossary:
                    alone[label].append(_time(check, (SEED,), settings, NoModel()))
        _table(f"check() of the seed with its reference, model loaded ({args.repeat} runs):", library)
        print("check() of the seed with the glossary alone (no reference, no model):")
        for label, values in alone.items():
            print(f"  {label:<26} median {statistics.median(values):7.3f} s")


if __name__ == "__main__":
    main()
