"""Sentence splitting keeps offsets into the original text and 1-based lines and columns."""
import pytest

from mtcheck.sentences import split_lines, split_sentences

CASES = [
    ("Dr. Smith came. He left.", ["Dr. Smith came.", "He left."]),
    ("A headline without a stop\nThe body starts here. It goes on.",
     ["A headline without a stop", "The body starts here.", "It goes on."]),
    ("  Leading space. \n\n\nAfter blank lines!  ", ["Leading space.", "After blank lines!"]),
    ("« Quoted. » Then more.", ["« Quoted. »", "Then more."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_split_sentences(text, expected):
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == expected


def test_positions_are_lines_and_columns():
    text = "First line.\n  Second. Third."
    sents = split_sentences(text)
    assert [(s.line, s.column) for s in sents] == [(1, 1), (2, 3), (2, 11)]
    for s in sents:
        line = text.split("\n")[s.line - 1]
        assert line[s.column - 1:].startswith(text[s.start:s.end])


def test_split_lines_skips_blank_lines_but_keeps_numbers():
    text = "one\n\n  two  \nthree"
    units = split_lines(text)
    assert [(text[u.start:u.end], u.line, u.column) for u in units] == [
        ("one", 1, 1), ("two", 3, 3), ("three", 4, 1)]
