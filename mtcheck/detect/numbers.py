"""Numbers in the translation that no reference contains."""
from __future__ import annotations

import re

from ..results import Severity
from .base import Finding, SegmentView

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")


def _number_key(text: str) -> str:
    """Return a number with thousands separators removed ("12,000" -> "12000")."""
    return _SEPARATORS.sub("", text)


def find_number_mismatches(view: SegmentView) -> list[Finding]:
    """Flag numerals of the translation that appear in no reference (nor in the source)."""
    known = {_number_key(w.text) for ws in view.ref_words for w in ws if w.is_number}
    if view.source:
        known.update(_number_key(n) for n in re.findall(r"\d[\d,.]*", view.source))
    found = []
    for i, w in enumerate(view.hyp_words):
        if w.is_number and _number_key(w.text) not in known:
            found.append(Finding(
                i, i, Severity.MAJOR, "number-mismatch",
                '"{text}" is not in the reference, which has {suggestion}',
                0.8, "numbers"))
    return found
