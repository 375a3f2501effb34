"""A false friend: "an eventual widening" for "a possible widening", "two collections of novels"
for "of short stories".

A word that looks like the source's word but means something else in English (Romanian
"eventual" is "possible"; Estonian "novell" a short story) reads as fluent English, and the
sentence embeddings put it close to the right word. A curated table (mtcheck/data/false_friends.tsv)
names each such word and what the source's word means; the flag needs the reference to say
that very thing where the translation has the false friend, so a word used in its English sense
("the actual cost", "eventually agreed") is left alone.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import data_rows, lemmas, may_be_adjective
from ..results import Severity
from .base import Detector, Finding, SegmentView

LANGUAGES = ("en",)
REACH = 1  # reference words either side of the match that may hold the meaning ("short stories")


@lru_cache(maxsize=1)
def false_friends() -> dict[str, tuple[frozenset[str], str]]:
    """Return each false friend's intended meanings and its note."""
    return {word: (frozenset(meant.split(" ")), note) for word, meant, note in data_rows("false_friends.tsv")}


def find_false_friends(view: SegmentView) -> list[Finding]:
    """Flag translation words that the table calls false friends of what the reference has there."""
    if view.lang not in LANGUAGES or not view.ref_words:
        return []
    table, found = false_friends(), []
    for i, w in enumerate(view.hyp_words):
        m = view.matches[i]
        entry = next((table[x] for x in lemmas(w.norm) if x in table), None) if m is not None else None
        if entry is None or m.same_form:
            continue
        meant, note = entry
        ref = view.ref_words[m.ref]
        hit = next((j for j in range(max(0, m.word - REACH), min(len(ref), m.word + REACH + 1))
                    if lemmas(ref[j].norm) & meant), None)
        # a reference that also has the false friend itself uses it in its English sense somewhere
        if hit is None or any(lemmas(r.norm) & lemmas(w.norm) for r in ref):
            continue
        found.append(Finding(i, i, Severity.MAJOR, "false-friend",
                             '"{text}" is a false friend: ' + note.replace("{", "{{").replace("}", "}}")
                             + "; the reference has {suggestion}", 0.7,
                             ref_span=_phrase(view, m.ref, min(hit, m.word), max(hit, m.word))))
    return found


def _phrase(view: SegmentView, k: int, lo: int, hi: int) -> tuple[int, int, int]:
    """Return reference k's words lo..hi, widened over the adjectives before them that no other
    translation word stands for ("short stories" where "novels" matched "stories")."""
    ref = view.ref_words[k]
    claimed = {m.word for i, m in enumerate(view.matches) if m is not None and m.ref == k and view.is_anchor(i)}
    while lo > 0 and lo - 1 not in claimed and may_be_adjective(ref[lo - 1].norm) \
            and not view.references[k][ref[lo - 1].end:ref[lo].start].strip():
        lo -= 1
    return k, lo, hi


FALSE_FRIENDS = Detector("false-friends", frozenset({"false-friend"}), "precise", find_false_friends)
