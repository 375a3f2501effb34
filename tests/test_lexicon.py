"""WordNet's synonyms (mtcheck/lexicon.py) and the similarity detector's use of them."""
from dataclasses import replace

import pytest

from mtcheck.detect import build_view
from mtcheck.detect.unmatched import find_unmatched_words
from mtcheck.detect.wordalign import Match
from mtcheck.lexicon import synonyms

SYNONYMS = [
    # translation word, reference word, synonyms by WordNet 3.0
    ("rails", "tracks", True),
    ("negotiations", "talks", True),
    ("grew", "rose", True),  # irregular forms: grow, rise
    ("dismissed", "laid-off", True),
    ("exact", "precise", True),
    ("released", "detained", False),
    ("growing", "falling", False),
    ("imports", "exports", False),
    ("talks", "talks", False),  # the same form is no synonym: the alignment's matter
    ("fears", "fear", True),  # forms of one word that WordNet lists with its synonyms
    ("rose", "rise", True),  # an irregular form
    ("opponents", "components", False),
    ("prutestry", "envoy", False),  # an invented word has no synsets
]


@pytest.mark.parametrize("a,b,expected", SYNONYMS)
def test_synonyms(a, b, expected):
    assert synonyms(a, b) is expected
    assert synonyms(b, a) is expected


def unmatched(embedder, hyp: str, ref: str, lang: str = "en") -> list[str]:
    """Return the words the similarity detector flags when every word matches its reference twin weakly."""
    encs = embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), encs[0], encs[1:], lang=lang)
    # each word is matched to the reference word in its place, at a similarity below any cut-off
    view = replace(view, matches=tuple(Match(0, j, 0.9 if w.norm == view.ref_words[0][j].norm else 0.1,
                                             w.norm == view.ref_words[0][j].norm)
                                       for j, w in enumerate(view.hyp_words)))
    return [w.text for f in find_unmatched_words(view) for w in view.hyp_words[f.first:f.last + 1]]


def test_a_synonym_of_the_matched_word_is_not_flagged(fake_embedder):
    assert unmatched(fake_embedder, "The train left the rails.", "The train left the tracks.") == []


def test_another_form_of_the_matched_word_is_not_flagged(fake_embedder):
    assert unmatched(fake_embedder, "The trains left the track.", "The train left the tracks.") == []


def test_a_word_of_another_meaning_is_flagged(fake_embedder):
    assert unmatched(fake_embedder, "The train left the trees.", "The train left the tracks.") == ["trees"]


def test_synonyms_are_english_words_only(fake_embedder):
    assert unmatched(fake_embedder, "The train left the rails.", "The train left the tracks.", lang="de") == ["rails"]
