"""Measure mtcheck's detection quality on labelled MQM data, side by side with baselines.

    python -m benchmarks.accuracy ../shared/data/mqm_zhen_dev.jsonl [--sample 2000] [--seed 0] [--resamples 1000]
        [--unit sentence|document] [--calibration FILE] [--compare FILE]

Prints character-level span precision/recall/F1 (major flags against gold major spans; all flags
against all gold spans), segment-level detection of major errors (ROC AUC; F1 at mtcheck's own
threshold: "has a major or critical flag"), and agreement of segment scores with MQM (Kendall tau,
pairwise accuracy), for mtcheck and for baselines computed in the same run: sentence chrF and BLEU
for segments; difflib's unaligned words and "flag everything" for spans. Then the same by domain and
on segments whose references raters found right, the flags by kind (how much of each kind the
raters marked), how sure the flags said they were against how many the raters marked (by
confidence and by detector, with the expected calibration error), 95% intervals of mtcheck
against the baselines from a paired bootstrap over source sentences, how each metric ranks each
test set's MT systems against MQM's ranking, and the multi-rater subset. Evaluates the "eval" split only (calibration uses "fit").
"""
from __future__ import annotations

import argparse
from collections import Counter
import time
from dataclasses import dataclass

import numpy as np


from .mqm import (
    Item, binary_f1, bootstrap_f1, bootstrap_tau, bootstrap_weights, flag_chars, interval, kendall_tau,
    kind_shares, lexical_baseline, load_items, marked, pairwise_accuracy, pearson, prf, reliability, roc_auc,
    span_counts, system_means, system_totals,
)

MAJOR = {"major", "critical"}
ALL = {"minor", "major", "critical"}


def run_mtcheck(items: list[Item], embedder=None, calibration: str | None = None, hints: bool = False):
    """Check the items with mtcheck's library and return one SegmentResult per item, in order
    (``hints``: with the weak wording evidence shown as minor flags, as --hints shows it)."""
    from mtcheck.io import Record
    from mtcheck.run import check_records
    from mtcheck.settings import Settings

    records = [Record(it.id, it.hypothesis, it.references, it.source or None, n)
               for n, it in enumerate(items, start=1)]
    run = check_records(records, settings=Settings(calibration=calibration, hints=hints), embedder=embedder)
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


# Below this many units (the eval split's TED subset has 2 documents), resampling them says
# nothing of the figures' spread: such subsets get their figures without an interval.
MIN_UNITS = 10


@dataclass(frozen=True)
class Resampling:
    """How the bootstrap draws: how many resamples, from which seed, and which unit is drawn whole."""

    resamples: int = 1000
    seed: int = 0
    # "sentence": the translations of one source sentence by all systems share its reference and
    # its difficulty, so they are drawn together, as in WMT's metrics task. "document": whole
    # documents, for how much the figures owe to which documents the split holds
    unit: str = "sentence"

    def weights(self, items: list[Item]) -> np.ndarray:
        """Return bootstrap weights over the unit, with the whole set itself as row 0; only that
        row if the items hold fewer than MIN_UNITS units, too few to resample."""
        groups = [it.source_id if self.unit == "sentence" else it.document_id for it in items]
        resamples = self.resamples if len(set(groups)) >= MIN_UNITS else 0
        return np.vstack([np.ones(len(items), int), bootstrap_weights(groups, resamples, self.seed)])

    def units(self) -> str:
        """Return the name of the units drawn, in the plural."""
        return "source sentences" if self.unit == "sentence" else "documents"

    def describe(self) -> str:
        """Return what is drawn, for the tables' titles."""
        return f"paired bootstrap over {self.units()} ({self.resamples} resamples, seed {self.seed})"


def bootstrap_figures(items: list[Item], segments, weights: np.ndarray) -> dict[str, np.ndarray]:
    """Return mtcheck's major F1, all F1 and tau in each row of weights."""
    return {
        "major F1": bootstrap_f1(span_counts([flag_chars(s.flags, MAJOR) for s in segments],
                                             [it.gold(major_only=True) for it in items]), weights),
        "all F1": bootstrap_f1(span_counts([flag_chars(s.flags, ALL) for s in segments],
                                           [it.gold(major_only=False) for it in items]), weights),
        "tau": bootstrap_tau([s.scores.penalty for s in segments], [it.mqm for it in items], weights),
    }


def baseline_figures(items: list[Item], segments, weights: np.ndarray) -> dict[str, np.ndarray]:
    """Return the baselines' figures in each row of weights: lexical spans, sentence chrF's tau."""
    lexical = [lexical_baseline(it.hypothesis, it.references[0]) for it in items]
    return {
        "major F1": bootstrap_f1(span_counts(lexical, [it.gold(major_only=True) for it in items]), weights),
        "all F1": bootstrap_f1(span_counts(lexical, [it.gold(major_only=False) for it in items]), weights),
        "tau": bootstrap_tau([-s.scores.chrf for s in segments], [it.mqm for it in items], weights),
    }


BASELINE_NAMES = {"major F1": "lexical", "all F1": "lexical", "tau": "sentence chrF"}


def _cell(samples: np.ndarray) -> str:
    """Return a figure (samples[0]) with its 95% interval over the resamples that follow it."""
    if len(samples) == 1:
        return f"{samples[0]:.3f}"
    low, high = interval(samples[1:])
    return f"{samples[0]:.3f} ({low:.3f} to {high:.3f})"


def print_paired(title: str, names: tuple[str, str], rows: list[tuple[str, str, np.ndarray, np.ndarray]],
                 resampling: Resampling = Resampling()) -> None:
    """Print (subset, figure, first samples, second samples) rows: each side and their difference
    with 95% intervals, how often the first is ahead, and the ratio of major F1s."""
    print(f"\n## {title}\n")
    if any(len(first) > 1 for _, _, first, _ in rows):
        print(f"Figures on the whole set, with the 2.5th and 97.5th percentiles over resamples that draw whole "
              f"{resampling.units()} (with all systems' translations) with replacement. A subset with fewer "
              f"than {MIN_UNITS} of them gets no interval.\n")
    print(f"| subset | figure | {names[0]} | {names[1]} | difference | {names[0]} ahead | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for subset, figure, first, second in rows:
        diff = first - second
        ratio = np.divide(first, second, out=np.full_like(first, np.nan), where=second > 0)
        ahead = f"{(diff[1:] > 0).mean():.0%}" if len(diff) > 1 else ""
        print(f"| {subset} | {figure} | {_cell(first)} | {_cell(second)} | {_cell(diff)} | {ahead} | "
              f"{_cell(ratio) if figure.startswith('major') else ''} |")


def print_confidence(subsets: dict[str, tuple[list[Item], list]], resampling: Resampling) -> None:
    """Print mtcheck against the baselines with 95% intervals, per subset."""
    rows = []
    for subset, (items, segments) in subsets.items():
        weights = resampling.weights(items)
        tool, base = bootstrap_figures(items, segments, weights), baseline_figures(items, segments, weights)
        rows += [(subset, f"{figure} ({BASELINE_NAMES[figure]})", tool[figure], base[figure]) for figure in tool]
    print_paired(f"Confidence: {resampling.describe()}", ("mtcheck", "baseline"), rows, resampling)


def print_comparison(subsets: dict[str, tuple[list[Item], list]], other_segments, other: str,
                     resampling: Resampling) -> None:
    """Print the measured results against ``other``'s, of the same segments, with paired intervals."""
    by_id = dict(zip((it.id for it in subsets["all"][0]), other_segments))
    rows = []
    for subset, (items, segments) in subsets.items():
        weights = resampling.weights(items)
        first = bootstrap_figures(items, segments, weights)
        second = bootstrap_figures(items, [by_id[it.id] for it in items], weights)
        rows += [(subset, figure, first[figure], second[figure]) for figure in first]
    print_paired(f"Against {other}: {resampling.describe()}",
                 ("measured", "other"), rows, resampling)


def system_scores(items: list[Item], segments, weights: np.ndarray) -> tuple[list[str], dict[str, np.ndarray]]:
    """Return the systems and, per resample, each one's MQM and metric scores (rows, systems),
    all oriented as MQM is: higher is worse.

    mtcheck's is the mean segment penalty, as `mtcheck compare` reports it; BLEU and chrF are
    corpus scores from each system's summed statistics, as sacrebleu computes them.
    """
    from mtcheck.metrics import LexicalMetrics

    systems = [it.system for it in items]
    names, human = system_means([it.mqm for it in items], systems, weights)
    scores = {"MQM": human,
              "mtcheck penalty": system_means([s.scores.penalty for s in segments], systems, weights)[1],
              "mtcheck similarity": -system_means([s.scores.similarity for s in segments], systems, weights)[1]}
    metrics = LexicalMetrics()
    stats = [metrics.statistics(it.hypothesis, it.references) for it in items]
    _, bleu, _ = system_totals([st.bleu for st in stats], systems, weights)
    _, chrf, _ = system_totals([st.chrf for st in stats], systems, weights)
    corpus = [[metrics.scores_of_sums(b, c) for b, c in zip(row_b, row_c)] for row_b, row_c in zip(bleu, chrf)]
    scores["corpus chrF"] = -np.array([[c.chrf for c in row] for row in corpus])
    scores["corpus BLEU"] = -np.array([[c.bleu for c in row] for row in corpus])
    return names, scores


def print_systems(items: list[Item], segments, resampling: Resampling) -> None:
    """Print, per test set, how each metric ranks the MT systems against MQM's ranking."""
    for dataset in sorted({it.dataset for it in items}):
        part = [(it, s) for it, s in zip(items, segments) if it.dataset == dataset]
        part_items = [it for it, _ in part]
        weights = resampling.weights(part_items)
        names, scores = system_scores(part_items, [s for _, s in part], weights)
        if len(names) < 3:
            continue
        human = scores["MQM"]
        sizes = Counter(it.system for it in part_items)
        print(f"\n## Systems of {dataset} ({len(names)} systems, {len(part)} segments)\n")
        print("Best first by MQM (mean penalty per segment; minor 1, major 5). Metrics are shown as they "
              "are (penalty: lower is better; similarity, chrF, BLEU: higher is better).\n")
        print("| system | segments | MQM | mtcheck penalty | mtcheck similarity | corpus chrF | corpus BLEU |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for k in np.argsort(human[0], kind="stable"):
            print(f"| {names[k]} | {sizes[names[k]]} | {human[0, k]:.3f} | {scores['mtcheck penalty'][0, k]:.3f} | "
                  f"{-scores['mtcheck similarity'][0, k]:.3f} | {-scores['corpus chrF'][0, k]:.2f} | "
                  f"{-scores['corpus BLEU'][0, k]:.2f} |")
        accuracy = {name: np.array([pairwise_accuracy(m, h) for m, h in zip(values, human)])
                    for name, values in scores.items() if name != "MQM"}
        correlation = {name: np.array([pearson(m, h) for m, h in zip(values, human)])
                       for name, values in scores.items() if name != "MQM"}
        print("\nAgreement with MQM's ranking of the systems: pairwise accuracy (the share of system pairs "
              "ordered as MQM orders them) and Pearson's r" +
              (f", with 95% intervals from a {resampling.describe()}" if len(weights) > 1 else "") + ":\n")
        print("| metric | pairwise accuracy | Pearson r |")
        print("|---|---:|---:|")
        for name in accuracy:
            print(f"| {name} | {_cell(accuracy[name])} | {_cell(correlation[name])} |")
        if len(weights) > 1:
            rows = [(dataset, f"pairwise accuracy (mtcheck penalty vs {name})", accuracy["mtcheck penalty"],
                     accuracy[name]) for name in ("corpus chrF", "corpus BLEU")]
            print_paired(f"System ranking of {dataset}: mtcheck against the lexical metrics", ("mtcheck", "baseline"),
                         rows, resampling)


def multi_rater(items: list[Item], segments, resampling: Resampling = Resampling(resamples=0)) -> None:
    """Print span F1 pooled over raters, and the raters' agreement with each other (the ceiling),
    with bootstrap intervals if ``resampling`` has resamples."""
    import itertools

    multi = [(it, s) for it, s in zip(items, segments) if len(it.raters) > 1]
    if not multi:
        return
    # per segment, (true positive, predicted, gold) counts summed over its raters (or rater pairs)
    tool, lexical, between = [], [], []
    for it, s in multi:
        pred = flag_chars(s.flags, MAJOR)
        lex = lexical_baseline(it.hypothesis, it.references[0])
        golds = [it.gold(True, rater) for rater in it.raters]
        tool.append(span_counts([pred] * len(golds), golds).sum(axis=0))
        lexical.append(span_counts([lex] * len(golds), golds).sum(axis=0))
        pairs = list(itertools.permutations(golds, 2))
        between.append(span_counts([a for a, _ in pairs], [b for _, b in pairs]).sum(axis=0))
    weights = resampling.weights([it for it, _ in multi])
    tool_f1, lexical_f1, between_f1 = (bootstrap_f1(np.array(c), weights) for c in (tool, lexical, between))

    sources = len({it.source_id for it, _ in multi})
    documents = len({it.document_id for it, _ in multi})
    print(f"\n## Multi-rater subset ({len(multi)} segments, {len(multi[0][0].raters)} raters each; "
          f"{sources} source sentences in {documents} document(s))\n")
    note = (" (95% bootstrap intervals):" if len(weights) > 1 else
            f" (too few {resampling.units()} for an interval):" if resampling.resamples else ":")
    print("Major-span F1 against each rater, pooled over raters" + note)
    print(f"- mtcheck: {_cell(tool_f1)}\n- lexical (difflib): {_cell(lexical_f1)}\n"
          f"- mtcheck minus lexical: {_cell(tool_f1 - lexical_f1)}\n"
          f"- one rater against another (the ceiling): {_cell(between_f1)}")


def domain_subsets(items: list[Item], segments) -> dict[str, tuple[list[Item], list]]:
    """Return {"all": (items, segments)} and the same pair for each domain, by name."""
    subsets = {"all": (items, segments)}
    for domain in sorted({it.domain for it in items}):
        pairs = [(it, s) for it, s in zip(items, segments) if it.domain == domain]
        subsets[domain] = ([p[0] for p in pairs], [p[1] for p in pairs])
    return subsets


def print_kinds(items: list[Item], segments) -> None:
    """Print, per kind of flag, how many there are and how much of them the raters marked."""
    shares = kind_shares([s.flags for s in segments], [it.gold(major_only=True) for it in items],
                         [it.gold(major_only=False) for it in items])
    print(f"\n## Flags by kind ({len(items)} segments)\n")
    print("| kind | severity | detector | flags | characters | in gold major | in any gold span |")
    print("|---|---|---|---:|---:|---:|---:|")
    for (kind, severity, detector), (n, size, major, every) in shares.items():
        print(f"| {kind} | {severity} | {detector} | {n} | {size} | {major:.2f} | {every:.2f} |")


def print_reliability(items: list[Item], segments) -> None:
    """Print how sure the flags said they were against how often raters marked an error there."""
    gold = [it.gold(major_only=False) for it in items]
    flag_lists = [s.flags for s in segments]
    table, error = reliability(flag_lists, gold)
    print(f"\n## How sure the flags are ({len(items)} segments): confidence against what raters marked\n")
    print("A flag counts as marked if it overlaps any gold span of the first rater.\n")
    print("| confidence | flags | mean confidence | marked by raters |")
    print("|---|---:|---:|---:|")
    for b in table:
        print(f"| {b.low:.1f} to {b.high:.1f} | {b.flags} | {b.confidence:.2f} | {b.marked:.2f} |")
    print(f"\nexpected calibration error: {error:.3f}\n")
    print("| detector | flags | mean confidence | marked by raters | calibration error |")
    print("|---|---:|---:|---:|---:|")
    detectors = sorted({f.detector for flags in flag_lists for f in flags},
                       key=lambda d: -sum(f.detector == d for flags in flag_lists for f in flags))
    for d in detectors:
        own = [[f for f in flags if f.detector == d] for flags in flag_lists]
        pairs = [(f.confidence, marked(f, g)) for flags, g in zip(own, gold) for f in flags]
        said, seen = zip(*pairs)
        print(f"| {d} | {len(pairs)} | {np.mean(said):.2f} | {np.mean(seen):.2f} | {reliability(own, gold)[1]:.3f} |")


def main(argv=None) -> None:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="labelled JSONL (e.g. ../shared/data/mqm_zhen_dev.jsonl)")
    parser.add_argument("--sample", type=int, default=2000, help="segments to sample (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the sample (default 0)")
    parser.add_argument("--split", default="eval", choices=["eval", "fit", "all"])
    parser.add_argument("--first-reference", action="store_true", help="use only the first reference")
    parser.add_argument("--resamples", type=int, default=1000,
                        help="bootstrap resamples for the confidence intervals (default 1000; 0: none)")
    parser.add_argument("--unit", choices=["sentence", "document"], default="sentence",
                        help="what the bootstrap draws whole: source sentences (default) or documents")
    parser.add_argument("--calibration", help="calibration file to measure (default: the packaged one)")
    parser.add_argument("--hints", action="store_true", help="show weak wording evidence as minor flags, as --hints does")
    parser.add_argument("--compare", metavar="CALIBRATION",
                        help="also measure this calibration file on the same segments, paired with the first")
    args = parser.parse_args(argv)

    from mtcheck.embed import CachingEmbedder, load_model

    # one embedder for every run, so that a second calibration reuses the encodings
    embedder = CachingEmbedder(load_model())
    t0 = time.perf_counter()
    items = load_items(args.data, args.split, args.sample, args.seed, args.first_reference)
    segments, run = run_mtcheck(items, embedder, args.calibration, args.hints)
    elapsed = time.perf_counter() - t0
    print(f"# mtcheck accuracy: {args.data}, split {args.split}, sample {len(items)}, seed {args.seed}")
    print(f"{run.meta['signature']}\ncalibration {run.meta.get('calibration', '-')}; {elapsed:.0f} s")
    subsets = domain_subsets(items, segments)
    # mtcheck's own setting: a reference that is right (a third of WMT23's have a major error)
    clean = [(it, s) for it, s in zip(items, segments) if it.clean_references]
    if clean:
        subsets["clean references"] = ([p[0] for p in clean], [p[1] for p in clean])
    titles = {"all": "All segments", "clean references": "Segments whose references have no major error"}
    for name, (part, part_segments) in subsets.items():
        print_table(titles.get(name, f"Domain {name}"), figures(part, part_segments), len(part))
    print_kinds(items, segments)
    print_reliability(items, segments)
    resampling = Resampling(args.resamples, args.seed, args.unit)
    if args.resamples:
        print_confidence(subsets, resampling)
    print_systems(items, segments, resampling)
    if args.compare:
        other_segments, other_run = run_mtcheck(items, embedder, args.compare, args.hints)
        print_comparison(subsets, other_segments, f"calibration {other_run.meta.get('calibration', '-')}",
                         resampling)
    multi_items = load_items(args.data, args.split, None, args.seed, args.first_reference)
    multi_items = [it for it in multi_items if len(it.raters) > 1]
    multi_segments, _ = run_mtcheck(multi_items, embedder, args.calibration, args.hints)
    multi_rater(multi_items, multi_segments, resampling)


if __name__ == "__main__":
    main()
