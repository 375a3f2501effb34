"""What reproduces a run: the Signature of its scores, and the run's metadata for the reports."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Mapping

from .calibration import Calibration
from .glossary import Glossary
from .settings import Settings
from .version import __version__


@dataclass(frozen=True)
class Signature:
    """Everything a run's scores and flags depend on, shown in sacrebleu's key:value|... style."""

    version: str
    model: str
    backend: str
    calibration: str
    baseline: float
    lang: str
    alignment: str  # "sentences" (documents aligned), or "lines" (line n against line n)
    sacrebleu: Mapping[str, str]  # each lexical metric's own signature
    glossary: str = ""  # each glossary file's name and digest; "" for none
    syntax: str = ""  # the parser of --syntax; "" without
    hints: bool = False  # weak evidence shown as flags (--hints); the scores are the same either way

    def __str__(self) -> str:
        return (f"mtcheck:{self.version}|model:{self.model}|backend:{self.backend}|"
                f"calibration:{self.calibration}|sim:rescaled(b={self.baseline:.4f})|"
                f"lang:{self.lang}|align:{self.alignment}" + (f"|glossary:{self.glossary}" if self.glossary else "")
                + (f"|syntax:{self.syntax}" if self.syntax else "") + ("|hints:shown" if self.hints else ""))


def signature_of(model: str, backend: str, calibration: Calibration, baseline: float, settings: Settings,
                 sacrebleu: Mapping[str, str], glossary: Glossary | None = None) -> Signature:
    """Return the signature of a run with these settings, model, calibration and glossary."""
    return Signature(__version__, model, backend, calibration.id, baseline, settings.lang,
                     "lines" if settings.line_aligned else "sentences", dict(sacrebleu),
                     glossary.digest if glossary else "", parser_name(settings), settings.hints)


def parser_name(settings: Settings) -> str:
    """Return the name of the parser a run with --syntax uses ("" without)."""
    if not settings.syntax:
        return ""
    from .syntax import pipeline_name

    return pipeline_name(settings.lang)


def run_meta(signature: Signature, model_name: str, calibration: Calibration, settings: Settings,
             suppressed: int, warnings: list[str], glossary: Glossary | None = None) -> dict[str, Any]:
    """Return the run's metadata as the JSON report holds it (docs/json-schema.md)."""
    model = calibration.risk_model
    return {
        "mtcheck_version": signature.version,
        "model": model_name,
        "similarity_baseline": round(signature.baseline, 4),
        "calibration": calibration.id,
        "thresholds": {"major_below": calibration.major_below,
                       "minor_below": calibration.minor_below,
                       "word_risk_at": model.major_at if model else None,
                       "word_risk_minor_at": model.minor_at if model else None,
                       "unrelated_below": calibration.unrelated_below},
        "decisions": settings.decisions,
        "glossary": [{"path": p, "sha256": d} for p, d in glossary.files] if glossary else [],
        "suppressed": suppressed,
        "lang": signature.lang,
        "alignment": signature.alignment,
        "signature": str(signature),
        "sacrebleu": dict(signature.sacrebleu),
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "warnings": warnings,
    }
