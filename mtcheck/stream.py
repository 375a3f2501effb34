"""check_stream(): JSONL batches of any size in bounded memory, each result written as it comes."""
from __future__ import annotations

import heapq
import json
from pathlib import Path
from typing import Sequence

from .chunks import check_chunk, chunks
from .embed.base import Embedder
from .errors import UsageError
from .files import atomic_file
from .io.jsonl import iter_jsonl
from .io.load import jobs_of, segment_of
from .results import DocumentResult, RunResult, StreamSummary
from .run import document_result, finish, open_context
from .segment_check import Context
from .settings import Settings
from .tally import DocumentTally, Sums

STREAM_WORST = 5  # worst segments a streamed document remembers, for the gate's verdict


def check_stream(translation: str | Path | Sequence[str | Path], output: str | Path, *,
                 settings: Settings = Settings(), embedder: Embedder | None = None,
                 input_format: str | None = None) -> RunResult:
    """Check JSONL batches of any size in bounded memory, writing each segment's result as it comes.

    Every segment's JSON (as in the JSON report, plus its "document") goes to ``output`` as one
    line; the file appears whole when the run ends, or not at all. The returned RunResult keeps
    no segments, only each document's scores, flag counts and worst segments.
    """
    jobs = jobs_of(translation, (), input_format)
    for job in jobs:
        if job.format != "jsonl":
            raise UsageError(f"--stream reads JSONL batches; {job.translation} is {job.format}")
    for job in jobs:  # read everything once first: bad input fails before the model loads
        for _ in iter_jsonl(job.translation):
            pass
    context = open_context(settings, embedder)
    run = Sums()
    with atomic_file(output) as out:
        documents = [_stream_document(str(job.translation), context, run, out, str(output)) for job in jobs]
    return finish(documents, context, run)


def _stream_document(path: str, context: Context, run: Sums, out, output: str) -> DocumentResult:
    """Check one batch chunk by chunk, writing results out and keeping only sums and the worst."""
    tally = DocumentTally()
    worst: list[tuple[float, int, str, int, int]] = []  # a min-heap of the worst segments
    for chunk in chunks(segment_of(r) for r in iter_jsonl(path)):
        segments, stats = check_chunk(chunk, context)
        for seg, st in zip(segments, stats):
            out.write(json.dumps({"document": path, **seg.to_dict()}, ensure_ascii=False) + "\n")
            tally.add(seg, st)
            # ties go to the earlier segment: it has the larger (less negative) position key
            entry = (seg.scores.penalty, -tally.sums.segments, seg.id, seg.line, len(seg.flags))
            if len(worst) < STREAM_WORST:
                heapq.heappush(worst, entry)
            else:
                heapq.heappushpop(worst, entry)
    ranked = tuple((sid, line, penalty, flags) for penalty, _, sid, line, flags in sorted(worst, reverse=True))
    summary = StreamSummary(output, tally.sums.segments, dict(tally.sums.counts), ranked)
    return document_result(path, (), (), "batch", (), tally, context, run, summary)
