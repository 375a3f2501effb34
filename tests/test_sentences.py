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


def _counting_splits(monkeypatch):
    """Return the list of texts that sentencex is asked to split, from now on."""
    import sentencex

    calls = []
    real = sentencex.get_sentence_boundaries

    def counted(lang, text):
        calls.append(text)
        return real(lang, text)

    monkeypatch.setattr(sentencex, "get_sentence_boundaries", counted)
    return calls


@pytest.mark.parametrize("line_aligned", [False, True])
def test_each_line_of_the_seed_is_split_once(fake_embedder, monkeypatch, line_aligned):
    """Document mode splits the document and its reference once; every unit keeps its spans.
    Line-aligned mode splits each unit's translation and reference once, when it is checked."""
    import mtcheck
    from mtcheck.settings import Settings

    from .conftest import SEED, SEED_REF

    calls = _counting_splits(monkeypatch)
    run = mtcheck.check(SEED, [SEED_REF], embedder=fake_embedder, settings=Settings(line_aligned=line_aligned))
    lines = [line.strip() for path in (SEED, SEED_REF)
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(calls) == sorted(lines)
    assert run.segments  # the check ran


def test_a_batch_splits_each_text_once(fake_embedder, monkeypatch):
    import mtcheck
    from mtcheck.io import Record

    calls = _counting_splits(monkeypatch)
    paragraph = "The envoy met the minister. Talks were long and hard."
    mtcheck.check_records([Record("1", paragraph, (paragraph,)), Record("2", "A short one.", ("A brief one.",))],
                          embedder=fake_embedder)
    assert sorted(calls) == sorted([paragraph, paragraph, "A short one.", "A brief one."])


@pytest.mark.parametrize("text,limit,expected", [
    ("one two, three four, five six", 12, ["one two,", "three four,", "five six"]),  # after a comma
    ("one two three four five six", 12, ["one two", "three four", "five six"]),  # else at a space
    ("abcdefghijklmnopqrst", 8, ["abcdefgh", "ijklmnop", "qrst"]),  # else at the limit
    ("short", 12, ["short"]),
])
def test_an_overlong_sentence_is_cut_into_pieces(text, limit, expected):
    from mtcheck.sentences import _pieces

    assert [text[a:z] for a, z in _pieces(text, 0, len(text), limit)] == expected


def test_a_line_without_sentence_ends_is_split_below_the_limit():
    from mtcheck.sentences import MAX_SENTENCE

    text = "word, " * 2000 + "end"
    sentences = split_sentences(text)
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences) and len(sentences) > 5
    assert sentences[0].start == 0 and sentences[-1].end == len(text)
    assert all(text[s.start] != " " and text[s.end - 1] != " " for s in sentences)
