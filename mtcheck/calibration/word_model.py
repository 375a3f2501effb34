"""The word-risk model: a logistic model over per-word features, fitted and shipped in the calibration.

Which features there are and how terms combine them lives here, with the fitted weights; how a
segment's words become feature rows is the detector's business (detect/wordrisk.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

import numpy as np

# Per word, in this order; a model's terms are these names or products of them ("a*b").
FEATURES = (
    "match", "window_match", "function_word", "zipf", "in_reference", "capitalized", "number",
    "length", "position", "segment_similarity", "segment_chrf", "segment_length", "mean_match",
    "min_match",
)


# What the per-segment features (position, segment_length, mean_match, min_match) describe:
# the whole segment, or the sentence of the segment that holds the word. A paragraph checked as
# one segment is then scored as its sentences are, not as a sentence hundreds of words long,
# which lies far outside the lengths that the model was fitted on.
SCOPES = ("segment", "sentence")


COLUMN = {f: k for k, f in enumerate(FEATURES)}


@lru_cache(maxsize=16)
def _term_columns(terms: tuple[str, ...]) -> np.ndarray:
    """Return, per term, the columns whose product it is, padded with the column of ones."""
    names = [t.split("*") for t in terms]
    width = max((len(n) for n in names), default=1)
    ones = len(FEATURES)
    return np.array([[COLUMN[f] for f in n] + [ones] * (width - len(n)) for n in names], dtype=np.intp)


def design(features: np.ndarray, terms: Sequence[str]) -> np.ndarray:
    """Return the model's terms (features and products of features) as columns."""
    if not len(terms):
        return np.zeros((len(features), 0))
    padded = np.hstack([features, np.ones((len(features), 1))])
    return padded[:, _term_columns(tuple(terms))].prod(axis=2)


@dataclass(frozen=True)
class WordRiskModel:
    """A fitted logistic model: terms, their standardisation, weights and its cut-off."""

    terms: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]  # intercept first
    major_at: float
    # the cut-off of a run: major if it holds a word at major_at, else minor; None: runs at major_at
    minor_at: float | None = None
    scope: str = "segment"  # what the per-segment features describe (SCOPES)

    @classmethod
    def from_dict(cls, data: dict) -> "WordRiskModel":
        """Return the model stored in a calibration file."""
        model = cls(tuple(data["terms"]), tuple(data["mean"]), tuple(data["scale"]),
                    tuple(data["weights"]), float(data["major_at"]),
                    None if data.get("minor_at") is None else float(data["minor_at"]),
                    data.get("scope", "segment"))
        unknown = {n for t in model.terms for n in t.split("*")} - set(FEATURES)
        if unknown:
            raise ValueError(f"word model has unknown features: {', '.join(sorted(unknown))}")
        if not len(model.terms) == len(model.mean) == len(model.scale) == len(model.weights) - 1:
            raise ValueError("word model needs one mean, scale and weight per term, plus an intercept")
        if not 0 <= model.major_at <= 1:
            raise ValueError("word model needs 0 <= major_at <= 1")
        if model.minor_at is not None and not 0 <= model.minor_at <= model.major_at:
            raise ValueError("word model needs 0 <= minor_at <= major_at")
        if model.scope not in SCOPES:
            raise ValueError(f"word model needs a scope of {' or '.join(SCOPES)}, not {model.scope!r}")
        return model

    @cached_property
    def _linear(self) -> tuple[float, np.ndarray]:
        """Return the intercept and weights with the standardisation folded in."""
        mean, scale, weights = np.array(self.mean), np.array(self.scale), np.array(self.weights[1:])
        return self.weights[0] - float((weights * mean / scale).sum()), weights / scale

    def risk(self, features: np.ndarray) -> np.ndarray:
        """Return each word's risk in [0, 1]."""
        intercept, weights = self._linear
        return 1 / (1 + np.exp(-(intercept + design(features, self.terms) @ weights)))


def fit_word_model(features: np.ndarray, labels: np.ndarray, terms: Sequence[str],
                   l2: float = 0.01, iterations: int = 30) -> tuple[tuple, tuple, tuple]:
    """Fit a ridge-regularised logistic model on standardised terms; return (mean, scale, weights)."""
    from .logistic import fit_logistic

    x = design(features, terms)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    # the intercept is not shrunk
    intercept, weights = fit_logistic((x - mean) / scale, labels, l2, 0.0, iterations, tolerance=1e-8)
    return tuple(map(float, mean)), tuple(map(float, scale)), (intercept, *map(float, weights))


