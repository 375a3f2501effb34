"""Word helpers: words and their compared forms; the fast Zipf lookup agrees with wordfreq."""
import pytest

from mtcheck.words import tokenize, zipf

wordfreq = pytest.importorskip("wordfreq")


@pytest.mark.parametrize("text,expected", [
    # (text, norm, is_capitalized, is_number) of each word, in order
    ("Trump's envoy", [("Trump's", "trump", True, False), ("envoy", "envoy", False, False)]),
    ("Trump’s co-operate", [("Trump’s", "trump", True, False), ("co-operate", "co-operate", False, False)]),
    ("paid 12,000 in 2021.", [("paid", "paid", False, False), ("12,000", "12,000", False, True),
                             ("in", "in", False, False), ("2021", "2021", False, True)]),
    ("« Ilon »", [("Ilon", "ilon", True, False)]),
    ("I’ll go", [("I’ll", "i'll", True, False), ("go", "go", False, False)]),
    ("", []),
])
def test_tokenize_words_and_forms(text, expected):
    words = tokenize(text)
    assert [(w.text, w.norm, w.is_capitalized, w.is_number) for w in words] == expected
    assert all(text[w.start:w.end] == w.text for w in words)  # offsets, never searched again


@pytest.mark.parametrize("word,lang", [
    ("the", "en"), ("envoy", "en"), ("prutestry", "en"), ("kellogg", "en"), ("a", "en"),
    ("zelensky", "en"), ("co-operate", "en"), ("trump's", "en"), ("Elon", "en"), ("café", "en"),
    ("2025", "en"), ("maison", "fr"), ("straße", "de"),
])
def test_zipf_equals_wordfreq(word, lang):
    assert zipf(word, lang) == wordfreq.zipf_frequency(word, lang)


def test_zipf_equals_wordfreq_across_the_frequency_bands():
    # every 50th of English's 20,000 most frequent words, and a rare tail
    words = wordfreq.top_n_list("en", 20000)[::50] + ["xylophonic", "abstruseness", "zzzq"]
    assert [zipf(w, "en") for w in words] == [wordfreq.zipf_frequency(w, "en") for w in words]


def test_pooling_a_huge_text_without_the_matrix_gives_the_same_vectors(monkeypatch):
    import numpy as np

    import mtcheck.words as words_module
    from mtcheck.words import pool, tokenize

    text = " ".join(f"word{k} x{k}y" for k in range(60))
    words = tokenize(text)
    # a token per three characters, as a subword tokenizer might cut
    offsets = tuple((s, min(s + 3, w.end)) for w in words for s in range(w.start, w.end, 3))
    tokens = np.random.default_rng(0).standard_normal((len(offsets), 8)).astype(np.float32)
    with_matrix = pool(words, offsets, tokens)
    monkeypatch.setattr(words_module, "POOL_MATRIX_CELLS", 0)
    assert np.allclose(pool(words, offsets, tokens), with_matrix, atol=1e-6)
