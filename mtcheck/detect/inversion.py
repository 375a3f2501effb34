"""The doer after its verb, in the source's order: "The declaration ... signed both presidents"
for "The two presidents signed a declaration", "..., also stated Stephen Whitkof" for "Steve
Witkoff, who worked on the meetings, said", "the results, which on Sunday published the Czech
Statistical Office" for "the results released by the Czech Statistical Office".

Languages with free word order put the subject after the verb; translated word for word, the
subject reads as the object. The reference shows the English order: its counterpart of the
noun stands right before its counterpart of the verb (or, for a name, before a relative clause
and the verb). Both words are matched in their very form (or the verb to a past synonym, and a
name to the reference's name spelt most alike), the verb is in the past (news reports in it,
and it tells a verb from a noun), and a passive in
the reference ("the declaration was signed"), an agent ("signed by"), a quotation before the verb
("'...', said the minister") or an adjective use ("the signed declaration") are left alone.
In a relative clause ("which ... published the office"), the reference names the doer as the
agent of its verb ("released by the office") and the translation has nothing but adverbials
between the relative pronoun and the verb, so no subject of its own.
"""
from __future__ import annotations

import re

from ..lexicon import is_past_form, synonyms
from ..results import Severity
from ..words import is_closed_class
from .base import Detector, Finding, SegmentView, one_clause
from .names import MIN_RATIO, likeness

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
# between a name and its verb in the reference, a relative clause set off by commas: "Witkoff, who worked ..., said"
RELATIVE_CLAUSE = {"en": re.compile(r"^\s*,\s*(who|which)\b[^;:.!?\"“”«»()]*,\s*$")}
# a relative pronoun whose clause may have its doer after the verb ("which ... published the office")
RELATIVES = {"en": frozenset({"which", "that"})}
AGENT = {"en": "by"}  # the reference's agent after a participle: "released by the office"
# what may stand between the relative pronoun and its verb: adverbials of time, no subject
ADVERBIALS = {"en": frozenset({"on", "in", "at", "last", "this", "early", "late", "earlier", "later", "also",
                               "already", "yesterday", "today", "week", "month", "year", "morning", "evening",
                               "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                               "sunday"})}


def find_inversions(view: SegmentView) -> list[Finding]:
    """Flag a past verb followed by a noun that the reference has as its doer."""
    if view.lang not in BEFORE_NOUN or not view.ref_words:
        return []
    return _main_clause_inversions(view) + _relative_clause_inversions(view)


def _main_clause_inversions(view: SegmentView) -> list[Finding]:
    """Flag a past verb followed by a noun that the reference has right before that verb."""
    lang = view.lang
    words, matches, found = view.hyp_words, view.matches, []
    for v in range(1, len(words) - 1):
        mv, verb = matches[v], words[v]
        if mv is None or "-" in verb.norm or not is_past_form(verb.norm) or not _same_verb(view, v) \
                or is_closed_class(verb, lang) or words[v - 1].norm in NOT_BEFORE_VERB[lang] \
                or _after_quote(view, v):
            continue
        n = _noun_after(view, v)
        noun = _counterpart(view, n, mv.ref) if n is not None else None
        if noun is None or not _doer_before(view, mv.ref, noun, mv.word):
            continue
        found.append(_doer_after_verb(view, v, n, (mv.ref, noun, mv.word)))
    return found


def _relative_clause_inversions(view: SegmentView) -> list[Finding]:
    """Flag "which (adverbials) published the office" where the reference has "released by the office"."""
    lang, words, found = view.lang, view.hyp_words, []
    for r, pronoun in enumerate(words):
        if pronoun.norm not in RELATIVES[lang]:
            continue
        v = r + 1
        while v < len(words) and v - r <= REACH + 1 and words[v].norm in ADVERBIALS[lang]:
            v += 1
        mv = view.matches[v] if v < len(words) else None
        if mv is None or not is_past_form(words[v].norm) or is_closed_class(words[v], lang) \
                or any(view.between(k, k + 1).strip() for k in range(r, v)):
            continue
        ref = view.ref_words[mv.ref]
        n = _noun_after(view, v)
        noun = _counterpart(view, n, mv.ref) if n is not None else None
        agent = mv.word + 1
        if noun is None or agent >= len(ref) or ref[agent].norm != AGENT[lang] \
                or view.references[mv.ref][ref[mv.word].end:ref[agent].start].strip() \
                or not agent < noun <= agent + REACH:
            continue
        found.append(_doer_after_verb(view, v, n,
                                      (mv.ref, mv.word, _name_end(ref, noun) if ref[noun].is_capitalized else noun)))
    return found


def _doer_after_verb(view: SegmentView, v: int, n: int, ref_span: tuple[int, int, int]) -> Finding:
    """Return the finding on verb v and its doer n, or on the verb alone where the doer is a name spelt otherwise."""
    words, m = view.hyp_words, view.matches[n]
    # a name spelt otherwise has a flag of its own, which would swallow this one: the verb alone
    last = v if m is None or not m.same_form else _name_end(words, n) if words[n].is_capitalized else n
    return Finding(v, last, Severity.MAJOR, "word-order",
                   '"{text}": the doer stands after the verb, where it reads as the object; '
                   "the reference has {suggestion}", 0.6, ref_span=ref_span)


def _same_verb(view: SegmentView, v: int) -> bool:
    """Return True if verb v is matched to its very form, or to a past form of its synonym ("stated", "said")."""
    m = view.matches[v]
    theirs = view.ref_words[m.ref][m.word].norm
    return m.same_form or (is_past_form(theirs) and synonyms(view.hyp_words[v].norm, theirs))


def _counterpart(view: SegmentView, n: int, r: int) -> int | None:
    """Return the word of reference r that noun n stands for: its very form, or for a name, the
    reference's name spelled most alike ("Stephen" for "Steve"); None without one."""
    m, noun = view.matches[n], view.hyp_words[n]
    if m is not None and m.same_form and m.ref == r:
        return m.word
    if not noun.is_capitalized or view.sentence_initial(n):
        return None
    ratios = [(likeness(noun, w), j) for j, w in enumerate(view.ref_words[r]) if w.is_capitalized]
    best = max(ratios, default=(0.0, 0))
    return best[1] if best[0] >= MIN_RATIO else None


def _name_end(words, n: int) -> int:
    """Return the last word of the name that starts at word n ("Stephen Whitkof")."""
    while n + 1 < len(words) and words[n + 1].is_capitalized and words[n].end + 1 == words[n + 1].start:
        n += 1
    return n


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
    if ref[noun].is_capitalized:
        noun = _name_end(ref, noun)
    if not 0 < verb - noun or not (_relative_clause_between(view, r, noun, verb) or _adverbs_between(view, r, noun, verb)):
        return False
    # a passive's agent ("signed by") or a word that the verb modifies ("international advanced
    # equipment"): then the reference's verb is no verb of that noun
    after = ref[verb + 1] if verb + 1 < len(ref) else None
    return after is None or bool(text[ref[verb].end:after.start].strip()) or \
        (after.norm != "by" and is_closed_class(after, lang))


def _adverbs_between(view: SegmentView, r: int, noun: int, verb: int) -> bool:
    """Return True if reference r has at most a few adverbs between the noun and its verb, in one clause."""
    ref = view.ref_words[r]
    return verb - noun <= REACH and one_clause(ref, view.references[r], noun, verb) and \
        all(w.norm in BETWEEN[view.lang] or w.norm.endswith("ly") for w in ref[noun + 1:verb])


def _relative_clause_between(view: SegmentView, r: int, noun: int, verb: int) -> bool:
    """Return True if a relative clause set off by commas stands between a name and its verb."""
    ref = view.ref_words[r]
    pattern = RELATIVE_CLAUSE.get(view.lang)
    return pattern is not None and bool(pattern.match(view.references[r][ref[noun].end:ref[verb].start]))


def _after_quote(view: SegmentView, v: int) -> bool:
    """Return True if a quotation ends right before word v: "'...', said the minister" is English."""
    return view.hypothesis[:view.hyp_words[v].start].rstrip(" ,").endswith(tuple(QUOTES))


INVERSION = Detector("inversion", frozenset({"word-order"}), "wording", find_inversions)
