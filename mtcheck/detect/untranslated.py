"""Text left untranslated: words in a script the reference does not use, or copied from the source.

Copied source is recognised by its script, or, when a source is given, as a run of words that
the source has word for word and no reference has (French left in English output).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..results import Severity
from .base import Detector, Finding, SegmentView, whole_reference

# the first word of the Unicode names of letters in these scripts ("CJK UNIFIED IDEOGRAPH-4E2D",
# "LATIN SMALL LETTER E"); other letters ("MICRO SIGN", fullwidth forms) belong to no script here
SCRIPTS = frozenset({
    "LATIN", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "GREEK", "ARABIC", "HEBREW",
    "THAI", "DEVANAGARI", "BENGALI", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "GUJARATI",
    "GURMUKHI", "SINHALA", "GEORGIAN", "ARMENIAN", "ETHIOPIC", "KHMER", "LAO", "MYANMAR", "TIBETAN",
})
_SCRIPT_NAMES = {"CJK": "CJK (Chinese, Japanese or Korean)"}
# the script a translation into a language is written in, when no reference shows it
LANGUAGE_SCRIPTS = {
    **dict.fromkeys("en fr de es it pt nl sv da no nb nn fi et lv lt pl cs sk sl hr bs sq ro hu tr ga cy is "
                    "mt ca eu gl af sw id ms vi tl".split(), "LATIN"),
    **dict.fromkeys("ru uk be bg mk sr kk ky mn".split(), "CYRILLIC"),
    "el": "GREEK", "he": "HEBREW", "ar": "ARABIC", "fa": "ARABIC", "ur": "ARABIC", "hi": "DEVANAGARI",
    "mr": "DEVANAGARI", "ne": "DEVANAGARI", "th": "THAI", "ka": "GEORGIAN", "hy": "ARMENIAN", "ko": "HANGUL",
}


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
                   confidence, ref_span=whole_reference(view) if whole else None)


def find_untranslated(view: SegmentView) -> list[Finding]:
    """Flag runs of words in a script that no reference uses (source text left untranslated)."""
    hyp_scripts = {script(w.text) for w in view.hyp_words} - {None}
    scripts: set[str] = set()
    if not view.ref_words:  # no reference: the language's own script
        if view.lang not in LANGUAGE_SCRIPTS:
            return []
        scripts.add(LANGUAGE_SCRIPTS[view.lang])
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
        copied = view.source is not None and text in view.source.text
        user = "the reference does not use" if view.references else f"a translation into {view.lang!r} does not use"
        found.append(_untranslated(
            view, i, last,
            f'"{{text}}" is in {_SCRIPT_NAMES.get(kind, kind.title())} script, which {user}'
            + (": it is copied from the source" if copied else "")
            + ("; the reference has {suggestion}" if view.references else ""),
            0.95 if copied else 0.85))
        i = last + 1
    return found


MIN_COPIED_WORDS = 3  # shorter runs shared with the source are names and titles ("Le Monde")


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
    source = view.source.folded

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


UNTRANSLATED = Detector("untranslated", frozenset({"untranslated"}), "overriding", find_untranslated,
                        needs_reference=False)


COPIED_SOURCE = Detector("copied-source", frozenset({"untranslated"}), "overriding", find_copied_source)
