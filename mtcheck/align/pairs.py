"""Pair the sentences of a multi-sentence segment with those of its references.

A paragraph checked as one segment (a line of line-aligned files, a batch record, an XLIFF unit)
is checked sentence by sentence, as document mode checks it: each sentence against what the
reference says in its place. Read inside a whole paragraph, a sentence's words have other
contextual vectors than on their own, and a sentence that says something else is hidden by the
paragraph's other sentences, which keep its similarity high. The segments come split into
sentences (sentences.split_segment): nothing here splits a text again.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from ..embed.base import Embedder
from ..sentences import Segment, Sentence
from ..similarity import best_counterpart
from .dp import Link
from .document import Runs, align_sentences, candidates, text_of


@dataclass(frozen=True)
class SentencePair:
    """Translation characters [start, end) and what the references say in their place."""

    start: int
    end: int
    references: tuple[str, ...]


def _paired(unit: Segment) -> bool:
    """Return True if the segment and its first reference both have several sentences.

    Against a reference of one sentence, every sentence of the translation is part of what it
    says: the segment is checked whole. (On the MQM user reviews, whose references are often
    one long sentence joined by commas, scoring the short sentences of a translation that splits
    it against the whole reference made 150 "unrelated" flags, only 7% of whose characters lay
    in major errors.)
    """
    return bool(unit.references) and len(unit.sentences) > 1 and len(unit.reference_sentences[0]) > 1


def _texts(unit: Segment) -> list[tuple[str, tuple[Sentence, ...]]]:
    """Return the segment's texts, translation first, each with its sentences."""
    return [(unit.hypothesis, unit.sentences), *zip(unit.references, unit.reference_sentences)]


def texts_to_encode(unit: Segment) -> list[str]:
    """Return the sentences whose vectors pair_sentences needs; none for a segment of one sentence."""
    if not _paired(unit):
        return []
    return [text_of(t, sents, i, i + 1) for t, sents in _texts(unit) for i in range(len(sents))]


def _run_vector(text: str, sents: Sequence[Sentence], i: int, j: int,
                vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    """Return the vector of sentences [i, j): the mean of theirs, weighted by their lengths.

    The model pools its words' vectors so. Encoding every run of two neighbours as well, as
    document mode does, would double the cost of checking a paragraph, for an alignment that
    only compares these vectors.
    """
    parts = [text_of(text, sents, k, k + 1) for k in range(i, j)]
    v = sum(len(p) * vectors[p] for p in parts)
    return v / (np.linalg.norm(v) or 1.0)


def _with_runs(unit: Segment, vectors: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Return the vectors of every run of one or two sentences of a segment's texts (_run_vector)."""
    out = dict(vectors)
    for text, sents in _texts(unit):
        for i in range(len(sents) - 1):
            out[text_of(text, sents, i, i + 2)] = _run_vector(text, sents, i, i + 2, vectors)
    return out


def pair_sentences(unit: Segment, vectors: Mapping[str, np.ndarray]) -> tuple[SentencePair, ...]:
    """Return a segment's sentences paired as document mode pairs them; none for one sentence.

    ``vectors`` holds the sentence vectors of texts_to_encode. The first reference decides the
    pairing, and a further one contributes its closest run of sentences, as in document mode.
    """
    if not _paired(unit):
        return ()
    vectors = _with_runs(unit, vectors)
    hypothesis, hyp_sents = unit.hypothesis, unit.sentences
    ref, ref_sents = unit.references[0], unit.reference_sentences[0]
    others = [candidates(r, sents) for r, sents in zip(unit.references[1:], unit.reference_sentences[1:])]
    out = []
    for link in _absorb(_substitutions(align_sentences(Runs(hypothesis, hyp_sents, vectors), Runs(ref, ref_sents, vectors)))):
        h = text_of(hypothesis, hyp_sents, link.hyp_start, link.hyp_end)
        r = text_of(ref, ref_sents, link.ref_start, link.ref_end)
        if h not in vectors:  # a run of three or more, joined by _absorb
            vectors[h] = _run_vector(hypothesis, hyp_sents, link.hyp_start, link.hyp_end, vectors)
        found = tuple(c for c in [r, *(best_counterpart(h, o, vectors) for o in others)] if c)
        out.append(SentencePair(hyp_sents[link.hyp_start].start, hyp_sents[link.hyp_end - 1].end, found))
    return tuple(out)


def pair_segments(units: Sequence[Segment], embedder: Embedder) -> list[tuple[SentencePair, ...]]:
    """Return each split segment's sentences paired (none for one sentence), encoding them at once."""
    wanted = [texts_to_encode(u) for u in units]
    texts = list(dict.fromkeys(t for ts in wanted for t in ts))
    if not texts:
        return [()] * len(units)
    # through the caller's cache, if it has one: the sentences are then checked on their own
    vectors = {t: e.sentence for t, e in zip(texts, embedder.encode(texts))}
    return [pair_sentences(u, vectors) for u in units]


def _substitutions(links: list[Link]) -> list[Link]:
    """Pair a translation sentence left alone with a reference sentence left alone beside it.

    The aligner leaves both unmatched when the translation says something else in place of a
    sentence; that sentence is still what the reference has there.
    """
    out: list[Link] = []
    for link in links:
        if out and {out[-1].kind, link.kind} == {"1-0", "0-1"}:
            a = out[-1]
            out[-1] = Link(a.hyp_start, link.hyp_end, a.ref_start, link.ref_end)
        else:
            out.append(link)
    return out


def _absorb(links: list[Link]) -> list[Link]:
    """Join each sentence left alone on one side to the pair before it (or after it, if first).

    Within one segment, a sentence left alone is most often a split or a join beyond the
    aligner's steps of two: a translation that says in four sentences what the reference says
    in two. On the MQM eval split, flagging such sentences "unaligned", as document mode does,
    made 26 flags with 3% of their characters in major errors. Joined to a neighbour, an added
    sentence's words are still flagged for matching nothing in the reference.
    """
    out: list[Link] = []
    pending: Link | None = None  # sentences alone before the first pair
    for link in links:
        alone = link.hyp_start == link.hyp_end or link.ref_start == link.ref_end
        if alone and out:
            last = out[-1]
            out[-1] = Link(last.hyp_start, link.hyp_end, last.ref_start, link.ref_end)
        elif alone:
            pending = link if pending is None else Link(pending.hyp_start, link.hyp_end,
                                                        pending.ref_start, link.ref_end)
        else:
            if pending is not None:
                link = Link(pending.hyp_start, link.hyp_end, pending.ref_start, link.ref_end)
                pending = None
            out.append(link)
    return out
