"""Scale-out on Dask distributed: batch segments checked by workers, results in input order.

Each worker process keeps one loaded Run per Settings, so the model is loaded once per worker.
The driver never loads the model: it sums the workers' sacrebleu statistics for the corpus
scores and assembles the same RunResult a local run gives.
"""
from __future__ import annotations

from typing import Sequence

from .errors import UsageError
from .io import Record
from .pipeline import CHUNK, Run, _segment_of, chunks
from .results import RunResult
from .settings import Settings

_RUNS: dict[Settings, Run] = {}


def _worker_run(settings: Settings) -> Run:
    """Return this worker process's Run for the settings, loading the model the first time."""
    run = _RUNS.get(settings)
    if run is None:
        run = _RUNS[settings] = Run(settings)
    return run


def check_chunk(units, settings: Settings):
    """Check a chunk of segments on a worker; return results, statistics and what names the model."""
    run = _worker_run(settings)
    before = run.suppressed
    segments, stats = run.check_segments(units)
    return segments, stats, run.suppressed - before, run.embedder.name, run.baseline


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


def check_records_distributed(records: Sequence[Record], client, settings: Settings = Settings(),
                              name: str = "<batch>", chunk: int = CHUNK) -> RunResult:
    """Check batch records on a Dask cluster; the result equals a local check_records run."""
    return check_batches_distributed([(name, records)], client, settings, chunk)


def check_batches_distributed(batches: Sequence[tuple[str, Sequence[Record]]], client,
                              settings: Settings = Settings(), chunk: int = CHUNK) -> RunResult:
    """Check several batch files on a Dask cluster: one document each, in order."""
    parts = []  # (document index, chunk of segments)
    for k, (_, records) in enumerate(batches):
        units = [_segment_of(r) for r in records]
        parts += [(k, part) for part in chunks(units, chunk)]
    if not parts:
        raise UsageError("the batch has no segments")
    futures = client.map(check_chunk, [units for _, units in parts], settings=settings, pure=False)
    results = client.gather(futures)  # futures are in input order, and so are their results
    run = Run.without_model(settings, results[0][3], results[0][4])
    documents = []
    for k, (name, _) in enumerate(batches):
        mine = [r for (doc, _), r in zip(parts, results) if doc == k]
        suppressed = sum(r[2] for r in mine)
        run.suppressed += suppressed
        documents.append(run.document_result(name, (), [s for r in mine for s in r[0]],
                                             [s for r in mine for s in r[1]], "batch", (), suppressed))
    return run.finish(documents)
