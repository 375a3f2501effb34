"""The issue's goals on the seed: its glossary alone flags exactly the names and titles it covers;
with the reference too, the glossary's flags stay the same and no span is flagged twice."""
import pytest

import mtcheck
from mtcheck.settings import Settings

from .conftest import ROOT, SEED, SEED_REF

SEED_GLOSSARY = ROOT / "reference" / "000_5d07a7fcc0fe4e21.glossary.tsv"
SETTINGS = Settings(glossaries=(str(SEED_GLOSSARY),))

# every misspelt or mistranslated name and title of the seed that its glossary covers:
# (line, text, severity, suggestion), in file order
EXPECTED = [
    (1, "Messenger", "major", "envoy"),
    (2, "Russian direct investment fund", "minor", "Russian Direct Investment Fund"),
    (2, "Kiril Dmitriev", "major", "Kirill Dmitriev"),
    (4, "Ilon Musk", "major", "Elon Musk"),
    (6, "special prutestry", "critical", "special envoy"),
    (6, "Stephen Whitkof", "major", "Steve Witkoff"),
    (6, "Volodimir Zelenski", "major", "Volodymyr Zelensky"),
    (7, "Whitkoff", "major", "Witkoff"),
    (7, "Keith Kelloge", "major", "Keith Kellogg"),
    (7, "Messenger", "major", "envoy"),
    (7, "Whitkoff", "major", "Witkoff"),
]


def house_style(run):
    """Return (line, text, severity, suggestion) of the run's house-style flags, in file order."""
    flags = [(seg.position(f), f) for d in run.documents for seg in d.segments for f in seg.flags
             if f.kind == "house-style"]
    return [(pos[0], f.text, f.severity.value, f.suggestion) for pos, f in sorted(flags, key=lambda x: x[0])]


def test_the_glossary_alone_flags_what_it_covers_and_nothing_else(monkeypatch):
    def no_model(*args, **kwargs):
        raise AssertionError("a run without a reference must not load the model")

    monkeypatch.setattr("mtcheck.embed.load.load_model", no_model)
    run = mtcheck.check(SEED, settings=SETTINGS)
    assert house_style(run) == EXPECTED
    assert run.corpus.bleu is None and run.corpus.similarity is None


@pytest.mark.model
def test_with_the_reference_too_the_glossary_flags_stay_and_no_span_is_flagged_twice(real_embedder):
    run = mtcheck.check(SEED, [SEED_REF], settings=SETTINGS, embedder=real_embedder)
    assert house_style(run) == EXPECTED
    for seg in (s for d in run.documents for s in d.segments):
        spans = sorted((f.start, f.end) for f in seg.flags)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), (seg.line, spans)
    # where the glossary speaks, the names detector does not
    assert not any(f.kind == "name-mismatch" for d in run.documents for s in d.segments for f in s.flags)
