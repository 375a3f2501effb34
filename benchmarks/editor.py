"""Measure what an editor feels: false alarms on correct text, and garbles kept, on every labelled set.

    python -m benchmarks.editor ../shared/data [--mqm-sample 2000] [--calibration FILE] [--sets wire,heen,mqm] [--hints]

Prints, for each set:
- heen_news_dev.jsonl (Hebrew-English news, 12 MT systems and a human translation, MQM scores):
  the false-alarm rate, the share of segments that raters found error-free (MQM 0) with a major
  or critical flag, for MT output and for the human translation apart; and the share of
  segments with a major error (MQM -5 or worse) that keep a major or critical flag;
- mqm_zhen_dev.jsonl: the same on the segments no rater marked (a sample of the split), and on
  TED's second human translation checked against the first (error-free by the data's
  ref_quality);
- wire_stories/: recall of the gold spans by severity and category (found: a flag overlaps
  the span on its line), flag precision (a flag overlaps a gold span), and the share of the
  correct paraphrases that a flag touches, by severity of the flag.
heen and mqm are split by document into "fit" and "eval" halves (as mtcheck calibrate splits
MQM data), and each figure is printed for both halves and the whole (segments in brackets).
The wire stories are one set.
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from mtcheck.calibration.labelled import split_of as labelled_split
from mtcheck.refit import MAJOR_MQM

MAJOR = frozenset({"major", "critical"})


def split_of(dataset: str, doc: str) -> str:
    """Return 'fit' or 'eval' for a document, as mtcheck calibrate splits (crc32 of dataset/doc)."""
    return labelled_split({"dataset": dataset, "doc": doc})


def has_major(flags: Iterable) -> bool:
    """Return True if any flag is major or critical: what an editor must act on."""
    return any(f.severity.value in MAJOR for f in flags)


def share(hits: Sequence[bool]) -> tuple[int, float]:
    """Return (how many, share True) of a list of outcomes; NaN share for none."""
    return len(hits), (sum(hits) / len(hits) if hits else float("nan"))


# --- wire stories ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """A labelled stretch of one MT line: a gold error (with severity, category) or an ok paraphrase."""

    story: str
    line: int
    start: int
    end: int
    severity: str = "ok"
    category: str = "ok"


@dataclass(frozen=True)
class LineFlag:
    """A flag as the wire scoring sees it: story, MT line, characters of that line, severity, kind."""

    story: str
    line: int
    start: int
    end: int
    severity: str
    kind: str = ""


def overlaps(flag: LineFlag, span: Span) -> bool:
    """Return True if a flag and a span share a character of the same line of the same story.

    A zero-width flag (an omission) counts at its place, as touching the character after it.
    """
    if (flag.story, flag.line) != (span.story, span.line):
        return False
    end = max(flag.end, flag.start + 1)
    return flag.start < span.end and span.start < end


@dataclass
class WireFigures:
    """The wire stories' figures (see the README of the data)."""

    found: dict = field(default_factory=dict)  # severity -> (found, all)
    found_major_flag: dict = field(default_factory=dict)  # severity -> found by a major or critical flag
    by_category: dict = field(default_factory=dict)  # category -> (found, all)
    flags: int = 0
    right: int = 0
    false_alarm_flags: int = 0
    paraphrases: int = 0
    paraphrases_hit: int = 0
    paraphrases_hit_major: int = 0
    mean_flag_length: float = 0.0

    @property
    def precision(self) -> float:
        return self.right / self.flags if self.flags else float("nan")


def wire_figures(gold: Sequence[Span], ok: Sequence[Span], flags: Sequence[LineFlag]) -> WireFigures:
    """Return recall by severity and category, flag precision and paraphrases hit."""
    out = WireFigures()
    for severity in ("critical", "major", "minor"):
        spans = [s for s in gold if s.severity == severity]
        out.found[severity] = (sum(any(overlaps(f, s) for f in flags) for s in spans), len(spans))
        out.found_major_flag[severity] = sum(any(overlaps(f, s) and f.severity in MAJOR for f in flags)
                                             for s in spans)
    for category in sorted({s.category for s in gold}):
        spans = [s for s in gold if s.category == category]
        out.by_category[category] = (sum(any(overlaps(f, s) for f in flags) for s in spans), len(spans))
    out.flags = len(flags)
    out.right = sum(any(overlaps(f, s) for s in gold) for f in flags)
    out.false_alarm_flags = sum(any(overlaps(f, s) for s in ok) for f in flags)
    out.paraphrases = len(ok)
    out.paraphrases_hit = sum(any(overlaps(f, s) for f in flags) for s in ok)
    out.paraphrases_hit_major = sum(any(overlaps(f, s) and f.severity in MAJOR for f in flags) for s in ok)
    out.mean_flag_length = sum(f.end - f.start for f in flags) / len(flags) if flags else 0.0
    return out


def load_wire(directory: Path) -> tuple[list[dict], list[Span], list[Span]]:
    """Return the stories (mt, ref paths), the gold spans and the ok paraphrases, with offsets."""
    data = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    stories, gold, ok = [], [], []
    for story in data["stories"]:
        lines = (directory / story["mt"]).read_text(encoding="utf-8").splitlines()
        stories.append(story)
        for kind, items in (("gold", story["spans"]), ("ok", story["ok_paraphrases"])):
            for item in items:
                text = lines[item["line"] - 1]
                start = text.strip().find(item["text"])  # offsets into the stripped line, as mtcheck's
                assert start >= 0, (story["mt"], item)
                span = Span(story["mt"], item["line"], start, start + len(item["text"]),
                            item.get("severity", "ok"), item.get("category", "ok"))
                (gold if kind == "gold" else ok).append(span)
    return stories, gold, ok


def check_wire(directory: Path, settings, embedder) -> list[LineFlag]:
    """Check every wire story line by line against its reference; return the flags by line."""
    from mtcheck.run import check

    flags = []
    for story in json.loads((directory / "gold.json").read_text(encoding="utf-8"))["stories"]:
        run = check(directory / story["mt"], [directory / story["ref"]], settings=settings, embedder=embedder)
        flags += [LineFlag(story["mt"], seg.line, f.start, f.end, f.severity.value, f.kind)
                  for seg in run.segments for f in seg.flags]
    return flags


def print_wire(figures: WireFigures) -> None:
    """Print the wire stories' figures."""
    print("\n## wire_stories (12 stories, line by line)\n")
    print("| severity | found (any flag) | found by a major/critical flag |\n|---|---:|---:|")
    for severity, (found, total) in figures.found.items():
        print(f"| {severity} | {found} of {total} | {figures.found_major_flag[severity]} of {total} |")
    major_found = sum(figures.found[s][0] for s in ("critical", "major"))
    major_total = sum(figures.found[s][1] for s in ("critical", "major"))
    print(f"\nmajor and critical recall: {major_found} of {major_total} ({major_found / major_total:.2f})")
    print(f"flags: {figures.flags}, right {figures.right}, precision {figures.precision:.2f}, "
          f"mean length {figures.mean_flag_length:.1f} characters; flags on an ok paraphrase: "
          f"{figures.false_alarm_flags}")
    print(f"ok paraphrases touched by a flag: {figures.paraphrases_hit} of {figures.paraphrases} "
          f"({figures.paraphrases_hit / figures.paraphrases:.0%}); by a major or critical flag: "
          f"{figures.paraphrases_hit_major} ({figures.paraphrases_hit_major / figures.paraphrases:.0%})")
    print("\n| category | found |\n|---|---:|")
    for category, (found, total) in figures.by_category.items():
        print(f"| {category} | {found} of {total} |")


# --- segment sets (heen, mqm) -------------------------------------------------------------------

@dataclass(frozen=True)
class Labelled:
    """One segment with what raters said of it: error-free, or with a major error, or neither."""

    id: str
    hypothesis: str
    references: tuple[str, ...]
    source: str | None
    human: bool
    clean: bool  # raters found no error
    major: bool  # raters found a major error (MQM -5 or worse)
    split: str


def segment_figures(items: Sequence[Labelled], flags: Sequence[Sequence]) -> dict[str, tuple[int, float]]:
    """Return the false-alarm rates (MT and human apart) and the share of major errors kept."""
    return {
        "false alarms, MT": share([has_major(f) for it, f in zip(items, flags) if it.clean and not it.human]),
        "false alarms, human": share([has_major(f) for it, f in zip(items, flags) if it.clean and it.human]),
        "major errors kept, MT": share([has_major(f) for it, f in zip(items, flags) if it.major and not it.human]),
        "any flag on error-free MT": share([bool(f) for it, f in zip(items, flags) if it.clean and not it.human]),
    }


def load_heen(path: Path) -> list[Labelled]:
    """Return the Hebrew-English news segments with their MQM verdicts."""
    out = []
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        out.append(Labelled(r["id"], r["hypothesis"], tuple(r["references"]), r.get("source"), r["human"],
                            r["mqm"] == 0, r["mqm"] <= MAJOR_MQM, split_of(r["lp"], r["doc"])))
    return out


def load_mqm_clean(path: Path, sample: int | None, seed: int = 0) -> list[Labelled]:
    """Return MQM segments no rater marked and those with a major error (a sample of each split),
    and TED's second human translation of each source against the first."""
    import random

    machine, human, seen = [], [], set()
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        if not r["raters"]:
            continue
        split = split_of(r["dataset"], r["doc"])
        clean = not r["spans"] and not r.get("source_spans")
        major = any(s["severity"] == "major" for s in r["spans"])
        machine.append(Labelled(r["id"], r["hypothesis"], tuple(r["references"]), r["source"], False, clean,
                                major, split))
        key = (r["dataset"], r["doc"], r["seg"])
        if len(r["references"]) == 2 and key not in seen:
            seen.add(key)
            quality = (r.get("ref_quality") or {}).get(r["ref_names"][1])
            if quality is not None:
                human.append(Labelled(f"{r['dataset']}/{r['doc']}/{r['seg']}/second-reference", r["references"][1],
                                      (r["references"][0],), r["source"], True,
                                      quality["major"] == 0 and quality.get("minor", 0) == 0,
                                      quality["major"] > 0, split))
    if sample is not None and sample < len(machine):
        machine = random.Random(seed).sample(machine, sample)
    return machine + human


def check_items(items: Sequence[Labelled], settings, embedder) -> list[tuple]:
    """Check labelled segments as a batch and return each one's flags."""
    from mtcheck.io import Record
    from mtcheck.run import check_records

    records = [Record(it.id, it.hypothesis, it.references, it.source, n) for n, it in enumerate(items, start=1)]
    return [seg.flags for seg in check_records(records, settings=settings, embedder=embedder).segments]


def print_segments(title: str, items: Sequence[Labelled], flags: Sequence[Sequence]) -> None:
    """Print a set's figures on each half and on the whole, side by side."""
    columns = {}
    for split in ("fit", "eval", "all"):
        chosen = [(it, f) for it, f in zip(items, flags) if split in ("all", it.split)]
        columns[split] = segment_figures([it for it, _ in chosen], [f for _, f in chosen])
    print(f"\n## {title}\n\n| figure | fit | eval | all |\n|---|---:|---:|---:|")
    for name in columns["all"]:
        cells = " | ".join(f"{columns[split][name][1]:.3f} ({columns[split][name][0]})" for split in columns)
        print(f"| {name} | {cells} |")


def main(argv=None) -> None:
    """Check every set and print the figures an editor feels."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder")
    parser.add_argument("--mqm-sample", type=int, default=2000, help="MT segments of mqm_zhen_dev to check")
    parser.add_argument("--calibration", default=None)
    parser.add_argument("--sets", default="wire,heen,mqm", help="which sets, comma-separated")
    parser.add_argument("--syntax", action="store_true", help="parse as mtcheck check --syntax does")
    parser.add_argument("--hints", action="store_true", help="show weak wording evidence as mtcheck check --hints does")
    args = parser.parse_args(argv)

    from dataclasses import replace

    from mtcheck.embed import CachingEmbedder, load_model
    from mtcheck.settings import Settings

    embedder = CachingEmbedder(load_model())
    settings = Settings(calibration=args.calibration, syntax=args.syntax, hints=args.hints)
    sets = args.sets.split(",")
    started = time.perf_counter()
    if "wire" in sets:
        directory = args.data / "wire_stories"
        _, gold, ok = load_wire(directory)
        print_wire(wire_figures(gold, ok, check_wire(directory, replace(settings, line_aligned=True), embedder)))
    if "heen" in sets:
        items = load_heen(args.data / "heen_news_dev.jsonl")
        print_segments("heen_news_dev.jsonl", items, check_items(items, settings, embedder))
    if "mqm" in sets:
        items = load_mqm_clean(args.data / "mqm_zhen_dev.jsonl", args.mqm_sample)
        print_segments("mqm_zhen_dev.jsonl (MT: a sample; human: TED's second reference)", items,
                       check_items(items, settings, embedder))
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
