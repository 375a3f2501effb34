"""Refit the calibration on labelled MQM data: what `mtcheck calibrate` runs.

The segments are checked by the pipeline's own per-segment check (segment_check.py): their
views are prepared once, and only the detectors run again under each calibration tried.
Only documents of the "fit" split are used; the benchmarks report on the "eval" split.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .align.pairs import pair_segments
from .calibration import Calibration, default_calibration
from .calibration.confidence import calibrate_flags
from .calibration.fit import (CUT_OFFS, MAJOR, MINOR_MARGINS, MINOR_RISK_CUT_OFFS, RISK_CUT_OFFS, SCOPE,
                              SIMILARITY_WEIGHTS, TERMS, UNRELATED_CUT_OFFS, choose_cut_off,
                              choose_fewest_flags, fit_confidence_maps)
from .calibration.labelled import Item, flag_chars, kendall_tau, pairwise_accuracy, prf
from .calibration.labelled_rows import load_items
from .calibration.word_model import fit_word_model
from .detect.wordrisk import scored, word_features
from .embed.base import Embedder
from .refit_quality import fit_quality_model, write_named
from .run import open_context
from .segment_check import Encoded, SegmentViews, find_flags, prepare_views
from .sentences import Segment, split_segment
from .settings import Settings


def build_views(items: Sequence[Item], embedder: Embedder | None = None,
                settings: Settings = Settings()) -> list[SegmentViews]:
    """Return every view of each item that any calibration may check, as the pipeline prepares them.

    Each distinct text is encoded once; the whole segments too, since under a calibration whose
    unrelated cut-off they fall below, segments paired by sentence are checked whole.
    """
    context = open_context(settings, embedder)
    units = [split_segment(Segment(it.id, it.hypothesis, it.references, source=it.source or None),
                           settings.lang) for it in items]
    stats = [context.metrics.statistics(u.hypothesis, u.references) for u in units]
    pairs = pair_segments(units, context.embedder)
    texts = list(dict.fromkeys([u.hypothesis for u in units] + [r for u in units for r in u.references]))
    encoded = Encoded(context.embedder, texts, settings.lang)
    return [prepare_views(u, p, encoded, context, encoded.source(u.source),
                          context.metrics.sentence_scores(st).chrf, every=True)
            for u, st, p in zip(units, stats, pairs)]


def word_examples(items: Sequence[Item], views: Sequence[SegmentViews], scope: str = SCOPE):
    """Return the features and labels of every scored word: is it mostly inside a gold major span?"""
    features, labels = [], []
    for it, item_views in zip(items, views):
        gold = it.gold(major_only=True)
        for at, view in item_views.scored():
            rows = word_features(view, scope)
            for i, w in enumerate(view.hyp_words):
                if scored(view, i):
                    features.append(rows[i])
                    labels.append(2 * sum(at + c in gold for c in range(w.start, w.end)) > w.end - w.start)
    return np.array(features), np.array(labels, float)


def fit(items: Sequence[Item], views: Sequence[SegmentViews], base: Calibration, scope: str = SCOPE,
        log: Callable[[str], None] = print) -> tuple[Calibration, str]:
    """Return the best calibration and a line describing how it scored on the fit split.

    Fits, in order, each for the best figure on the items: the similarity detector's cut-offs;
    the word model and its two cut-offs; the unrelated cut-off; the confidence maps; the weight
    of lost similarity in the penalty (see fit_calibration).
    """
    gold = [it.gold(major_only=True) for it in items]

    def flags_under(cal):
        return [find_flags(v, cal) for v in views]

    def major_f1(cal):
        flags = flags_under(cal)
        return prf([flag_chars(f, MAJOR) for f in flags], gold)[2], flags

    # the unrelated-output detector is fitted last, on top of the others
    base = dataclasses.replace(base, unrelated_below=None, confidence_maps=None)
    best = None
    for major in CUT_OFFS:
        for margin in MINOR_MARGINS:
            cal = dataclasses.replace(base, major_below=major, minor_below=round(major + margin, 2),
                                      word_model=None)
            f1, flags = major_f1(cal)
            log(f"major_below {major:.2f} minor_below {cal.minor_below:.2f}: major-span F1 {f1:.4f}")
            if best is None or f1 > best[0]:
                best = (f1, cal, flags)
    cal = best[1]

    features, labels = word_examples(items, views, scope)
    mean, scale, weights = fit_word_model(features, labels, TERMS)
    log(f"word model: {len(labels)} scored words, {labels.mean():.3f} inside a gold major span")
    scores = {}
    for at in RISK_CUT_OFFS:
        for below in [m for m in MINOR_RISK_CUT_OFFS if m is None or m < at]:
            with_model = dataclasses.replace(cal, word_model={
                "terms": list(TERMS), "mean": list(mean), "scale": list(scale), "weights": list(weights),
                "major_at": at, "minor_at": below, "scope": scope})
            f1, flags = major_f1(with_model)
            scores[at, below] = (f1, with_model, flags)
            count = sum(map(len, flags))
            log(f"word risk major_at {at:.2f} minor_at {below}: major-span F1 {f1:.4f}, {count} flags")
    at, below = choose_fewest_flags({key: (f1, sum(map(len, flags))) for key, (f1, _, flags) in scores.items()})
    if scores[at, below][0] > best[0]:
        best = scores[at, below]
    cal = best[1]
    unrelated = {}
    for below in UNRELATED_CUT_OFFS:
        candidate = dataclasses.replace(cal, unrelated_below=below)
        f1, flags = major_f1(candidate)
        unrelated[below] = (f1, candidate, flags)
        log(f"unrelated_below {below}: major-span F1 {f1:.4f}")
    # no plateau here: the detector fires on about 1% of segments, so its whole effect on F1 is
    # below 1% and a plateau would always turn it off, though its flags are more precise than
    # the others (on the fit split, 0.5 to 0.98 of the characters of segments below similarity
    # 0.15 lie in gold major spans, 0.27 between 0.15 and 0.20; 0.12 for mistranslation flags)
    chosen = choose_cut_off({u: f1 for u, (f1, _, _) in unrelated.items()}, plateau=0, flags_below=True)
    f1, cal, flags = unrelated[chosen]
    cal = dataclasses.replace(cal, confidence_maps=fit_confidence_maps(flags, items, log=log))
    # the same flags with their confidence mapped, as detect() maps them: no second detection
    flags = [calibrate_flags(f, cal.confidence_maps) for f in flags]
    mqm = [it.mqm for it in items]
    agreement = {}
    for w in SIMILARITY_WEIGHTS:
        penalty = [dataclasses.replace(cal, similarity_weight=w).penalty(f, v.similarity)
                   for f, v in zip(flags, views)]
        agreement[w] = (kendall_tau(penalty, mqm), pairwise_accuracy(penalty, mqm))
        log(f"similarity weight {w}: Kendall tau {agreement[w][0]:.4f}, pairwise {agreement[w][1]:.4f}")
    weight = max(agreement, key=lambda w: sum(agreement[w]))
    tau, pairwise = agreement[weight]
    return (dataclasses.replace(cal, similarity_weight=weight),
            f"major-span F1 {f1:.3f}, Kendall tau {tau:.3f}, pairwise accuracy {pairwise:.3f}")


def calibrate(data: str | Path, out: str | Path, sample: int = 3000, seed: int = 1, model: str | None = None,
              scope: str = SCOPE, log: Callable[[str], None] = print, scored: str | Path | None = None,
              major_recall: float = 0.75) -> Calibration:
    """Refit the calibration on a sample of the fit split of labelled data and write it to ``out``;
    the quality score last, on the whole fit split (refit_quality.py).

    With ``scored`` (segments with MQM scores), the similarity cut-off for a major flag is then
    lowered as far as keeps ``major_recall`` of their major errors flagged major (fit_major_cut_off).
    """
    from .embed.cache import CachingEmbedder
    from .embed.load import load_model

    settings = Settings(**({"model": model} if model else {}))
    items = load_items(str(data), "fit", sample, seed)
    if scored is not None:
        scored_items(scored)  # a bad line of it fails now, not after minutes of fitting
    embedder = CachingEmbedder(load_model(settings.model))
    views = build_views(items, embedder, settings)
    cal, score = fit(items, views, default_calibration(), scope, log)
    fitted_on = f"{Path(data).name}, split fit, sample {len(items)}, seed {seed}: {score}"
    if scored is not None:
        cal = fit_major_cut_off(cal, scored, major_recall, embedder, log)
        fitted_on += (f"; major_below {cal.major_below} from {Path(scored).name}, split fit, keeping "
                      f"{major_recall:.2f} of the major errors")
    cal = dataclasses.replace(cal, model=embedder.name, fitted_on=fitted_on)
    return write_named(fit_quality_model(data, cal, embedder, model, log=log), out, data)


# Segments whose raters' MQM score is 0 were found error-free; -5 or worse holds a major error.
MAJOR_MQM = -5.0
MAJOR_CUT_OFFS = [round(0.30 + 0.01 * k, 2) for k in range(21)]  # 0.30 .. 0.50


def scored_items(path: str | Path, split: str = "fit") -> list[tuple[Item, bool, bool]]:
    """Return the segments of one half of a file of MQM-rated segments (scores or spans), each with
    whether raters found a major error and whether it is a human translation; segments with minor
    errors only are left out."""
    return [(item, item.mqm >= -MAJOR_MQM, item.human) for item in load_items(path, split, None, 1, scores=True)
            if item.mqm == 0 or item.mqm >= -MAJOR_MQM]


def fit_major_cut_off(calibration: Calibration, scored: str | Path, recall: float = 0.75,
                      embedder: Embedder | None = None, log: Callable[[str], None] = print) -> Calibration:
    """Return the calibration with the lowest similarity cut-off for a major flag that still
    keeps a major or critical flag on ``recall`` of the segments with a major error.

    Fitted on the fit half of MQM-scored segments: a lower cut-off shows fewer weak matches as
    major, which spares the editor false alarms on correct synonyms ("talks" for
    "negotiations") and loses some of the major errors that only a weak match shows.
    """
    chosen = scored_items(scored)
    views = build_views([it for it, _, _ in chosen], embedder)
    best = calibration.major_below
    for cut in sorted((c for c in MAJOR_CUT_OFFS if c <= calibration.major_below), reverse=True):
        cal = dataclasses.replace(calibration, major_below=cut)
        majors = [any(f.severity.value != "minor" for f in find_flags(v, cal)) for v in views]
        kept = [m for m, (_, major, human) in zip(majors, chosen) if major and not human]
        clean = [m for m, (_, major, human) in zip(majors, chosen) if not major and not human]
        log(f"major_below {cut:.2f}: major errors kept {sum(kept) / len(kept):.3f}, "
            f"false alarms {sum(clean) / len(clean):.3f} (fit half of {Path(scored).name}, MT)")
        if sum(kept) < recall * len(kept):
            break
        best = cut
    return dataclasses.replace(calibration, major_below=best)
