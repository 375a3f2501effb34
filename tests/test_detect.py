"""Detectors, as a table of (translation, reference, expected flags), with a fake embedder.

The fake embedder gives the same word similarity 1 and different words about 0, so these cases
test the detectors' logic, not the model's judgement.
"""
import pytest

from mtcheck.detect import build_view, detect
from mtcheck.results import Severity

C, M, m = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR

CASES = [
    ("identical sentence is clean",
     "Opponents fear a common language.", "Opponents fear a common language.", None, []),
    ("invented word, suggestion from its neighbours",
     "Trump's special prutestry said hello.", "Trump's special envoy said hello.", None,
     [("prutestry", C, "non-word", "envoy")]),
    ("a word of the reference is never a non-word",
     "The zorblax arrived today.", "The zorblax arrived today.", None, []),
    ("a word of the source is never a non-word",
     "The kwazle arrived today.", "The visitor arrived today.", "Der kwazle kam heute.",
     [("kwazle", M, "mistranslation", "visitor")]),
    ("mangled name",
     "Then Ilon Musk spoke.", "Then Elon Musk spoke.", None,
     [("Ilon", M, "name-mismatch", "Elon")]),
    ("adjacent mangled names are one flag",
     "It was said by Stephen Whitkof today.", "It was said by Steve Witkoff today.", None,
     [("Stephen Whitkof", M, "name-mismatch", "Steve Witkoff")]),
    ("a common word starting a sentence is not a name",
     "Opponents fear change.", "Opponent fears change.", None,
     [("Opponents fear", M, "mistranslation", None)]),
    ("number that the reference does not have",
     "He paid 12,000 dollars in 2021.", "He paid 12000 dollars in 2022.", None,
     [("2021", M, "number-mismatch", "2022")]),
    ("clause turned inside out",
     "Witkoff called himself criticism for comments.", "Witkoff drew criticism himself for comments.",
     None, [("called himself criticism", M, "garbled", "drew criticism himself")]),
    ("function words alone are not flagged",
     "He went to the market.", "He went into a market.", None, []),
]


@pytest.mark.parametrize("name,hyp,ref,source,expected", CASES, ids=[c[0] for c in CASES])
def test_detect_table(fake_embedder, name, hyp, ref, source, expected):
    hyp_enc, ref_enc = fake_embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), hyp_enc, [ref_enc], source)
    flags = detect(view)
    got = [(f.text, f.severity, f.kind, f.suggestion) for f in flags]
    if expected and expected[0][3] is None:  # suggestion not part of the case
        got = [(t, s, k, None) for t, s, k, _ in got]
    assert got == expected
    for f in flags:
        assert hyp[f.start:f.end] == f.text  # offsets, not searching
        assert 0 < f.confidence <= 1
        assert f.message and "{" not in f.message


def test_best_match_across_references(fake_embedder):
    hyp = "Then Ilon Musk spoke."
    refs = ("Then someone spoke.", "Then Elon Musk spoke.")
    encs = fake_embedder.encode([hyp, *refs])
    flags = detect(build_view(hyp, refs, encs[0], encs[1:]))
    assert [(f.text, f.suggestion) for f in flags] == [("Ilon", "Elon")]


def test_words_beyond_the_model_limit_are_not_flagged(fake_embedder):
    hyp = "Alpha beta gamma delta epsilon."
    ref = "Alpha zeta eta theta iota."
    hyp_enc, ref_enc = fake_embedder.encode([hyp, ref])
    # keep only the first token, as a model that truncates after one token would
    truncated = type(hyp_enc)(hyp_enc.sentence, hyp_enc.tokens[:1], hyp_enc.offsets[:1])
    view = build_view(hyp, (ref,), truncated, [ref_enc])
    assert view.matches[1:] == (None,) * 4
    assert detect(view) == ()


@pytest.mark.parametrize("text,offsets,expected", [
    ("Trump's envoy", [(0, 5), (5, 6), (6, 7), (8, 13)], [[0, 1, 2], [3]]),   # pieces of one word
    ("« Hi »", [(0, 1), (2, 4), (5, 6)], [[1]]),                                # punctuation is no word
    ("a bc", [(0, 1)], [[0], []]),                                              # truncated: no token
])
def test_pool_averages_the_pieces_of_each_word(text, offsets, expected):
    import numpy as np

    from mtcheck.words import pool, tokenize

    rng = np.random.default_rng(0)
    tokens = rng.standard_normal((len(offsets), 8)).astype(np.float32)
    got = pool(tokenize(text), tuple(offsets), tokens)
    for row, pieces in zip(got, expected):
        if not pieces:
            assert not row.any()
            continue
        mean = tokens[pieces].mean(axis=0)
        assert np.allclose(row, mean / np.linalg.norm(mean), atol=1e-6)
