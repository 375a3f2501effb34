"""One check run: read -> align -> check chunk by chunk -> tally -> RunResult.

check() and check_records() are the library's entry points; open_context() loads what every
segment is checked with, once per run; check_document() checks the units of one input file.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from .align.document import align_document, align_lines
from .calibration import load_calibration
from .chunks import CHUNK_CHARS, check_chunk, chunks
from .decisions import read_decisions
from .detect import Source
from .embed.base import Embedder, NoModel, describe
from .io.jsonl import Record
from .io.load import Loaded, jobs_of, load, segment_of
from .metrics import LexicalMetrics
from .results import DocumentResult, RunResult, SegmentResult
from .segment_check import Context, with_flags
from .sentences import NO_REFERENCE, Segment
from .settings import Settings
from .signature import run_meta, signature_of
from .similarity import similarity_baseline
from .tally import DocumentTally, Sums, corpus_scores
from .words import load_frequencies

# progress(label, units done, units in all), called after each chunk; the CLI draws a bar
Progress = Callable[[str, int, int], None]


def open_context(settings: Settings, embedder: Embedder | None = None, cache_bytes: int | None = None) -> Context:
    """Load what a run checks with: calibration, decisions and glossaries first (bad files fail at
    once), then the model; its encodings are cached up to ``cache_bytes`` (CachingEmbedder's
    default if None)."""
    from .embed.cache import CachingEmbedder
    from .glossary import read_glossaries

    calibration = load_calibration(settings.calibration)
    decisions = read_decisions(settings.decisions) if settings.decisions else None
    glossary = read_glossaries(settings.glossaries, settings.lang)
    # the detectors' word list is loaded with the model, not at the first segment
    load_frequencies(settings.lang)
    if embedder is None:
        from .embed.load import load_model

        embedder = load_model(settings.model, settings.batch_size, settings.backend)
    if settings.disk_cache:
        from .embed.cache import DiskCachedEmbedder, cache_dir

        embedder = DiskCachedEmbedder(embedder, cache_dir() / "embeddings.sqlite")
    if not isinstance(embedder, CachingEmbedder):  # a caller's cache (the refit's) serves on
        embedder = CachingEmbedder(embedder) if cache_bytes is None else CachingEmbedder(embedder, max_bytes=cache_bytes)
    baseline = 0.0 if embedder.name == NoModel.name else similarity_baseline(embedder)
    parser = None
    if settings.syntax:
        from .syntax import Parser

        parser = Parser(settings.lang)
    return Context(settings, calibration, embedder, baseline,
                   LexicalMetrics(ter=settings.ter), decisions, glossary, parser)


def check(translation: str | Path | Sequence[str | Path], references: Sequence[str | Path] = (), *,
          source: str | Path | None = None, settings: Settings = Settings(), embedder: Embedder | None = None,
          input_format: str | None = None, progress: Progress | None = None) -> RunResult:
    """Check translation files against their references and return what was found.

    ``translation`` is a document (text, XLIFF, TMX, PO, SRT; needs references), a batch (JSONL
    or TSV, carrying its own references), a directory or glob of them, or a list of these.
    ``references`` is a list of paths. Every input is read and checked before the model is
    loaded, so bad input fails at once.
    """
    alone = bool(settings.glossaries)  # a glossary checks a document that has no reference
    loaded = [load(job, source, alone) for job in jobs_of(translation, references, input_format)]
    if embedder is None and all(item.document is not None and not item.document.references for item in loaded):
        embedder = NoModel()  # nothing to compare with: the model is not even loaded
    context = open_context(settings, embedder)
    run = Sums()
    documents = [check_loaded(item, context, run, progress) for item in loaded]
    return finish(documents, context, run)


def check_records(records: Sequence[Record], *, settings: Settings = Settings(),
                  embedder: Embedder | None = None, name: str = "<batch>") -> RunResult:
    """Check in-memory batch records (as read from JSONL) and return what was found."""
    context = open_context(settings, embedder)
    run = Sums()
    document = check_document(name, (), [segment_of(r) for r in records], "batch", context, run)
    return finish([document], context, run)


class Plan(NamedTuple):
    """What one loaded input is checked as: its units, and what serves them all."""

    units: Iterable[Segment]  # a document's are made as they are iterated (AlignedUnits), and sized
    source: Source | None = None  # a document's whole source, when its sentences are not aligned to it
    extra: Mapping[int, tuple] = {}  # flags found over the whole document, by unit index
    notes: tuple[str, ...] = ()


def plan_of(item: Loaded, context: Context) -> Plan:
    """Return the units of one loaded input, aligning it if it is a document."""
    if item.document is None:
        return Plan([segment_of(r) for r in item.records], notes=item.notes)
    doc, settings, name = item.document, context.settings, str(item.job.translation)
    if not doc.references:
        return alone_plan(item, context)
    if settings.line_aligned:
        ref_names = tuple(str(r) for r in item.job.references)
        return Plan(align_lines(name, doc.translation, ref_names, doc.references, doc.source), notes=item.notes)
    units = align_document(doc.translation, doc.references, context.embedder, settings.lang)
    # sentences are not aligned to the source: its words only keep names and numbers of the
    # source from being called invented
    source = Source(doc.source, settings.lang) if doc.source else None
    return Plan(units, source, _missing_renderings(doc, units, context), item.notes)


def check_loaded(item: Loaded, context: Context, run: Sums, progress: Progress | None = None) -> DocumentResult:
    """Check one loaded input's units and tally them into ``run``."""
    name, ref_names = str(item.job.translation), tuple(str(r) for r in item.job.references)
    units, source, extra, notes = plan_of(item, context)
    return check_document(name, ref_names, units, item.mode, context, run, notes, source, progress, extra)


def _missing_renderings(doc, units: Sequence[Segment], context: Context) -> dict:
    """Return {unit index: flags} of glossary renderings that a document with a source of its own lacks."""
    if context.glossary is None or not doc.source:
        return {}
    from .detect.glossary import missing_in_document

    # a document's units are made again for this (with further references, encoded again): only
    # a run with a glossary and a source pays for it
    return missing_in_document(doc.translation, doc.source, list(units), context.glossary, context.settings.lang)


def alone_note(with_source: bool) -> str:
    """Return what a document checked without a reference is told, in every report: which
    detectors ran and which did not, as they declare themselves."""
    from .detect import DETECTORS

    ran = [d.name for d in DETECTORS if not d.needs_reference and (with_source or d.name != "numbers")]
    skipped = [d.name for d in DETECTORS if d.needs_reference]
    return (f"no reference: only the checks that need none ran ({', '.join(ran)}); similarity, BLEU, chrF "
            f"and the checks that compare with a reference ({', '.join(skipped)}) did not run")


def alone_plan(item: Loaded, context: Context) -> Plan:
    """Return the units of a document without a reference: its lines (with --line-aligned, line
    n of the source too)."""
    doc, settings, name = item.document, context.settings, str(item.job.translation)
    by_line = settings.line_aligned and doc.source is not None
    units = [replace(u, alignment=NO_REFERENCE)
             for u in align_lines(name, doc.translation, (), (), doc.source if by_line else None)]
    source = None if by_line or not doc.source else Source(doc.source, settings.lang)
    extra = {} if by_line else _missing_renderings(doc, units, context)
    return Plan(units, source, extra, (*item.notes, alone_note(bool(doc.source))))


def check_document(name: str, ref_names: tuple[str, ...], units: Sequence[Segment], mode: str, context: Context,
                   run: Sums, notes: tuple[str, ...] = (), source: Source | None = None,
                   progress: Progress | None = None, extra: Mapping[int, tuple] = {}) -> DocumentResult:
    """Check the units of one document chunk by chunk; tally them into the run's sums.

    ``extra`` holds flags found over the whole document, by unit index (glossary renderings
    that the document's source calls for).
    """
    tally = DocumentTally()
    segments: list[SegmentResult] = []
    for results, stats in checked(units, context, source, extra):
        for segment, st in zip(results, stats):
            tally.add(segment, st)
        segments += results
        if progress is not None:
            progress(name, len(segments), len(units))
    return document_result(name, ref_names, tuple(segments), mode, notes, tally, context, run)


def checked(units: Iterable[Segment], context: Context, source: Source | None = None,
            extra: Mapping[int, tuple] = {}, chunk_chars: int = CHUNK_CHARS) -> Iterator[tuple[list[SegmentResult], list]]:
    """Check units a chunk at a time (of about ``chunk_chars`` characters); yield each chunk's
    results (with the document's own flags added) and sacrebleu statistics."""
    done = 0
    for chunk in chunks(units, chars=chunk_chars):
        results, stats = check_chunk(chunk, context, source)
        yield [with_flags(r, extra[done + k], context) if done + k in extra else r
               for k, r in enumerate(results)], stats
        done += len(results)


def document_result(name: str, ref_names: tuple[str, ...], segments: tuple[SegmentResult, ...], mode: str,
                    notes: tuple[str, ...], tally: DocumentTally, context: Context, run: Sums,
                    streamed=None) -> DocumentResult:
    """Return a document's result from its tally, and add the tally to the run's sums."""
    run.merge(tally.sums)
    return DocumentResult(name, ref_names, segments, corpus_scores(context.metrics, tally.sums), mode, notes,
                          tally.sums.suppressed, streamed, tally.system_results(context.metrics),
                          dict(tally.sums.qualities), tally.sums.hints)


def finish(documents: Sequence[DocumentResult], context: Context, run: Sums) -> RunResult:
    """Return the run's result with batch-level scores and the metadata that reproduces it."""
    return RunResult(tuple(documents), corpus_scores(context.metrics, run), meta_of(context, run.suppressed))


def meta_of(context: Context, suppressed: int) -> dict:
    """Return the run's metadata: signature, calibration, thresholds, warnings."""
    model, backend = describe(context.embedder)
    calibration = context.calibration
    signature = signature_of(model, backend, calibration, context.baseline, context.settings,
                             context.metrics.signatures(), context.glossary)
    warnings = [w for w in [calibration.model_warning(model)] if w and model != NoModel.model_name]
    return run_meta(signature, context.embedder.name, calibration, context.settings, suppressed, warnings,
                    context.glossary)
