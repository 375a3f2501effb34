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
