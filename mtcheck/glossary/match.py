"""Find a glossary's terms in a translation: correct, forbidden, nearly right, or off in style.

A pure function over a text's words and the glossary's index, tested with tables. A term is
found where its pieces stand side by side in the text (joined by a space, a line break or a
hyphen). Every piece matches its key ("Zelensky's" is "Zelensky"; the last may be a plural);
or the term's name pieces nearly match, with at least one close enough to stand for it
("Kiril Dmitriev", "Stephen Whitkof"). A lone surname misspelled ("Whitkoff") is a near miss
of the term's last piece.
"""
from __future__ import annotations

from typing import AbstractSet, NamedTuple, Sequence

from ..words import Word, fold, zipf
from .terms import NEAR, Piece, TermIndex, Term, inflects, pieces_of

# In a term of several pieces, each misspelt piece must be this close ("Stephen" for "Steve": 67),
# and the misspelt pieces this close on average ("Ilon" 75; "Keith Keller" is another Keith: 62)
COMPANION = 60.0
CHANGED_MEAN = 70.0
COMMON_ZIPF = 3.0  # a capitalised common word ("Steven", "Kelly") stands for no misspelt name
MIN_NAME = 3  # letters: shorter pieces ("Al", "Bo") are too short to call misspelt
# A term of several pieces written with its other pieces but an invented word in place of one
# ("special prutestry" for "special envoy") is most likely that term garbled; how likely, no
# labelled data says: the word could stand for another title ("special prosecutor").
MIN_INVENTED = 4
GARBLED_SCORE = 0.6


class Hit(NamedTuple):
    """A glossary term found in a text: words [first, last], how it was found, what to write."""

    first: int  # word indices
    last: int
    entry: int
    how: str  # "forbidden", "near", "partial", "garbled", "style", or "correct"
    score: float  # 0-1: how close the text is to the glossary's rendering
    suggestion: str  # the words [first, last] as the glossary would have them
    detail: str = ""  # for "style": what differs ("capitals", "accents", "hyphenation")


def _name_like(p: Piece, attested: AbstractSet[str], lang: str) -> bool:
    """Return True if a piece may be a misspelt name: capitalised, uncommon, not written so elsewhere."""
    return (p.text[:1].isupper() and len(p.key) >= MIN_NAME and p.key not in attested
            and zipf(p.key, lang) < COMMON_ZIPF)


def _invented(p: Piece, attested: AbstractSet[str], lang: str) -> bool:
    """Return True if a piece is a lower-case word that no word list knows ("prutestry")."""
    return (p.text.islower() and p.text.isalpha() and len(p.key) >= MIN_INVENTED and p.key not in attested
            and zipf(p.key, lang) == 0.0)


def _scores(text: Sequence[Piece], start: int, term: Term) -> list[float] | None:
    """Return each piece's ratio against the term placed at ``start``, or None if it cannot stand there."""
    from rapidfuzz import fuzz

    m = len(term.keys)
    if start < 0 or start + m > len(text) or any(text[start + q].joined == "|" for q in range(1, m)):
        return None
    out = []
    for q, want in enumerate(term.keys):
        key = text[start + q].key
        same = key == want or (q == m - 1 and inflects(key, want))
        out.append(100.0 if same else fuzz.ratio(key, want))
    return out


def _style(text: Sequence[Piece], start: int, term: Term) -> str:
    """Return how a correctly spelled term differs from the glossary's writing of it, or ""."""
    for q, g in enumerate(term.pieces):
        t = text[start + q]
        if q and t.joined != g.joined:
            return "hyphenation"
        if any(a.isupper() and not b.isupper() for a, b in zip(g.text, t.text)):
            return "capitals"  # a capital dropped; one added (a headline, a sentence start) is fine
        written, glossary = t.text.lower().replace("’", "'"), g.text.lower()
        if fold(written) != fold(glossary):  # a plural: its stem has the accents
            written = written[:len(glossary)]
        if written != glossary and fold(written) == fold(glossary):
            return "accents"
    return ""


def _suggestion(text: str, words: Sequence[Word], pieces: Sequence[Piece], first: int, last: int,
                rendering: str) -> str:
    """Return the words holding pieces [first, last] with those pieces written as the glossary has them."""
    a, b = pieces[first], pieces[last]
    return (text[words[a.word].start:a.start] + rendering
            + text[b.start + len(b.text):words[b.word].end])


def find_terms(text: str, words: Sequence[Word], index: TermIndex, attested: AbstractSet[str] = frozenset(),
               lang: str = "en") -> list[Hit]:
    """Return the glossary terms found in a text, correct ones included, in text order.

    ``attested`` holds the keys of words that the reference or the source writes: a name
    written so there is a different name, not a misspelling.
    """
    pieces = pieces_of(text, words)
    placements: dict[tuple[int, int], None] = {}
    for i, p in enumerate(pieces):
        for t, pos in index.exact_hits(p.key):
            placements[(t, i - pos)] = None
        if _name_like(p, attested, lang) and p.key not in index.exact:
            for t, pos, _ in index.near_hits(p.key):
                placements[(t, i - pos)] = None
    found: list[tuple[tuple, int, int, str, float, int]] = []
    for t, start in placements:
        term = index.terms[t]
        scores = _scores(pieces, start, term)
        if scores is None:
            continue
        m = len(scores)
        if all(s == 100.0 for s in scores):
            how = "forbidden" if term.forbidden else "correct"
            found.append(((0, -m), t, start, how, 1.0, m))
            continue
        changed = [pieces[start + q] for q, s in enumerate(scores) if s < 100.0]
        if not term.forbidden and m > 1 and len(changed) < m and all(_invented(p, attested, lang) for p in changed):
            found.append(((2, -m), t, start, "garbled", GARBLED_SCORE, m))
            continue
        # the placement stands on an exact piece or a misspelt name (near_hits); the other
        # misspelt pieces may be common names ("Stephen" for "Steve") but must be capitalised
        if term.forbidden or min(scores) < COMPANION or not all(
                p.text[:1].isupper() and len(p.key) >= MIN_NAME and p.key not in attested for p in changed):
            continue
        off = [s for s in scores if s < 100.0]
        if sum(off) / len(off) >= (NEAR if m == 1 else CHANGED_MEAN):
            mean = sum(scores) / m
            found.append(((1, -m, -mean), t, start, "near", mean / 100, m))
    hits: list[Hit] = []
    taken = [False] * len(pieces)
    for _, t, start, how, score, m in sorted(found):
        span = range(start, start + m)
        if any(taken[k] for k in span):
            continue
        for k in span:
            taken[k] = True
        term = index.terms[t]
        entry = index.entries[term.entry]
        detail = _style(pieces, start, term) if how == "correct" else ""
        if detail:
            how = "style"
        hits.append(Hit(pieces[start].word, pieces[start + m - 1].word, term.entry, how, score,
                        _suggestion(text, words, pieces, start, start + m - 1, entry.rendering), detail))
    hits += _lone_surnames(text, words, pieces, taken, index, attested, lang)
    return sorted(hits)


def _lone_surnames(text, words, pieces, taken, index: TermIndex, attested, lang) -> list[Hit]:
    """Return near misses of a term's last piece standing alone ("Whitkoff" for "Witkoff")."""
    out = []
    for i, p in enumerate(pieces):
        if taken[i] or not _name_like(p, attested, lang) or p.key in index.exact:
            continue
        best = None
        for t, pos, score in index.near_hits(p.key):
            term = index.terms[t]
            if pos == len(term.keys) - 1 and (best is None or score > best[0]):
                best = (score, t, pos)
        if best is not None:
            score, t, pos = best
            term = index.terms[t]
            out.append(Hit(p.word, p.word, term.entry, "partial", score / 100,
                           _suggestion(text, words, pieces, i, i, term.pieces[pos].text)))
    return out


def missing_terms(text: str, words: Sequence[Word], source: str, index: TermIndex,
                  lang: str = "en") -> list[tuple[int, str, int]]:
    """Return (entry, source term, where in the source) of the entries whose source term the source
    holds and whose rendering the translation lacks: neither written (an inflection counts),
    misspelt nor replaced by a forbidden variant (those are flagged where they stand)."""
    wanted = index.sources_in(source)
    if not wanted:
        return []
    present = {h.entry for h in find_terms(text, words, index, frozenset(), lang)}
    return [(e, term, at) for e, (term, at) in sorted(wanted.items()) if e not in present]
