"""Frozen result dataclasses of a check, and their JSON-ready dictionaries."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Mapping

from .flags import Flag, Severity
from .sentences import Segment

JSON_SCHEMA_VERSION = "1.7"
# decimals kept in the JSON report, and compared by the gate at that precision
CHRF_PLACES = 2
SIMILARITY_PLACES = 4
QUALITY_PLACES = 1
UNRATED = 101.0  # where a segment or document without a quality sorts: after every quality


@dataclass(frozen=True)
class Scores:
    """Sentence-level scores of one segment (sacrebleu's 0-100 scale; similarity about -1..1).

    Without a reference, only the penalty is known: the scores that compare with a reference
    are None, and absent from the JSON, never 0.
    """

    chrf: float | None
    bleu: float | None
    similarity: float | None
    cosine: float | None
    ter: float | None = None
    penalty: float = 0.0  # higher is worse: weighted flags plus lost similarity (calibration.py)
    # 0-100, higher is better: the chance that raters find no major error (calibration/quality.py)
    quality: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as a JSON-ready dictionary."""
        return {"penalty": round(self.penalty, 3), **_present(
            quality=(self.quality, QUALITY_PLACES), chrf=(self.chrf, CHRF_PLACES), bleu=(self.bleu, 2),
            similarity=(self.similarity, SIMILARITY_PLACES), cosine=(self.cosine, 4), ter=(self.ter, 2))}


def _present(**values: tuple[float | None, int]) -> dict[str, float]:
    """Return the values that are known, rounded to their places; unknown ones are left out."""
    return {k: round(v, places) for k, (v, places) in values.items() if v is not None}


def worst_first_key(rank: int, quality: float | None, penalty: float) -> tuple:
    """Return a key sorting segments worst first: worst flag's rank, lowest quality, highest penalty."""
    return (-rank, UNRATED if quality is None else quality, -penalty)


@dataclass(frozen=True, kw_only=True)
class SegmentResult(Segment):
    """A checked segment: its scores and what was found in it."""

    scores: Scores
    flags: tuple[Flag, ...]
    suppressed: int = 0  # flags an editor dismissed before, not raised again
    hints: tuple[Flag, ...] = ()  # weak evidence the scores count but no editor is shown (Settings.hints)

    @classmethod
    def of(cls, segment: Segment, scores: Scores, flags: tuple[Flag, ...], suppressed: int = 0,
           hints: tuple[Flag, ...] = ()) -> "SegmentResult":
        """Return the result for a segment."""
        return cls(**{f.name: getattr(segment, f.name) for f in fields(Segment)},
                   scores=scores, flags=flags, suppressed=suppressed, hints=hints)

    @property
    def worst(self) -> Severity | None:
        """Return the most severe flag's severity, or None if the segment is clean."""
        if not self.flags:
            return None
        return max((f.severity for f in self.flags), key=lambda s: s.rank)

    @property
    def worst_first_key(self) -> tuple:
        """Return a key that sorts segments worst first (worst_first_key())."""
        return worst_first_key(self.worst.rank if self.worst else 0, self.scores.quality, self.scores.penalty)

    def position(self, flag: Flag) -> tuple[int, int]:
        """Return the 1-based (line, column) of a flag in the input file."""
        before = self.hypothesis[: flag.start]
        newlines = before.count("\n")
        if newlines:
            return self.line + newlines, len(before) - before.rfind("\n")
        return self.line, self.column + flag.start

    def to_dict(self) -> dict[str, Any]:
        """Return the segment as a JSON-ready dictionary."""
        out: dict[str, Any] = {
            "id": self.id,
            "hypothesis": self.hypothesis,
            "references": list(self.references),
        }
        if self.source is not None:
            out["source"] = self.source
        out.update(
            {
                "offset": self.offset,
                "line": self.line,
                "column": self.column,
                "alignment": self.alignment,
                "scores": self.scores.to_dict(),
                "flags": [f.to_dict() for f in self.flags],
            }
        )
        if self.extra:
            out["extra"] = dict(self.extra)
        return out


@dataclass(frozen=True)
class CorpusScores:
    """Corpus BLEU and chrF from sacrebleu's corpus statistics, with their signatures."""

    bleu: float | None  # None: no segment had a reference
    chrf: float | None
    similarity: float | None
    ter: float | None = None
    quality: float | None = None  # the mean of the segments' quality scores

    def to_dict(self) -> dict[str, Any]:
        """Return the corpus scores as a JSON-ready dictionary (those without a reference left out)."""
        return _present(quality=(self.quality, QUALITY_PLACES), bleu=(self.bleu, 2), chrf=(self.chrf, CHRF_PLACES),
                        similarity=(self.similarity, SIMILARITY_PLACES), ter=(self.ter, 2))


def count_flags(segments: tuple[SegmentResult, ...]) -> dict[str, int]:
    """Count flags by severity, worst first."""
    counts = {s.value: 0 for s in Severity}
    for seg in segments:
        for f in seg.flags:
            counts[f.severity.value] += 1
    return counts


@dataclass(frozen=True)
class SystemResult:
    """One MT system's share of a batch (the records whose "system" field names it)."""

    name: str
    segments: int
    corpus: CorpusScores
    flag_counts: Mapping[str, int]
    penalty: float  # the mean segment penalty: lower is better

    def to_dict(self) -> dict[str, Any]:
        """Return the system's figures as a JSON-ready dictionary."""
        return {"name": self.name, "segment_count": self.segments, "corpus": self.corpus.to_dict(),
                "flag_counts": dict(self.flag_counts), "mean_penalty": round(self.penalty, 3),
                **_present(mean_quality=(self.corpus.quality, QUALITY_PLACES))}


@dataclass(frozen=True)
class StreamSummary:
    """What a streamed document keeps: its segments went to a JSON Lines file as they came."""

    output: str
    segments: int
    flag_counts: Mapping[str, int]
    worst: tuple[tuple, ...] = ()  # (id, line, penalty, flags, quality, worst flag's rank), worst first


@dataclass(frozen=True)
class DocumentResult:
    """The segments of one translation file and its corpus scores."""

    path: str
    references: tuple[str, ...]
    segments: tuple[SegmentResult, ...]
    corpus: CorpusScores
    mode: str = "document"  # "batch": one segment per JSONL/TSV record; "units": XLIFF, TMX, PO, SRT
    notes: tuple[str, ...] = ()  # what was skipped or marked while reading, for the reports
    suppressed: int = 0  # flags dismissed by an editor's earlier decision
    streamed: StreamSummary | None = None  # set when segments were streamed, not kept
    systems: tuple[SystemResult, ...] = ()  # a batch of several MT systems: each one's figures
    # segments per quality, as shown: counted once by the run's tally, kept or streamed alike
    quality_counts: Mapping[float, int] = field(default_factory=dict)
    hints: int = 0  # weak evidence counted in the scores and not shown (Settings.hints)

    @property
    def is_document(self) -> bool:
        """Return True for a text document (flags have line:column), False for records or units."""
        return self.mode == "document"

    @property
    def segment_count(self) -> int:
        """Return how many segments were checked (kept or streamed)."""
        return self.streamed.segments if self.streamed else len(self.segments)

    @property
    def flag_counts(self) -> dict[str, int]:
        """Count this document's flags by severity."""
        return dict(self.streamed.flag_counts) if self.streamed else count_flags(self.segments)

    def to_dict(self) -> dict[str, Any]:
        """Return the document as a JSON-ready dictionary."""
        return {
            "path": self.path,
            "mode": self.mode,
            "references": list(self.references),
            "notes": list(self.notes),
            "suppressed": self.suppressed,
            "segment_count": self.segment_count,
            "streamed_to": self.streamed.output if self.streamed else None,
            "corpus": self.corpus.to_dict(),
            "flag_counts": self.flag_counts,
            "systems": [s.to_dict() for s in self.systems],
            "segments": [s.to_dict() for s in self.segments],
        }


@dataclass(frozen=True)
class RunResult:
    """Everything a check found, with the metadata that makes it reproducible."""

    documents: tuple[DocumentResult, ...]
    corpus: CorpusScores
    meta: Mapping[str, Any]

    @property
    def segments(self) -> tuple[SegmentResult, ...]:
        """Return every segment of every document, in order."""
        return tuple(s for d in self.documents for s in d.segments)

    @property
    def flag_counts(self) -> dict[str, int]:
        """Count all flags by severity."""
        counts = {s.value: 0 for s in Severity}
        for d in self.documents:
            for sev, n in d.flag_counts.items():
                counts[sev] += n
        return counts

    @property
    def segment_count(self) -> int:
        """Return how many segments the run checked."""
        return sum(d.segment_count for d in self.documents)

    def to_dict(self) -> dict[str, Any]:
        """Return the run as the versioned JSON document described in docs/json-schema.md."""
        return {
            "schema_version": JSON_SCHEMA_VERSION,
            "meta": dict(self.meta),
            "corpus": self.corpus.to_dict(),
            "flag_counts": self.flag_counts,
            "documents": [d.to_dict() for d in self.documents],
        }
