"""Word helpers: the fast Zipf lookup agrees with wordfreq's own function."""
import pytest

from mtcheck.words import zipf

wordfreq = pytest.importorskip("wordfreq")


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
