"""Which finding wins where detectors disagree: pure functions over one segment's findings.

The kinds each rule concerns come from the detectors' declared roles (detect/__init__.py).
"""
from __future__ import annotations

from dataclasses import replace

from ..results import Severity
from .base import Finding, SegmentView
from .wordrisk import content


def supersede(findings: list[Finding], overriding_kinds: frozenset[str],
              house_kinds: frozenset[str] = frozenset()) -> list[Finding]:
    """Return the findings that explain best: an "unrelated" finding alone, if there is one
    (flags on the words of a text about something else explain nothing more; the house style's
    need no reference, and stand), unless most of the text is untranslated, which says why it is
    unrelated; then drop the other findings that lie inside an untranslated or repeated run."""
    if any(f.kind == "untranslated" and f.severity is Severity.CRITICAL for f in findings):
        findings = [f for f in findings if f.kind != "unrelated"]
    unrelated = [f for f in findings if f.kind == "unrelated"]
    if unrelated:
        return unrelated + [f for f in findings if f.kind in house_kinds]
    runs = [f for f in findings if f.kind in overriding_kinds]
    return [f for f in findings if f.kind in overriding_kinds
            or not any(r.first <= f.first and f.last <= r.last for r in runs)]


def give_way(view: SegmentView, findings: list[Finding], precise_kinds: frozenset[str]) -> list[Finding]:
    """Cut the words of precise findings out of risky runs; drop what is left without a content word.

    A risky run across a name ("fund Kiril Dmitriev speaks") would otherwise merge with the name's
    finding and take its place; the name's flag says more. A minor run also keeps clear of every
    more severe finding and its neighbours, which merging would otherwise widen.
    """
    taken = {i for f in findings if f.kind in precise_kinds for i in range(f.first, f.last + 1)}
    minor_runs = any(f.detector == "wordrisk" and f.severity is Severity.MINOR for f in findings)
    if not taken and not minor_runs:
        return findings
    graver = {i for f in findings if f.severity is not Severity.MINOR
              for i in range(f.first - 1, f.last + 2)} if minor_runs else set()
    out = []
    for f in findings:
        if f.detector != "wordrisk":
            out.append(f)
            continue
        out += outside(view, f, taken | graver if f.severity is Severity.MINOR else taken)
    return out


def outside(view: SegmentView, f: Finding, blocked: set[int]) -> list[Finding]:
    """Return the runs of a finding outside the blocked words that hold a content word."""
    if blocked.isdisjoint(range(f.first, f.last + 1)):
        return [f]
    out, start = [], None
    for i in range(f.first, f.last + 2):
        free = i <= f.last and i not in blocked
        if free and start is None:
            start = i
        elif not free and start is not None:
            if any(content(view, k) for k in range(start, i)):
                out.append(replace(f, first=start, last=i - 1))
            start = None
    return out


def defer_to_house_style(view: SegmentView, findings: list[Finding], house_kinds: frozenset[str]) -> list[Finding]:
    """Cut the words of house-style findings out of every other finding: the glossary says what to write.

    A name the glossary covers is flagged once, as house style, even where the reference spells
    it too ("Ilon Musk" is one glossary flag, not also a name mismatch or a mistranslation).
    """
    ruled = {i for f in findings if f.kind in house_kinds for i in range(f.first, f.last + 1)}
    if not ruled:
        return findings
    # an "unrelated" finding speaks of the whole text, house style or not
    return [g for f in findings
            for g in ([f] if f.kind in house_kinds or f.kind == "unrelated" else outside(view, f, ruled))]


def defer_to_precise(findings: list[Finding], precise_kinds: frozenset[str],
                     wording_kinds: frozenset[str]) -> list[Finding]:
    """Drop wording findings that lie inside a precise finding: it says what is wrong there.

    A name spelled another way also matches its reference name weakly; the name's finding
    says why, and how much it matters (a minor transliteration is not a major mistranslation).
    """
    precise = [f for f in findings if f.kind in precise_kinds]
    if not precise:
        return findings
    return [f for f in findings if f.kind not in wording_kinds
            or not any(p.first <= f.first and f.last <= p.last for p in precise)]


def arbitrate(view: SegmentView, findings: list[Finding], overriding_kinds: frozenset[str],
              precise_kinds: frozenset[str], wording_kinds: frozenset[str] = frozenset(),
              house_kinds: frozenset[str] = frozenset()) -> list[Finding]:
    """Return the findings that explain best (supersede), with wording giving way to precise
    findings, and everything to the house style."""
    kept = defer_to_precise(supersede(findings, overriding_kinds, house_kinds), precise_kinds, wording_kinds)
    return defer_to_house_style(view, give_way(view, kept, precise_kinds), house_kinds)
