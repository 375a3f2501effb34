"""The editor benchmark's figures (benchmarks/editor.py), on hand-computed cases."""
import math
from types import SimpleNamespace

import pytest

from benchmarks.editor import Labelled, LineFlag, Span, overlaps, segment_figures, share, wire_figures


def flag(line, start, end, severity="major", story="s"):
    return LineFlag(story, line, start, end, severity)


@pytest.mark.parametrize("f,span,expected", [
    (flag(1, 0, 5), Span("s", 1, 4, 8), True),     # one character shared
    (flag(1, 0, 4), Span("s", 1, 4, 8), False),    # touching is not overlapping
    (flag(2, 0, 9), Span("s", 1, 4, 8), False),    # another line
    (flag(1, 0, 9, story="t"), Span("s", 1, 4, 8), False),  # another story
    (flag(1, 4, 4), Span("s", 1, 4, 8), True),     # an omission at the span's first character
    (flag(1, 8, 8), Span("s", 1, 4, 8), False),    # ...and just after it
])
def test_overlaps(f, span, expected):
    assert overlaps(f, span) is expected


def test_wire_figures():
    gold = [Span("s", 1, 0, 4, "critical", "number"), Span("s", 1, 10, 14, "major", "name"),
            Span("s", 2, 0, 4, "minor", "grammar")]
    ok = [Span("s", 1, 20, 25), Span("s", 2, 10, 12)]
    flags = [flag(1, 2, 3, "minor"), flag(1, 11, 22, "major"), flag(2, 30, 31, "minor")]
    out = wire_figures(gold, ok, flags)
    assert out.found == {"critical": (1, 1), "major": (1, 1), "minor": (0, 1)}
    assert out.found_major_flag == {"critical": 0, "major": 1, "minor": 0}
    assert out.by_category == {"grammar": (0, 1), "name": (1, 1), "number": (1, 1)}
    assert (out.flags, out.right, out.false_alarm_flags) == (3, 2, 1)
    assert (out.paraphrases, out.paraphrases_hit, out.paraphrases_hit_major) == (2, 1, 1)
    assert out.precision == pytest.approx(2 / 3)
    assert out.mean_flag_length == pytest.approx((1 + 11 + 1) / 3)


def test_segment_figures():
    def item(human, clean, major):
        return Labelled("x", "h", ("r",), None, human, clean, major, "eval")

    major = SimpleNamespace(severity=SimpleNamespace(value="major"))
    minor = SimpleNamespace(severity=SimpleNamespace(value="minor"))
    items = [item(False, True, False), item(False, True, False), item(True, True, False),
             item(False, False, True), item(False, False, True), item(False, False, False)]
    flags = [[major], [minor], [], [major, minor], [], [major]]
    out = segment_figures(items, flags)
    assert out["false alarms, MT"] == (2, 0.5)
    assert out["false alarms, human"] == (1, 0.0)
    assert out["major errors kept, MT"] == (2, 0.5)
    assert out["any flag on error-free MT"] == (2, 1.0)


def test_share_of_nothing_is_nan():
    n, value = share([])
    assert n == 0 and math.isnan(value)
