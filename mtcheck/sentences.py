"""Sentences and segments: text split once into sentences with character offsets (Wikimedia's
sentencex), and the Segment, a unit to check, which keeps its sentences' spans.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence


@dataclass(frozen=True, slots=True)  # a long document has hundreds of thousands
class Sentence:
    """A sentence as offsets [start, end) into its text, with the 1-based line it starts on."""

    start: int
    end: int
    line: int
    column: int


def split_lines(text: str) -> list[Sentence]:
    """Return each non-blank line as one unit, trimmed of surrounding white space."""
    units = []
    line_no = 1
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            units.append(Sentence(start, start + len(stripped), line_no, lead + 1))
        pos += len(raw) + 1
        line_no += 1
    return units


# The longest sentence in the labelled data holds 1,113 characters. A "sentence" longer than
# this is text that the splitter found no end in (a run of unpunctuated lines joined into one,
# a pasted table): checked whole, its word-by-word comparison would grow with its square.
MAX_SENTENCE = 2000
_CUT_AFTER = ",;:)]}»”\"'"


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Return the sentences of text; a line break always ends a sentence (headlines have no stop),
    and a sentence longer than MAX_SENTENCE characters is cut into pieces that are not."""
    from sentencex import get_sentence_boundaries

    sentences = []
    for line in split_lines(text):
        chunk = text[line.start:line.end]
        for b in get_sentence_boundaries(lang, chunk):
            piece = chunk[b["start_index"]:b["end_index"]]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            start = line.start + b["start_index"] + lead
            column = line.column + b["start_index"] + lead
            for a, z in _pieces(text, start, start + len(stripped)):
                sentences.append(Sentence(a, z, line.line, column + a - start))
    return sentences


def _pieces(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Return [start, end) cut into spans of at most ``limit`` characters: after the last clause
    mark before the limit, else at the last space, else at the limit (text without spaces)."""
    out = []
    while end - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind(c) for c in _CUT_AFTER) + 1
        if cut < limit // 2:
            cut = window.rfind(" ") + 1
        if cut < limit // 2:
            cut = limit
        piece_end = start + len(text[start:start + cut].rstrip())
        out.append((start, piece_end))
        start += cut
        start += len(text[start:end]) - len(text[start:end].lstrip())
    out.append((start, end))
    return out


def shift(sentences: Sequence[Sentence], start: int, end: int) -> tuple[Sentence, ...]:
    """Return the sentences that lie in text[start:end], with offsets into that slice."""
    return tuple(replace(s, start=s.start - start, end=s.end - start)
                 for s in sentences if start <= s.start and s.end <= end)


@dataclass(frozen=True)
class Segment:
    """A unit to check: translation text, its reference text(s), and where it stands in the input.

    ``alignment`` is NO_REFERENCE for a unit of a run without references, checked alone.

    ``sentences`` and ``reference_sentences`` are the spans of the texts' sentences, kept from
    the one split of each text; empty until the unit is split (split_segment).
    """

    id: str
    hypothesis: str
    references: tuple[str, ...]
    offset: int = 0
    line: int = 1
    column: int = 1
    alignment: str = "1-1"
    source: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    sentences: tuple[Sentence, ...] | None = None
    reference_sentences: tuple[tuple[Sentence, ...], ...] | None = None


NO_REFERENCE = "none"


def split_segment(unit: Segment, lang: str) -> Segment:
    """Return the unit with its texts' sentences, splitting only what was not split before."""
    if unit.sentences is not None and unit.reference_sentences is not None:
        return unit
    return replace(unit,
                   sentences=(unit.sentences if unit.sentences is not None
                              else tuple(split_sentences(unit.hypothesis, lang))),
                   reference_sentences=(unit.reference_sentences if unit.reference_sentences is not None
                                        else tuple(tuple(split_sentences(r, lang)) for r in unit.references)))
