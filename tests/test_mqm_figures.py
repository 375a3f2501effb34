"""The benchmark's figures, checked on tiny hand-computed cases."""
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import numpy as np  # noqa: E402
from mqm import (  # noqa: E402
    binary_f1, bootstrap_f1, bootstrap_tau, bootstrap_weights, f1_of_counts, interval, kendall_tau, kind_shares,
    lexical_baseline, pairwise_accuracy, prf, roc_auc, span_counts,
)


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


@pytest.mark.parametrize("pred,gold,expected", [
    ([{1, 2}], [{2, 3}], [[1, 2, 2]]),
    ([set(), {5}], [{1}, set()], [[0, 0, 1], [0, 1, 0]]),
])
def test_span_counts(pred, gold, expected):
    assert span_counts(pred, gold).tolist() == expected


@pytest.mark.parametrize("counts,expected", [
    ([2, 4, 4], 0.5),
    ([3, 3, 3], 1.0),
    ([0, 0, 0], 0.0),   # nothing flagged and nothing to find
    ([0, 5, 0], 0.0),
])
def test_f1_of_counts(counts, expected):
    assert f1_of_counts(np.array(counts, float)) == pytest.approx(expected)


def test_f1_of_summed_counts_is_prf():
    pred, gold = [{1, 2}, {7}, set()], [{1, 2, 3}, set(), {4, 5}]
    assert float(f1_of_counts(span_counts(pred, gold).sum(axis=0))) == pytest.approx(prf(pred, gold)[2])


def test_bootstrap_draws_whole_groups():
    groups = ["a", "a", "b", "c", "c", "c"]
    weights = bootstrap_weights(groups, 200, seed=3)
    assert weights.shape == (200, 6)
    # segments of one group are drawn together, and each resample draws as many groups as there are
    assert (weights[:, 0] == weights[:, 1]).all() and (weights[:, 3] == weights[:, 5]).all()
    assert (weights[:, 0] + weights[:, 2] + weights[:, 3] == 3).all()
    assert weights.min() == 0 and weights.max() >= 2   # with replacement
    assert (bootstrap_weights(groups, 200, seed=3) == weights).all()   # reproducible


def test_bootstrap_figures_with_every_segment_once_are_the_plain_figures():
    pred, gold = [{1, 2}, {7}, set()], [{1, 2, 3}, set(), {4, 5}]
    ones = np.ones((1, 3), int)
    assert bootstrap_f1(span_counts(pred, gold), ones)[0] == pytest.approx(prf(pred, gold)[2])
    risk, mqm = [0.1, 0.5, 0.3], [0, 5, 1]
    assert bootstrap_tau(risk, mqm, ones)[0] == pytest.approx(kendall_tau(risk, mqm))
    # a segment drawn twice counts twice
    twice = np.array([[2, 1, 0]])
    assert bootstrap_f1(span_counts(pred, gold), twice)[0] == pytest.approx(prf(pred[:1] * 2 + pred[1:2], gold[:1] * 2 + gold[1:2])[2])


@pytest.mark.parametrize("samples,level,expected", [
    (np.arange(101), 0.95, (2.5, 97.5)),
    (np.arange(101), 0.5, (25.0, 75.0)),
    (np.full(10, 0.3), 0.95, (0.3, 0.3)),
])
def test_interval(samples, level, expected):
    assert interval(samples, level) == pytest.approx(expected)


def test_paired_table_gives_each_side_the_difference_and_how_often_the_first_leads(capsys):
    from accuracy import print_paired

    first = np.array([0.5, 0.6, 0.4, 0.5])    # the whole set, then three resamples
    second = np.array([0.4, 0.5, 0.45, 0.3])
    print_paired("T", ("a", "b"), [("all", "major F1", first, second)])
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| all"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[:2] == ["all", "major F1"]
    assert cells[2].startswith("0.500 (") and cells[3].startswith("0.400 (")
    assert cells[4].startswith("0.100 (")
    assert cells[5] == "67%"                   # ahead in two resamples of three
    assert cells[6].startswith("1.250 (")      # the ratio, for major F1


def test_no_resamples_gives_the_plain_figures_alone(capsys):
    from accuracy import print_paired

    assert bootstrap_weights(["a", "b"], 0, seed=0).shape == (0, 2)
    print_paired("T", ("a", "b"), [("all", "tau", np.array([0.3]), np.array([0.2]))])
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| all"))
    assert [c.strip() for c in row.strip("|").split("|")] == ["all", "tau", "0.300", "0.200", "0.100", "", ""]
