"""A compound with a part changed or dropped: "final" for "semi-final", "son-in-law" for "brother-in-law".

The embeddings match such words well (they share most of their letters and their sense), so the
similarity detectors pass them. A hyphenated word of either text that shares a part with its
counterpart but not a part that changes who or what is meant (a rank, a kin, a time: "semi",
"vice", "ex", "brother", "pre") says another thing. Other parts come and go in correct
paraphrases ("coal" plants for "coal-fired" ones, "far" for "far-eastern": 80 such flags on
error-free he-en news when every part counted), and so does a hyphen ("e-mail", "email").
"""
from __future__ import annotations

from ..results import Severity
from .base import Detector, Finding, SegmentView


# parts of a compound that change who or what is meant, by language
MEANINGFUL = {"en": frozenset({
    "semi", "quarter", "half", "vice", "ex", "co", "deputy", "acting", "step", "grand", "great", "brother", "sister",
    "son", "daughter", "father", "mother", "pre", "post", "anti", "pro", "non", "under", "over", "sub", "super",
    "mid", "inter", "intra"})}


# parts that say the same thing in other words, by language: "after-tax" is "post-tax"
SAME_PART = {"en": {"after": "post", "before": "pre"}}


def _parts(folded: str) -> list[str]:
    return [p for p in folded.split("-") if p]


def _same_compound(view: SegmentView, i: int, m, mine: list[str], theirs: list[str]) -> bool:
    """Return True if two compounds have the same parts, said in other words ("after-tax",
    "post-tax") or written open in one text ("after tax", "post-tax")."""
    same = SAME_PART.get(view.lang, {})

    def key(parts) -> set[str]:
        return {same.get(p, p) for p in parts}

    def beside(words, k) -> list[str]:
        return [words[n].folded for n in (k - 1, k + 1) if 0 <= n < len(words)]

    ours, refs = key(mine), key(theirs)
    return ours == refs or any(key([*mine, w]) == refs for w in beside(view.hyp_words, i)) \
        or any(key([*theirs, w]) == ours for w in beside(view.ref_words[m.ref], m.word))


def find_changed_compounds(view: SegmentView) -> list[Finding]:
    """Flag translation words whose reference counterpart is a compound with other parts."""
    found = []
    for i, w in enumerate(view.hyp_words):
        m = view.matches[i]
        if m is None or m.same_form:
            continue
        r = view.ref_words[m.ref][m.word]
        if "-" not in w.folded and "-" not in r.folded:
            continue
        mine, theirs = _parts(w.folded), _parts(r.folded)
        if "".join(mine) == "".join(theirs) or not set(mine) & set(theirs) or w.is_number or r.is_number:
            continue
        if not (set(mine) ^ set(theirs)) & MEANINGFUL.get(view.lang, frozenset()) \
                or _same_compound(view, i, m, mine, theirs):
            continue
        found.append(Finding(i, i, Severity.MAJOR, "compound",
                             '"{text}" is another word than the reference\'s {suggestion}: a part of it differs', 0.6,
                             ref_span=(m.ref, m.word, m.word)))
    return found


COMPOUNDS = Detector("compounds", frozenset({"compound"}), "precise", find_changed_compounds)
