"""Word risk: the chance that raters would mark a translation word as part of a major error.

A logistic model over features of the word (its best contextual match in the reference, its
frequency, whether the reference has it) and of its segment (similarity, chrF, length). It is
fitted on the "fit" split of labelled MQM data by `mtcheck calibrate` and ships, with its
cut-off, in the calibration file. It finds mistranslated wording that reads fluently, which the
other detectors miss: a run of risky words becomes a major finding. It adds to the other
detectors, and gives way to the precise ones (names, invented words, numbers), so that their
flags keep their own kind and message.
"""
from __future__ import annotations

import numpy as np

from ..calibration.word_model import COLUMN, FEATURES
from ..results import Severity
from ..words import FUNCTION_WORD_ZIPF, is_function_word, zipf
from .base import Detector, Finding, SegmentView

def scored(view: SegmentView, i: int) -> bool:
    """Return True if the model scores word i: every word with a match in the reference, but
    numbers, which have their own detector. The model is fitted on these words."""
    return view.matches[i] is not None and not view.hyp_words[i].is_number

def content(view: SegmentView, i: int) -> bool:
    """Return True if word i can carry a flag: not a function word, nor a word the reference
    has in the same form. Others are flagged only inside a run of risky words that has one."""
    m = view.matches[i]
    return m is not None and not m.same_form and not is_function_word(view.hyp_words[i], view.lang)

def risky_runs(view: SegmentView, risk, threshold: float) -> list[tuple[int, int]]:
    """Return maximal runs [first, last] of scored words at or above a risk, each holding a content word."""
    n = len(view.hyp_words)
    runs, start = [], None
    for i in range(n + 1):
        hot = i < n and scored(view, i) and risk[i] >= threshold
        if hot and start is None:
            start = i
        elif not hot and start is not None:
            if any(content(view, k) for k in range(start, i)):
                runs.append((start, i - 1))
            start = None
    return runs

def word_features(view: SegmentView, scope: str = "segment") -> np.ndarray:
    """Return one row of FEATURES per translation word, the segment's own taken over ``scope``."""
    words = view.hyp_words
    n = len(words)
    out = np.empty((n, len(FEATURES)))
    if not n:
        return out
    match = np.fromiter((m.similarity if m is not None else 0.0 for m in view.matches), float, n)
    vocabulary, lang = view.vocabulary, view.lang
    # one pass over the words for what needs Python; the rest is whole columns
    per_word = np.array([(zipf(w.norm, lang), w.norm in vocabulary, w.is_capitalized, w.is_number,
                          len(w.text)) for w in words], dtype=float)
    column = COLUMN
    out[:, column["match"]] = match
    # the mean over the word and two neighbours each side: raters mark phrases, not words
    out[:, column["window_match"]] = np.convolve(np.pad(match, 2, mode="edge"), np.full(5, 0.2), mode="valid")
    out[:, column["function_word"]] = per_word[:, 0] >= FUNCTION_WORD_ZIPF
    out[:, column["zipf"]] = per_word[:, 0] / 7
    out[:, column["in_reference"]] = per_word[:, 1]
    out[:, column["capitalized"]] = per_word[:, 2]
    out[:, column["number"]] = per_word[:, 3]
    out[:, column["length"]] = per_word[:, 4] / 10
    out[:, column["segment_similarity"]] = view.similarity if view.similarity is not None else 1.0
    out[:, column["segment_chrf"]] = (view.chrf if view.chrf is not None else 100.0) / 100
    for first, last in view.sentences if scope == "sentence" else ((0, n - 1),):
        part, m = slice(first, last + 1), last + 1 - first
        out[part, column["position"]] = np.arange(m) / m
        out[part, column["segment_length"]] = np.log(m + 1) / 4
        out[part, column["mean_match"]] = match[part].mean()
        out[part, column["min_match"]] = match[part].min()
    return out

def find_risky_wording(view: SegmentView) -> list[Finding]:
    """Flag runs of words that the calibration's word-risk model finds likely mistranslated."""
    model = view.calibration.risk_model
    if model is None or not view.hyp_words:
        return []
    risk = model.risk(word_features(view, model.scope))
    found = []
    for first, last in risky_runs(view, risk, model.major_at if model.minor_at is None else model.minor_at):
        # A run at the lower cut-off that holds a word at the higher one is major as a whole:
        # raters mark the phrase around a mistranslated word, and the weaker risk of its
        # neighbours says how far the phrase reaches (hysteresis, as in edge detection). On the
        # fit split this raised major-span F1 from 0.198 to 0.208.
        peak = float(risk[first:last + 1].max())
        severity = Severity.MAJOR if peak >= model.major_at else Severity.MINOR
        weakest = min(view.matches[k].similarity for k in range(first, last + 1))
        found.append(Finding(
            first, last, severity, "mistranslation",
            f'"{{text}}" is {"likely" if severity is Severity.MAJOR else "perhaps"} mistranslated '
            f"(risk {peak:.2f}, from how weakly its words match "
            f"the reference, weakest {weakest:.2f}, and how far the sentence strays from it); "
            "the reference has {suggestion}",
            peak))
    return found


WORDRISK = Detector("wordrisk", frozenset({"mistranslation"}), "wording", find_risky_wording)
