"""Texts beyond the model's length limit: encoded whole in overlapping windows."""
import re

import numpy as np
import pytest

from mtcheck.embed import Encoding
from mtcheck.embed.windows import OVERLAP, WINDOW_MARGIN, WindowedEmbedder, read_until

from .conftest import _vector


class TruncatingFake:
    """A fake model reading at most ``limit`` tokens of a text; a token's vector ignores context."""

    name = "fake"

    def __init__(self, limit: int, token: str = r"\w+|[^\w\s]"):
        self.limit = limit
        self.token = re.compile(token)
        self.calls: list[list[str]] = []

    def encode(self, texts):
        """Return an Encoding of the first ``limit`` tokens of each text."""
        self.calls.append(list(texts))
        out = []
        for text in texts:
            matches = list(self.token.finditer(text))[:self.limit]
            tokens = np.stack([_vector(m.group()) for m in matches]) if matches else np.zeros((0, 64))
            mean = tokens.mean(axis=0) if matches else np.zeros(64)
            out.append(Encoding(mean / (np.linalg.norm(mean) or 1), tokens,
                                tuple((m.start(), m.end()) for m in matches)))
        return out


def words(n: int) -> str:
    """Return a text of n distinct words."""
    return " ".join(f"w{k}" for k in range(n))


@pytest.mark.parametrize("text,expected", [
    ("a b c", None),              # read to the end
    ("a b c  ", None),            # trailing space is nothing left unread
    ("", None),
    ("   ", None),                # no token at all: nothing the model stopped short of
])
def test_read_until_of_a_whole_text(text, expected):
    assert read_until(text, TruncatingFake(100).encode([text])[0]) == expected


def test_read_until_names_where_the_model_stopped():
    text = "a b c d"
    assert read_until(text, TruncatingFake(2).encode([text])[0]) == 3


def test_short_texts_come_back_as_the_model_gave_them_in_one_call():
    inner = TruncatingFake(300)
    texts = [words(10), words(299)]
    direct = TruncatingFake(300).encode(texts)
    got = WindowedEmbedder(inner).encode(texts)
    assert len(inner.calls) == 1
    for one, two in zip(got, direct):
        assert one.offsets == two.offsets and np.array_equal(one.tokens, two.tokens)
        assert np.array_equal(one.sentence, two.sentence)


@pytest.mark.parametrize("n,limit", [(301, 300), (1000, 300), (2500, 256), (40, 10), (7, 3)])
def test_a_long_text_gets_every_token_once_in_order(n, limit):
    text = words(n)
    inner = TruncatingFake(limit)
    got = WindowedEmbedder(inner).encode([text])[0]
    whole = TruncatingFake(10**6).encode([text])[0]  # the fake's vectors do not depend on context
    assert got.offsets == whole.offsets
    assert np.allclose(got.tokens, whole.tokens)
    # the sentence vector stands for the whole text, not the part the model read first (where
    # that part is most of the text, the two are about as close)
    first = TruncatingFake(limit).encode([text])[0]
    assert got.sentence @ whole.sentence > 0.9
    if n >= 2 * limit:
        assert got.sentence @ whole.sentence > first.sentence @ whole.sentence
    assert abs(np.linalg.norm(got.sentence) - 1) < 1e-9
    # each window after the first starts at a word, so that its words are split as in the text
    for (window,) in inner.calls[1:]:
        assert window in text and re.match(r"w\d+ ", window) and text[text.index(window) - 1] == " "
    # no window hands the tokenizer the whole rest of the text: a window's worth at most
    first_read = TruncatingFake(limit).encode([text])[0].offsets[-1][1]
    assert all(len(window) <= 2 * first_read + WINDOW_MARGIN for (window,) in inner.calls[1:])


def test_windows_overlap_so_that_each_kept_token_has_context():
    text = words(1000)
    inner = TruncatingFake(256)
    WindowedEmbedder(inner).encode([text])
    starts = [text.index(window) for (window,) in inner.calls]
    # the first window reads 256 words; the next starts about OVERLAP words before its end
    assert starts[0] == 0
    assert text[:starts[1]].count(" ") == 256 - OVERLAP - 1
    assert len(inner.calls) == 1 + -(-(1000 - 256) // (256 - OVERLAP))


def test_several_long_texts_are_windowed_together_and_keep_their_order():
    inner = TruncatingFake(50)
    texts = [words(120), "short one", words(60)]
    got = WindowedEmbedder(inner).encode(texts)
    assert [len(e.offsets) for e in got] == [120, 2, 60]
    assert len(inner.calls[1]) == 2  # the second round encodes both long texts at once


def test_text_without_spaces_is_windowed_between_tokens():
    text = "字" * 700  # no word boundaries: every character is a token
    got = WindowedEmbedder(TruncatingFake(256, token=r"\w")).encode([text])[0]
    assert got.offsets == tuple((k, k + 1) for k in range(700))


def test_a_tail_the_model_never_reads_ends_the_windows():
    # "#" makes no token: the model stops before it every time, and nothing more is gained
    text = words(20) + " ###"
    inner = TruncatingFake(100, token=r"\w+")
    got = WindowedEmbedder(inner).encode([text])[0]
    assert len(got.offsets) == 20
    assert len(inner.calls) == 2



@pytest.mark.parametrize("lengths,size,chars,expected", [
    ([100] * 5, 32, 2400, [[0, 1, 2, 3, 4]]),                   # short texts: one batch
    ([100] * 40, 32, 4000, [list(range(32)), list(range(32, 40))]),  # no more than size texts
    ([1200, 1200, 600, 600, 600, 100], 32, 2400, [[0, 1], [2, 3, 4, 5]]),  # by the batch's longest text
    ([5000, 10], 32, 2400, [[0], [1]]),                         # a text longer than the budget goes alone
    ([], 32, 2400, []),
])
def test_batches_hold_about_a_budget_of_padded_characters(lengths, size, chars, expected):
    from mtcheck.embed.torch_backend import batches

    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    assert batches(order, lengths, size, chars) == expected
