"""Merge overlapping findings and turn them into Flags with suggestions from the reference."""
from __future__ import annotations

from dataclasses import replace

from ..results import Flag
from ..words import is_function_word
from .base import CLAUSE_MARKS, Finding, SegmentView

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
        # a finding with its own suggestion (the glossary's) says exactly what to write there
        if merged and f.written is None and merged[-1].written is None:
            prev = merged[-1]
            adjacent = f.first == prev.last + 1
            same_family = f.kind == prev.kind or {f.kind, prev.kind} <= PHRASE_KINDS
            if f.first <= prev.last or (adjacent and same_family):
                merged[-1] = _merge_two(prev, f)
                continue
        merged.append(f)
    return merged


def _anchors(view: SegmentView, indices) -> list[tuple[int, int, int]]:
    """Return (translation word, reference, reference word) of the anchored words among indices."""
    out = []
    for i in indices:
        if 0 <= i < len(view.hyp_words) and view.is_anchor(i):
            m = view.matches[i]
            out.append((i, m.ref, m.word))
    return out


def _across_clause(view: SegmentView, a: int, b: int) -> bool:
    """Return True if punctuation stands between translation words a < b."""
    return any(c in CLAUSE_MARKS for c in view.between(a, b))


Anchor = tuple[int, int]  # (reference, word)


def surrounding_anchors(view: SegmentView, first: int, last: int) -> tuple[Anchor | None, Anchor | None]:
    """Return the anchors left and right of a span, or None for a side.

    The nearest anchors on each side, if one reference has them in the translation's order. If
    not (a clause moved, or a "the" that matched the wrong "the"), the pair in order whose gap
    holds most of the span's own weak matches, then the nearest (when the nearest two lie in
    two references, only a pair that holds some); failing that, the left one alone, or the
    right one if only it is in the span's clause (an anchor across a comma often belongs to a
    clause that the reference puts elsewhere).
    """
    lefts = _anchors(view, range(first - 1, first - 1 - ANCHOR_REACH, -1))
    rights = _anchors(view, range(last + 1, last + 1 + ANCHOR_REACH))
    if not lefts or not rights:
        return (lefts[0][1:] if lefts else None), (rights[0][1:] if rights else None)
    (i, *left), (j, *right) = lefts[0], rights[0]
    if left[0] == right[0] and left[1] < right[1]:
        return tuple(left), tuple(right)
    weak = [m for m in view.matches[first:last + 1] if m is not None]

    def held(a, b):
        return sum(m.ref == a[1] and a[2] < m.word < b[2] for m in weak)

    pairs = [(-held(a, b), b[0] - a[0], a, b) for a in lefts for b in rights if a[1] == b[1] and a[2] < b[2]]
    if pairs:
        most, _, a, b = min(pairs)
        # anchors in two references say nothing against each other: a pair found in one of
        # them must hold some of the span's matches to beat the nearest anchor alone
        if most or left[0] == right[0]:
            return a[1:], b[1:]
    # the left one, unless only the right one is in the span's clause
    if _across_clause(view, i, first) and not _across_clause(view, last, j):
        return None, tuple(right)
    return tuple(left), None


def reference_span(view: SegmentView, first: int, last: int,
                   anchors: tuple[Anchor | None, Anchor | None] | None = None) -> tuple[int, int, int] | None:
    """Return (reference, first word, last word) of what the reference says at a translation span.

    ``anchors`` are the span's surrounding_anchors, if the caller has them already.
    """
    n = last - first + 1
    left, right = anchors or surrounding_anchors(view, first, last)
    # the reference words between the surrounding anchors are where the span belongs
    size = len(view.ref_words[0]) if view.ref_words else 0
    gap_lo = left[1] + 1 if left else (right[1] - n - 3 if right else 0)
    gap_hi = right[1] - 1 if right else (left[1] + n + 3 if left else size)
    matched = [(i, view.matches[i]) for i in range(first, last + 1) if view.matches[i]]
    inside = [(i, m) for i, m in matched if m.same_form or m.similarity >= SPAN_MATCH]
    guessed = not inside
    if guessed:
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
    if guessed:
        # a range guessed from anchors and weak matches stops short of reference words that
        # other translation words stand for: those are not what this span says otherwise
        claimed = {m.word for i, m in enumerate(view.matches)
                   if (i < first or i > last) and m is not None and m.ref == k and view.is_anchor(i)}
        while lo <= hi and lo in claimed:
            lo += 1
        while hi >= lo and hi in claimed:
            hi -= 1
    words = view.ref_words[k]
    # a number is as frequent as "the", but for a span with a number it is the counterpart
    numeric = any(view.hyp_words[i].is_number for i in range(first, last + 1))
    if not any(not is_function_word(words[j], view.lang) or (numeric and words[j].is_number)
               for j in range(lo, hi + 1)):
        return None  # "the" or "with" alone says nothing of what the span should say
    return k, lo, hi


def to_flags(view: SegmentView, findings: list[Finding]) -> tuple[Flag, ...]:
    """Merge findings and return Flags with offsets, suggestion and message filled in."""
    flags = []
    for f in merge(findings):
        start, end = view.hyp_words[f.first].start, view.hyp_words[f.last].end
        # the anchors serve the suggestion and, when there is none, the message
        own = f.written is not None
        anchors = surrounding_anchors(view, f.first, f.last) if f.suggest and not f.ref_span and not own \
            else (None, None)
        span = None if own else f.ref_span or (reference_span(view, f.first, f.last, anchors) if f.suggest else None)
        if f.kind == "garbled" and f.ref_span:
            span = _with_aligned(view, f, f.ref_span)
        suggestion = f.written
        if span is not None:
            k, lo, hi = span
            words = view.ref_words[k]
            suggestion = view.references[k][words[lo].start:words[hi].end]
        text = view.hypothesis[start:end]
        shown = f'"{suggestion}"' if suggestion is not None else _no_counterpart(view, *anchors)
        flags.append(Flag(
            start=start, end=end, text=text, severity=f.severity, kind=f.kind,
            message=f.message.format(text=text, suggestion=shown),
            confidence=f.confidence, suggestion=suggestion, detector=f.detector))
    return tuple(flags)


def _with_aligned(view: SegmentView, f: Finding, span: tuple[int, int, int]) -> tuple[int, int, int]:
    """Return a merged span's reference words, widened to what the alignment gives for the whole span.

    One of the merged findings named its reference words ("Joe Biden's administration with
    Trump's"); the others' are where the alignment puts them ("contrasted"), next to those.
    """
    aligned = reference_span(view, f.first, f.last)
    if aligned is None or aligned[0] != span[0] or aligned[1] > span[2] + 1 or aligned[2] < span[1] - 1:
        return span
    return span[0], min(span[1], aligned[1]), max(span[2], aligned[2])


def _no_counterpart(view: SegmentView, left: Anchor | None, right: Anchor | None) -> str:
    """Say what the reference has at a span without a suggestion, from the anchors around it."""
    if left and right and left[0] == right[0] and right[1] == left[1] + 1:
        words = view.ref_words[left[0]]
        # the translation adds words here, or says elsewhere what the reference says
        return f'nothing between "{words[left[1]].text}" and "{words[right[1]].text}"'
    return "no clear counterpart"
