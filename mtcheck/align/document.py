"""Align a document with its references: its sentences paired with theirs, as units to check.

Each text is split into sentences once, here; every unit keeps the spans of its sentences and of
its references' sentences, so that nothing downstream splits them again.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Iterator, Mapping, Sequence

import numpy as np

from ..embed.base import Embedder
from ..errors import InputError
from ..sentences import Segment, Sentence, shift, split_lines, split_sentences
from ..similarity import best_counterpart
from .dp import Link, align, length_penalty

ALIGN_BAND = 30  # sentences either side of the diagonal that the aligner searches


def text_of(text: str, sents: Sequence[Sentence], i: int, j: int) -> str:
    """Return the text from sentence i up to (not including) sentence j; '' if the range is empty."""
    if i >= j:
        return ""
    return text[sents[i].start:sents[j - 1].end]


def sentences_of(sents: Sequence[Sentence], i: int, j: int) -> tuple[Sentence, ...]:
    """Return sentences [i, j) with offsets into text_of(text, sents, i, j)."""
    if i >= j:
        return ()
    return shift(sents[i:j], sents[i].start, sents[j - 1].end)


def candidates(text: str, sents: Sequence[Sentence]) -> list[str]:
    """Return every run of one or two sentences: what a step of the alignment can take."""
    return [text_of(text, sents, i, i + d) for d in (1, 2) for i in range(len(sents) - d + 1)]


class Runs:
    """A text's runs of one or two sentences, as the aligner compares them: vectors given by text."""

    def __init__(self, text: str, sents: Sequence[Sentence], vectors: Mapping[str, np.ndarray] | None = None):
        self.text, self.sents, self.vectors = text, sents, vectors

    def vector(self, i: int, d: int) -> np.ndarray:
        """Return the sentence vector of sentences [i, i + d)."""
        return self.vectors[text_of(self.text, self.sents, i, i + d)]

    def length(self, i: int, d: int) -> int:
        """Return the length in characters of sentences [i, i + d)."""
        return self.sents[i + d - 1].end - self.sents[i].start


class EncodedRuns(Runs):
    """A text's runs, encoded a block at a time as the aligner asks for them.

    The banded aligner asks for runs near the diagonal only, moving down the text: a block is
    encoded when first asked for, and the least recently used ones are let go, so a document of
    any length holds a few blocks of vectors (and of their texts) at a time.
    """

    def __init__(self, text: str, sents: Sequence[Sentence], embedder: Embedder, block: int = 1024,
                 keep: int = 6):
        super().__init__(text, sents)
        self.embedder, self.block, self.keep = embedder, block, keep
        self._blocks: OrderedDict[tuple[int, int], np.ndarray] = OrderedDict()

    def vector(self, i: int, d: int) -> np.ndarray:
        """Return the sentence vector of sentences [i, i + d), encoding its block if need be."""
        key = (d, i // self.block)
        rows = self._blocks.get(key)
        if rows is None:
            first = key[1] * self.block
            texts = [text_of(self.text, self.sents, k, k + d)
                     for k in range(first, min(first + self.block, len(self.sents) - d + 1))]
            vectors = sentence_vectors(texts, self.embedder)
            rows = self._blocks[key] = np.stack([vectors[t] for t in texts])
            while len(self._blocks) > self.keep:
                self._blocks.popitem(last=False)
        self._blocks.move_to_end(key)
        return rows[i - key[1] * self.block]


def align_sentences(hyp: Runs, ref: Runs) -> list[Link]:
    """Align translation sentences with reference sentences by their runs' sentence vectors."""
    def similarity(i: int, di: int, j: int, dj: int) -> float:
        return (float(hyp.vector(i, di) @ ref.vector(j, dj))
                - length_penalty(hyp.length(i, di), ref.length(j, dj)))

    return align(len(hyp.sents), len(ref.sents), similarity, band=ALIGN_BAND)


# texts (and characters) encoded at a time for their sentence vectors alone: a long document's
# token vectors (1.5 KB a token) are let go batch by batch instead of being held all at once
VECTOR_BATCH = 2048
VECTOR_BATCH_CHARS = 50_000  # about 12,000 tokens: 19 MB of token vectors


def sentence_vectors(texts: Sequence[str], embedder: Embedder) -> dict[str, np.ndarray]:
    """Return each distinct text's sentence vector, encoding a batch of texts at a time."""
    vectors: dict[str, np.ndarray] = {}
    part: list[str] = []
    held = 0
    for text in [*dict.fromkeys(texts), None]:
        if part and (text is None or len(part) >= VECTOR_BATCH or held + len(text) > VECTOR_BATCH_CHARS):
            vectors.update((t, e.sentence) for t, e in zip(part, embedder.encode(part)))
            part, held = [], 0
        if text is not None:
            part.append(text)
            held += len(text)
    return vectors


def align_document(hyp: str, refs: Sequence[str], embedder: Embedder, lang: str) -> "AlignedUnits":
    """Split a document and its references into units: its sentences aligned with the first
    reference's (1-1, 1-2, 2-1, or left alone), each with the best run of every further one."""
    hyp_sents = split_sentences(hyp, lang)
    ref_sents = [split_sentences(r, lang) for r in refs]
    links = align_sentences(EncodedRuns(hyp, hyp_sents, embedder), EncodedRuns(refs[0], ref_sents[0], embedder))
    return AlignedUnits(links, hyp, hyp_sents, tuple(refs), ref_sents, embedder)


class AlignedUnits:
    """A document's units in order, made from its alignment as they are iterated, not held.

    A long document's units (texts and sentence spans) would take more memory than its
    alignment; a streamed check holds only the chunk being checked. ``list()`` them to keep them.
    """

    def __init__(self, links: list[Link], hyp: str, hyp_sents: list[Sentence], refs: tuple[str, ...],
                 ref_sents: list[list[Sentence]], embedder: Embedder):
        self.links, self.hyp, self.hyp_sents = links, hyp, hyp_sents
        self.refs, self.ref_sents, self.embedder = refs, ref_sents, embedder

    def __len__(self) -> int:
        return len(self.links)

    def __iter__(self) -> Iterator[Segment]:
        for n, link in enumerate(self.links, start=1):
            yield self._unit(n, link)

    def _unit(self, n: int, link: Link) -> Segment:
        """Return the unit of the n-th link."""
        hyp, hyp_sents, refs, ref_sents = self.hyp, self.hyp_sents, self.refs, self.ref_sents
        first_ref = text_of(refs[0], ref_sents[0], link.ref_start, link.ref_end)
        first_sents = sentences_of(ref_sents[0], link.ref_start, link.ref_end)
        if link.hyp_start == link.hyp_end:  # a reference sentence nobody translated
            at = hyp_sents[link.hyp_start - 1] if link.hyp_start else None
            offset = at.end if at else 0
            line, col = (at.line, at.column + at.end - at.start) if at else (1, 1)
            return Segment(f"s{n}", "", (first_ref,), offset, line, col, link.kind,
                           sentences=(), reference_sentences=(first_sents,))
        s = hyp_sents[link.hyp_start]
        text = text_of(hyp, hyp_sents, link.hyp_start, link.hyp_end)
        others = [_extra_reference(text, refs[k], ref_sents[k], self.embedder) for k in range(1, len(refs))]
        found = [(r, spans) for r, spans in [(first_ref, first_sents), *others] if r]
        return Segment(f"s{n}", text, tuple(r for r, _ in found), s.start, s.line, s.column, link.kind,
                       sentences=sentences_of(hyp_sents, link.hyp_start, link.hyp_end),
                       reference_sentences=tuple(spans for _, spans in found))


def _extra_reference(text: str, ref: str, ref_sents: list[Sentence],
                     embedder: Embedder) -> tuple[str, tuple[Sentence, ...]]:
    """Return the sentences of a further reference that best render one unit, with their spans."""
    runs = [(i, i + d) for d in (1, 2) for i in range(len(ref_sents) - d + 1)]
    options = [text_of(ref, ref_sents, i, j) for i, j in runs]
    vectors = {t: e.sentence for t, e in zip([text] + options, embedder.encode([text] + options))}
    best = best_counterpart(text, options, vectors)
    if not best:
        return "", ()
    i, j = runs[options.index(best)]
    return best, sentences_of(ref_sents, i, j)


def align_lines(name: str, hyp: str, ref_names: Sequence[str], refs: Sequence[str],
                source: str | None) -> list[Segment]:
    """Pair line n of the translation with line n of each reference (and of the source)."""
    hyp_lines = hyp.split("\n")
    texts = [(ref_name, r.split("\n")) for ref_name, r in zip(ref_names, refs)]
    if source is not None:
        texts.append(("source", source.split("\n")))
    for other, lines in texts:
        a, b = _count_lines(hyp_lines), _count_lines(lines)
        if a != b:
            raise InputError(
                f"has {a} lines but {other} has {b}; line-aligned mode needs one line per "
                "segment in every file (or drop --line-aligned to align sentences)",
                name, min(a, b) + 1)
    src_lines = source.split("\n") if source is not None else None
    ref_lines = [r.split("\n") for r in refs]
    units = []
    for unit in split_lines(hyp):
        n = unit.line - 1
        refs_here = tuple(lines[n].strip() for lines in ref_lines)
        units.append(Segment(str(unit.line), hyp[unit.start:unit.end],
                             tuple(r for r in refs_here if r), unit.start, unit.line, unit.column,
                             "1-1", src_lines[n] if src_lines else None))
    return units


def _count_lines(lines: list[str]) -> int:
    """Return the number of lines, not counting a final empty line after the last newline."""
    return len(lines) - 1 if lines and lines[-1] == "" else len(lines)
