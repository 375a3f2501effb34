"""Check one segment: its views (whole, or sentence by sentence), its flags, its scores.

check_segment() is the one per-segment check. The pipeline calls it for every unit, and the
calibration fit (refit.py) prepares the very same views with prepare_views() and redoes only
find_flags() under each calibration it tries.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from .align.pairs import SentencePair
from .calibration import Calibration
from .decisions import Decisions, flag_key
from .detect import Source, build_view, detect
from .detect.base import SegmentView, pooled_words
from .embed.base import Embedder, Encoding
from .flags import split_hints
from .glossary import Glossary
from .metrics import LexicalMetrics, SegmentStatistics
from .results import Flag, Scores, SegmentResult, Severity
from .sentences import NO_REFERENCE, Segment, shift
from .settings import Settings
from .similarity import best_cosine, rescale


@dataclass(frozen=True)
class Context:
    """What every segment of a run is checked with: settings, calibration, model, metrics, decisions."""

    settings: Settings
    calibration: Calibration
    embedder: Embedder  # a caching one: a text met again is not encoded again
    baseline: float  # the cosine of unrelated sentences (similarity.py)
    metrics: LexicalMetrics
    decisions: Decisions | None = None
    glossary: Glossary | None = None  # the house style, checked with or without a reference
    parser: object | None = None  # syntax.Parser, with --syntax


class Encoded:
    """A chunk's encodings of whole texts, each distinct text's pooled words and each source, made once."""

    def __init__(self, embedder: Embedder, texts: Sequence[str], lang: str):
        self.vectors: dict[str, Encoding] = dict(zip(texts, embedder.encode(texts)))
        self.lang = lang
        self._words: dict[str, tuple] = {}
        self._sources: dict[str, Source] = {}

    def words_of(self, text: str, encoding: Encoding):
        """Return a text's words and word vectors, pooled once however many segments share it."""
        if text not in self._words:
            self._words[text] = pooled_words(text, encoding)
        return self._words[text]

    def source(self, text: str | None) -> Source | None:
        """Return the prepared Source of a source text, once per text (None for none)."""
        if not text:
            return None
        if text not in self._sources:
            self._sources[text] = Source(text, self.lang)
        return self._sources[text]


@dataclass(frozen=True)
class SegmentViews:
    """A segment as the detectors see it: whole, or as (offset, view) of each paired sentence."""

    similarity: float  # rescaled
    cosine: float
    pieces: tuple[tuple[int, SegmentView], ...] = ()
    whole: SegmentView | None = None  # None when the pieces are all that the check needs

    def scored(self) -> tuple[tuple[int, SegmentView], ...]:
        """Return (offset, view) of what the word model scores: the sentences, or the whole segment."""
        return self.pieces or ((0, self.whole),)


def unrelated_as_a_whole(similarity: float, calibration: Calibration) -> bool:
    """Return True if a segment is below the unrelated cut-off: one flag says so of the whole."""
    cut = calibration.unrelated_below
    return cut is not None and similarity < cut


def _encode_pieces(unit: Segment, pairs: Sequence[SentencePair], context: Context) -> tuple[float, list]:
    """Encode each paired sentence of a segment with what the references say in its place;
    return the segment's cosine and each piece (pair, text, encodings, cosine).

    The segment's cosine is its pieces', weighted by their lengths, as document mode's mean
    similarity is of its segments': the whole paragraph then needs no encoding of its own (a
    batch of paragraphs is checked 2.4 times as fast; on the 842 MQM segments checked so, the
    penalty's Kendall tau against MQM is 0.362 against 0.365 with its own vector).
    """
    hypothesis = unit.hypothesis
    texts = list(dict.fromkeys(t for p in pairs for t in (hypothesis[p.start:p.end], *p.references)))
    encoded = dict(zip(texts, context.embedder.encode(texts)))
    pieces = []
    for p in pairs:
        text = hypothesis[p.start:p.end]
        hyp, refs = encoded[text], [encoded[r] for r in p.references]
        pieces.append((p, text, hyp, refs, best_cosine(hyp, refs)))
    cosine = sum(len(text) * c for _, text, _, _, c in pieces) / sum(len(text) for _, text, _, _, _ in pieces)
    return cosine, pieces


def prepare_views(unit: Segment, pairs: Sequence[SentencePair], encoded: Encoded, context: Context,
                  source: Source | None, chrf: float, every: bool = False) -> SegmentViews:
    """Return the views of a split segment that has a translation and references.

    The check needs the sentences' views, or the whole segment's (one sentence, or a text
    unrelated as a whole); ``every`` asks for both, for a fit that tries other cut-offs.
    """
    calibration, lang = context.calibration, context.settings.lang
    pieces: list = []
    if pairs:
        cosine, pieces = _encode_pieces(unit, pairs, context)
    else:
        cosine = best_cosine(encoded.vectors[unit.hypothesis], [encoded.vectors[r] for r in unit.references])
    similarity = rescale(cosine, context.baseline)
    by_piece = bool(pieces) and not unrelated_as_a_whole(similarity, calibration)
    piece_views = tuple(
        (p.start, build_view(text, p.references, hyp, refs, source, lang, calibration=calibration,
                             similarity=rescale(c, context.baseline),
                             chrf=context.metrics.sentence(text, p.references).chrf,
                             sentences=shift(unit.sentences, p.start, p.end), glossary=context.glossary,
                             parser=context.parser))
        for p, text, hyp, refs, c in pieces) if by_piece or (every and pieces) else ()
    view = None
    if every or not by_piece:
        vectors = encoded.vectors
        if unit.hypothesis not in vectors or any(r not in vectors for r in unit.references):
            vectors = dict(zip((unit.hypothesis, *unit.references),
                               context.embedder.encode([unit.hypothesis, *unit.references])))
        view = build_view(unit.hypothesis, unit.references, vectors[unit.hypothesis],
                          [vectors[r] for r in unit.references], source, lang,
                          words_of=encoded.words_of, calibration=calibration, similarity=similarity,
                          chrf=chrf, sentences=unit.sentences, glossary=context.glossary, parser=context.parser)
    return SegmentViews(similarity, cosine, piece_views, view)


def find_flags(views: SegmentViews, calibration: Calibration) -> tuple[Flag, ...]:
    """Run the detectors under a calibration: on each sentence at its offset, or on the whole."""
    def under(view: SegmentView) -> SegmentView:
        return view if view.calibration is calibration else replace(view, calibration=calibration)

    if views.pieces and not unrelated_as_a_whole(views.similarity, calibration):
        return tuple(replace(f, start=f.start + at, end=f.end + at)
                     for at, view in views.pieces for f in detect(under(view)))
    return detect(under(views.whole))


def apply_decisions(hypothesis: str, flags: Sequence[Flag], decisions: Decisions | None) -> tuple[tuple[Flag, ...], int]:
    """Give flags their keys, drop those an editor dismissed and mark those confirmed; count the dropped."""
    kept, dropped = [], 0
    for f in flags:
        key = flag_key(hypothesis, f.start, f.end, f.kind, f.suggestion)
        decision = decisions.of(key) if decisions else None
        if decision == "dismissed":
            dropped += 1
            continue
        kept.append(replace(f, key=key, decision=decision))
    return tuple(kept), dropped


def house_style_of(unit: Segment, context: Context) -> tuple[Flag, ...]:
    """Return the flags of glossary renderings missing from a segment whose source is its own."""
    if context.glossary is None or not unit.source:
        return ()
    from .detect.glossary import missing_renderings

    return missing_renderings(unit.hypothesis, unit.source, context.glossary, context.settings.lang)


def check_segment(unit: Segment, stats: SegmentStatistics, pairs: Sequence[SentencePair], encoded: Encoded,
                  context: Context, source: Source | None) -> SegmentResult:
    """Score one split segment and run the detectors on it, sentence by sentence if it has ``pairs``."""
    if unit.alignment == NO_REFERENCE:
        return check_alone(unit, context, source)
    if not unit.hypothesis.strip() or not unit.references:
        return _unmatched(unit, context)
    lex = context.metrics.sentence_scores(stats)
    views = prepare_views(unit, pairs, encoded, context, source, lex.chrf)
    found = sorted(find_flags(views, context.calibration) + house_style_of(unit, context), key=lambda f: f.start)
    flags, dropped = apply_decisions(unit.hypothesis, found, context.decisions)
    scores = Scores(lex.chrf, lex.bleu, views.similarity, views.cosine, lex.ter,
                    context.calibration.penalty(flags, views.similarity))
    shown, hints = split_hints(flags, context.settings.hints)
    return SegmentResult.of(unit, with_quality(scores, flags, unit, context), shown, dropped, hints)


def with_quality(scores: Scores, flags: Sequence[Flag], unit: Segment, context: Context) -> Scores:
    """Return the scores with the segment's quality, from them and its flags (None without a reference)."""
    reference = unit.references[0] if unit.references else ""
    return replace(scores, quality=context.calibration.quality_of(scores, flags, unit.hypothesis, reference))


def with_flags(result: SegmentResult, flags: Sequence[Flag], context: Context) -> SegmentResult:
    """Return a checked segment with more flags (found over its whole document), decided and scored."""
    added, dropped = apply_decisions(result.hypothesis, flags, context.decisions)
    every = tuple(sorted(result.flags + result.hints + added, key=lambda f: f.start))
    scores = replace(result.scores, penalty=context.calibration.penalty(every, result.scores.similarity))
    shown, hints = split_hints(every, context.settings.hints)
    return replace(result, flags=shown, hints=hints, scores=with_quality(scores, every, result, context),
                   suppressed=result.suppressed + dropped)


def check_alone(unit: Segment, context: Context, source: Source | None) -> SegmentResult:
    """Check a segment without a reference: only the detectors that need none run; no scores."""
    from .detect import REFERENCE_FREE

    found = sorted(_alone(unit, context, source, REFERENCE_FREE) + house_style_of(unit, context), key=lambda f: f.start)
    flags, dropped = apply_decisions(unit.hypothesis, found, context.decisions)
    scores = Scores(None, None, None, None, None, context.calibration.penalty(flags, None))
    return SegmentResult.of(unit, scores, flags, dropped)


def _alone(unit: Segment, context: Context, source: Source | None, detectors) -> tuple[Flag, ...]:
    """Return the flags of some detectors that need no reference, on a segment seen without one."""
    from .words import tokenize

    words = tokenize(unit.hypothesis)
    view = SegmentView(unit.hypothesis, (), words, (), (None,) * len(words), (), source, context.settings.lang,
                       context.calibration, sentence_starts=tuple(s.start for s in unit.sentences or ()) or None,
                       glossary=context.glossary)
    return detect(view, detectors)


def _unmatched(unit: Segment, context: Context) -> SegmentResult:
    """Return a segment whose translation or reference is missing, flagged as such."""
    if not unit.hypothesis.strip():
        flag = Flag(0, 0, "", Severity.MAJOR, "omission",
                    "this reference sentence has no counterpart in the translation",
                    0.7, unit.references[0] if unit.references else None, "align")
    else:
        flag = Flag(0, len(unit.hypothesis), unit.hypothesis, Severity.MAJOR, "unaligned",
                    "no reference sentence matches this sentence; it may be an addition or misplaced",
                    0.6, None, "align")
    found = (flag,)
    if unit.hypothesis.strip() and context.glossary is not None:  # the house style needs no counterpart
        from .detect.glossary import GLOSSARY

        found += _alone(unit, context, None, (GLOSSARY,))
    flags, dropped = apply_decisions(unit.hypothesis, found, context.decisions)
    # nothing to compare: lexical scores are 0 and TER (an edit rate) is 100
    similarity = rescale(0.0, context.baseline)
    scores = Scores(0.0, 0.0, similarity, 0.0, 100.0 if context.settings.ter else None,
                    context.calibration.penalty(flags, similarity))
    return SegmentResult.of(unit, with_quality(scores, flags, unit, context), flags, dropped)
