"""One exception family for everything a user can cause, and the exit-code table."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the mtcheck command, documented in the README and in --help."""

    OK = 0
    GATE_FAILED = 1
    USAGE = 2
    INPUT = 3
    MODEL = 4
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
    INTERNAL = 70  # a bug in mtcheck (EX_SOFTWARE in sysexits.h), never a verdict on the input


EXIT_CODE_HELP = (
    "Exit codes: 0 checked; 1 a gate failed; 2 usage error; "
    "3 bad input file; 4 model could not be loaded; 70 internal error (a bug: please report it)."
)


class MtcheckError(Exception):
    """Base of every error that is reported to the user as one line, without a traceback."""

    exit_code = ExitCode.INPUT

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return where + self.message


class InputError(MtcheckError):
    """An input file is missing, empty, undecodable or malformed."""

    exit_code = ExitCode.INPUT


class UsageError(MtcheckError):
    """Options that contradict each other or an output that would overwrite an input."""

    exit_code = ExitCode.USAGE


class ModelError(MtcheckError):
    """The sentence-transformers model cannot be loaded (offline)."""

    exit_code = ExitCode.MODEL
