"""Read what a check was given: each job's files, read and validated before any model loads."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..errors import UsageError
from ..sentences import Segment
from .bilingual import pair_units
from .inputs import BATCH_FORMATS, Job, expand_all
from .jsonl import Record, read_jsonl
from .text import read_text
from .tsv import read_tsv


@dataclass(frozen=True)
class Document:
    """A text document, its references and its source, as read (aligned later)."""

    translation: str
    references: tuple[str, ...]
    source: str | None


@dataclass(frozen=True)
class Loaded:
    """One job's input: a Document to align, or the records of a batch or translation file."""

    job: Job
    mode: str  # "document", "batch" (JSONL, TSV) or "units" (XLIFF, TMX, PO, SRT)
    document: Document | None = None
    records: tuple[Record, ...] = ()
    notes: tuple[str, ...] = ()  # what was skipped or marked while reading


def jobs_of(translation: str | Path | Sequence[str | Path], references: Sequence[str | Path] = (),
            input_format: str | None = None) -> list[Job]:
    """Return the jobs for a translation path (file, directory, glob) or a list of them."""
    if isinstance(references, (str, Path)):
        raise UsageError("references must be a list of paths, not one path; pass [path]")
    paths = [Path(translation)] if isinstance(translation, (str, Path)) else [Path(t) for t in translation]
    return expand_all(paths, [Path(r) for r in references], input_format)


def load(job: Job, source: str | Path | None = None, alone: bool = False) -> Loaded:
    """Read one job's files, or raise InputError (bad file) or UsageError (wrong combination).

    ``alone`` lets a text document come without a reference (a run with a glossary).
    """
    if job.format in BATCH_FORMATS:
        if job.references:
            raise UsageError(f"a {job.format.upper()} batch carries its own references; drop --reference")
        records = read_jsonl(job.translation) if job.format == "jsonl" else read_tsv(job.translation)
        return Loaded(job, "batch", records=tuple(records))
    if not job.references and not (alone and job.format == "text"):
        raise UsageError("a document needs at least one --reference file" + (
            "" if job.format != "text" else ", or a --glossary to check it against the house style alone"))
    if job.format == "text":
        return Loaded(job, "document", Document(read_text(job.translation),
                                                tuple(read_text(r) for r in job.references),
                                                read_text(source) if source is not None else None))
    if job.format not in ("xliff", "tmx", "po", "srt"):
        raise UsageError(f"unknown input format {job.format!r}")
    records, notes = pair_units(str(job.translation), job.format, [str(r) for r in job.references])
    return Loaded(job, "units", records=tuple(records), notes=tuple(notes))


def segment_of(record: Record) -> Segment:
    """Return the segment to check for a batch record or translation unit."""
    return Segment(record.id, record.hypothesis, record.references, 0, record.line, 1, "1-1",
                   record.source, record.extra)


__all__ = ["Document", "Loaded", "jobs_of", "load", "segment_of"]
