"""Dictionary knowledge of English words: their dictionary forms, WordNet 3.0's synonyms, and
the Moby thesaurus's related words."""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

# regular inflections undone by rule: (suffix, replacement); the stem keeps at least 3 letters
SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
            ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ier", "y"), ("iest", "y"))


@lru_cache(maxsize=65536)
def lemmas(norm: str) -> frozenset[str]:
    """Return the dictionary forms a word may be of ("exports" -> export, "lost" stays, "higher" -> high)."""
    out = {norm}
    for suffix, repl in SUFFIXES:
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            stem = norm[:-len(suffix)] + repl
            out.add(stem)
            if len(stem) > 3 and stem[-1] == stem[-2] and not repl:  # "stopped" -> "stop"
                out.add(stem[:-1])
    return frozenset(out)


def data_rows(name: str) -> list[list[str]]:
    """Return the tab-separated rows of a packaged data file, without its comments."""
    text = resources.files("mtcheck").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _synonym_tables() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[str, ...]], frozenset[str], frozenset[str]]:
    """Return each word's synsets (by row number), each irregular form's dictionary forms, and
    the words of verb synsets and of adjective synsets: the two files read once."""
    synsets: dict[str, list[int]] = {}
    verbs: set[str] = set()
    adjectives: set[str] = set()
    for row, (pos, words) in enumerate(data_rows("synonyms.tsv")):
        for word in words.split(" "):
            synsets.setdefault(word, []).append(row)
            if pos == "v":
                verbs.add(word)
            elif pos in ("a", "s"):
                adjectives.add(word)
    irregular = {form: tuple(forms.split(" ")) for form, forms in data_rows("irregular.tsv")}
    return {w: tuple(rows) for w, rows in synsets.items()}, irregular, frozenset(verbs), frozenset(adjectives)


def dictionary_forms(norm: str) -> frozenset[str]:
    """Return the dictionary forms of a word form, by rule and by WordNet's irregular forms ("rose" -> rise)."""
    return lemmas(norm) | frozenset(_synonym_tables()[1].get(norm, ()))


@lru_cache(maxsize=65536)
def synsets(norm: str) -> frozenset[int]:
    """Return the WordNet synsets that a word form may belong to, through its dictionary forms."""
    table = _synonym_tables()[0]
    return frozenset(row for form in dictionary_forms(norm) for row in table.get(form, ()))


def synonyms(a: str, b: str) -> bool:
    """Return True if two word forms share a WordNet synset through their dictionary forms.

    They are synonyms ("rails", "tracks"; "grew", "rose") or forms of one word that WordNet
    lists with its synonyms ("fears", "fear").
    """
    return a != b and not synsets(a).isdisjoint(synsets(b))


@lru_cache(maxsize=1)
def _related_table() -> dict[str, str]:
    """Return each word's related words that sort after it, space-separated with a space at each end."""
    data = resources.files("mtcheck").joinpath("data/related.tsv.gz").read_bytes()
    rows = gzip.decompress(data).decode("utf-8").splitlines()
    return {word: f" {words} " for word, words in (row.split("\t") for row in rows if not row.startswith("#"))}


@lru_cache(maxsize=65536)
def related(a: str, b: str) -> bool:
    """Return True if the Moby thesaurus lists two word forms together, through their dictionary forms.

    It relates far more than WordNet's synsets ("deputy", "vice"; "claim", "allege"), false
    friends and opposites among them ("plain", "flat"; "already", "still"): evidence that a
    wording may be right, not that it is.
    """
    table = _related_table()
    return a != b and any(f" {max(x, y)} " in table.get(min(x, y), "")
                          for x in dictionary_forms(a) for y in dictionary_forms(b) if x != y)


@lru_cache(maxsize=1)
def _irregular_verb_forms() -> frozenset[str]:
    """Return WordNet's irregular forms of verbs alone ("won", "took"; not "men", nor "left" if a noun's)."""
    _, irregular, verbs, _ = _synonym_tables()
    return frozenset(form for form, lemmas in irregular.items() if not form.endswith("ing") and set(lemmas) <= verbs)


def is_past_form(norm: str) -> bool:
    """Return True if an English word form may be a verb's past: in -ed, or irregular ("won", "took")."""
    return (len(norm) > 4 and norm.endswith("ed")) or norm in _irregular_verb_forms()


def may_be_adjective(norm: str) -> bool:
    """Return True if an English word form may be an adjective: WordNet lists it with synonyms as
    one ("close", "loyal"), or it is a verb's past form ("known", "seized")."""
    return norm in _synonym_tables()[3] or is_past_form(norm)
