"""Glossary terms as pieces: the words of a text split at hyphens, each with a key to compare by.

A key is a piece lower-cased, without a possessive 's and without the diacritics of Latin
letters, so "Zelensky's", "ZELENSKY" and "Zelenský" share the key "zelensky". What the key
leaves out (case, accents, hyphen or space) is compared again once a term is found, as a
matter of house style.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Sequence

from ..errors import InputError
from ..words import WORD_PATTERN as _TERM_WORD
from ..words import Word, fold, tokenize

_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
NEAR = 80.0  # rapidfuzz ratio (0-100) at which a piece is a near miss of a glossary piece
_SOURCE_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
# scripts written without spaces between words: a source term is found by its characters
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
                       "\U00020000-\U0002ffff]")


def unspaced(term: str) -> bool:
    """Return True if a term is in a script without spaces between words (Chinese, Japanese, Thai)."""
    return _UNSPACED.search(term) is not None


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


@lru_cache(maxsize=None)
def term_pieces(term: str) -> tuple[Piece, ...]:
    """Return the pieces of a glossary term (made when a term is found: indexing needs only keys)."""
    return pieces_of(term, tokenize(term))


def term_keys(term: str) -> tuple[tuple[str, bool], ...]:
    """Return (key, capitalised) of a term's pieces, as pieces_of makes them, in one quick pass.

    Indexing 10,000 entries reads every term once: this pass is what it costs (see
    benchmarks/glossary.py); pieces with offsets are made only for the terms found.
    """
    if "-" in term or "'" in term or "’" in term or not term.isascii():
        return _term_keys_slowly(term)  # the rare term: hyphens, apostrophes, accents
    return tuple((k.lower(), k[:1].isupper()) for k in _TERM_WORD.findall(term))


def _term_keys_slowly(term: str) -> tuple[tuple[str, bool], ...]:
    """Return term_keys() of any term, piece by piece."""
    out = []
    for m in _TERM_WORD.finditer(term):
        parts = m.group().split("-")
        last = len(parts) - 1
        for k, part in enumerate(parts):
            if part:
                bare = _POSSESSIVE.sub("", part) if k == last else part
                out.append((fold(bare.lower().replace("’", "'")), part[:1].isupper()))
    return tuple(out)


def term_key(term: str) -> str:
    """Return a term's pieces' keys joined by spaces: two terms with one key are one term."""
    return " ".join(k for k, _ in term_keys(term))


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
    """A glossary term: a required rendering or a forbidden variant of entry ``entry``, and its keys."""

    entry: int
    forbidden: bool
    text: str
    keys: tuple[str, ...]

    @property
    def pieces(self) -> tuple[Piece, ...]:
        """Return the term's pieces, with their writing (made once per term, when it is found)."""
        return term_pieces(self.text)


class TermIndex:
    """Every term of a glossary, indexed by its pieces' keys; near misses looked up by length."""

    def __init__(self, entries):
        self.entries = tuple(entries)
        self.terms: list[Term] = []
        self.exact: dict[str, list[tuple[int, int]]] = {}
        lengths: dict[int, set[str]] = {}
        self._near_of: dict[str, list[tuple[int, int]]] = {}
        required: dict[tuple[str, ...], int] = {}
        for n, e in enumerate(self.entries):
            for text, forbidden in ((e.rendering, False), *((f, True) for f in e.forbidden)) if e.forbidden \
                    else ((e.rendering, False),):
                pieces = term_keys(text)
                if not pieces:
                    continue
                keys = tuple(k for k, _ in pieces)
                t = len(self.terms)
                self.terms.append(Term(n, forbidden, text, keys))
                if not forbidden:
                    required.setdefault(keys, n)
                for pos, (key, capitalised) in enumerate(pieces):
                    self.exact.setdefault(key, []).append((t, pos))
                    # names are what gets misspelled ("Whitkof"): capitalised pieces of required renderings
                    if not forbidden and capitalised and len(key) >= 4:
                        lengths.setdefault(len(key), set()).add(key)
                        self._near_of.setdefault(key, []).append((t, pos))
        self._refuse_contradictions(required)
        self._by_length = {n: sorted(keys) for n, keys in lengths.items()}
        self._memo: dict[str, tuple[tuple[int, int, float], ...]] = {}
        # source terms, case-folded: by their words, or by their characters in unspaced scripts
        self.sources: dict[str, list[int]] = {}
        self._word_counts: set[int] = set()
        self._char_counts: set[int] = set()
        for n, e in enumerate(self.entries):
            for s in e.sources:
                by_characters = unspaced(s)
                key = s.casefold() if by_characters else " ".join(_SOURCE_WORD.findall(s.casefold()))
                if key:
                    self.sources.setdefault(key, []).append(n)
                    if by_characters:
                        self._char_counts.add(len(key))
                    else:
                        self._word_counts.add(key.count(" ") + 1)

    def sources_in(self, text: str) -> dict[int, tuple[str, int]]:
        """Return {entry: (its source term as written in the text, where)} for the source terms a text holds."""
        if not self.sources:
            return {}
        folded = text.casefold()
        found: dict[int, str] = {}
        spans = [(m.start(), m.end()) for m in _SOURCE_WORD.finditer(folded)]
        for n in self._word_counts:
            for k in range(len(spans) - n + 1):
                key = " ".join(folded[a:b] for a, b in spans[k:k + n])
                for e in self.sources.get(key, ()):
                    found.setdefault(e, (text[spans[k][0]:spans[k + n - 1][1]], spans[k][0]))
        for n in self._char_counts:
            for k in range(len(folded) - n + 1):
                for e in self.sources.get(folded[k:k + n], ()):
                    found.setdefault(e, (text[k:k + n], k))
        return found

    def _refuse_contradictions(self, required: dict[tuple[str, ...], int]) -> None:
        """Raise InputError where an entry forbids what another requires ("Kiev" here, "Kiev" forbidden there).

        Every correct use of the one would be flagged by the other; both lines are named, so that
        the style book can be mended.
        """
        for term in self.terms:
            other = required.get(term.keys) if term.forbidden else None
            if other is not None:
                e, o = self.entries[term.entry], self.entries[other]
                raise InputError(f'"{term.text}" is forbidden here but required by the entry at {o.origin}; '
                                 "keep one of them", e.path, e.line)

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
