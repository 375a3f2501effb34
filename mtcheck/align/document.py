"""Align a document with its references: its sentences paired with theirs, as units to check.

Each text is split into sentences once, here; every unit keeps the spans of its sentences and of
its references' sentences, so that nothing downstream splits them again.
"""
from __future__ import annotations

from typing import Mapping, Sequence

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


def align_sentences(hyp: str, hyp_sents: Sequence[Sentence], ref: str, ref_sents: Sequence[Sentence],
                    vectors: Mapping[str, np.ndarray]) -> list[Link]:
    """Align translation sentences with reference sentences, given the candidates' sentence vectors."""
    def similarity(i: int, di: int, j: int, dj: int) -> float:
        h = text_of(hyp, hyp_sents, i, i + di)
        r = text_of(ref, ref_sents, j, j + dj)
        return float(vectors[h] @ vectors[r]) - length_penalty(len(h), len(r))

    return align(len(hyp_sents), len(ref_sents), similarity, band=ALIGN_BAND)


# texts (and characters) encoded at a time for their sentence vectors alone: a long document's
# token vectors (1.5 KB a token) are let go batch by batch instead of being held all at once
VECTOR_BATCH = 2048
VECTOR_BATCH_CHARS = 200_000  # about 50,000 tokens: 75 MB of token vectors


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


def align_document(hyp: str, refs: Sequence[str], embedder: Embedder, lang: str) -> list[Segment]:
    """Split a document and its references into units: its sentences aligned with the first
    reference's (1-1, 1-2, 2-1, or left alone), each with the best run of every further one."""
    hyp_sents = split_sentences(hyp, lang)
    ref_sents = [split_sentences(r, lang) for r in refs]
    vectors = sentence_vectors(candidates(hyp, hyp_sents) + candidates(refs[0], ref_sents[0]), embedder)
    links = align_sentences(hyp, hyp_sents, refs[0], ref_sents[0], vectors)
    units = []
    for n, link in enumerate(links, start=1):
        first_ref = text_of(refs[0], ref_sents[0], link.ref_start, link.ref_end)
        first_sents = sentences_of(ref_sents[0], link.ref_start, link.ref_end)
        if link.hyp_start == link.hyp_end:  # a reference sentence nobody translated
            at = hyp_sents[link.hyp_start - 1] if link.hyp_start else None
            offset = at.end if at else 0
            line, col = (at.line, at.column + at.end - at.start) if at else (1, 1)
            units.append(Segment(f"s{n}", "", (first_ref,), offset, line, col, link.kind,
                                 sentences=(), reference_sentences=(first_sents,)))
            continue
        s = hyp_sents[link.hyp_start]
        text = text_of(hyp, hyp_sents, link.hyp_start, link.hyp_end)
        others = [_extra_reference(text, refs[k], ref_sents[k], embedder) for k in range(1, len(refs))]
        found = [(r, spans) for r, spans in [(first_ref, first_sents), *others] if r]
        units.append(Segment(f"s{n}", text, tuple(r for r, _ in found), s.start, s.line, s.column, link.kind,
                             sentences=sentences_of(hyp_sents, link.hyp_start, link.hyp_end),
                             reference_sentences=tuple(spans for _, spans in found)))
    return units


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
