"""Cross-validate mtcheck's calibration by document over the whole labelled MQM file.

    python -m benchmarks.crossval ../shared/data/mqm_zhen_dev.jsonl [--folds 5] [--sample 3000] [--seed 1]
        [--resamples 1000] [--log FILE] [--scope sentence|segment] [--compare-scope sentence|segment]

The fit/eval split holds about 70 documents a side, and only 2 of the data's 5 TED talks are in
"eval", so a figure of one domain on the eval split says as much about its few documents as about
mtcheck. Here every document is held out once: the documents of each domain are dealt in turn to
``--folds`` folds (5 folds: one TED talk each); for each fold, `mtcheck calibrate`'s whole
procedure (``--sample`` segments of the other folds, as the shipped calibration uses 3,000 of
the fit split) fits a calibration, and mtcheck's library checks the held-out fold with it. The
figures pool these out-of-fold results over all 18,877 segments: the same tables as accuracy.py,
intervals from a bootstrap over documents, and, per document of the domains with too few
documents for an interval, mtcheck against the lexical baseline.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import random
import tempfile
import time
import zlib
from pathlib import Path


from .accuracy import (
    MAJOR, MIN_UNITS, Resampling, domain_subsets, figures, print_comparison, print_confidence, print_kinds,
    print_reliability, print_table, run_mtcheck,
)
from mtcheck.calibration.fit import SCOPE
from mtcheck.refit import build_views, fit
from .mqm import Item, flag_chars, lexical_baseline, load_items, prf

from mtcheck.calibration.word_model import SCOPES


def document_folds(items: list[Item], folds: int) -> list[int]:
    """Return each item's fold: the documents of each domain, in a fixed order (crc32 of their
    name), are dealt to the folds in turn, carrying on from domain to domain, so that every fold
    gets its share of each domain and of the documents."""
    fold_of: dict[str, int] = {}
    turn = 0
    for domain in sorted({it.domain for it in items}):
        documents = sorted({it.document_id for it in items if it.domain == domain},
                           key=lambda d: (zlib.crc32(d.encode()), d))
        for document in documents:
            fold_of[document] = turn % folds
            turn += 1
    return [fold_of[it.document_id] for it in items]


def out_of_fold(items: list[Item], folds: list[int], sample: int, seed: int, embedder, log,
                scope: str = SCOPE) -> list:
    """Return one SegmentResult per item, each checked with a calibration fitted without its fold."""
    from mtcheck.calibration import default_calibration
    from mtcheck.files import write_atomic

    segments: list = [None] * len(items)
    with tempfile.TemporaryDirectory() as tmp:
        for k in sorted(set(folds)):
            t0 = time.perf_counter()
            train = [it for it, f in zip(items, folds) if f != k]
            held = [i for i, f in enumerate(folds) if f == k]
            train = random.Random(seed).sample(train, min(sample, len(train)))
            with contextlib.redirect_stdout(log):
                cal, score = fit(train, build_views(train, embedder), default_calibration(), scope)
            path = Path(tmp) / f"fold{k}.json"
            write_atomic(path, cal.to_json())
            results, _ = run_mtcheck([items[i] for i in held], embedder, str(path))
            for i, result in zip(held, results):
                segments[i] = result
            model = cal.risk_model
            risk = f"word risk {model.major_at}/{model.minor_at}" if model else "no word model"
            print(f"fold {k}: {len(held)} held-out segments, {len({items[i].document_id for i in held})} documents; "
                  f"fitted on {len(train)}: {score}; {risk}, "
                  f"similarity below {cal.major_below}/{cal.minor_below}; {time.perf_counter() - t0:.0f} s",
                  flush=True)
    return segments


def print_documents(items: list[Item], segments, domains: list[str]) -> None:
    """Print major-span figures per document of the given domains: mtcheck against the baselines."""
    print("\n## Per document, of the domains with too few documents for an interval\n")
    print("| domain | document | segments | gold major share | mtcheck P | mtcheck R | mtcheck F1 | "
          "lexical F1 | flag everything F1 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for domain in domains:
        for document in sorted({it.document_id for it in items if it.domain == domain}):
            part = [(it, s) for it, s in zip(items, segments) if it.document_id == document]
            gold = [it.gold(major_only=True) for it, _ in part]
            p, r, f = prf([flag_chars(s.flags, MAJOR) for _, s in part], gold)
            lexical = prf([lexical_baseline(it.hypothesis, it.references[0]) for it, _ in part], gold)[2]
            everything = [set(range(len(it.hypothesis))) for it, _ in part]
            share = sum(map(len, gold)) / max(1, sum(map(len, everything)))
            print(f"| {domain} | {document} | {len(part)} | {share:.3f} | {p:.3f} | {r:.3f} | {f:.3f} | "
                  f"{lexical:.3f} | {prf(everything, gold)[2]:.3f} |")


def main(argv=None) -> None:
    """Run the cross-validation and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="labelled JSONL (e.g. ../shared/data/mqm_zhen_dev.jsonl)")
    parser.add_argument("--folds", type=int, default=5, help="folds of documents (default 5)")
    parser.add_argument("--sample", type=int, default=3000,
                        help="segments of the other folds each calibration is fitted on (default 3000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of those samples (default 1)")
    parser.add_argument("--resamples", type=int, default=1000,
                        help="bootstrap resamples over documents (default 1000; 0: none)")
    parser.add_argument("--log", default=None, help="file for the fits' own output (default: discarded)")
    parser.add_argument("--scope", choices=SCOPES, default=SCOPE,
                        help="what the word model's per-segment features describe (mtcheck calibrate --scope)")
    parser.add_argument("--compare-scope", choices=SCOPES, default=None,
                        help="also cross-validate with this scope, and print the two paired")
    args = parser.parse_args(argv)

    from mtcheck.embed import CachingEmbedder, load_model

    t0 = time.perf_counter()
    items = load_items(args.data, "all", None, args.seed)
    folds = document_folds(items, args.folds)
    # every text is encoded once however many folds train on it: about 2 GB of token vectors
    embedder = CachingEmbedder(load_model(), size=10**6, max_bytes=8 * 2**30)
    with open(args.log, "w", encoding="utf-8") if args.log else contextlib.nullcontext(io.StringIO()) as log:
        segments = out_of_fold(items, folds, args.sample, args.seed, embedder, log, args.scope)
        other = out_of_fold(items, folds, args.sample, args.seed, embedder, log, args.compare_scope) \
            if args.compare_scope else None
    print(f"\n# mtcheck cross-validated by document: {args.data}, {len(items)} segments, "
          f"{len({it.document_id for it in items})} documents, {args.folds} folds, fits on {args.sample} "
          f"segments (seed {args.seed}); {time.perf_counter() - t0:.0f} s")
    subsets = domain_subsets(items, segments)
    for name, (part, part_segments) in subsets.items():
        title = "All segments, out of fold" if name == "all" else f"Domain {name}, out of fold"
        print_table(title, figures(part, part_segments), len(part))
    print_kinds(items, segments)
    print_reliability(items, segments)
    if args.resamples:
        print_confidence(subsets, Resampling(args.resamples, 0, "document"))
    if other is not None:
        print_comparison(subsets, other, f"scope {args.compare_scope} (scope {args.scope} measured)",
                         Resampling(args.resamples, 0, "document"))
    few = [d for d in sorted({it.domain for it in items})
           if len({it.document_id for it in items if it.domain == d}) < MIN_UNITS]
    if few:
        print_documents(items, segments, few)


if __name__ == "__main__":
    main()
