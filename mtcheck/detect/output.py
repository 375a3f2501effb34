"""Failures of the output as a whole: unrelated text, untranslated text, loops and truncation.

These are not wording faults but what machine translation does when it breaks down: it writes
fluent text about something else (a hallucination, or a line paired with the wrong reference),
copies the source, repeats itself, or stops early. Each is checked against the reference, so
that repetition or foreign script that the reference has too is never flagged. Copied source is
recognised by its script, or, when a source is given, as a run of words that the source has
word for word and no reference has (French left in English output).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..results import Severity
from ..words import is_function_word
from .base import Finding, SegmentView

# a doubled word that is grammatical: "he had had", "so that that", "what it is is"
GRAMMATICAL_DOUBLES = {"en": frozenset({"had", "that", "is"})}
LONGEST_LOOP = 8  # words in the longest repeated unit looked for
MIN_TAIL_WORDS = 4  # a truncation leaves at least this many reference words uncovered...
MIN_TAIL_SHARE = 0.25  # ...and at least this share of the reference
SHORT_OUTPUT = 0.75  # ...in an output shorter than this share of the reference (in characters)


def _whole_reference(view: SegmentView) -> tuple[int, int, int] | None:
    """Return the span of the whole first reference: what a wholly failed translation should say."""
    words = view.ref_words[0] if view.ref_words else ()
    return (0, 0, len(words) - 1) if words else None


def find_unrelated(view: SegmentView) -> list[Finding]:
    """Flag a whole translation whose sentence similarity to the reference is below the cut-off."""
    cut = view.calibration.unrelated_below
    if cut is None or view.similarity is None or view.similarity >= cut or not view.hyp_words \
            or not view.ref_words:
        return []
    return [Finding(
        0, len(view.hyp_words) - 1, Severity.CRITICAL, "unrelated",
        f"the translation says something different from the reference (sentence similarity "
        f"{view.similarity:.2f}): a hallucination, or a line paired with the wrong reference; "
        "the reference has {suggestion}",
        min(0.95, 0.7 + (cut - view.similarity)), "output", _whole_reference(view))]


# findings that say more about their words than a weak match does ("matches nothing")
OVERRIDING_KINDS = frozenset({"untranslated", "repetition"})


def supersede(findings: list[Finding]) -> list[Finding]:
    """Return the findings that explain best: an "unrelated" finding alone, if there is one
    (flags on the words of a text about something else explain nothing more), unless most of
    the text is untranslated, which says why it is unrelated; then drop the other findings that
    lie inside an untranslated or repeated run."""
    if any(f.kind == "untranslated" and f.severity is Severity.CRITICAL for f in findings):
        findings = [f for f in findings if f.kind != "unrelated"]
    unrelated = [f for f in findings if f.kind == "unrelated"]
    if unrelated:
        return unrelated
    runs = [f for f in findings if f.kind in OVERRIDING_KINDS]
    return [f for f in findings if f.kind in OVERRIDING_KINDS
            or not any(r.first <= f.first and f.last <= r.last for r in runs)]


# the first word of the Unicode names of letters in these scripts ("CJK UNIFIED IDEOGRAPH-4E2D",
# "LATIN SMALL LETTER E"); other letters ("MICRO SIGN", fullwidth forms) belong to no script here
SCRIPTS = frozenset({
    "LATIN", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "GREEK", "ARABIC", "HEBREW",
    "THAI", "DEVANAGARI", "BENGALI", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "GUJARATI",
    "GURMUKHI", "SINHALA", "GEORGIAN", "ARMENIAN", "ETHIOPIC", "KHMER", "LAO", "MYANMAR", "TIBETAN",
})
_SCRIPT_NAMES = {"CJK": "CJK (Chinese, Japanese or Korean)"}


@lru_cache(maxsize=4096)
def script(text: str) -> str | None:
    """Return the script of a word's first letter ("LATIN", "CJK", "CYRILLIC"...), or None."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "").split(" ")[0]
            return name if name in SCRIPTS else None
    return None


def _untranslated(view: SegmentView, first: int, last: int, message: str, confidence: float) -> Finding:
    """Return an "untranslated" finding: critical when it is half the translation or more, and
    then the whole reference is what it should say."""
    whole = (last - first + 1) * 2 >= len(view.hyp_words)
    return Finding(first, last, Severity.CRITICAL if whole else Severity.MAJOR, "untranslated", message,
                   confidence, "output", _whole_reference(view) if whole else None)


def find_untranslated(view: SegmentView) -> list[Finding]:
    """Flag runs of words in a script that no reference uses (source text left untranslated)."""
    hyp_scripts = {script(w.text) for w in view.hyp_words} - {None}
    scripts: set[str] = set()
    for w in (w for ws in view.ref_words for w in ws):
        scripts.add(script(w.text))
        if hyp_scripts <= scripts:
            return []  # the usual case, found at the references' first words
    if not scripts - {None}:
        return []
    scripts.add(None)  # words without letters (numbers) are in no script, so never foreign

    def foreign(word) -> bool:
        return script(word.text) not in scripts

    found, words = [], view.hyp_words
    i = 0
    while i < len(words):
        if not foreign(words[i]):
            i += 1
            continue
        kind, last = script(words[i].text), i
        while last + 1 < len(words) and foreign(words[last + 1]):
            last += 1
        text = view.hypothesis[words[i].start:words[last].end]
        copied = bool(view.source) and text in view.source
        found.append(_untranslated(
            view, i, last,
            f'"{{text}}" is in {_SCRIPT_NAMES.get(kind, kind.title())} script, which the reference does not use'
            + (": it is copied from the source" if copied else "") + "; the reference has {suggestion}",
            0.95 if copied else 0.85))
        i = last + 1
    return found


MIN_COPIED_WORDS = 3  # shorter runs shared with the source are names and titles ("Le Monde")


@lru_cache(maxsize=16)
def _folded(source: str) -> str:
    """Return a source text case-folded, once per text: a document's whole source serves all its segments."""
    return source.casefold()


def find_copied_source(view: SegmentView) -> list[Finding]:
    """Flag runs of words, in a script the reference uses, copied from the source word for word.

    A run counts when none of its words is in a reference, it holds a word with letters, and
    the source has its text (ignoring case); shorter runs are left to the word detectors.
    """
    if not view.source or not view.ref_words:
        return []
    in_reference = {w.norm for ws in view.ref_words for w in ws}
    words = view.hyp_words
    if sum(w.norm not in in_reference for w in words) < MIN_COPIED_WORDS:
        return []  # the usual case
    # words in another script are find_untranslated's
    scripts = {script(w.text) for ws in view.ref_words for w in ws} | {None}
    source = _folded(view.source)

    def copied(first: int, last: int) -> bool:
        return view.hypothesis[words[first].start:words[last].end].casefold() in source

    found, i = [], 0
    while i < len(words):
        # the longest run from word i of words no reference has, as far as the source has it
        last = i - 1
        while last + 1 < len(words) and words[last + 1].norm not in in_reference \
                and script(words[last + 1].text) in scripts and copied(i, last + 1):
            last += 1
        if last - i + 1 >= MIN_COPIED_WORDS and any(c.isalpha() for w in words[i:last + 1] for c in w.text):
            found.append(_untranslated(
                view, i, last, '"{text}" is copied from the source, untranslated; the reference has {suggestion}', 0.9))
            i = last + 1
        else:
            i += 1
    return found


def _occurs_in(sequence: list[str], texts: list[list[str]]) -> bool:
    """Return True if the word sequence occurs in one of the texts."""
    n = len(sequence)
    return any(t[k:k + n] == sequence for t in texts for k in range(len(t) - n + 1))


def _loop_at(view: SegmentView, norms: list[str], refs: list[list[str]], i: int, n: int) -> int:
    """Return how many copies of the n words at i follow each other, if no reference has two; else 0."""
    unit = norms[i:i + n]
    if norms[i + n:i + 2 * n] != unit or _occurs_in(norms[i:i + 2 * n], refs):
        return 0
    copies = 2
    while norms[i + copies * n:i + (copies + 1) * n] == unit:
        copies += 1
    words = view.hyp_words
    if n < 3 and copies == 2 and view.between(i + n - 1, i + n).strip():
        return 0  # "fly into it, fly into it": repeated on purpose, with punctuation between
    if n == 1 and (words[i].is_capitalized or words[i].is_number
                   or words[i].norm in GRAMMATICAL_DOUBLES.get(view.lang, ())):
        return 0  # "Tian Tian", "Bora Bora", "had had"
    return copies


def find_repetition(view: SegmentView) -> list[Finding]:
    """Flag words that repeat the words just before them when no reference repeats them.

    A doubled word ("the the") is minor; a loop (a unit of three words or more, or any unit
    repeated three times or more) is major: it is how a translation model breaks down.
    """
    norms = [w.norm for w in view.hyp_words]
    # a repetition of n words at i needs word i again at i + n: look only at such (i, n)
    candidates, seen = [], {}
    for k, w in enumerate(norms):
        before = seen.setdefault(w, [])
        candidates += [(j, k - j) for j in before if k - j <= LONGEST_LOOP]
        before.append(k)
    if not candidates:
        return []
    refs = [[w.norm for w in ws] for ws in view.ref_words]
    found: list[Finding] = []
    for i, n in sorted(candidates):  # at each start, the shortest unit first
        if found and i <= found[-1].last:
            continue  # inside the repetition just found
        copies = _loop_at(view, norms, refs, i, n)
        if not copies:
            continue
        loops = n >= 3 or copies >= 3
        found.append(Finding(
            i + n, i + copies * n - 1, Severity.MAJOR if loops else Severity.MINOR, "repetition",
            '"{text}" repeats the words just before it'
            + (f" ({copies} times in all)" if copies > 2 else "")
            + "; the reference does not: delete it",
            0.9 if loops else 0.7, "output", suggest=False))
    return found


def _covered_until(view: SegmentView, k: int) -> int:
    """Return the last word of reference k that a translation content word is anchored to, or -1.

    Function words are left out: a "the" of the translation can match any "the" of the reference.
    """
    return max((m.word for i, m in enumerate(view.matches)
                if m is not None and m.ref == k and view.is_anchor(i)
                and not is_function_word(view.hyp_words[i], view.lang)), default=-1)


_SENTENCE_END = frozenset(".!?。！？…")
_CLOSING = "\"'”’»)]） "


def _ends_sentence(text: str) -> bool:
    """Return True if a text ends with sentence-final punctuation (before closing quotes)."""
    text = text.rstrip().rstrip(_CLOSING)
    return bool(text) and text[-1] in _SENTENCE_END


def find_truncation(view: SegmentView) -> list[Finding]:
    """Flag a translation that stops early: every reference goes on after its last anchored word."""
    words = view.hyp_words
    if not words or not view.ref_words or _ends_sentence(view.hypothesis):
        return []  # a translation that ends its sentence was not cut off
    tails = []
    for k, ref in enumerate(view.ref_words):
        if not _ends_sentence(view.references[k]):
            return []  # a headline or a fragment: nothing says where it should end
        shorter = len(view.hypothesis) < SHORT_OUTPUT * len(view.references[k])
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
        0.6 + min(0.3, share - MIN_TAIL_SHARE), "output", (k, first, len(view.ref_words[k]) - 1))]

