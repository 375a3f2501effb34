"""mtcheck: find garbled phrases in machine-translated text.

The library API: ``check(translation, references)`` returns a ``RunResult`` of frozen
dataclasses; ``check_records(records)`` does the same for in-memory batch records.
"""
__version__ = "0.1.0"

from .errors import ExitCode, InputError, ModelError, MtcheckError, UsageError  # noqa: E402
from .results import (  # noqa: E402
    CorpusScores, DocumentResult, Flag, RunResult, Scores, SegmentResult, Severity,
)
from .settings import Settings  # noqa: E402


def check(*args, **kwargs):
    """Check a translation against its references; see mtcheck.pipeline.check."""
    from .pipeline import check as _check

    return _check(*args, **kwargs)


def check_records(*args, **kwargs):
    """Check in-memory batch records; see mtcheck.pipeline.check_records."""
    from .pipeline import check_records as _check_records

    return _check_records(*args, **kwargs)


__all__ = [
    "CorpusScores", "DocumentResult", "ExitCode", "Flag", "InputError", "ModelError",
    "MtcheckError", "RunResult", "Scores", "SegmentResult", "Settings", "Severity",
    "UsageError", "check", "check_records", "__version__",
]
