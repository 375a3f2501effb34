"""Fit the quality score on labelled MQM data: the last step of `mtcheck calibrate`, or its only one
with --quality-only.

The segments of the fit split are checked as a run checks them, under the calibration whose
flags and penalty the score reads, so that its terms are the very ones a run computes.
"""
from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
import tempfile
from pathlib import Path
from typing import Callable

import numpy as np

from .calibration import Calibration
from .calibration.labelled_rows import load_items
from .calibration.quality import TERMS, cross_validate, fit_quality, quality_terms, rated_pairs
from .embed.base import Embedder
from .errors import InputError
from .files import write_atomic
from .io.jsonl import Record
from .run import check_records
from .settings import Settings


def rated_terms(data: str | Path, calibration: Calibration, embedder: Embedder | None = None,
                model: str | None = None) -> tuple[np.ndarray, list]:
    """Return the terms of every segment of the fit split, checked under the calibration, with the items."""
    items = [it for it in load_items(data, "fit", None, 1, first_reference=True, scores=True)
             if it.hypothesis.strip()]
    records = [Record(it.id, it.hypothesis, it.references, it.source or None) for it in items]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "calibration.json"
        path.write_text(dataclasses.replace(calibration, quality=None).to_json(), encoding="utf-8")
        settings = Settings(calibration=str(path), **({"model": model} if model else {}))
        run = check_records(records, settings=settings, embedder=embedder)
    checked = {s.id: s for s in run.segments}  # by id: the terms must stand in the items' order
    rows = [quality_terms(s.scores, s.flags + s.hints, s.hypothesis, s.references[0])
            for s in (checked[it.id] for it in items)]
    return np.array(rows, float), items


def fit_quality_model(data: str | Path, calibration: Calibration, embedder: Embedder | None = None,
                      model: str | None = None, log: Callable[[str], None] = print,
                      required: bool = False) -> Calibration:
    """Return the calibration with a quality model fitted on the fit split of labelled data.

    Five-fold cross-validation by document measures it first: how often it orders two segments
    as their MQM scores do, against the penalty, which orders them without a fitted model. Data
    too few to fit on leave the calibration without a quality score, or, if one is ``required``,
    raise InputError.
    """
    terms, items = rated_terms(data, calibration, embedder, model)
    mqm = np.array([it.mqm for it in items])
    groups, documents = [it.source_id for it in items], [it.document_id for it in items]
    try:
        fitted = fit_quality(terms, mqm, groups)
    except ValueError as exc:
        if required:  # nothing else would be fitted: no file at all beats one without a score
            raise InputError(f"cannot fit the quality score: {exc}; nothing written", str(data)) from None
        log(f"quality score not fitted: {exc}")
        return dataclasses.replace(calibration, quality=None)
    held_out = cross_validate(terms, mqm, groups, documents)
    scored = ~np.isnan(held_out)
    held_out, mqm, groups = held_out[scored], mqm[scored], np.array(groups)[scored]
    penalty = terms[scored, TERMS.index("penalty")]
    agreement = (f"cross-validated by document on {int(scored.sum())} segments: pairwise accuracy within "
                 f"source segments {grouped_accuracy(held_out, mqm, groups):.3f} (penalty "
                 f"{grouped_accuracy(-penalty, mqm, groups):.3f}), Pearson r with -MQM {_pearson(held_out, -mqm):.3f} "
                 f"(penalty {_pearson(-penalty, -mqm):.3f})")
    log(f"quality score {agreement}")
    fitted = dataclasses.replace(fitted, fitted_on=f"{Path(data).name}, split fit, {agreement}")
    return dataclasses.replace(calibration, quality=fitted.to_dict())


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    """Return Pearson's r, or NaN for fewer than two segments or a constant."""
    return float(np.corrcoef(a, b)[0, 1]) if len(a) > 1 and a.std() > 0 and b.std() > 0 else float("nan")



def calibrate_quality(data: str | Path, out: str | Path, base: str | Path | None = None, model: str | None = None,
                      log: Callable[[str], None] = print) -> Calibration:
    """Refit only the quality score of a calibration (a file or a packaged name; None: the default)
    on labelled data, and write the result to ``out``."""
    from .calibration import load_calibration
    from .embed.cache import CachingEmbedder
    from .embed.load import load_model

    calibration = load_calibration(base)
    embedder = CachingEmbedder(load_model(model or Settings().model))
    return write_named(fit_quality_model(data, calibration, embedder, model, log=log, required=True), out, data)


def write_named(calibration: Calibration, out: str | Path, data: str | Path) -> Calibration:
    """Give a refitted calibration its id (the data it was fitted on, the day and a digest of its
    content) and write it atomically."""
    today = datetime.date.today().isoformat()
    cal = dataclasses.replace(calibration, id="")
    # the id names the content, so that two fits of one day never share an id
    digest = hashlib.sha256(cal.to_json().encode()).hexdigest()[:8]
    name = re.sub(r"[^a-z0-9]+", "-", Path(data).stem.lower()).strip("-") or "data"
    cal = dataclasses.replace(cal, id=f"{name}-fit-{today}-{digest}")
    write_atomic(out, cal.to_json())
    return cal


def grouped_accuracy(score: np.ndarray, mqm: np.ndarray, groups: list) -> float:
    """Return the share of pairs of translations of one source, rated differently, that a score
    (higher is better) orders as their MQM penalties do; a tie in the score is wrong."""
    i, j = rated_pairs(mqm, groups)
    return float((np.sign(score[i] - score[j]) == np.sign(mqm[j] - mqm[i])).mean()) if len(i) else float("nan")
