"""Split text into sentences with character offsets, using Wikimedia's sentencex."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
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


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Return the sentences of text; a line break always ends a sentence (headlines have no stop)."""
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
            sentences.append(Sentence(start, start + len(stripped), line.line, column))
    return sentences
