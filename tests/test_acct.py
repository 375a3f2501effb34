"""acc-t (pairwise accuracy with tie calibration), pinned on cases computed by hand."""
import numpy as np
import pytest

from benchmarks.acct import acc_t, pairs_of

CASES = [
    # name, groups, metric, human, weights, expected (acc-t, epsilon)
    ("one group ordered as the humans", "aaa", [0.9, 0.5, 0.1], [3, 2, 1], None, (1.0, 0.0)),
    ("one group ordered the other way", "aaa", [0.1, 0.5, 0.9], [3, 2, 1], None, (0.0, 0.0)),
    # (0,1) a human tie 0.1 apart; (0,2) and (1,2) concordant: a tie at 0.1 makes all three right,
    # one at 0.4 would lose (1,2)
    ("a human tie is won by the epsilon that ties it", "aaa", [0.5, 0.4, 0.0], [1, 1, 0], None, (1.0, 0.1)),
    ("groups are averaged, not pooled", "aabbb", [1, 0, 0, 1, 2], [1, 0, 2, 1, 0], None, (0.5, 0.0)),
    ("a group's weight counts it so many times", "aabb", [1, 0, 0, 1], [1, 0, 1, 0], [3, 1], (0.75, 0.0)),
    ("an exact metric tie against a human order is wrong", "aa", [0.5, 0.5], [2, 1], None, (0.0, 0.0)),
    ("an exact metric tie against a human tie is right", "aa", [0.5, 0.5], [1, 1], None, (1.0, 0.0)),
    ("a group of one translation has no pair", "abb", [1, 1, 0], [0, 1, 0], None, (1.0, 0.0)),
]


@pytest.mark.parametrize("name,groups,metric,human,weights,expected", CASES, ids=[c[0] for c in CASES])
def test_acc_t(name, groups, metric, human, weights, expected):
    accuracy, epsilon = acc_t(pairs_of(list(groups), metric, human), weights)
    assert (round(accuracy, 6), round(epsilon, 6)) == expected


def test_pairwise_fit_orders_by_the_column_that_orders_the_raters():
    from benchmarks.ranking_ceiling import pairwise_fit

    rng = np.random.default_rng(0)
    human = rng.normal(size=60)
    groups = [str(i // 6) for i in range(60)]
    # column 0 follows the raters up to noise; column 1 against them, weakly; column 2 is noise
    x = np.column_stack([human + 0.3 * rng.normal(size=60), -human + 2 * rng.normal(size=60), rng.normal(size=60)])
    scores = pairwise_fit(x, human, groups, l2=0.1)
    assert np.corrcoef(scores, human)[0, 1] > 0.9
    assert acc_t(pairs_of(groups, scores, human))[0] > acc_t(pairs_of(groups, x[:, 2], human))[0]
