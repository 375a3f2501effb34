"""Merge overlapping findings and turn them into Flags with suggestions from the reference."""
from __future__ import annotations

from dataclasses import replace

from ..results import Flag
from .base import Finding, SegmentView

SPAN_MATCH = 0.6  # inside a flagged span, a match this good still says where the span belongs
ANCHOR_REACH = 3  # how many words away from a span an anchor may be
PHRASE_WORDS = 3  # a span this long at an end of the translation reaches the reference's end


# Kinds that describe wording rather than a precise word-level fault: neighbouring findings of
# these kinds are one garbled phrase ("called" + "himself criticism").
PHRASE_KINDS = frozenset({"mistranslation", "word-order", "garbled"})
GARBLED_MESSAGE = '"{text}" is garbled: its wording and order differ from the reference, which has {suggestion}'


def _merge_two(a: Finding, b: Finding) -> Finding:
    """Return one finding covering both; the more severe one names the kind and message."""
    lead = a if a.severity.rank >= b.severity.rank else b
    if a.kind != b.kind and a.kind in PHRASE_KINDS and b.kind in PHRASE_KINDS:
        lead = replace(lead, kind="garbled", message=GARBLED_MESSAGE, detector="+".join(
            sorted(set(a.detector.split("+")) | set(b.detector.split("+")))))
    ref_span = a.ref_span or b.ref_span
    if a.ref_span and b.ref_span and a.ref_span[0] == b.ref_span[0]:
        ref_span = (a.ref_span[0], min(a.ref_span[1], b.ref_span[1]), max(a.ref_span[2], b.ref_span[2]))
    elif a.ref_span and b.ref_span:
        ref_span = lead.ref_span
    return replace(lead, first=min(a.first, b.first), last=max(a.last, b.last),
                   confidence=max(a.confidence, b.confidence), ref_span=ref_span)


def merge(findings: list[Finding]) -> list[Finding]:
    """Merge findings that overlap, and adjacent findings of the same kind, in text order."""
    merged: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.first, f.last)):
        if merged:
            prev = merged[-1]
            adjacent = f.first == prev.last + 1
            same_family = f.kind == prev.kind or {f.kind, prev.kind} <= PHRASE_KINDS
            if f.first <= prev.last or (adjacent and same_family):
                merged[-1] = _merge_two(prev, f)
                continue
        merged.append(f)
    return merged


def _anchor(view: SegmentView, indices) -> tuple[int, int] | None:
    """Return (reference, word) of the first anchored translation word among indices."""
    for i in indices:
        if 0 <= i < len(view.hyp_words) and view.is_anchor(i):
            m = view.matches[i]
            return m.ref, m.word
    return None


def reference_span(view: SegmentView, first: int, last: int) -> tuple[int, int, int] | None:
    """Return (reference, first word, last word) of what the reference says at a translation span."""
    n = last - first + 1
    left = _anchor(view, range(first - 1, first - 1 - ANCHOR_REACH, -1))
    right = _anchor(view, range(last + 1, last + 1 + ANCHOR_REACH))
    # the reference words between the surrounding anchors are where the span belongs
    size = len(view.ref_words[0]) if view.ref_words else 0
    gap_lo = left[1] + 1 if left else (right[1] - n - 3 if right else 0)
    gap_hi = right[1] - 1 if right else (left[1] + n + 3 if left else size)
    matched = [(i, view.matches[i]) for i in range(first, last + 1) if view.matches[i]]
    inside = [(i, m) for i, m in matched if m.same_form or m.similarity >= SPAN_MATCH]
    if not inside:
        # weak matches are trusted only where the anchors say the span must be
        inside = [(i, m) for i, m in matched if gap_lo <= m.word <= gap_hi
                  and (left is None or m.ref == left[0]) and (right is None or m.ref == right[0])]
    if inside:
        k = inside[0][1].ref
        positions = [m.word for _, m in inside if m.ref == k]
        # words of the span without a good match widen the range on their side
        lo = min(positions) - (inside[0][0] - first)
        hi = max(positions) + (last - inside[-1][0])
    elif left:
        k, lo, hi = left[0], left[1] + 1, left[1] + n
    elif right:
        k, lo, hi = right[0], right[1] - n, right[1] - 1
    else:
        return None
    # a phrase with nothing after it (or before it) in the translation stands for the rest of the
    # reference after its left anchor (or before its right one); a word or two there is more
    # often one word of a longer reference, which this would swamp
    if n >= PHRASE_WORDS and right is None and left and left[0] == k and last == len(view.hyp_words) - 1:
        hi = len(view.ref_words[k]) - 1
    if n >= PHRASE_WORDS and left is None and right and right[0] == k and first == 0:
        lo = 0
    # never reach over the anchors that surround the span
    if left and left[0] == k:
        lo = max(lo, left[1] + 1)
    if right and right[0] == k:
        hi = min(hi, right[1] - 1)
    lo, hi = max(lo, 0), min(hi, len(view.ref_words[k]) - 1)
    if lo > hi:
        return None
    return k, lo, hi


def to_flags(view: SegmentView, findings: list[Finding]) -> tuple[Flag, ...]:
    """Merge findings and return Flags with offsets, suggestion and message filled in."""
    flags = []
    for f in merge(findings):
        start, end = view.hyp_words[f.first].start, view.hyp_words[f.last].end
        span = f.ref_span or (reference_span(view, f.first, f.last) if f.suggest else None)
        suggestion = None
        if span is not None:
            k, lo, hi = span
            words = view.ref_words[k]
            suggestion = view.references[k][words[lo].start:words[hi].end]
        text = view.hypothesis[start:end]
        shown = f'"{suggestion}"' if suggestion is not None else "no counterpart"
        flags.append(Flag(
            start=start, end=end, text=text, severity=f.severity, kind=f.kind,
            message=f.message.format(text=text, suggestion=shown),
            confidence=f.confidence, suggestion=suggestion, detector=f.detector))
    return tuple(flags)
