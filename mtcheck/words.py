"""Words with character offsets, and word vectors pooled from subword token vectors."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# numbers with their separators ("12,000", "3.5"), then letters and digits keeping inner
# apostrophes and hyphens ("Trump's", "co-operate")
_WORD = re.compile(r"\d+(?:[.,]\d+)*(?![\w])|\w+(?:[’'\-]\w+)*")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)


@dataclass(frozen=True)
class Word:
    """A word as offsets [start, end) into its text."""

    start: int
    end: int
    text: str

    @property
    def norm(self) -> str:
        """Return the word lower-cased, without a possessive 's, for comparisons."""
        return _POSSESSIVE.sub("", self.text).lower()

    @property
    def is_capitalized(self) -> bool:
        """Return True if the word starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_number(self) -> bool:
        """Return True if the word contains a digit."""
        return any(c.isdigit() for c in self.text)


def tokenize(text: str) -> tuple[Word, ...]:
    """Return the words of a text in order."""
    return tuple(Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text))


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """Return wordfreq's Zipf frequency (0 for unknown words, about 7 for 'the')."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def is_function_word(word: Word, lang: str) -> bool:
    """Return True for very frequent words (the, of, and, ...) that carry little meaning alone."""
    return zipf(word.norm, lang) >= 5.6


def pool(words: tuple[Word, ...], offsets: tuple[tuple[int, int], ...], tokens: np.ndarray) -> np.ndarray:
    """Return one unit vector per word: the mean of the token vectors that overlap it.

    A word with no token (the text was truncated by the model) gets a zero vector.
    """
    dim = tokens.shape[1] if tokens.ndim == 2 else 0
    out = np.zeros((len(words), dim), dtype=np.float32)
    if not len(offsets):
        return out
    starts = np.array([s for s, _ in offsets])
    ends = np.array([e for _, e in offsets])
    for i, w in enumerate(words):
        mask = (starts < w.end) & (ends > w.start)
        if mask.any():
            v = tokens[mask].mean(axis=0)
            n = np.linalg.norm(v)
            out[i] = v / n if n else v
    return out


def token_count(word: Word, offsets: tuple[tuple[int, int], ...]) -> int:
    """Return how many subword tokens a word was split into."""
    return sum(1 for s, e in offsets if s < word.end and e > word.start)
