"""Truncation: a translation that stops without ending its sentence while the reference goes on."""
from __future__ import annotations

from ..results import Severity
from ..words import is_function_word
from .base import Detector, Finding, SegmentView

MIN_TAIL_WORDS = 4  # a truncation leaves at least this many reference words uncovered...
MIN_TAIL_SHARE = 0.25  # ...and at least this share of the reference
SHORT_OUTPUT = 0.75  # ...in an output shorter than this share of the reference (in characters)
# words that never end a sentence: a translation that stops on one was cut off, however long it is
NO_LAST_WORD = {"en": frozenset(
    "the a an and or nor but not of to than whose its their our my your does did do is are was were has have had "
    "will would can could should must shall may might been being".split())}


def _covered_until(view: SegmentView, k: int) -> int:
    """Return the last word of reference k that a translation content word is anchored to, or -1.

    Function words are left out: a "the" of the translation can match any "the" of the reference.
    """
    return max((m.word for i, m in enumerate(view.matches)
                if m is not None and m.ref == k and view.is_anchor(i)
                and not is_function_word(view.hyp_words[i], view.lang)), default=-1)


_SENTENCE_END = frozenset(".!?。！？…")


def _ends_sentence(text: str) -> bool:
    """Return True if a text ends with sentence-final punctuation, before closing quotes or stray
    symbols ("And what is best to do? •")."""
    end = len(text)
    while end and not text[end - 1].isalnum() and text[end - 1] not in _SENTENCE_END:
        end -= 1
    return bool(end) and text[end - 1] in _SENTENCE_END


def find_truncation(view: SegmentView) -> list[Finding]:
    """Flag a translation that stops early: every reference goes on after its last anchored word."""
    words = view.hyp_words
    if not words or not view.ref_words or _ends_sentence(view.hypothesis):
        return []  # a translation that ends its sentence was not cut off
    # a sentence does not end on "not", "the" or "and": cut off, however long it is
    dangling = words[-1].norm in NO_LAST_WORD.get(view.lang, ())
    tails = []
    for k, ref in enumerate(view.ref_words):
        if not _ends_sentence(view.references[k]):
            return []  # a headline or a fragment: nothing says where it should end
        shorter = dangling or len(view.hypothesis) < SHORT_OUTPUT * len(view.references[k])
        first = _covered_until(view, k) + 1
        tail = ref[first:]
        if not shorter or len(tail) < max(MIN_TAIL_WORDS, MIN_TAIL_SHARE * len(ref)) or \
                all(is_function_word(w, view.lang) for w in tail):
            return []
        tails.append((len(tail) / len(ref), k, first))
    share, k, first = min(tails)
    last = len(words) - 1
    return [Finding(
        last, last, Severity.MAJOR, "truncation",
        f'the translation stops at "{{text}}", but the reference goes on ({share:.0%} of it is '
        "not translated): {suggestion}",
        0.6 + min(0.3, share - MIN_TAIL_SHARE), ref_span=(k, first, len(view.ref_words[k]) - 1))]


TRUNCATION = Detector("truncation", frozenset({"truncation"}), "precise", find_truncation)
