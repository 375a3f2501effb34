"""Words whose best match in the reference is weak: mistranslated or garbled wording."""
from __future__ import annotations

from ..lexicon import related, synonyms
from ..results import Severity
from ..words import is_function_word
from .base import Detector, Finding, SegmentView

# a word the Moby thesaurus relates to its match is minor down to this similarity; below it, the
# match is too weak for a thesaurus that also relates false friends ("plant" for "sow", 0.28)
RELATED_FLOOR = 0.40


def find_unmatched_words(view: SegmentView) -> list[Finding]:
    """Flag content words with no good contextual match in any reference."""
    major_below, minor_below = view.calibration.major_below, view.calibration.minor_below
    found = []
    for i, w in enumerate(view.hyp_words):
        m = view.matches[i]
        if m is None or m.same_form or w.is_number or is_function_word(w, view.lang):
            continue
        if m.similarity >= minor_below or _synonym_of_match(view, w.norm, m):
            continue
        major = m.similarity < major_below and not _related_to_match(view, w.norm, m)
        severity = Severity.MAJOR if major else Severity.MINOR
        # the further below the cut-off, the surer: 0.5 at the cut-off, rising by 0.1 per 0.1
        confidence = min(0.95, 0.5 + (minor_below - m.similarity))
        found.append(Finding(
            i, i, severity, "mistranslation",
            f'"{{text}}" matches nothing in the reference well (similarity {m.similarity:.2f}); '
            "the reference has {suggestion}",
            confidence))
    return found


def _synonym_of_match(view: SegmentView, norm: str, m) -> bool:
    """Return True if an English word shares a WordNet synset with the reference word it matched.

    Such a word says what the reference says ("rails" for "tracks", "grew" for "rose"), however
    weakly the embeddings match it in context: on error-free news these raised major flags; see
    benchmarks/README.md, "editor.py".
    """
    return view.lang == "en" and synonyms(norm, view.ref_words[m.ref][m.word].norm)


def _related_to_match(view: SegmentView, norm: str, m) -> bool:
    """Return True if the Moby thesaurus relates an English word to the reference word it fairly matched.

    On the wire stories such words were correct paraphrases ("Vice" for "Deputy", "claims" for
    "allege") five times in six; see benchmarks/README.md, "editor.py".
    """
    return view.lang == "en" and m.similarity >= RELATED_FLOOR and related(norm, view.ref_words[m.ref][m.word].norm)


UNMATCHED = Detector("similarity", frozenset({"mistranslation"}), "wording", find_unmatched_words)
