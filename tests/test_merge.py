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
    span = reference_span(view, first, last)
    if span is None:
        return None
    k, lo, hi = span
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
     "He said that the problem.", TAIL, (4, 4), lambda s: s == "government"),
])
def test_reference_span_at_the_ends_of_the_translation(fake_embedder, name, hyp, ref, span, check):
    assert check(_suggested(fake_embedder, hyp, ref, *span)), name


# The fake embedder matches "flim" to "raised" and "jumble" to "will", weakly (0.13, 0.09): these
# noise matches lie outside the gaps the cases are about.
REASONS = "He said that heavy taxes will be raised on fuel."


@pytest.mark.parametrize("name,hyp,span,expected", [
    ("between anchors in the reference's order, the words between them",
     "He said that flim taxes will be raised on fuel.", (3, 3), "heavy"),
    # the nearest anchors, "fuel" and "taxes", are the other way round in the reference
    ("anchors the reference has the other way round give way to a pair it has in order",
     "He said that fuel flim taxes will be raised.", (4, 4), "heavy"),
    # "he said" comes first in the reference: the anchor in the span's own clause counts
    ("an anchor across a comma gives way to the one in the span's clause",
     "Taxes will be jumble, he said.", (3, 3), "raised"),
    ("a guess that another translation word stands for is no suggestion",
     "He said that flim will be raised on fuel, heavy taxes.", (3, 3), None),
    ("nor is a guess of a function word alone",
     "He said flim heavy taxes will be raised on fuel.", (2, 2), None),
])
def test_reference_span_from_the_anchors(fake_embedder, name, hyp, span, expected):
    assert _suggested(fake_embedder, hyp, REASONS, *span) == expected, name


def _message(fake_embedder, hyp, ref, first, last):
    from mtcheck.detect.base import build_view
    from mtcheck.detect.merge import to_flags

    hyp_enc, ref_enc = fake_embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), hyp_enc, [ref_enc])
    finding = Finding(first, last, M, "mistranslation", "the reference has {suggestion}", 0.5, "test")
    return to_flags(view, [finding])[0].message


@pytest.mark.parametrize("name,hyp,span,expected", [
    ("words the reference lacks between two anchors",
     "He said that new taxes will surely be raised.", (6, 6), 'the reference has nothing between "will" and "be"'),
    ("no place for the span in the reference", "He said flim heavy taxes will be raised on fuel.", (2, 2),
     "the reference has no clear counterpart"),
])
def test_message_without_a_suggestion(fake_embedder, name, hyp, span, expected):
    assert _message(fake_embedder, hyp, REASONS, *span) == expected, name
