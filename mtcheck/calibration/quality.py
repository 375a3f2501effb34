"""The quality score: the chance, in percent, that professional raters find no major error.

A logistic model over what a check already computes for a segment (its similarity, chrF and
BLEU, its penalty, its flags by severity, its length against the reference's), so that it also
orders segments that carry no flag. It is fitted in two steps on MQM-rated segments: first the
direction, by a pairwise logistic regression within each source segment (which of two
translations of one sentence did the raters find better?), as the ranking it serves is judged;
then the scale, by a one-variable logistic regression of "no major error" on that direction.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import Hashable, Sequence

import numpy as np

from ..words import flag_words

SEVERITIES = ("critical", "major", "minor")
TERMS = ("similarity", "cosine", "chrf", "bleu", "penalty", "length_gap", "log_chars",
         *(f"{severity}_{what}" for severity in SEVERITIES for what in ("count", "confidence", "words", "share")))
# the sign each term's weight must have, so that the score never rises with a flag, with a length
# unlike the reference's or with length alone, nor falls with a closer match: a weight fitted the
# other way (terms of rare flags are collinear; on he-en news, short segments held more errors than
# long ones, the reverse of zh-en) is left out
SIGNS = {"similarity": 1, "cosine": 1, "chrf": 1, "bleu": 1, "penalty": -1, "length_gap": -1, "log_chars": -1,
         **{term: -1 for term in TERMS[7:]}}
# a segment whose raters' MQM penalty (minor 1, major 5, averaged over raters) reaches this
# holds a major error: what the score's scale is fitted to
MAJOR_MQM = 5.0


def quality_terms(scores, flags, hypothesis: str, reference: str) -> np.ndarray | None:
    """Return a checked segment's terms in TERMS' order, or None without a reference to compare with."""
    if scores.similarity is None or scores.chrf is None:
        return None
    chars = len(hypothesis) + 1
    values = [scores.similarity, scores.cosine, scores.chrf / 100, (scores.bleu or 0.0) / 100, scores.penalty,
              abs(math.log(chars / (len(reference) + 1))), math.log(chars)]
    for severity in SEVERITIES:
        mine = [f for f in flags if f.severity.value == severity]
        values += [len(mine), sum(f.confidence for f in mine), sum(f.confidence * flag_words(f) for f in mine),
                   sum(f.end - f.start for f in mine) / chars]
    return np.array(values, float)


@dataclass(frozen=True)
class QualityModel:
    """A fitted logistic model over TERMS: 100 x sigmoid(intercept + weights . terms)."""

    weights: tuple[float, ...]
    intercept: float
    fitted_on: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "QualityModel":
        """Return the model stored in a calibration file."""
        if list(data["terms"]) != list(TERMS):
            raise ValueError(f"quality model terms must be {', '.join(TERMS)}")
        model = cls(tuple(float(w) for w in data["weights"]), float(data["intercept"]), str(data.get("fitted_on", "")))
        if len(model.weights) != len(TERMS) or not all(map(math.isfinite, (*model.weights, model.intercept))):
            raise ValueError("quality model needs one finite weight per term and a finite intercept")
        return model

    @cached_property
    def _weights(self) -> np.ndarray:
        """Return the weights as an array, made once: score() runs for every segment."""
        return np.array(self.weights)

    def to_dict(self) -> dict:
        """Return the model as the calibration file stores it."""
        return {"terms": list(TERMS), "weights": list(self.weights), "intercept": self.intercept,
                "fitted_on": self.fitted_on}

    def score(self, terms: np.ndarray) -> np.ndarray:
        """Return the quality (0 to 100) of rows of terms."""
        z = self.intercept + np.asarray(terms, float) @ self._weights
        return 100 / (1 + np.exp(-np.clip(z, -50, 50)))


def rated_pairs(mqm: np.ndarray, groups: Sequence[Hashable]) -> tuple[np.ndarray, np.ndarray]:
    """Return the indices (i, j) of every pair of translations of one source that raters scored differently."""
    members: dict[Hashable, list[int]] = {}
    for k, g in enumerate(groups):
        members.setdefault(g, []).append(k)
    firsts, seconds = [np.zeros(0, int)], [np.zeros(0, int)]
    for idx in map(np.asarray, members.values()):
        i, j = np.triu_indices(len(idx), k=1)
        differ = mqm[idx[i]] != mqm[idx[j]]
        firsts.append(idx[i[differ]])
        seconds.append(idx[j[differ]])
    return np.concatenate(firsts), np.concatenate(seconds)


def fit_quality(terms: np.ndarray, mqm: Sequence[float], groups: Sequence[Hashable], l2: float = 1.0) -> QualityModel:
    """Fit the model on rated segments: their terms, MQM penalties and source segments."""
    from .logistic import fit_logistic

    scale = terms.std(axis=0)
    scale[scale == 0] = 1.0  # a term that never varies gets no weight: its differences are all 0
    x, mqm = terms / scale, np.asarray(mqm, float)
    i, j = rated_pairs(mqm, groups)
    clean = mqm < MAJOR_MQM
    if not len(i) or clean.all() or not clean.any():
        raise ValueError("too few rated segments: the quality score needs translations of one source that "
                         "raters scored differently, some with a major error and some without")
    # each pair both ways round, so that the direction needs no intercept
    direction = _signed_fit(np.vstack([x[i] - x[j], x[j] - x[i]]),
                            np.concatenate([mqm[i] < mqm[j], mqm[j] < mqm[i]]), l2)
    z = x @ direction
    # a little shrinkage keeps the scale finite when the direction separates the segments
    intercept, slope = fit_logistic(z[:, None], clean, 1e-3)
    return QualityModel(tuple(float(w) for w in slope[0] * direction / scale), float(intercept))


def _signed_fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Return the weights of a logistic regression without intercept whose signs follow SIGNS:
    a term whose weight comes out the wrong way round is dropped and the rest refitted."""
    from .logistic import fit_logistic

    wanted = np.array([SIGNS[t] for t in TERMS])
    kept = np.ones(len(TERMS), bool)
    while True:
        weights = np.zeros(len(TERMS))
        _, weights[kept] = fit_logistic(x[:, kept], y, l2, intercept_l2=1e6)
        wrong = kept & (weights * wanted < 0)
        if not wrong.any():
            return weights
        kept &= ~wrong


def cross_validate(terms: np.ndarray, mqm: Sequence[float], groups: Sequence[Hashable],
                   documents: Sequence[Hashable], folds: int = 5) -> np.ndarray:
    """Return each segment's quality from a model fitted on the other folds' documents (NaN where
    the other folds were too few to fit on)."""
    import zlib

    fold = np.array([zlib.crc32(str(d).encode()) % folds for d in documents])
    mqm, groups = np.asarray(mqm, float), list(groups)
    out = np.full(len(terms), np.nan)
    for k in range(folds):
        train = fold != k
        if train.all() or not train.any():
            continue
        try:
            model = fit_quality(terms[train], mqm[train], [g for g, t in zip(groups, train) if t])
        except ValueError:  # too few rated pairs in these folds: their segments stay unscored
            continue
        out[~train] = model.score(terms[~train])
    return out
