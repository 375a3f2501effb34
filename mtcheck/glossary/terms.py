"""Glossary terms as pieces: the words of a text split at hyphens, each with a key to compare by.

A key is a piece lower-cased, without a possessive 's and without the diacritics of Latin
letters, so "Zelensky's", "ZELENSKY" and "Zelenský" share the key "zelensky". What the key
leaves out (case, accents, hyphen or space) is compared again once a term is found, as a
matter of house style.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from ..words import Word, fold, tokenize

_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
NEAR = 80.0  # rapidfuzz ratio (0-100) at which a piece is a near miss of a glossary piece
_SOURCE_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
# scripts written without spaces between words: a source term is found by its characters
_UNSPACED = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF), (0x3400, 0x9FFF),
             (0xF900, 0xFAFF), (0x20000, 0x2FFFF))


def unspaced(term: str) -> bool:
    """Return True if a term is in a script without spaces between words (Chinese, Japanese, Thai)."""
    return any(lo <= ord(c) <= hi for c in term for lo, hi in _UNSPACED)


class Piece(NamedTuple):
    """A piece of a text's word: offsets [start, end) into the text, its word's index, its key."""

    start: int
    end: int
    word: int  # index of the word it belongs to
    key: str  # lower-cased, no possessive, no Latin diacritics
    text: str  # as written, without a possessive 's
    joined: str  # what joins it to the piece before: "-" inside a word, " " between words, else "|"


def pieces_of(text: str, words: Sequence[Word]) -> tuple[Piece, ...]:
    """Return the pieces of a text's words, in order."""
    out: list[Piece] = []
    for i, w in enumerate(words):
        at = w.start
        parts = w.text.split("-")
        for k, part in enumerate(parts):
            if part:
                bare = _POSSESSIVE.sub("", part) if k == len(parts) - 1 else part
                if k > 0:
                    joined = "-"
                elif out and not text[out[-1].end:at].strip():
                    joined = " "  # spaces, a line break: the same phrase
                else:
                    joined = "|"
                out.append(Piece(at, at + len(part), i, fold(bare.lower().replace("’", "'")), bare, joined))
            at += len(part) + 1
    return tuple(out)


def term_pieces(term: str) -> tuple[Piece, ...]:
    """Return the pieces of a glossary term."""
    return pieces_of(term, tokenize(term))


def term_key(term: str) -> str:
    """Return a term's pieces' keys joined by spaces: two terms with one key are one term."""
    return " ".join(p.key for p in term_pieces(term))


def inflects(text_key: str, key: str) -> bool:
    """Return True if a text's key is the glossary key or its plural ("envoys", "agencies")."""
    return text_key == key or text_key in (key + "s", key + "es") or (
        key.endswith("y") and text_key == key[:-1] + "ies")


def stems(text_key: str) -> tuple[str, ...]:
    """Return the keys a text's key may be an inflection of, itself first."""
    out = [text_key]
    if text_key.endswith("s"):
        out.append(text_key[:-1])
        if text_key.endswith("es"):
            out.append(text_key[:-2])
        if text_key.endswith("ies"):
            out.append(text_key[:-3] + "y")
    return tuple(out)


class Term(NamedTuple):
    """A glossary term as pieces: a required rendering or a forbidden variant of entry ``entry``."""

    entry: int
    forbidden: bool
    pieces: tuple[Piece, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the term's pieces' keys."""
        return tuple(p.key for p in self.pieces)


class TermIndex:
    """Every term of a glossary, indexed by its pieces' keys; near misses looked up by length."""

    def __init__(self, entries):
        self.entries = tuple(entries)
        self.terms: list[Term] = []
        for n, e in enumerate(self.entries):
            for text, forbidden in [(e.rendering, False), *((f, True) for f in e.forbidden)]:
                pieces = term_pieces(text)
                if pieces:
                    self.terms.append(Term(n, forbidden, pieces))
        self.exact: dict[str, list[tuple[int, int]]] = {}
        lengths: dict[int, set[str]] = {}
        self._near_of: dict[str, list[tuple[int, int]]] = {}
        for t, term in enumerate(self.terms):
            for pos, p in enumerate(term.pieces):
                self.exact.setdefault(p.key, []).append((t, pos))
                # names are what gets misspelled ("Whitkof"): capitalised pieces of required renderings
                if not term.forbidden and p.text[:1].isupper() and len(p.key) >= 4:
                    lengths.setdefault(len(p.key), set()).add(p.key)
                    self._near_of.setdefault(p.key, []).append((t, pos))
        self._by_length = {n: sorted(keys) for n, keys in lengths.items()}
        self._memo: dict[str, tuple[tuple[int, int, float], ...]] = {}
        # source terms, case-folded: by their words, or by their characters in unspaced scripts
        self.sources: dict[str, list[int]] = {}
        self._word_counts: set[int] = set()
        self._char_counts: set[int] = set()
        for n, e in enumerate(self.entries):
            for s in e.sources:
                key = " ".join(_SOURCE_WORD.findall(s.casefold())) if not unspaced(s) else s.casefold()
                if key:
                    self.sources.setdefault(key, []).append(n)
                    (self._char_counts if unspaced(s) else self._word_counts).add(
                        len(key) if unspaced(s) else key.count(" ") + 1)

    def sources_in(self, text: str) -> dict[int, str]:
        """Return {entry: its source term as written in the text} for the source terms a text holds."""
        if not self.sources:
            return {}
        folded = text.casefold()
        found: dict[int, str] = {}
        spans = [(m.start(), m.end()) for m in _SOURCE_WORD.finditer(folded)]
        for n in self._word_counts:
            for k in range(len(spans) - n + 1):
                key = " ".join(folded[a:b] for a, b in spans[k:k + n])
                for e in self.sources.get(key, ()):
                    found.setdefault(e, text[spans[k][0]:spans[k + n - 1][1]])
        for n in self._char_counts:
            for k in range(len(folded) - n + 1):
                for e in self.sources.get(folded[k:k + n], ()):
                    found.setdefault(e, text[k:k + n])
        return found

    def exact_hits(self, key: str) -> list[tuple[int, int]]:
        """Return (term, position) of the glossary pieces that a text key is, or inflects."""
        found = []
        for k, stem in enumerate(stems(key)):
            for t, pos in self.exact.get(stem, ()):
                term = self.terms[t]
                # only a term's last piece takes an ending ("special envoys")
                if k == 0 or (pos == len(term.pieces) - 1 and inflects(key, stem)):
                    found.append((t, pos))
        return found

    def near_hits(self, key: str) -> tuple[tuple[int, int, float], ...]:
        """Return (term, position, ratio) of the name pieces that a text key nearly is (ratio >= NEAR)."""
        if key in self._memo:
            return self._memo[key]
        from rapidfuzz import fuzz, process

        n = len(key)
        # a ratio of NEAR or more needs lengths within 2/3 and 3/2 of each other
        choices = [k for m in range(-(-2 * n // 3), (3 * n) // 2 + 1) for k in self._by_length.get(m, ())]
        found = []
        for choice, score, _ in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=NEAR,
                                                limit=None):
            if choice != key:
                found += [(t, pos, score) for t, pos in self._near_of[choice]]
        self._memo[key] = out = tuple(found)
        return out
