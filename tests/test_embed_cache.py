"""The embedding cache: each text encoded once while it is in use, memory bounded."""
from mtcheck.embed import CachingEmbedder


def test_repeated_texts_are_encoded_once_and_the_cache_is_bounded(fake_embedder):
    cache = CachingEmbedder(fake_embedder, size=2)
    first = cache.encode(["a b", "c d", "a b"])
    assert fake_embedder.calls == [["a b", "c d"]]
    assert first[0] is first[2]
    cache.encode(["a b"])                 # still cached: no call
    assert len(fake_embedder.calls) == 1
    cache.encode(["e f"])                 # evicts the least recently used ("c d")
    cache.encode(["c d", "a b"])
    assert fake_embedder.calls[-1] == ["c d"]
    assert len(cache._cache) == 2


def test_the_cache_is_bounded_in_bytes_too(fake_embedder):
    one = fake_embedder.encode(["a b"])[0]
    size = one.tokens.nbytes + one.sentence.nbytes
    cache = CachingEmbedder(fake_embedder, size=100, max_bytes=2 * size)
    cache.encode(["a b", "c d", "e f"])  # three texts of two words: only the last two fit
    assert list(cache._cache) == ["c d", "e f"]
    assert cache._bytes == 2 * size
    cache.encode(["a b"])
    assert fake_embedder.calls[-1] == ["a b"]
