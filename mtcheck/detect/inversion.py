"""The doer after its verb, in the source's order: "The declaration ... signed both presidents"
for "The two presidents signed a declaration".

Languages with free word order put the subject after the verb; translated word for word, the
subject reads as the object. The reference shows the English order: its counterpart of the
noun stands right before its counterpart of the verb. Both words are matched in their very form,
the verb is in the past (news reports in it, and it tells a verb from a noun), and a passive in
the reference ("the declaration was signed"), an agent ("signed by"), a quotation before the verb
("'...', said the minister") or an adjective use ("the signed declaration") are left alone.
"""
from __future__ import annotations

from ..lexicon import is_past_form
from ..results import Severity
from ..words import is_closed_class
from .base import Detector, Finding, SegmentView, one_clause

# between the verb and its noun in the translation: what may stand before a noun, and nothing else
BEFORE_NOUN = {"en": frozenset({"the", "a", "an", "both", "all", "two", "three", "its", "their", "his", "her",
                                "this", "these", "those", "some", "many", "several"})}
# before the verb in the translation, a subject of its own ("I bought a piano"), or "there"
SUBJECTS = {"en": frozenset({"i", "we", "you", "he", "she", "it", "they", "there", "who", "which", "that"})}
# between the noun and the verb in the reference: an adverb or a perfect's auxiliary, no more
# ("the presidents also signed"); anything else may make the noun the object ("the piano I bought")
BETWEEN = {"en": frozenset({"also", "then", "later", "finally", "jointly", "have", "has", "had", "both", "all"})}
# a verb after one of these is an adjective ("the signed declaration"), or has a subject of its own
NOT_BEFORE_VERB = {lang: words | frozenset({"the", "a", "an", "this", "these", "those", "its", "their", "his", "her",
                                            "our", "my", "your"}) for lang, words in SUBJECTS.items()}
QUOTES = "\"'”’»“"
REACH = 3  # words from the verb to its noun in the translation, and from the noun to the verb in the reference


def find_inversions(view: SegmentView) -> list[Finding]:
    """Flag a past verb followed by a noun that the reference has right before that verb."""
    lang = view.lang
    if lang not in BEFORE_NOUN or not view.ref_words:
        return []
    words, matches, found = view.hyp_words, view.matches, []
    for v in range(1, len(words) - 1):
        mv, verb = matches[v], words[v]
        if mv is None or not mv.same_form or "-" in verb.norm or not is_past_form(verb.norm) \
                or is_closed_class(verb, lang) or words[v - 1].norm in NOT_BEFORE_VERB[lang] \
                or _after_quote(view, v):
            continue
        n = _noun_after(view, v)
        mn = matches[n] if n is not None else None
        if mn is None or not mn.same_form or mn.ref != mv.ref or not _doer_before(view, mn.ref, mn.word, mv.word):
            continue
        found.append(Finding(v, n, Severity.MAJOR, "word-order",
                             '"{text}" puts the doer after the verb, as the object: the reference has {suggestion}',
                             0.6, ref_span=(mn.ref, mn.word, mv.word)))
    return found


def _noun_after(view: SegmentView, v: int) -> int | None:
    """Return the index of the content word that follows verb v across determiners alone, or None."""
    words, lang = view.hyp_words, view.lang
    n = v + 1
    while n < len(words) and n - v <= REACH and words[n].norm in BEFORE_NOUN[lang] and not view.between(n - 1, n).strip():
        n += 1
    if n >= len(words) or n - v > REACH or view.between(n - 1, n).strip() or view.between(v, v + 1).strip():
        return None
    noun = words[n]
    if noun.is_number or is_closed_class(noun, lang) or is_past_form(noun.norm) or noun.norm.endswith("ly"):
        return None
    return n


def _doer_before(view: SegmentView, r: int, noun: int, verb: int) -> bool:
    """Return True if reference r has the noun as the doer right before the verb, in one clause."""
    lang, ref, text = view.lang, view.ref_words[r], view.references[r]
    gap = ref[noun + 1:verb]
    if not 0 < verb - noun <= REACH or not all(w.norm in BETWEEN[lang] or w.norm.endswith("ly") for w in gap):
        return False
    if not one_clause(ref, text, noun, verb):
        return False
    # a passive's agent ("signed by") or a word that the verb modifies ("international advanced
    # equipment"): then the reference's verb is no verb of that noun
    after = ref[verb + 1] if verb + 1 < len(ref) else None
    return after is None or bool(text[ref[verb].end:after.start].strip()) or \
        (after.norm != "by" and is_closed_class(after, lang))


def _after_quote(view: SegmentView, v: int) -> bool:
    """Return True if a quotation ends right before word v: "'...', said the minister" is English."""
    return view.hypothesis[:view.hyp_words[v].start].rstrip(" ,").endswith(tuple(QUOTES))


INVERSION = Detector("inversion", frozenset({"word-order"}), "wording", find_inversions)
