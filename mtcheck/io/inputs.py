"""Which files to check: a file, a directory or a glob, each with its references and format."""
from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError

FORMATS_BY_SUFFIX = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "tsv",
    ".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx", ".po": "po", ".pot": "po", ".srt": "srt",
}
BATCH_FORMATS = {"jsonl", "tsv"}  # formats that carry their own references
KNOWN_SUFFIXES = set(FORMATS_BY_SUFFIX) | {".txt", ".md", ".text"}


@dataclass(frozen=True)
class Job:
    """One translation file to check, its reference files and its format."""

    translation: Path
    references: tuple[Path, ...]
    format: str


def format_of(path: Path, forced: str | None = None) -> str:
    """Return the input format: the forced one, else by extension (text for anything unknown)."""
    return forced or FORMATS_BY_SUFFIX.get(path.suffix.lower(), "text")


def _require_directories(references) -> None:
    """Raise UsageError unless every reference is a directory (needed for several translations)."""
    for ref in references:
        if not ref.is_dir():
            raise UsageError(f"with several translation files, --reference must be a directory "
                             f"of references with the same names; {ref} is not a directory")


def expand_all(translations: list[Path], references: list[Path], forced: str | None = None) -> list[Job]:
    """Return the jobs for several translation paths; several need reference directories."""
    if len(translations) == 1:
        return expand(translations[0], references, forced)
    _require_directories(references)
    return [job for t in translations for job in expand(t, references, forced)]


def expand(translation: Path, references: tuple[Path, ...] | list[Path], forced: str | None = None) -> list[Job]:
    """Return the jobs for a file, a directory (its files, sorted) or a glob pattern.

    A reference directory given for a single file supplies the file of the same name.
    """
    if translation.is_file() and any(r.is_dir() for r in references):
        refs = tuple(r / translation.name if r.is_dir() else r for r in references)
        for r in refs:
            if not r.is_file():
                raise InputError(f"has no reference: {r} does not exist", str(translation))
        return [Job(translation, refs, format_of(translation, forced))]
    if translation.is_dir():
        files = sorted(p for p in translation.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
        base = translation
    elif not translation.exists() and any(c in str(translation) for c in "*?["):
        files = sorted(Path(p) for p in glob.glob(str(translation), recursive=True) if Path(p).is_file())
        base = None
    else:
        return [Job(translation, tuple(references), format_of(translation, forced))]
    if not files:
        raise InputError("matches no translation file", str(translation))
    _require_directories(references)
    jobs = []
    for f in files:
        rel = f.relative_to(base) if base else Path(f.name)
        refs = tuple(ref / rel for ref in references)
        fmt = format_of(f, forced)
        for r in refs:
            if not r.is_file():
                raise InputError(f"has no reference: {r} does not exist", str(f))
        if fmt not in BATCH_FORMATS and not refs:
            raise UsageError(f"{f} needs a reference; give --reference DIRECTORY")
        jobs.append(Job(f, refs, fmt))
    return jobs
