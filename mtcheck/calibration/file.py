"""The calibration file: cut-offs and weights fitted on labelled data, shipped as versioned JSON.

``mtcheck calibrate`` refits them on the "fit" split of labelled MQM data and writes
``mtcheck/data/calibration.json``; the benchmarks report on the "eval" split.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..words import flag_words

FORMAT_VERSION = 1
# the calibrations shipped in the package, by the names --calibration takes: "news" has the
# default's cut-offs (the same flags) and a quality score fitted on rated news (benchmarks/README.md)
PACKAGED = {"default": "calibration.json", "news": "calibration-news.json"}


@dataclass(frozen=True)
class Calibration:
    """Cut-offs of the detectors and the weights of the segment penalty."""

    id: str = "built-in defaults"
    # similarity detector: contextual cosine of a word's best reference match
    major_below: float = 0.40
    minor_below: float = 0.50
    # output detector: a translation this far from its reference is about something else (None: off)
    unrelated_below: float | None = 0.10
    # segment penalty = sum(severity weight x confidence x words) + similarity_weight x (1 - similarity)
    severity_weights: dict = field(default_factory=lambda: {"critical": 10.0, "major": 5.0, "minor": 1.0})
    similarity_weight: float = 1.0
    # the word-risk model and its cut-off (detect/wordrisk.py); without one, it flags nothing
    word_model: dict | None = None
    # per detector, [intercept, slope, per_word] of the map from a flag's raw score and length to
    # its confidence (calibration/confidence.py); a detector without one keeps its raw score
    confidence_maps: dict | None = None
    fitted_on: str = ""
    # the embedder whose similarities the cut-offs were fitted on ("" if not recorded): another
    # model spreads its cosines differently, so the cut-offs do not carry over
    model: str = ""
    # the quality score's model (calibration/quality.py); None: segments get no quality score
    quality: dict | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.major_below <= self.minor_below <= 1:
            raise ValueError("calibration needs 0 <= major_below <= minor_below <= 1")
        if self.unrelated_below is not None and not -1 <= self.unrelated_below <= 1:
            raise ValueError("calibration needs unrelated_below between -1 and 1, or null")
        weights = self.severity_weights
        if not (isinstance(weights, dict) and set(weights) == {"critical", "major", "minor"}
                and all(isinstance(w, (int, float)) and not isinstance(w, bool) and math.isfinite(w)
                        for w in weights.values())):
            raise ValueError("severity_weights must give a number for each of critical, major and minor")
        if not (isinstance(self.similarity_weight, (int, float)) and math.isfinite(self.similarity_weight)):
            raise ValueError("similarity_weight must be a number")
        if self.word_model is not None:
            self.risk_model  # noqa: B018 -- validate the model now, not at the first segment
        if self.quality is not None:
            self.quality_model  # noqa: B018
        for detector, map_ in (self.confidence_maps or {}).items():
            if not (isinstance(map_, (list, tuple)) and len(map_) == 3
                    and all(isinstance(x, (int, float)) and math.isfinite(x) for x in map_) and map_[1] >= 0):
                raise ValueError(f"confidence_maps[{detector!r}] must be [intercept, slope, per_word] "
                                 "with a slope of 0 or more")

    @cached_property
    def risk_model(self):
        """Return the word-risk model, or None."""
        from .word_model import WordRiskModel

        return _model(WordRiskModel, self.word_model, "word_model")

    @cached_property
    def quality_model(self):
        """Return the quality score's model, or None."""
        from .quality import QualityModel

        return _model(QualityModel, self.quality, "quality model")

    def quality_of(self, scores, flags, hypothesis: str, reference: str) -> float | None:
        """Return a checked segment's quality (0 to 100), or None without a model or a reference."""
        from .quality import quality_terms

        terms = None if self.quality_model is None else quality_terms(scores, flags, hypothesis, reference)
        return None if terms is None else float(self.quality_model.score(terms))

    def penalty(self, flags, similarity: float | None) -> float:
        """Return a segment's penalty: higher means worse (for ranking and comparing segments)."""
        weights = self.severity_weights
        # weighed by words, as a garbled phrase is more to mend than a wrong word: against MQM on
        # the fit split, Kendall tau 0.330 with words against 0.289 with one count per flag
        # the cosine of identical texts may round above 1, which would make a penalty of -0.00
        lost = 0.0 if similarity is None else self.similarity_weight * max(0.0, 1 - similarity)
        return sum(weights[f.severity.value] * f.confidence * flag_words(f) for f in flags) + lost

    def model_warning(self, model_name: str) -> str | None:
        """Return why this calibration may not suit a run with this model, or None if it does.

        The backend does not count: the ONNX backend's flags are tested to be the same as
        torch's under the shipped calibration.
        """
        if not self.model or self.model == model_name:
            return None
        return (f"calibration {self.id} was fitted for the model {self.model}, not {model_name}; its "
                f"cut-offs assume that model's similarities. Fit one for this model with "
                f"`mtcheck calibrate DATA --model NAME --out FILE` and pass it with --calibration")

    def to_json(self) -> str:
        """Return the calibration as the JSON file's text."""
        return json.dumps({"format_version": FORMAT_VERSION, **asdict(self)}, indent=2) + "\n"


def _model(kind, data: dict | None, name: str):
    """Return a fitted model read from its part of a calibration file, or None without one."""
    if data is None:
        return None
    try:
        return kind.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{name} is incomplete ({exc})") from None


def read_calibration(path: str | Path) -> Calibration:
    """Read a calibration file, or raise InputError saying what is wrong with it."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"cannot read calibration: {exc.strerror}; give a calibration file, or a packaged "
                         f"one by name: {', '.join(PACKAGED)}", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read calibration: {exc.strerror}", str(path)) from None
    except UnicodeDecodeError:
        raise InputError("cannot read calibration: not UTF-8; give a calibration file written by "
                         "mtcheck calibrate", str(path)) from None
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"cannot read calibration: not JSON ({str(exc).splitlines()[0][:120]})", str(path)) from None
    if not isinstance(data, dict):
        raise InputError("a calibration file holds a JSON object; give one written by mtcheck calibrate", str(path))
    if data.pop("format_version", None) != FORMAT_VERSION:
        raise InputError(f"calibration format_version must be {FORMAT_VERSION}", str(path))
    try:
        return Calibration(**data)
    except (TypeError, ValueError) as exc:
        raise InputError(f"invalid calibration: {exc}", str(path)) from None


@lru_cache(maxsize=len(PACKAGED))
def packaged_calibration(name: str = "default") -> Calibration:
    """Return a calibration shipped in the package, by its name in PACKAGED."""
    with resources.as_file(resources.files("mtcheck").joinpath("data", PACKAGED[name])) as path:
        return read_calibration(path)


def default_calibration() -> Calibration:
    """Return the calibration shipped in the package for any text."""
    return packaged_calibration("default")


def is_packaged(where: str | Path) -> bool:
    """Return True if a calibration setting names a packaged calibration, not a file.

    A name always means the packaged calibration; a file called "news" is given as ./news.
    """
    return str(where) in PACKAGED


def load_calibration(where: str | Path | None) -> Calibration:
    """Return the calibration a setting names: a packaged one by its name (None: the default), or a file."""
    if where is None or is_packaged(where):
        return packaged_calibration(str(where or "default"))
    return read_calibration(where)
