"""Orchestration: read -> segment -> align -> embed -> score -> detect -> RunResult."""
from __future__ import annotations

import datetime as _dt
import gc
import heapq
import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from . import __version__
from .align import Link
from .by_sentence import (detect_pieces, encode_pieces, mean_cosine, pair_segments, piece_views,
                          unrelated_as_a_whole)
from .calibration import default_calibration, read_calibration
from .decisions import flag_key, read_decisions
from .detect import build_view, detect
from .detect.base import pooled_words
from .embed import CachingEmbedder, Embedder, Encoding, load_model
from .errors import InputError, UsageError
from .io import Record, read_jsonl, read_text
from .io.jsonl import iter_jsonl
from .io.bilingual import pair_units
from .io.inputs import BATCH_FORMATS, Job, expand_all
from .io.tsv import read_tsv
from .metrics import LexicalMetrics, SegmentStatistics, StatisticsSum
from .results import (
    CorpusScores, DocumentResult, Flag, RunResult, Scores, Segment, SegmentResult, Severity,
    StreamSummary, SystemResult,
)
from .segment import Sentence, split_lines, split_sentences
from .sentence_pairs import SentencePair, align_sentences, candidates, text_of
from .similarity import best_cosine, best_counterpart, rescale, similarity_baseline
from .settings import Settings
from .words import load_frequencies

# Segments are encoded and checked a chunk at a time; a chunk's token vectors are then let go.
# Fewer, larger chunks encode faster (each encode call sorts its texts by length once); the
# character budget keeps a chunk of long texts to about 100,000 tokens (150 MB of vectors).
CHUNK = 1024
CHUNK_CHARS = 400_000


def check(
    translation: str | Path | Sequence[str | Path],
    references: Sequence[str | Path] = (),
    *,
    source: str | Path | None = None,
    settings: Settings = Settings(),
    embedder: Embedder | None = None,
    input_format: str | None = None,
    progress: bool = False,
    client=None,
) -> RunResult:
    """Check translation files against their references and return what was found.

    ``translation`` is a document (text, XLIFF, TMX, PO, SRT; needs references), a batch (JSONL
    or TSV, carrying its own references), a directory or glob of them, or a list of these. Every
    input is read and checked before the model is loaded, so bad input fails at once.
    """
    paths = [Path(translation)] if isinstance(translation, (str, Path)) else [Path(t) for t in translation]
    jobs = expand_all(paths, [Path(r) for r in references], input_format)
    loaded = [_load(job, source, settings) for job in jobs]
    if client is not None:  # a Dask client: workers check the batches
        if any(mode != "batch" for mode, _, _ in loaded):
            raise UsageError("--dask and --workers check batches (JSONL, TSV); documents are checked locally")
        from .distributed import check_batches_distributed

        return check_batches_distributed(
            [(str(job.translation), payload) for job, (_, payload, _) in zip(jobs, loaded)], client, settings)
    run = Run(settings, embedder, progress)
    documents = []
    for job, (mode, payload, notes) in zip(jobs, loaded):
        vocabulary = None
        if mode == "document":
            hyp, refs, src = payload
            units = run.align_document(str(job.translation), hyp, [str(r) for r in job.references], refs, src)
            # sentences are not aligned to the source: its words only keep names and numbers
            # of the source from being called invented
            vocabulary = None if settings.line_aligned else src
        else:
            units = [_segment_of(r) for r in payload]
        documents.append(run.document(str(job.translation), tuple(str(r) for r in job.references),
                                      units, mode, tuple(notes), vocabulary))
    return run.finish(documents)


STREAM_WORST = 5  # worst segments a streamed document remembers, for the gate's verdict


@dataclass(frozen=True)
class ModelName:
    """Stand in for the embedder where only its name is needed (the Dask driver loads no model)."""

    name: str


def check_stream(
    translation: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    settings: Settings = Settings(),
    embedder: Embedder | None = None,
    input_format: str | None = None,
    progress: bool = False,
) -> RunResult:
    """Check JSONL batches of any size in bounded memory, writing each segment's result as it comes.

    Every segment's JSON (as in the JSON report, plus its "document") goes to ``output`` as one
    line; the file appears whole when the run ends, or not at all. The returned RunResult keeps
    no segments, only each document's scores, flag counts and worst segments.
    """
    paths = [Path(translation)] if isinstance(translation, (str, Path)) else [Path(t) for t in translation]
    jobs = expand_all(paths, [], input_format)
    for job in jobs:
        if job.format != "jsonl":
            raise UsageError(f"--stream reads JSONL batches; {job.translation} is {job.format}")
    for job in jobs:  # read everything once first: bad input fails before the model loads
        for _ in iter_jsonl(job.translation):
            pass
    from .report import atomic_file

    run = Run(settings, embedder, progress)
    with atomic_file(output) as out:
        documents = [_stream_document(run, job, out, str(output)) for job in jobs]
    return run.finish(documents)


def _stream_document(run: "Run", job: Job, out, output: str) -> DocumentResult:
    """Check one batch chunk by chunk, writing results out and keeping only aggregates."""
    total, similarity_sum, before = StatisticsSum(), 0.0, run.suppressed
    counts = {s.value: 0 for s in Severity}
    worst: list[tuple[float, int, str, int, int]] = []  # a min-heap of the worst segments
    systems = SystemTally()
    for chunk in chunks(_segment_of(r) for r in iter_jsonl(job.translation)):
        segments, stats = run.check_segments(chunk)
        for seg, st in zip(segments, stats):
            out.write(json.dumps({"document": str(job.translation), **seg.to_dict()}, ensure_ascii=False) + "\n")
            total.add(st)
            systems.add(seg, st)
            similarity_sum += seg.scores.similarity
            for f in seg.flags:
                counts[f.severity.value] += 1
            # ties go to the earlier segment: it has the larger (less negative) position key
            entry = (seg.scores.penalty, -total.segments, seg.id, seg.line, len(seg.flags))
            if len(worst) < STREAM_WORST:
                heapq.heappush(worst, entry)
            else:
                heapq.heappushpop(worst, entry)
    ranked = tuple((sid, line, penalty, flags) for penalty, _, sid, line, flags in sorted(worst, reverse=True))
    return DocumentResult(str(job.translation), (), (), run._corpus(total, similarity_sum), "batch", (),
                          run.suppressed - before, StreamSummary(output, total.segments, counts, ranked),
                          systems.results(run._scores))


@dataclass
class _SystemSums:
    """What one MT system's segments add up to so far."""

    statistics: StatisticsSum
    similarity: float = 0.0
    penalty: float = 0.0
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Severity})


class SystemTally:
    """Sum each MT system's statistics, similarity, penalty and flag counts, segment by segment.

    A batch record names its system in a "system" field; records without one form a group of
    their own. Only sums are kept, so a streamed batch is tallied in bounded memory too.
    """

    def __init__(self) -> None:
        self.sums: dict[str, _SystemSums] = {}

    def add(self, segment: SegmentResult, statistics: SegmentStatistics) -> None:
        """Count one checked segment towards its system."""
        sums = self.sums.setdefault(str(segment.extra.get("system", "")), _SystemSums(StatisticsSum()))
        sums.statistics.add(statistics)
        sums.similarity += segment.scores.similarity
        sums.penalty += segment.scores.penalty
        for f in segment.flags:
            sums.counts[f.severity.value] += 1

    def results(self, scores) -> tuple[SystemResult, ...]:
        """Return each system's figures, lowest mean penalty first; none for fewer than two systems.

        ``scores`` turns summed statistics and a similarity sum into corpus scores (Run._scores),
        so that a system's BLEU and chrF come from its own corpus statistics, as a document's do.
        """
        if len(self.sums) < 2:
            return ()
        systems = [SystemResult(name or "(no system)", sums.statistics.segments,
                                scores(sums.statistics, sums.similarity), sums.counts,
                                sums.penalty / sums.statistics.segments)
                   for name, sums in self.sums.items()]
        return tuple(sorted(systems, key=lambda r: (r.penalty, r.name)))


def chunks(units: Iterable[Segment], size: int = CHUNK, chars: int = CHUNK_CHARS) -> Iterator[list[Segment]]:
    """Yield the units in order, in lists of at most ``size`` units and about ``chars`` characters."""
    chunk: list[Segment] = []
    held = 0
    for u in units:
        length = len(u.hypothesis) + sum(map(len, u.references))
        if chunk and (len(chunk) >= size or held + length > chars):
            yield chunk
            chunk, held = [], 0
        chunk.append(u)
        held += length
    if chunk:
        yield chunk


def _load(job: Job, source, settings: Settings):
    """Read one job's files: ('document', texts, notes) or ('batch'|'units', records, notes)."""
    if job.format in BATCH_FORMATS:
        if job.references:
            raise UsageError(f"a {job.format.upper()} batch carries its own references; drop --reference")
        records = read_jsonl(job.translation) if job.format == "jsonl" else read_tsv(job.translation)
        return "batch", records, []
    if not job.references:
        raise UsageError("a document needs at least one --reference file")
    if job.format == "text":
        texts = (read_text(job.translation), [read_text(r) for r in job.references],
                 read_text(source) if source is not None else None)
        return "document", texts, []
    if job.format not in ("xliff", "tmx", "po", "srt"):
        raise UsageError(f"unknown input format {job.format!r}")
    records, notes = pair_units(str(job.translation), job.format, [str(r) for r in job.references])
    return "units", records, notes


def _segment_of(record: Record) -> Segment:
    """Return the segment to check for a batch record or translation unit."""
    return Segment(record.id, record.hypothesis, record.references, 0, record.line, 1, "1-1",
                   record.source, record.extra)


def check_records(records: Sequence[Record], *, settings: Settings = Settings(),
                  embedder: Embedder | None = None, name: str = "<batch>") -> RunResult:
    """Check in-memory batch records (as read from JSONL) and return what was found."""
    run = Run(settings, embedder)
    return run.finish([run.document(name, (), [_segment_of(r) for r in records], "batch")])


class Run:
    """One check run: the model, the metrics and the baseline, shared by all its documents."""

    @classmethod
    def without_model(cls, settings: Settings, model_name: str, baseline: float) -> "Run":
        """Return a run that only gathers results checked elsewhere (by Dask workers)."""
        run = cls.__new__(cls)
        run.settings, run.progress = settings, False
        run.calibration = (read_calibration(settings.calibration) if settings.calibration
                           else default_calibration())
        run.decisions, run.suppressed = None, 0
        run.embedder = ModelName(model_name)
        run.baseline = baseline
        run.metrics = LexicalMetrics(ter=settings.ter)
        run.totals, run.similarity_sum = StatisticsSum(), 0.0
        return run

    def __init__(self, settings: Settings, embedder: Embedder | None = None, progress: bool = False):
        self.settings = settings
        self.progress = progress
        # read the calibration before loading the model, so that a bad file fails at once
        self.calibration = (read_calibration(settings.calibration) if settings.calibration
                            else default_calibration())
        self.decisions = read_decisions(settings.decisions) if settings.decisions else None
        self.suppressed = 0
        # the detectors' word list is loaded with the model, not at the first segment
        load_frequencies(settings.lang)
        inner = embedder or load_model(settings.model, settings.batch_size, settings.backend)
        if settings.disk_cache:
            from .embed.cache import DiskCachedEmbedder, cache_dir

            inner = DiskCachedEmbedder(inner, cache_dir() / "embeddings.sqlite")
        self.embedder = CachingEmbedder(inner)
        self.baseline = similarity_baseline(self.embedder)
        self.metrics = LexicalMetrics(ter=settings.ter)
        self.totals = StatisticsSum()  # the run's sacrebleu statistics, summed for corpus scores
        self.similarity_sum = 0.0

    # --- alignment -------------------------------------------------------------------------
    def align_document(self, name: str, hyp: str, ref_names: list[str], refs: list[str],
                       source: str | None) -> list[Segment]:
        """Split a document and its references into aligned units."""
        if self.settings.line_aligned:
            return self._align_lines(name, hyp, ref_names, refs, source)
        hyp_sents = split_sentences(hyp, self.settings.lang)
        ref_sents = [split_sentences(r, self.settings.lang) for r in refs]
        links = self._align(hyp, hyp_sents, refs[0], ref_sents[0])
        units = []
        for n, link in enumerate(links, start=1):
            first_ref = text_of(refs[0], ref_sents[0], link.ref_start, link.ref_end)
            if link.hyp_start == link.hyp_end:  # a reference sentence nobody translated
                at = hyp_sents[link.hyp_start - 1] if link.hyp_start else None
                offset = at.end if at else 0
                line, col = (at.line, at.column + at.end - at.start) if at else (1, 1)
                units.append(Segment(f"s{n}", "", (first_ref,), offset, line, col, link.kind))
                continue
            s = hyp_sents[link.hyp_start]
            text = text_of(hyp, hyp_sents, link.hyp_start, link.hyp_end)
            others = [self._extra_reference(text, refs[k], ref_sents[k]) for k in range(1, len(refs))]
            units.append(Segment(f"s{n}", text,
                              tuple(r for r in [first_ref, *others] if r),
                              s.start, s.line, s.column, link.kind))
        return units

    def _align(self, hyp: str, hyp_sents: list[Sentence], ref: str, ref_sents: list[Sentence]) -> list[Link]:
        """Align the sentences of a translation with those of one reference."""
        texts = candidates(hyp, hyp_sents) + candidates(ref, ref_sents)
        vectors = {t: e.sentence for t, e in zip(texts, self.embedder.encode(texts))}
        return align_sentences(hyp, hyp_sents, ref, ref_sents, vectors)

    def _extra_reference(self, text: str, ref: str, ref_sents: list[Sentence]) -> str:
        """Return the sentences of a further reference that best render one translation unit."""
        options = candidates(ref, ref_sents)
        vectors = {t: e.sentence for t, e in zip([text] + options, self.embedder.encode([text] + options))}
        return best_counterpart(text, options, vectors)

    def _align_lines(self, name, hyp, ref_names, refs, source) -> list[Segment]:
        """Pair line n of the translation with line n of each reference (and of the source)."""
        hyp_lines = hyp.split("\n")
        texts = [(ref_name, r.split("\n")) for ref_name, r in zip(ref_names, refs)]
        if source is not None:
            texts.append(("source", source.split("\n")))
        for other, lines in texts:
            a, b = _count_lines(hyp_lines), _count_lines(lines)
            if a != b:
                raise InputError(
                    f"has {a} lines but {other} has {b}; line-aligned mode needs one line per "
                    "segment in every file (or drop --line-aligned to align sentences)",
                    name, min(a, b) + 1)
        src_lines = source.split("\n") if source is not None else None
        units = []
        for unit in split_lines(hyp):
            n = unit.line - 1
            refs_here = tuple(r.split("\n")[n].strip() for r in refs)
            units.append(Segment(str(unit.line), hyp[unit.start:unit.end],
                              tuple(r for r in refs_here if r), unit.start, unit.line, unit.column,
                              "1-1", src_lines[n] if src_lines else None))
        return units

    # --- scoring and detection -----------------------------------------------------------
    def document(self, name: str, ref_names: tuple[str, ...], units: list[Segment],
                 mode: str = "document", notes: tuple[str, ...] = (),
                 vocabulary: str | None = None) -> DocumentResult:
        """Score and check the units of one document; ``vocabulary`` is a whole source text."""
        before = self.suppressed
        segments: list[SegmentResult] = []
        stats: list[SegmentStatistics] = []
        with self._progress(len(units), name) as advance:
            # chunk by chunk, so that only one chunk's token vectors are in memory at a time
            for chunk in chunks(units):
                part_segments, part_stats = self.check_segments(chunk, vocabulary)
                segments += part_segments
                stats += part_stats
                advance(len(part_segments))
        return self.document_result(name, ref_names, segments, stats, mode, notes, self.suppressed - before)

    def check_segments(self, units: Sequence[Segment], vocabulary: str | None = None):
        """Score and check some segments; return their results and their sacrebleu statistics."""
        with _collector_paused():
            return self._check_segments(units, vocabulary)

    def _check_segments(self, units: Sequence[Segment], vocabulary: str | None = None):
        """Score and check some segments, the collector paused (see check_segments)."""
        stats = [self.metrics.statistics(u.hypothesis, u.references or ("",)) for u in units]
        # through the run's cache: most sentences are then checked on their own
        pairs = pair_segments([(u.hypothesis, u.references) for u in units], self.embedder,
                              self.settings.lang)
        # a unit checked sentence by sentence needs no encoding of its own (by_sentence.py)
        texts = list(dict.fromkeys([u.hypothesis for u, p in zip(units, pairs) if not p]
                                   + [r for u, p in zip(units, pairs) if not p for r in u.references]))
        encoded = dict(zip(texts, self.embedder.encode(texts)))
        pooled: dict[str, tuple] = {}  # each distinct text's words and word vectors, once

        def words_of(text: str, encoding: Encoding):
            if text not in pooled:
                pooled[text] = pooled_words(text, encoding)
            return pooled[text]

        return [self._segment(u, s, encoded, vocabulary, words_of, p)
                for u, s, p in zip(units, stats, pairs)], stats

    def document_result(self, name: str, ref_names: tuple[str, ...], segments: Sequence[SegmentResult],
                        stats: Sequence[SegmentStatistics], mode: str, notes: tuple[str, ...] = (),
                        suppressed: int = 0) -> DocumentResult:
        """Return a document's result from its checked segments; their statistics join the run's."""
        total, systems = StatisticsSum(), SystemTally()
        for seg, st in zip(segments, stats):
            total.add(st)
            systems.add(seg, st)
        similarity = sum(s.scores.similarity for s in segments)
        return DocumentResult(name, ref_names, tuple(segments), self._corpus(total, similarity), mode,
                              notes, suppressed, systems=systems.results(self._scores))

    def _corpus(self, total: StatisticsSum, similarity_sum: float) -> CorpusScores:
        """Return a document's corpus scores from its summed statistics; add them to the run's."""
        self.totals.merge(total)
        self.similarity_sum += similarity_sum
        return self._scores(total, similarity_sum)

    def _scores(self, total: StatisticsSum, similarity_sum: float) -> CorpusScores:
        """Return corpus scores from summed statistics and the sum of segment similarities."""
        if not total.segments:
            return CorpusScores(0.0, 0.0, 0.0)
        lex = self.metrics.sum_scores(total)
        return CorpusScores(lex.bleu, lex.chrf, similarity_sum / total.segments, lex.ter)

    @contextmanager
    def _progress(self, total: int, label: str):
        """Yield a function that advances a progress bar on stderr, when it is a terminal."""
        if not (self.progress and sys.stderr.isatty() and total > CHUNK):
            yield lambda n: None
            return
        import click

        with click.progressbar(length=total, label=f"Checking {label}", file=sys.stderr) as bar:
            yield bar.update

    def _segment(self, u: Segment, stats: SegmentStatistics, encoded: dict[str, Encoding],
                 vocabulary: str | None = None, words_of=pooled_words,
                 pairs: tuple[SentencePair, ...] = ()) -> SegmentResult:
        """Score one unit and run the detectors on it, sentence by sentence if it has ``pairs``."""
        if not u.hypothesis.strip() or not u.references:
            return self._unmatched(u)
        lex = self.metrics.sentence_scores(stats)
        pieces = encode_pieces(u.hypothesis, pairs, self.embedder) if pairs else []
        # a paragraph checked by sentence is not encoded whole
        cosine = (mean_cosine(pieces) if pieces
                  else best_cosine(encoded[u.hypothesis], [encoded[r] for r in u.references]))
        similarity = rescale(cosine, self.baseline)
        source = u.source or vocabulary
        if pieces and not unrelated_as_a_whole(similarity, self.calibration):
            found = detect_pieces(piece_views(pieces, source, self.settings.lang, self.calibration,
                                              self.baseline, self.metrics))
        else:  # one sentence, or a text unrelated as a whole, which one flag says
            if pieces:
                encoded = dict(zip((u.hypothesis, *u.references),
                                   self.embedder.encode([u.hypothesis, *u.references])))
            found = detect(build_view(u.hypothesis, u.references, encoded[u.hypothesis],
                                      [encoded[r] for r in u.references], source,
                                      self.settings.lang, words_of=words_of, calibration=self.calibration,
                                      similarity=similarity, chrf=lex.chrf))
        flags = self._decide(u.hypothesis, found)
        scores = Scores(lex.chrf, lex.bleu, similarity, cosine, lex.ter,
                        self.calibration.penalty(flags, similarity))
        return SegmentResult.of(u, scores, flags)

    def _unmatched(self, u: Segment) -> SegmentResult:
        """Return a segment whose translation or reference is missing, flagged as such."""
        if not u.hypothesis.strip():
            flag = Flag(0, 0, "", Severity.MAJOR, "omission",
                        "this reference sentence has no counterpart in the translation",
                        0.7, u.references[0] if u.references else None, "align")
        else:
            flag = Flag(0, len(u.hypothesis), u.hypothesis, Severity.MAJOR, "unaligned",
                        "no reference sentence matches this sentence; it may be an addition or misplaced",
                        0.6, None, "align")
        flags = self._decide(u.hypothesis, (flag,))
        # nothing to compare: lexical scores are 0 and TER (an edit rate) is 100
        similarity = rescale(0.0, self.baseline)
        scores = Scores(0.0, 0.0, similarity, 0.0, 100.0 if self.settings.ter else None,
                        self.calibration.penalty(flags, similarity))
        return SegmentResult.of(u, scores, flags)

    def _decide(self, hypothesis: str, flags: tuple[Flag, ...]) -> tuple[Flag, ...]:
        """Give flags their keys, drop those an editor dismissed and mark those confirmed."""
        kept = []
        for f in flags:
            key = flag_key(hypothesis, f.start, f.end, f.kind, f.suggestion)
            decision = self.decisions.of(key) if self.decisions else None
            if decision == "dismissed":
                self.suppressed += 1
                continue
            kept.append(replace(f, key=key, decision=decision))
        return tuple(kept)

    def finish(self, documents: list[DocumentResult]) -> RunResult:
        """Return the run's result with batch-level scores and the metadata that reproduces it."""
        corpus = self._scores(self.totals, self.similarity_sum)
        signatures = self.metrics.signatures()
        model = self.calibration.risk_model
        meta = {
            "mtcheck_version": __version__,
            "model": self.embedder.name,
            "similarity_baseline": round(self.baseline, 4),
            "calibration": self.calibration.id,
            "thresholds": {"major_below": self.calibration.major_below,
                           "minor_below": self.calibration.minor_below,
                           "word_risk_at": model.major_at if model else None,
                           "word_risk_minor_at": model.minor_at if model else None,
                           "unrelated_below": self.calibration.unrelated_below},
            "decisions": self.settings.decisions,
            "suppressed": self.suppressed,
            "lang": self.settings.lang,
            "alignment": "lines" if self.settings.line_aligned else "sentences",
            "signature": signature(self.embedder.name, self.baseline, self.settings),
            "sacrebleu": signatures,
            "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "warnings": [w for w in [self.calibration.model_warning(self.embedder.name)] if w],
        }
        return RunResult(tuple(documents), corpus, meta)


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while a chunk of segments is checked.

    A chunk makes some hundred thousand short-lived objects (words, matches, findings). Each of
    them counts towards the collector's next pass, and every full pass walks the half million
    objects of the loaded model and its libraries: about 0.3 s of a 2,000-segment run. These
    objects hold no reference cycles, so reference counting frees them anyway. The collector
    resumes, as it was, after the chunk (as timeit does around what it times).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def signature(model: str, baseline: float, settings: Settings) -> str:
    """Return mtcheck's reproducibility signature, in sacrebleu's key:value|... style."""
    align_mode = "lines" if settings.line_aligned else "sentences"
    return (f"mtcheck:{__version__}|model:{model}|sim:rescaled(b={baseline:.4f})|"
            f"lang:{settings.lang}|align:{align_mode}")


def _count_lines(lines: list[str]) -> int:
    """Return the number of lines, not counting a final empty line after the last newline."""
    return len(lines) - 1 if lines and lines[-1] == "" else len(lines)
