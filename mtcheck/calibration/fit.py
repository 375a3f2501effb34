"""Fitting the calibration: what to try, and how to choose among the results (pure functions).

The sequence that runs the detectors under each candidate lives in refit.py, above the
detectors; this module needs none of them.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .confidence import fit_map
from .file import flag_words
from .labelled import Item, marked

MAJOR = {"major", "critical"}
# Above 0.50, F1 on MQM still creeps up (0.149 at 0.50, 0.156 at 0.60 on the fit sample) because
# raters also mark style, but on the seed paraphrases start to be flagged ("explained" for
# "told", "showed" for "opened"): an editor's precision matters more than that gain.
CUT_OFFS = [round(0.30 + 0.05 * k, 2) for k in range(5)]  # 0.30 .. 0.50
MINOR_MARGINS = [0.0, 0.05, 0.1, 0.15]
SIMILARITY_WEIGHTS = [0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0]
# The word model's terms: every feature but "number" (numbers are not scored), and a few
# products where the effect of one feature depends on another.
TERMS = ("match", "window_match", "function_word", "zipf", "in_reference", "capitalized", "length",
         "position", "segment_similarity", "segment_chrf", "segment_length", "mean_match", "min_match",
         "match*segment_similarity", "match*match", "segment_similarity*segment_similarity",
         "match*function_word")
RISK_CUT_OFFS = [round(0.08 + 0.02 * k, 2) for k in range(12)]  # 0.08 .. 0.30
# Below 0.06, paraphrases on the seed become minor flags ("close advisor" for "close adviser",
# "prospect of talking" for "prospect of discussing").
MINOR_RISK_CUT_OFFS = [None, 0.06, 0.07, 0.08, 0.09]
UNRELATED_CUT_OFFS = [None] + [round(-0.05 + 0.05 * k, 2) for k in range(8)]  # off, -0.05 .. 0.30
PLATEAU = 0.01  # cut-offs within 1% of the best F1 count as equally good
# A detector needs this many flags on the fit split for its confidence to be mapped: on 3,000
# fit segments the similarity detector has about 4,400 and the word model 1,700, while names,
# numbers, non-words, word order and the output detectors have 5 to 60 each.
CONFIDENCE_MIN_FLAGS = 200
# The word model's per-segment features describe the sentence that holds the word. Cross-validated
# over all 146 documents, against the whole segment: major-span F1 0.238 against 0.223 (+0.015,
# 0.001 to 0.030), all-span F1 0.414 against 0.389, Kendall tau level (benchmarks/README.md).
SCOPE = "sentence"


def choose_cut_off(f1_by_cut_off: dict, plateau: float = PLATEAU, flags_below: bool = False):
    """Return the cut-off with the fewest flags whose F1 is within ``plateau`` (relative) of the best.

    Span F1 is flat near its peak; there, an editor pays for every extra flag (on the fit split,
    word-risk cut-offs 0.08 and 0.10 score 0.1945 and 0.1938). The fewest flags come with the
    highest cut-off, or with the lowest if values below the cut-off are flagged
    (``flags_below``), and with None, which turns a detector off.
    """
    top = max(f1_by_cut_off.values())
    good = [at for at, f1 in f1_by_cut_off.items() if f1 >= (1 - plateau) * top]
    if None in good:
        return None
    return min(good) if flags_below else max(good)


def choose_fewest_flags(scores: dict, plateau: float = PLATEAU):
    """Return the key whose (F1, flags) has the fewest flags among those within ``plateau``
    (relative) of the best F1; of equals, the one with the best F1.

    For cut-offs that act together, where no order of the cut-offs says which flags fewer.
    """
    top = max(f1 for f1, _ in scores.values())
    good = [key for key, (f1, _) in scores.items() if f1 >= (1 - plateau) * top]
    return min(good, key=lambda key: (scores[key][1], -scores[key][0]))


def fit_confidence_maps(flags: Sequence, items: Sequence[Item], min_flags: int = CONFIDENCE_MIN_FLAGS,
                        log=print) -> dict | None:
    """Return a map per detector from its flags' raw scores and lengths to the share that raters marked.

    Fitted on flags raised without maps; "marked" is overlapping any gold span of the first
    rater. A detector with fewer than ``min_flags`` flags of its own keeps its raw score.
    """
    by_detector: dict[str, list[tuple[float, int, bool]]] = {}
    for segment_flags, it in zip(flags, items):
        gold = it.gold(major_only=False)
        for f in segment_flags:
            # a merged flag of two detectors has no one scale to learn from
            if "+" not in f.detector:
                by_detector.setdefault(f.detector, []).append((f.confidence, flag_words(f), marked(f, gold)))
    maps = {}
    for detector, rows in sorted(by_detector.items()):
        raw, words, real = zip(*rows)
        if len(rows) >= min_flags:
            maps[detector] = list(fit_map(raw, words, real))
        log(f"confidence of {detector}: {len(rows)} flags, mean raw {np.mean(raw):.3f}, "
              f"{np.mean(real):.3f} marked by raters, map {maps.get(detector, 'none (too few flags)')}")
    return maps or None
