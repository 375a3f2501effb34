"""The benchmark's figures, checked on tiny hand-computed cases."""
import dataclasses

import pytest


import numpy as np
from benchmarks.mqm import (
    Item, binary_f1, bootstrap_f1, bootstrap_tau, bootstrap_weights, f1_of_counts, interval, kendall_tau,
    ConfidenceBin, kind_shares, lexical_baseline, pairwise_accuracy, pearson, prf, reliability, roc_auc,
    span_counts, system_means, system_totals,
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


def _flag(start, end, confidence):
    from mtcheck.results import Flag, Severity

    return Flag(start, end, "x" * (end - start), Severity.MAJOR, "k", "m", confidence, None, "d")


@pytest.mark.parametrize("flags,gold,bins,table,error", [
    # two bins: 0.2 said, one of two marked; 0.9 said, the one marked (a touch is enough)
    ([[_flag(0, 2, 0.2), _flag(5, 6, 0.2), _flag(8, 10, 0.9)]], [{1, 9}], 2,
     [ConfidenceBin(0.0, 0.5, 2, 0.2, 0.5), ConfidenceBin(0.5, 1.0, 1, 0.9, 1.0)],
     (2 * 0.3 + 1 * 0.1) / 3),
    # a confidence of 1.0 falls in the top bin; flags of several segments each meet their own gold
    ([[_flag(0, 1, 1.0)], [_flag(0, 1, 0.95)]], [set(), {0}], 10,
     [ConfidenceBin(0.9, 1.0, 2, 0.975, 0.5)], 0.475),
    ([[]], [{0}], 10, [], 0.0),  # no flags, no error
])
def test_reliability(flags, gold, bins, table, error):
    got_table, got_error = reliability(flags, gold, bins)
    assert [dataclasses.astuple(b) for b in got_table] == [pytest.approx(dataclasses.astuple(b)) for b in table]
    assert got_error == pytest.approx(error)


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
    from benchmarks.accuracy import print_paired

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
    from benchmarks.accuracy import print_paired

    assert bootstrap_weights(["a", "b"], 0, seed=0).shape == (0, 2)
    print_paired("T", ("a", "b"), [("all", "tau", np.array([0.3]), np.array([0.2]))])
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| all"))
    assert [c.strip() for c in row.strip("|").split("|")] == ["all", "tau", "0.300", "0.200", "0.100", "", ""]


@pytest.mark.parametrize("values,systems,weights,names,expected", [
    ([1, 3, 10], ["b", "b", "a"], [[1, 1, 1]], ["a", "b"], [[10, 2]]),
    ([1, 3, 10], ["b", "b", "a"], [[2, 0, 1], [0, 1, 3]], ["a", "b"], [[10, 1], [10, 3]]),  # weighted
    ([1, 3], ["a", "b"], [[1, 0]], ["a", "b"], [[1, np.nan]]),   # a system never drawn has no mean
])
def test_system_means(values, systems, weights, names, expected):
    got_names, means = system_means(values, systems, np.array(weights))
    assert got_names == names
    np.testing.assert_allclose(means, expected)


def test_system_totals_sum_statistics_per_system():
    stats = np.array([[1, 2], [3, 4], [5, 6]])
    names, sums, counts = system_totals(stats, ["x", "y", "x"], np.array([[1, 1, 1], [0, 2, 1]]))
    assert names == ["x", "y"]
    np.testing.assert_allclose(sums, [[[6, 8], [3, 4]], [[5, 6], [6, 8]]])
    np.testing.assert_allclose(counts, [[2, 1], [1, 2]])


@pytest.mark.parametrize("a,b,expected", [
    ([1, 2, 3], [2, 4, 6], 1.0),
    ([1, 2, 3], [3, 2, 1], -1.0),
    ([1, 1, 1], [1, 2, 3], float("nan")),
])
def test_pearson(a, b, expected):
    assert pearson(a, b) == pytest.approx(expected, nan_ok=True)


def test_system_table_ranks_systems_against_mqm(capsys):
    from types import SimpleNamespace

    from benchmarks.accuracy import Resampling, print_systems

    def item(system, seg, text, majors):
        spans = tuple({"start": 0, "end": 1, "severity": "major", "rater": "r"} for _ in range(majors))
        return Item(f"{system}/{seg}", text, ("the cat sat on the mat",), "", "news", ("r",), spans,
                    f"set/doc/{seg}", True, system)

    # three systems, best to worst by MQM; mtcheck's penalty orders them the same way
    texts = {"good": "the cat sat on the mat", "fair": "the cat sat on a mat", "poor": "a dog stood by the door"}
    items, segments = [], []
    for rank, (system, text) in enumerate(texts.items()):
        for seg in range(2):
            items.append(item(system, seg, text, rank))
            segments.append(SimpleNamespace(scores=SimpleNamespace(penalty=float(rank), similarity=1 - rank / 4)))
    print_systems(items, segments, Resampling(resamples=0))
    lines = capsys.readouterr().out.splitlines()
    assert "## Systems of set (3 systems, 6 segments)" in lines
    table = [line.split("|")[1].strip() for line in lines if line.startswith("| ") and "segments" not in line]
    assert table[:3] == ["good", "fair", "poor"]
    agreement = {c[1].strip(): [x.strip() for x in c[2:4]] for c in (line.split("|") for line in lines)
                 if len(c) > 3 and c[1].strip().startswith(("mtcheck", "corpus"))}
    assert agreement["mtcheck penalty"] == ["1.000", "1.000"]
    assert agreement["corpus chrF"][0] == "1.000"


@pytest.mark.parametrize("unit,together,apart", [
    ("sentence", [(0, 1)], [(0, 2), (2, 3)]),        # two systems' translations of sentence 1
    ("document", [(0, 1), (0, 2)], [(2, 3)]),        # every sentence of document d1
])
def test_resampling_draws_the_unit_whole(unit, together, apart):
    from benchmarks.accuracy import Resampling

    def item(doc, seg, system):
        return Item(f"{system}/{doc}/{seg}", "x", ("x",), "", "news", ("r",), (), f"set/{doc}/{seg}", True, system)

    # and ten more documents, so that there are enough units of either kind to resample
    items = [item("d1", 1, "A"), item("d1", 1, "B"), item("d1", 2, "A"), item("d2", 1, "A")]
    items += [item(f"e{k}", 1, "A") for k in range(10)]
    weights = Resampling(300, 5, unit).weights(items)
    assert (weights[0] == 1).all()        # row 0 is the whole set itself
    for a, b in together:
        assert (weights[1:, a] == weights[1:, b]).all()
    for a, b in apart:
        assert (weights[1:, a] != weights[1:, b]).any()


def test_too_few_units_get_no_resamples():
    from benchmarks.accuracy import MIN_UNITS, Resampling

    items = [Item(f"s/{d}/1", "x", ("x",), "", "news", ("r",), (), f"set/{d}/1", True, "A")
             for d in range(MIN_UNITS - 1)]
    assert Resampling(50, 0, "document").weights(items).shape == (1, MIN_UNITS - 1)
    assert Resampling(50, 0, "document").weights(items + [Item("s/x/1", "x", ("x",), "", "news", ("r",), (),
                                                               "set/x/1", True, "A")]).shape == (51, MIN_UNITS)


def _doc_item(domain, doc, seg=1):
    return Item(f"{doc}/{seg}", "x", ("x",), "", domain, ("r",), (), f"set/{doc}/{seg}", True, "A")


@pytest.mark.parametrize("documents,folds,sizes", [
    ({"ted": 5, "news": 0}, 5, [1, 1, 1, 1, 1]),           # one talk per fold
    ({"ted": 5, "review": 10}, 5, [3, 3, 3, 3, 3]),
    ({"ted": 2, "review": 3}, 5, [1, 1, 1, 1, 1]),         # dealing carries on from domain to domain
    ({"review": 7}, 3, [3, 2, 2]),
])
def test_document_folds_deal_each_domain_across_the_folds(documents, folds, sizes):
    from benchmarks.crossval import document_folds

    items = [_doc_item(domain, f"{domain}{d}", seg) for domain, n in documents.items()
             for d in range(n) for seg in (1, 2)]
    fold = document_folds(items, folds)
    by_document = {}
    for it, f in zip(items, fold):
        by_document.setdefault(it.document_id, set()).add(f)
    assert all(len(fs) == 1 for fs in by_document.values())       # a document is never split
    per_fold = [sum(1 for fs in by_document.values() if k in fs) for k in range(folds)]
    assert sorted(per_fold, reverse=True) == sizes
    for domain, n in documents.items():                            # each domain spread evenly
        counts = [sum(1 for d, fs in by_document.items() if d.startswith(f"set/{domain}") and k in fs)
                  for k in range(folds)]
        assert max(counts) - min(counts) <= (1 if n else 0)
    assert document_folds(list(reversed(items)), folds) == list(reversed(fold))   # order of items is irrelevant


def test_out_of_fold_checks_each_fold_with_a_calibration_fitted_without_it(fake_embedder, monkeypatch, capsys):
    """The cross-validation's wiring, on a tiny fake set: every item gets its result, and each
    fold's calibration is fitted on the other folds' items alone."""
    import io

    from benchmarks import crossval

    pairs = [("the envoy met the minister", "the envoy met the minister"),
             ("the messenger met the minister", "the envoy met the minister"),
             ("prices rose sharply in May", "prices rose sharply in May"),
             ("prices flew sharply in May", "prices rose sharply in May")]
    items = []
    for doc in range(4):
        for k, (hyp, ref) in enumerate(pairs):
            wrong = [w for w, r in zip(hyp.split(), ref.split()) if w != r]
            spans = tuple({"start": hyp.index(w), "end": hyp.index(w) + len(w), "severity": "major", "rater": "r"}
                          for w in wrong)
            items.append(Item(f"d{doc}/{k}", hyp, (ref,), "", "news", ("r",), spans, f"set/d{doc}/{k}", True, "A"))
    folds = [int(it.document_id[-1]) % 2 for it in items]
    fitted_on = []
    real_fit = crossval.fit

    def spy(train, views, base, scope):
        fitted_on.append({it.id for it in train})
        assert scope == "segment"  # passed through as asked
        return real_fit(train, views, base, scope)

    monkeypatch.setattr(crossval, "fit", spy)
    segments = crossval.out_of_fold(items, folds, 100, 1, fake_embedder, io.StringIO(), "segment")
    assert [s.hypothesis for s in segments] == [it.hypothesis for it in items]
    assert fitted_on == [{it.id for it, f in zip(items, folds) if f != k} for k in (0, 1)]
    assert capsys.readouterr().out.count("held-out segments") == 2
