"""Scale-out on Dask distributed: batch segments checked by workers, results in input order.

Each worker process keeps one Context per Settings, so the model is loaded once per worker.
The driver never loads the model: it sums the workers' sacrebleu statistics for the corpus
scores and assembles the same RunResult a local run gives, through run.py's public API.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .calibration import default_calibration, read_calibration
from .chunks import CHUNK, check_chunk, chunks
from .errors import UsageError
from .io.jsonl import Record
from .io.load import jobs_of, load, segment_of
from .metrics import LexicalMetrics
from .results import RunResult
from .run import document_result, finish, open_context
from .segment_check import Context
from .settings import Settings
from .tally import DocumentTally, Sums

_CONTEXTS: dict[Settings, Context] = {}


@dataclass(frozen=True)
class ModelName:
    """Stand in for the embedder where only what names it is needed: the driver encodes nothing."""

    name: str
    model_name: str
    backend: str

    def encode(self, texts):
        """Refuse: the driver loads no model."""
        raise RuntimeError("the Dask driver encodes nothing; workers do")


def check_chunk_on_worker(units, settings: Settings):
    """Check a chunk of segments on a worker; return results, statistics and what names the model."""
    context = _CONTEXTS.get(settings)
    if context is None:
        context = _CONTEXTS[settings] = open_context(settings)
    segments, stats = check_chunk(units, context)
    embedder = context.embedder
    return segments, stats, ModelName(embedder.name, embedder.model_name, embedder.backend), context.baseline


def connect(address: str | None = None, workers: int | None = None):
    """Return a Dask client: to a running scheduler, or to a new local cluster of N processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("Dask is not installed; run: pip install 'mtcheck[dask]'") from None
    if address:
        try:
            return Client(address, timeout="20s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    # one thread per worker: torch already uses every core it is given
    cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster)


def check_distributed(translation: str | Path | Sequence[str | Path], client, settings: Settings = Settings(),
                      input_format: str | None = None) -> RunResult:
    """Check batch files (JSONL, TSV) on a Dask cluster: one document each, in order."""
    loaded = [load(job) for job in jobs_of(translation, (), input_format)]
    if any(item.mode != "batch" for item in loaded):
        raise UsageError("--dask and --workers check batches (JSONL, TSV); documents are checked locally")
    return check_batches_distributed([(str(item.job.translation), item.records) for item in loaded],
                                     client, settings)


def check_records_distributed(records: Sequence[Record], client, settings: Settings = Settings(),
                              name: str = "<batch>", chunk: int = CHUNK) -> RunResult:
    """Check batch records on a Dask cluster; the result equals a local check_records run."""
    return check_batches_distributed([(name, records)], client, settings, chunk)


def check_batches_distributed(batches: Sequence[tuple[str, Sequence[Record]]], client,
                              settings: Settings = Settings(), chunk: int = CHUNK) -> RunResult:
    """Check several batches of records on a Dask cluster: one document each, in order."""
    parts = []  # (document index, chunk of segments)
    for k, (_, records) in enumerate(batches):
        parts += [(k, part) for part in chunks((segment_of(r) for r in records), chunk)]
    if not parts:
        raise UsageError("the batch has no segments")
    futures = client.map(check_chunk_on_worker, [units for _, units in parts], settings=settings, pure=False)
    results = client.gather(futures)  # futures are in input order, and so are their results
    calibration = read_calibration(settings.calibration) if settings.calibration else default_calibration()
    from .glossary import read_glossaries

    context = Context(settings, calibration, results[0][2], results[0][3], LexicalMetrics(ter=settings.ter),
                      glossary=read_glossaries(settings.glossaries, settings.lang))
    run = Sums()
    documents = []
    for k, (name, _) in enumerate(batches):
        tally = DocumentTally()
        segments = []
        for (doc, _), (part_segments, part_stats, _, _) in zip(parts, results):
            if doc == k:
                for segment, st in zip(part_segments, part_stats):
                    tally.add(segment, st)
                segments += part_segments
        documents.append(document_result(name, (), tuple(segments), "batch", (), tally, context, run))
    return finish(documents, context, run)
