"""The editor benchmark's figures (benchmarks/editor.py), on hand-computed cases."""
import math
from types import SimpleNamespace

import numpy as np
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


def labelled(i, human=False, clean=False, major=False):
    return Labelled(str(i), "h", ("r",), None, human, clean, major, "fit")


def test_false_alarms_at_the_cut_off_that_keeps_the_share_of_major_errors():
    from benchmarks.ceiling import false_alarms_at

    items = ([labelled(i, major=True) for i in range(4)] + [labelled(i, clean=True) for i in range(4, 8)]
             + [labelled(8, human=True, clean=True), labelled(9, human=True, clean=True)])
    # major errors score 1 to 4, so the cut-off keeping half of them is 2.5: of the clean MT
    # segments only the one at 2 is at or below it, of the human translations the one at 0
    scores = np.array([1, 2, 3, 4, 2, 5, 6, 7, 0, 9], dtype=float)
    fa_mt, fa_human, auc = false_alarms_at(scores, items, 0.5)
    assert (fa_mt, fa_human) == (0.25, 0.5)
    # 16 (major, clean MT) pairs: the clean 2 is above the major 1 and ties the major 2 (a
    # half); the clean 5, 6 and 7 are above all four majors
    assert auc == pytest.approx((1 + 0.5 + 12) / 16)
