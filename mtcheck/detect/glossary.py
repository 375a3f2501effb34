"""House style: a glossary's rendering misspelt ("Whitkof"), a forbidden variant ("Kiev"), or off in style.

Needs no reference: the glossary says what to write. A name that the reference or the source
writes as the translation does is another name, not a misspelling of the glossary's.
"""
from __future__ import annotations

from ..glossary import Glossary, find_terms, missing_terms
from ..results import Flag, Severity
from .base import Detector, Finding, SegmentView

# Not fitted on rated data (no labelled set has a glossary): a listed variant is an exact
# match, a near miss is as sure as the spellings are close.
FORBIDDEN_CONFIDENCE = 0.9
STYLE_CONFIDENCE = 0.8
MISSING_CONFIDENCE = 0.8  # the source term may be rendered in other words, or left out on purpose
MESSAGES = {
    "forbidden": 'the house style writes {suggestion}, not "{text}"',
    "near": '"{text}" is a misspelling of {suggestion}, as the house style writes it',
    "partial": '"{text}" is a misspelling of {suggestion}, as the house style writes it',
    "garbled": '"{text}" holds a word that no word list knows; the house style has {suggestion}',
    "style": "the house style writes {suggestion} ({detail})",
}
STYLE_DETAILS = {"capitals": "with its capitals", "accents": "with its accents",
                 "hyphenation": "hyphenated so"}


def _literal(text: str) -> str:
    """Return text that str.format leaves as it is (a note may hold braces)."""
    return text.replace("{", "{{").replace("}", "}}")


def attested_keys(view: SegmentView) -> frozenset[str]:
    """Return the keys of the words that the references and the source write, hyphenated parts too."""
    return frozenset(part for word in view.vocabulary for part in word.split("-"))


def find_house_style(view: SegmentView) -> list[Finding]:
    """Flag the glossary's renderings misspelt or off in style, and its forbidden variants."""
    glossary = view.glossary
    if glossary is None:
        return []
    found = []
    for hit in find_terms(view.hypothesis, view.hyp_words, glossary.index, attested_keys(view), view.lang):
        if hit.how == "correct":
            continue
        entry = glossary.index.entries[hit.entry]
        message = MESSAGES[hit.how].replace("{detail}", STYLE_DETAILS.get(hit.detail, ""))
        if entry.note:
            message += f" ({_literal(entry.note)})"
        # an invented word stays critical, as the non-word detector would say of it alone
        severity = {"style": Severity.MINOR, "garbled": Severity.CRITICAL}.get(hit.how, Severity.MAJOR)
        confidence = {"forbidden": FORBIDDEN_CONFIDENCE, "style": STYLE_CONFIDENCE}.get(hit.how, hit.score)
        found.append(Finding(hit.first, hit.last, severity, "house-style", message, confidence,
                             written=hit.suggestion))
    return found


GLOSSARY = Detector("glossary", frozenset({"house-style"}), "overriding", find_house_style, needs_reference=False)


def missing_renderings(hypothesis: str, source: str, glossary: Glossary, lang: str = "en") -> tuple[Flag, ...]:
    """Flag a segment whose source holds a glossary's source term but whose translation lacks its rendering.

    The flag covers the segment (it says what is missing, not where): a sentence, in a batch or
    translation file, whose source is its own.
    """
    from ..words import tokenize

    return tuple(f for n, term, _ in missing_terms(hypothesis, tokenize(hypothesis), source, glossary.index, lang)
                 for f in _missing(hypothesis, term, glossary.index.entries[n], "the translation does not write it"))


def missing_in_document(translation: str, source: str, units, glossary: Glossary,
                        lang: str = "en") -> dict[int, tuple[Flag, ...]]:
    """Return {unit index: flags} of the glossary renderings a whole document lacks though its source
    holds their source terms.

    A document's source is not aligned to its sentences: each flag goes on the unit that stands
    where the source has the term, by its share of the text (a story and its translation run
    in the same order), and says so.
    """
    from ..words import tokenize

    starts = [(u.offset, k) for k, u in enumerate(units) if u.hypothesis.strip()]
    out: dict[int, tuple[Flag, ...]] = {}
    for n, term, at in missing_terms(translation, tokenize(translation), source, glossary.index, lang):
        place = at / max(1, len(source)) * len(translation)
        k = max(((o, k) for o, k in starts if o <= place), default=starts[0] if starts else None)
        if k is None:
            continue
        unit = units[k[1]]
        out[k[1]] = out.get(k[1], ()) + _missing(unit.hypothesis, term, glossary.index.entries[n],
                                                 "the translation nowhere writes it (placed where the source "
                                                 "has it, by its share of the text)")
    return out


def _missing(hypothesis: str, term: str, entry, said: str) -> tuple[Flag, ...]:
    """Return the flag, over a segment, of a glossary rendering missing from it."""
    text = hypothesis.strip()
    if not text:
        return ()
    start = hypothesis.index(text)
    message = (f'the source has "{term}", which the house style renders "{entry.rendering}"; {said}'
               + (f" ({entry.note})" if entry.note else ""))
    return (Flag(start, start + len(text), text, Severity.MAJOR, "house-style", message, MISSING_CONFIDENCE,
                 entry.rendering, GLOSSARY.name),)
