"""The benchmark's figures, checked on tiny hand-computed cases."""
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from mqm import binary_f1, kind_shares, lexical_baseline, pairwise_accuracy, prf, roc_auc  # noqa: E402


@pytest.mark.parametrize("pred,gold,expected", [
    ([{1, 2, 3, 4}], [{3, 4, 5, 6}], (0.5, 0.5, 0.5)),
    ([set()], [{1}], (0.0, 0.0, 0.0)),
    ([{1, 2}, {7}], [{1, 2}, set()], (2 / 3, 1.0, 0.8)),  # micro-averaged over segments
])
def test_prf(pred, gold, expected):
    assert prf(pred, gold) == pytest.approx(expected)


@pytest.mark.parametrize("risk,labels,expected", [
    ([0.1, 0.2, 0.8, 0.9], [False, False, True, True], 1.0),
    ([0.9, 0.8, 0.2, 0.1], [False, False, True, True], 0.0),
    ([0.5, 0.5, 0.5, 0.5], [False, True, False, True], 0.5),
    ([0.1, 0.6, 0.4, 0.9], [False, False, True, True], 0.75),
])
def test_roc_auc(risk, labels, expected):
    assert roc_auc(risk, labels) == pytest.approx(expected)


@pytest.mark.parametrize("risk,mqm,expected", [
    ([1, 2, 3], [0, 1, 5], 1.0),
    ([3, 2, 1], [0, 1, 5], 0.0),
    ([1, 1, 1], [0, 1, 5], 0.0),   # a tie in the score orders nothing
    ([1, 2, 3], [0, 0, 5], 1.0),   # pairs tied in MQM are left out
])
def test_pairwise_accuracy(risk, mqm, expected):
    assert pairwise_accuracy(risk, mqm) == pytest.approx(expected)


def test_binary_f1():
    assert binary_f1([True, True, False], [True, False, True]) == pytest.approx(0.5)


@pytest.mark.parametrize("hyp,ref,flagged", [
    ("the cat sat", "the cat sat", ""),
    ("the dog sat", "the cat sat", "dog"),
    ("a very big dog", "a dog", "verybig"),
])
def test_lexical_baseline(hyp, ref, flagged):
    assert "".join(hyp[c] for c in sorted(lexical_baseline(hyp, ref))) == flagged


def test_kind_shares_count_flags_and_the_gold_inside_them():
    from mtcheck.results import Flag, Severity

    def flag(start, end, kind, severity=Severity.MAJOR, detector="d"):
        return Flag(start, end, "x" * (end - start), severity, kind, "m", 0.5, None, detector)

    flags = [[flag(0, 4, "name-mismatch"), flag(10, 12, "non-word", Severity.CRITICAL)],
             [flag(0, 4, "name-mismatch")]]
    gold_major = [{0, 1}, set()]
    gold_all = [{0, 1, 2, 10}, {3}]
    assert kind_shares(flags, gold_major, gold_all) == {
        ("name-mismatch", "major", "d"): (2, 8, 2 / 8, 4 / 8),
        ("non-word", "critical", "d"): (1, 2, 0.0, 0.5),
    }
