"""What detectors take (SegmentView, Source) and give (Finding), and how each is declared (Detector)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

from ..calibration import Calibration, default_calibration
from ..glossary import Glossary
from ..results import Severity
from ..words import Word
from .wordalign import Match

if TYPE_CHECKING:
    import numpy as np

# A match at least this similar (or of the same word form) anchors the translation word to a
# place in the reference; anchors locate what the reference says around a suspect span.
ANCHOR_SIMILARITY = 0.75


# marks that end or set off a clause: words on either side of one belong to different phrases
CLAUSE_MARKS = ",;:.!?()«»\"“”–—"


def one_clause(words, text: str, a: int, b: int) -> bool:
    """Return True if no clause mark stands between words a < b of a text."""
    return not any(c in CLAUSE_MARKS for c in text[words[a].end:words[b].start])


@dataclass(frozen=True, eq=False)
class Source:
    """A source text as the detectors use it, prepared once: a document's source serves every segment."""

    text: str
    lang: str = "en"

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """Return the source's words."""
        from ..words import tokenize

        return tokenize(self.text)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Return the source's normalised words, with and without Latin diacritics."""
        return frozenset(f for w in self.words for f in (w.norm, w.folded))

    @cached_property
    def folded(self) -> str:
        """Return the source text case-folded."""
        return self.text.casefold()

    def prepared(self, how: Callable[["Source"], Any]) -> Any:
        """Return how(self), computed once per source: a detector's own reading of it."""
        memo = self.__dict__.setdefault("_prepared", {})
        if how not in memo:
            memo[how] = how(self)
        return memo[how]


@dataclass(frozen=True)
class SegmentView:
    """One aligned segment as the detectors see it."""

    hypothesis: str
    references: tuple[str, ...]
    hyp_words: tuple[Word, ...]
    ref_words: tuple[tuple[Word, ...], ...]
    matches: tuple[Match | None, ...]
    hyp_offsets: tuple[tuple[int, int], ...] = ()
    source: Source | None = None
    lang: str = "en"
    calibration: Calibration = field(default_factory=default_calibration)
    similarity: float | None = None  # the segment's rescaled sentence similarity
    chrf: float | None = None  # the segment's sentence chrF (0-100)
    sentence_starts: tuple[int, ...] | None = None  # where the translation's sentences start
    glossary: Glossary | None = None  # the house style's required renderings, if a run has one
    roles: tuple | None = None  # each translation word's syntax.Role (None: no parse, --syntax is off)
    ref_roles: tuple[tuple, ...] | None = None  # each reference word's, per reference

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Return the normalised words of the references and the source, with and without Latin
        diacritics (a name written without its accents is the same name)."""
        words = {f for ws in self.ref_words for w in ws for f in (w.norm, w.folded)}
        if self.source is not None:
            words |= self.source.vocabulary
        return frozenset(words)

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Return the translation's sentences as word ranges [first, last], in order."""
        from bisect import bisect_right

        if not self.hyp_words:
            return ()
        starts = self.sentence_starts
        if starts is None:  # a view built without its text's sentences: split them here
            from ..sentences import split_sentences

            starts = tuple(s.start for s in split_sentences(self.hypothesis, self.lang))
        if len(starts) < 2:  # most segments: one sentence, no word to place
            return ((0, len(self.hyp_words) - 1),)
        # a word belongs to the last sentence that starts at or before it
        owner = [max(0, bisect_right(starts, w.start) - 1) for w in self.hyp_words]
        firsts = [i for i in range(len(owner)) if i == 0 or owner[i] != owner[i - 1]]
        return tuple(zip(firsts, [f - 1 for f in firsts[1:]] + [len(owner) - 1]))

    def is_anchor(self, i: int) -> bool:
        """Return True if translation word i is reliably matched in a reference."""
        m = self.matches[i]
        return m is not None and (m.same_form or m.similarity >= ANCHOR_SIMILARITY)

    def between(self, a: int, b: int) -> str:
        """Return the text between translation words a and b (a < b): spaces, punctuation."""
        return self.hypothesis[self.hyp_words[a].end:self.hyp_words[b].start]

    def sentence_initial(self, i: int) -> bool:
        """Return True if word i starts the segment or follows sentence-ending punctuation."""
        if i == 0:
            return True
        between = self.between(i - 1, i)
        return any(c in between for c in ".!?:«\"“")


@dataclass(frozen=True)
class Finding:
    """A suspect run of translation words [first, last], before merging.

    ``message`` may use {text} and {suggestion}, filled in once spans are merged.
    ``ref_span`` is (reference index, first word, last word) when the detector knows what the
    reference says there; otherwise the suggestion is found from the word alignment, unless
    ``suggest`` is False (a repeated word has no counterpart to suggest). ``written`` is a
    suggestion from elsewhere than the reference (the glossary's rendering); such a finding is
    flagged as found, never merged with another.
    """

    first: int
    last: int
    severity: Severity
    kind: str
    message: str
    confidence: float
    detector: str = ""  # set by detect() from the Detector that found it
    ref_span: tuple[int, int, int] | None = None
    suggest: bool = True
    written: str | None = None


# How arbitration treats a detector's findings (arbitrate.py):
# - "whole": says the whole translation failed; its finding alone is kept;
# - "overriding": pins down a fault and explains every weaker finding inside its run;
# - "precise": pins down a fault; the word model's runs give way to it;
# - "wording": weak or misplaced wording; neighbouring findings merge into one "garbled" phrase.
ROLES = ("whole", "overriding", "precise", "wording")


@dataclass(frozen=True)
class Detector:
    """A detector, declared once: its name (the flags' "detector"), the kinds it raises, its role,
    and whether it compares with a reference (without one, only those that need none run)."""

    name: str
    kinds: frozenset[str]
    role: str
    find: Callable[[SegmentView], list[Finding]]
    needs_reference: bool = True

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"detector {self.name} has role {self.role!r}, not one of {ROLES}")


def whole_reference(view: SegmentView) -> tuple[int, int, int] | None:
    """Return the span of the whole first reference: what a wholly failed translation should say."""
    words = view.ref_words[0] if view.ref_words else ()
    return (0, 0, len(words) - 1) if words else None


def pooled_words(text: str, encoding) -> tuple[tuple[Word, ...], np.ndarray]:
    """Return a text's words and one vector per word, pooled from its token vectors."""
    from ..words import pool, tokenize

    words = tokenize(text)
    return words, pool(words, encoding.offsets, encoding.tokens)


def build_view(hypothesis: str, references: tuple[str, ...], hyp_encoding, ref_encodings,
               source: Source | str | None = None, lang: str = "en", words_of=pooled_words,
               calibration: Calibration | None = None, similarity: float | None = None,
               chrf: float | None = None, sentences=None, glossary: Glossary | None = None,
               parser=None) -> SegmentView:
    """Return the detectors' view of a segment from its texts and their Encodings.

    ``words_of`` is ``pooled_words`` or a memo of it: a batch run pools each distinct text once,
    however many segments share it (a reference shared by several MT systems). ``sentences``
    are the translation's sentences, as split once for the whole run.
    """
    from .wordalign import align_words

    hyp_words, hyp_vectors = words_of(hypothesis, hyp_encoding)
    refs = [words_of(r, e) for r, e in zip(references, ref_encodings)]
    ref_words = tuple(w for w, _ in refs)
    matches = align_words(hyp_words, hyp_vectors, ref_words, tuple(v for _, v in refs))
    if isinstance(source, str):
        source = Source(source, lang) if source else None
    return SegmentView(hypothesis, references, hyp_words, ref_words, matches,
                       hyp_encoding.offsets, source, lang, calibration or default_calibration(),
                       similarity, chrf, None if sentences is None else tuple(x.start for x in sentences),
                       glossary, *_roles(parser, hypothesis, hyp_words, references, ref_words))


def _roles(parser, hypothesis: str, hyp_words, references, ref_words) -> tuple:
    """Return (translation roles, reference roles) from a parser, or (None, None) without one."""
    if parser is None:
        return None, None
    return parser.roles(hypothesis, hyp_words), tuple(parser.roles(r, ws) for r, ws in zip(references, ref_words))
