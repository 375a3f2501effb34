"""mtcheck: find garbled phrases in machine-translated text.

The library API: ``check(translation, references)`` returns a ``RunResult`` of frozen
dataclasses; ``check_records(records)`` does the same for in-memory batch records, and
``check_stream(translation, output)`` checks JSONL of any size in bounded memory. They are
imported on first use (PEP 562), with their real signatures, so that ``import mtcheck`` and
``mtcheck --help`` stay instant.
"""
from .errors import ExitCode, InputError, ModelError, MtcheckError, UsageError
from .results import CorpusScores, DocumentResult, Flag, RunResult, Scores, SegmentResult, Severity
from .settings import Settings
from .version import __version__

_LAZY = {"check": "run", "check_records": "run", "check_stream": "stream"}


def __getattr__(name: str):
    """Import the checking functions when first asked for: they bring numpy and the detectors."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")


__all__ = [
    "CorpusScores", "DocumentResult", "ExitCode", "Flag", "InputError", "ModelError",
    "MtcheckError", "RunResult", "Scores", "SegmentResult", "Settings", "Severity",
    "UsageError", "check", "check_records", "check_stream", "__version__",
]
