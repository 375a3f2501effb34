"""Check segments a chunk at a time: split, pair, encode each distinct text once, check each one.

A chunk's token vectors are let go before the next chunk is encoded, so memory is bounded by
the chunk, whatever the size of the batch. The local run, the streamed run and the Dask workers
all check through check_chunk().
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence

from .align.pairs import pair_segments
from .detect import Source
from .heap import release
from .metrics import SegmentStatistics
from .results import SegmentResult
from .segment_check import Context, Encoded, check_segment
from .sentences import NO_REFERENCE, Segment, split_segment

# Fewer, larger chunks encode faster (each encode call sorts its texts by length once); the
# character budget keeps a chunk of long texts to about 100,000 tokens (150 MB of vectors).
CHUNK = 1024
CHUNK_CHARS = 400_000


def chunks(units: Iterable[Segment], size: int = CHUNK, chars: int = CHUNK_CHARS) -> Iterator[list[Segment]]:
    """Yield the units in order, in lists of at most ``size`` units and about ``chars`` characters."""
    chunk: list[Segment] = []
    held = 0
    for u in units:
        length = len(u.hypothesis) + sum(map(len, u.references))
        if chunk and (len(chunk) >= size or held + length > chars):
            yield chunk
            chunk, held = [], 0
        chunk.append(u)
        held += length
    if chunk:
        yield chunk


def check_chunk(units: Sequence[Segment], context: Context,
                source: Source | None = None) -> tuple[list[SegmentResult], list[SegmentStatistics | None]]:
    """Check some segments; return their results and their sacrebleu statistics.

    ``source`` is a whole document's source text, whose words serve every segment; a segment
    with a source of its own (a batch record, a line) is checked against that instead.
    """
    try:
        return _check(units, context, source)
    finally:
        release()  # the chunk's token vectors are freed by now


def _check(units: Sequence[Segment], context: Context,
           source: Source | None) -> tuple[list[SegmentResult], list[SegmentStatistics | None]]:
    """Check some segments (check_chunk), with the cyclic collector paused."""
    with _collector_paused():
        lang = context.settings.lang
        units = [split_segment(u, lang) for u in units]
        # a unit without a reference has no lexical statistics and needs no encoding
        stats = [None if u.alignment == NO_REFERENCE else context.metrics.statistics(u.hypothesis, u.references or ("",))
                 for u in units]
        # through the run's cache: most sentences are then checked on their own
        pairs = pair_segments(units, context.embedder)
        # a unit checked sentence by sentence needs no encoding of its own
        whole = [u for u, p in zip(units, pairs) if not p and u.alignment != NO_REFERENCE]
        texts = list(dict.fromkeys([u.hypothesis for u in whole] + [r for u in whole for r in u.references]))
        encoded = Encoded(context.embedder, texts, lang)
        return [check_segment(u, st, p, encoded, context, encoded.source(u.source) or source)
                for u, st, p in zip(units, stats, pairs)], stats


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while a chunk of segments is checked.

    A chunk makes some hundred thousand short-lived objects (words, matches, findings). Each of
    them counts towards the collector's next pass, and every full pass walks the half million
    objects of the loaded model and its libraries: about 0.3 s of a 2,000-segment run. These
    objects hold no reference cycles, so reference counting frees them anyway. The collector
    resumes, as it was, after the chunk (as timeit does around what it times).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
