"""Words with character offsets, and word vectors pooled from subword token vectors."""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import numpy as np
# imported here, not in the functions: the detectors need wordfreq for every segment, and
# wordfreq's import inspects the call stack, which costs more the deeper the first call is
from wordfreq import available_languages, get_frequency_dict, zipf_frequency
from wordfreq.language_info import get_language_info

from .errors import UsageError

# numbers with their separators ("12,000", "3.5"), then letters and digits keeping inner
# apostrophes and hyphens ("Trump's", "co-operate")
_WORD = WORD_PATTERN = re.compile(r"\d+(?:[.,]\d+)*(?![\w])|\w+(?:[’'\-]\w+)*")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
POOL_MATRIX_CELLS = 1 << 22  # above this many word x token cells, pool without the matrix (16 MB)
FUNCTION_WORD_ZIPF = 5.6  # words at least this frequent (the, of, and) carry little meaning alone


class Word(NamedTuple):
    """A word as offsets [start, end) into its text, with the forms the detectors compare.

    A named tuple, not a dataclass: a batch makes one per word, and the detectors read these
    attributes hundreds of thousands of times, so they are computed once, when the word is made.
    """

    start: int
    end: int
    text: str
    norm: str  # lower-cased, without a possessive 's, with a straight apostrophe
    is_capitalized: bool  # starts with an upper-case letter
    is_number: bool  # contains a digit
    folded: str  # the norm without the diacritics of Latin letters: "kubes" for "Kubeš"


# Latin letters that carry no combining mark to take off, and their usual plain spelling in
# English text ("Đorđević" is written "Djordjevic", "Friðriksson" "Fridriksson")
_PLAIN = {"đ": "dj", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ı": "i"}


def fold(norm: str) -> str:
    """Return a lower-case word with its Latin letters' diacritics taken off ("mikėnas" -> "mikenas").

    Letters of other scripts stay as they are: only Latin names lose their accents when written
    in English without them, which is a correct spelling, not a misspelling.
    """
    if norm.isascii():
        return norm
    out = []
    for ch in norm:
        if ch.isascii():
            out.append(ch)
        elif ch in _PLAIN:
            out.append(_PLAIN[ch])
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base if base.isascii() and base.isalpha() else ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def _forms(text: str) -> tuple[str, bool, bool, str]:
    """Return a word's norm, is_capitalized, is_number and folded form; cached, as words repeat."""
    # "I’ll" and "I'll" are one word: typographic and straight apostrophes compare equal
    norm = _POSSESSIVE.sub("", text).lower().replace("’", "'")
    return norm, text[:1].isupper(), _DIGIT.search(text) is not None, fold(norm)


def tokenize(text: str) -> tuple[Word, ...]:
    """Return the words of a text in order."""
    return tuple(Word(m.start(), m.end(), w, *_forms(w))
                 for m in _WORD.finditer(text) for w in (m.group(),))


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """Return wordfreq's Zipf frequency (0 for unknown words, about 7 for 'the')."""
    if word.isascii() and word.isalpha() and word.islower() and _splits_on_regex(lang):
        # a plain lower-case word is one wordfreq token: look it up directly, skipping
        # wordfreq's tokenizer (most of the detectors' time), with wordfreq's own rounding
        return _zipf_of(_frequencies(lang).get(word, 0.0))
    return zipf_frequency(word, lang)


@lru_cache(maxsize=None)
def _splits_on_regex(lang: str) -> bool:
    """Return True if wordfreq tokenizes the language with its regex (not jieba or MeCab)."""
    return get_language_info(lang)["tokenizer"] == "regex"


def load_frequencies(lang: str) -> None:
    """Load a language's word frequencies now; raise UsageError if wordfreq has none for it."""
    if lang not in available_languages():
        known = ", ".join(sorted(available_languages()))
        raise UsageError(f"no word frequencies for language {lang!r}; "
                         f"give --lang one of: {known}")
    if _splits_on_regex(lang):
        _frequencies(lang)


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> dict[str, float]:
    """Return wordfreq's frequency dictionary of a language (its 'best' word list)."""
    return get_frequency_dict(lang, "best")


def _zipf_of(freq: float) -> float:
    """Return a frequency on the Zipf scale, rounded as wordfreq rounds it."""
    if freq <= 0:
        return 0.0
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # wordfreq keeps 3 significant digits
    return round(math.log10(freq) + 9, 2)


def flag_words(flag) -> int:
    """Return how many words a flag covers (one at least): what its weight in a penalty counts."""
    return max(1, len(tokenize(flag.text)))


MIN_STEM, STEM_SHARE = 4, 0.7  # letters two forms of a word share at their start, and their share


def one_stem(a: Word, b: Word) -> bool:
    """Return True if two words are forms of one word ("surprised", "surprise"; not "wrong", "right")."""
    from os.path import commonprefix

    shared = len(commonprefix((a.folded, b.folded)))
    return a.folded == b.folded or (shared >= MIN_STEM and shared >= STEM_SHARE * min(len(a.folded), len(b.folded)))


def is_possessive(word: Word) -> bool:
    """Return True for a word written with a possessive 's ("season's"), which its norm leaves out."""
    return bool(_POSSESSIVE.search(word.text))


def is_function_word(word: Word, lang: str) -> bool:
    """Return True for very frequent words (the, of, and, ...) that carry little meaning alone."""
    return zipf(word.norm, lang) >= FUNCTION_WORD_ZIPF


# words of the closed classes (articles, pronouns, prepositions, conjunctions, auxiliaries), by
# language: frequent nouns ("state", "company", "people") are not among them, though
# is_function_word counts them with the most frequent words
CLOSED_CLASS = {"en": frozenset("""
    a an the this that these those some any each every no all both either neither such
    i you he she it we they me him her us them my your his its our their mine yours hers ours theirs
    myself yourself himself herself itself ourselves themselves who whom whose which what
    of in on at by for with from to into onto over under about above below after before between through
    during without within against among around along across behind beyond near off out up down upon
    and or but nor so yet if then than as because while when where whether although though unless
    be am is are was were been being have has had having do does did doing
    will would shall should can could may might must not also just only very too more most
    there here now how why""".split())}


def is_closed_class(word: Word, lang: str) -> bool:
    """Return True for a word of a closed class (the, of, and, he, would); by frequency where the
    language has no list."""
    closed = CLOSED_CLASS.get(lang)
    return word.norm in closed if closed is not None else is_function_word(word, lang)


def pool(words: tuple[Word, ...], offsets: tuple[tuple[int, int], ...], tokens: np.ndarray) -> np.ndarray:
    """Return one unit vector per word: the mean of the vectors of the tokens that start inside it.

    A word with no token (the text was truncated by the model) gets a zero vector.
    """
    dim = tokens.shape[1] if tokens.ndim == 2 else 0
    out = np.zeros((len(words), dim), dtype=np.float32)
    if not len(offsets) or not words:
        return out
    starts = np.fromiter((w.start for w in words), dtype=np.int64, count=len(words))
    ends = np.fromiter((w.end for w in words), dtype=np.int64, count=len(words))
    token_starts = np.fromiter((s for s, _ in offsets), dtype=np.int64, count=len(offsets))
    # word pieces never straddle words, so the word that holds a token is found by its start
    owner = np.searchsorted(starts, token_starts, side="right") - 1
    inside = (owner >= 0) & (token_starts < ends[np.clip(owner, 0, None)])
    tokens = tokens.astype(np.float32, copy=False)
    if len(words) * len(offsets) <= POOL_MATRIX_CELLS:
        # summing through a 0/1 word-by-token matrix is several times faster than np.add.at
        membership = np.zeros((len(words), len(offsets)), dtype=np.float32)
        membership[owner[inside], np.flatnonzero(inside)] = 1.0
        out = membership @ tokens
    else:  # a text of thousands of words: that matrix would take gigabytes
        np.add.at(out, owner[inside], tokens[inside])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


def token_count(word: Word, offsets: tuple[tuple[int, int], ...]) -> int:
    """Return how many subword tokens a word was split into."""
    return sum(1 for s, e in offsets if s < word.end and e > word.start)
