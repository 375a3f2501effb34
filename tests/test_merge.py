"""Merging findings: overlaps always merge, neighbours merge when they are one phrase."""
import pytest

from mtcheck.detect.base import Finding
from mtcheck.detect.merge import merge
from mtcheck.results import Severity

C, M, m = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR


def f(first, last, severity=M, kind="mistranslation", ref_span=None):
    return Finding(first, last, severity, kind, "msg", 0.5, kind, ref_span)


CASES = [
    ("apart stay apart", [f(0, 0), f(2, 2)], [(0, 0, "mistranslation", M), (2, 2, "mistranslation", M)]),
    ("overlap takes the worse", [f(0, 1, m), f(1, 2, C, "non-word")], [(0, 2, "non-word", C)]),
    ("neighbours of one kind merge", [f(0, 0, kind="name-mismatch"), f(1, 1, kind="name-mismatch")],
     [(0, 1, "name-mismatch", M)]),
    ("neighbouring wording faults are one garbled phrase", [f(3, 3), f(4, 5, kind="word-order")],
     [(3, 5, "garbled", M)]),
    ("a name next to a mistranslation stays separate", [f(0, 0, kind="name-mismatch"), f(1, 1)],
     [(0, 0, "name-mismatch", M), (1, 1, "mistranslation", M)]),
]


@pytest.mark.parametrize("name,findings,expected", CASES, ids=[c[0] for c in CASES])
def test_merge_table(name, findings, expected):
    got = [(x.first, x.last, x.kind, x.severity) for x in merge(findings)]
    assert got == expected


def test_reference_spans_are_united():
    merged = merge([f(0, 0, kind="name-mismatch", ref_span=(0, 3, 3)),
                    f(1, 1, kind="name-mismatch", ref_span=(0, 4, 4))])
    assert merged[0].ref_span == (0, 3, 4)



def _suggested(fake_embedder, hyp, ref, first, last):
    from mtcheck.detect.base import build_view
    from mtcheck.detect.merge import reference_span

    hyp_enc, ref_enc = fake_embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), hyp_enc, [ref_enc])
    k, lo, hi = reference_span(view, first, last)
    return ref[view.ref_words[k][lo].start:view.ref_words[k][hi].end]


TAIL = "He said that the government will raise taxes on fuel and wine next year."
HEAD = "Next year the government will raise taxes on fuel, he said."


@pytest.mark.parametrize("name,hyp,ref,span,check", [
    ("a phrase that ends the translation stands for the rest of the reference",
     "He said that le gouvernement va augmenter.", TAIL, (3, 6), lambda s: s.endswith("wine next year")),
    ("one that starts it, for all of the reference before its right anchor",
     "Le gouvernement va augmenter les impôts sur le fuel, he said.", HEAD, (0, 7),
     lambda s: s.startswith("Next year")),
    ("a single word at the end is left to the anchors, not given the reference's whole tail",
     "He said that problem.", TAIL, (3, 3), lambda s: not s.endswith("next year")),
])
def test_reference_span_at_the_ends_of_the_translation(fake_embedder, name, hyp, ref, span, check):
    assert check(_suggested(fake_embedder, hyp, ref, *span)), name
