"""Lexical metrics agree with sacrebleu used directly, and keep their signatures."""
import pytest
import sacrebleu

from mtcheck.metrics import LexicalMetrics

PAIRS = [
    ("The cat sat on the mat.", ["The cat sat on a mat."]),
    ("Completely different words here.", ["Nothing in common at all."]),
    ("Two references help.", ["Two refs help.", "Two references help."]),
]


@pytest.mark.parametrize("hyp,refs", PAIRS)
def test_sentence_scores_match_sacrebleu(hyp, refs):
    got = LexicalMetrics().sentence(hyp, refs)
    assert got.chrf == pytest.approx(sacrebleu.sentence_chrf(hyp, refs).score)
    assert got.bleu == pytest.approx(sacrebleu.sentence_bleu(hyp, refs).score)
    assert got.ter is None


def test_corpus_scores_come_from_corpus_statistics_not_averages():
    hyps = [h for h, _ in PAIRS[:2]]
    refs = [r[0] for _, r in PAIRS[:2]]
    m = LexicalMetrics()
    corpus = m.corpus(hyps, [[r] for r in refs])
    assert corpus.bleu == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs]).score)
    mean_sentence = sum(m.sentence(h, [r]).bleu for h, r in zip(hyps, refs)) / 2
    assert corpus.bleu != pytest.approx(mean_sentence)


def test_variable_reference_counts_and_signatures():
    m = LexicalMetrics(ter=True)
    assert m.signatures() == {}  # nothing scored yet: nrefs unknown
    score = m.corpus([h for h, _ in PAIRS], [r for _, r in PAIRS])
    assert 0 <= score.chrf <= 100 and score.ter is not None
    sigs = m.signatures()
    assert set(sigs) == {"bleu", "sentence_bleu", "chrf", "ter"}
    assert sigs["bleu"].startswith("nrefs:var|") and "eff:no" in sigs["bleu"]
    assert sigs["sentence_bleu"].startswith("nrefs:var|") and "eff:yes" in sigs["sentence_bleu"]


def test_sentence_scores_from_statistics_sum_to_corpus():
    m = LexicalMetrics()
    stats = [m.statistics(h, r) for h, r in PAIRS]
    assert m.corpus_scores(stats) == m.corpus([h for h, _ in PAIRS], [r for _, r in PAIRS])
    assert m.sentence_scores(stats[0]).chrf == pytest.approx(sacrebleu.sentence_chrf(*PAIRS[0]).score)


@pytest.mark.parametrize("hyp,refs", PAIRS)
def test_cached_references_give_sacrebleus_statistics(hyp, refs):
    m = LexicalMetrics(ter=True)
    for _ in range(2):  # the second time from the reference cache
        got = m.statistics(hyp, refs)
        assert list(got.bleu) == m.corpus_bleu._extract_corpus_statistics([hyp], [[r] for r in refs])[0]
        assert list(got.chrf) == m.chrf._extract_corpus_statistics([hyp], [[r] for r in refs])[0]
        assert list(got.ter) == m.ter._extract_corpus_statistics([hyp], [[r] for r in refs])[0]


def test_the_reference_cache_is_bounded_by_characters_and_still_exact():
    """Long references (a one-line document's pieces) are not all kept: their n-grams took GBs."""
    from mtcheck.metrics import REFERENCE_CACHE_CHARS

    metrics = LexicalMetrics()
    refs = [f"Reference number {k} says " + "something long and different " * 70 for k in range(200)]
    for k, ref in enumerate(refs):
        stats = metrics.statistics(f"Hypothesis {k} says something long", [ref])
    assert metrics._reference_chars <= REFERENCE_CACHE_CHARS
    assert len(metrics._reference_info) < 3 * len(refs)
    fresh = LexicalMetrics().statistics("Hypothesis 199 says something long", [refs[-1]])
    assert stats == fresh
