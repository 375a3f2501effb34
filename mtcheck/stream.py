"""check_stream(): inputs of any size in bounded memory, each result written as it comes."""
from __future__ import annotations

import heapq
import json
from pathlib import Path
from typing import Sequence

from .embed.base import Embedder, NoModel
from .files import atomic_file
from .io.jsonl import iter_jsonl
from .io.load import jobs_of, load, segment_of
from .results import DocumentResult, RunResult, StreamSummary
from .run import Plan, Progress, checked, document_result, finish, open_context, plan_of
from .segment_check import Context
from .settings import Settings
from .tally import DocumentTally, Sums

STREAM_WORST = 5  # worst segments a streamed document remembers, for the gate's verdict
# A streamed run's cache of encodings (a sixteenth of a normal run's): past a few hundred
# sentences a document's alignment replaces the cache faster than the check reuses it, and its
# 256 MB would be a third of the run's memory. Its chunks are a quarter of a normal run's, in
# characters: a chunk's token vectors are held while it is checked (1.5 KB a token).
STREAM_CACHE_BYTES = 16 * 2**20
STREAM_CHUNK_CHARS = 100_000


def check_stream(translation: str | Path | Sequence[str | Path], output: str | Path,
                 references: Sequence[str | Path] = (), *, source: str | Path | None = None,
                 settings: Settings = Settings(), embedder: Embedder | None = None,
                 input_format: str | None = None, progress: Progress | None = None) -> RunResult:
    """Check inputs of any size in bounded memory, writing each segment's result as it comes.

    JSONL batches are read a chunk at a time; a document is aligned with its references in a
    band, and its units are made and checked a chunk at a time. Every segment's JSON (as in the
    JSON report, plus its "document") goes to ``output`` as one line; the file appears whole
    when the run ends, or not at all. The returned RunResult keeps no segments, only each
    document's scores, flag counts and worst segments.
    """
    alone = bool(settings.glossaries)
    jobs = jobs_of(translation, references, input_format)
    # everything is read once first, so that bad input fails before the model loads; a JSONL
    # batch is read again as it is checked, instead of being held
    loaded = [None if job.format == "jsonl" and not job.references else load(job, source, alone) for job in jobs]
    for job, item in zip(jobs, loaded):
        if item is None:
            for _ in iter_jsonl(job.translation):
                pass
    if embedder is None and all(i is not None and i.document is not None and not i.document.references
                                for i in loaded):
        embedder = NoModel()  # nothing to compare with: the model is not even loaded
    context = open_context(settings, embedder, STREAM_CACHE_BYTES)
    run = Sums()
    with atomic_file(output) as out:
        documents = []
        for job, item in zip(jobs, loaded):
            name = str(job.translation)
            if item is None:
                plan, mode, ref_names = Plan(segment_of(r) for r in iter_jsonl(job.translation)), "batch", ()
            else:
                plan, mode, ref_names = plan_of(item, context), item.mode, tuple(str(r) for r in job.references)
            documents.append(_stream_document(name, ref_names, mode, plan, context, run, out, str(output), progress))
    return finish(documents, context, run)


def _stream_document(name: str, ref_names: tuple[str, ...], mode: str, plan: Plan, context: Context, run: Sums,
                     out, output: str, progress: Progress | None) -> DocumentResult:
    """Check one input chunk by chunk, writing results out and keeping only sums and the worst."""
    tally = DocumentTally()
    worst: list[tuple] = []  # a min-heap of the worst segments, by their negated worst_first_key
    total = len(plan.units) if hasattr(plan.units, "__len__") else 0  # a JSONL batch is read as it goes
    for segments, stats in checked(plan.units, context, plan.source, plan.extra, STREAM_CHUNK_CHARS):
        for seg, st in zip(segments, stats):
            out.write(json.dumps({"document": name, **seg.to_dict()}, ensure_ascii=False) + "\n")
            tally.add(seg, st)
            # ties go to the earlier segment: it has the larger (less negative) position key
            badness = tuple(-k for k in seg.worst_first_key)
            entry = (badness, -tally.sums.segments, seg.id, seg.line, seg.scores.penalty, len(seg.flags),
                     seg.scores.quality, badness[0])
            if len(worst) < STREAM_WORST:
                heapq.heappush(worst, entry)
            else:
                heapq.heappushpop(worst, entry)
        if progress is not None:
            progress(name, tally.sums.segments, max(total, tally.sums.segments))
    ranked = tuple(entry[2:] for entry in sorted(worst, reverse=True))
    summary = StreamSummary(output, tally.sums.segments, dict(tally.sums.counts), ranked)
    return document_result(name, ref_names, (), mode, plan.notes, tally, context, run, summary)
