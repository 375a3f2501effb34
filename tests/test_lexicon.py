"""WordNet's synonyms and Moby's related words (mtcheck/lexicon.py), and the similarity detector's use of them."""
from dataclasses import replace

import pytest

from mtcheck.detect import build_view
from mtcheck.detect.unmatched import find_unmatched_words
from mtcheck.detect.wordalign import Match
from mtcheck.lexicon import may_be_adjective, related, synonyms
from mtcheck.results import Severity

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


RELATED = [
    # translation word, reference word, listed together by the Moby thesaurus
    ("Vice", "Deputy", True),
    ("claims", "allege", True),  # through the dictionary form "claim"
    ("leadership", "management", True),
    ("renew", "rebuild", True),
    ("plant", "sow", True),  # a false friend too: hence only above RELATED_FLOOR
    ("cat", "budget", False),
    ("talks", "talks", False),  # the same form: the alignment's matter
    ("prutestry", "envoy", False),
]


@pytest.mark.parametrize("a,b,expected", RELATED)
def test_related(a, b, expected):
    assert related(a.lower(), b.lower()) is expected
    assert related(b.lower(), a.lower()) is expected


def flagged(embedder, hyp: str, ref: str, lang: str = "en", weak: float = 0.1) -> list[tuple[str, Severity]]:
    """Return the words (and severities) the similarity detector flags when every word matches its
    reference twin at ``weak``."""
    encs = embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), encs[0], encs[1:], lang=lang)
    # each word is matched to the reference word in its place, at a similarity below any cut-off
    view = replace(view, matches=tuple(Match(0, j, 0.9 if w.norm == view.ref_words[0][j].norm else weak,
                                             w.norm == view.ref_words[0][j].norm)
                                       for j, w in enumerate(view.hyp_words)))
    return [(w.text, f.severity) for f in find_unmatched_words(view) for w in view.hyp_words[f.first:f.last + 1]]


def unmatched(embedder, hyp: str, ref: str, lang: str = "en") -> list[str]:
    """Return the words the similarity detector flags when every word matches its reference twin weakly."""
    return [text for text, _ in flagged(embedder, hyp, ref, lang)]


def test_a_synonym_of_the_matched_word_is_not_flagged(fake_embedder):
    assert unmatched(fake_embedder, "The train left the rails.", "The train left the tracks.") == []


def test_another_form_of_the_matched_word_is_not_flagged(fake_embedder):
    assert unmatched(fake_embedder, "The trains left the track.", "The train left the tracks.") == []


def test_a_word_of_another_meaning_is_flagged(fake_embedder):
    assert unmatched(fake_embedder, "The train left the trees.", "The train left the tracks.") == ["trees"]


def test_synonyms_are_english_words_only(fake_embedder):
    assert unmatched(fake_embedder, "The train left the rails.", "The train left the tracks.", lang="de") == ["rails"]


@pytest.mark.parametrize("hyp,ref,weak,expected", [
    # a related word at a fair match (the major cut-off is 0.45) is minor, a hint
    ("The Vice Minister spoke.", "The Deputy Minister spoke.", 0.42, [("Vice", Severity.MINOR)]),
    # below the floor (0.40), the thesaurus is no evidence: Moby relates false friends too
    ("The farmers plant doubt.", "The farmers sow doubt.", 0.30, [("plant", Severity.MAJOR)]),
    # an unrelated word at the same match stays major
    ("The Vice Minister spoke.", "The Budget Minister spoke.", 0.42, [("Vice", Severity.MAJOR)]),
])
def test_a_word_the_thesaurus_relates_to_its_fair_match_is_minor(fake_embedder, hyp, ref, weak, expected):
    assert flagged(fake_embedder, hyp, ref, weak=weak) == expected


@pytest.mark.parametrize("word,expected", [
    ("close", True), ("loyal", True), ("known", True), ("seized", True),  # a past form may be a participle
    ("minister", False), ("talks", False), ("former", True),
])
def test_may_be_adjective(word, expected):
    assert may_be_adjective(word) is expected
