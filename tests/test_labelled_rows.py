"""Labelled data for calibrate: both kinds of line read, every malformed line named with what to do."""
import json

import pytest

from mtcheck.calibration.labelled_rows import load_items, read_labelled
from mtcheck.errors import InputError

SPANS = {"id": "a", "hypothesis": "The walks went well.", "references": ["The talks went well."],
         "dataset": "wmt23", "doc": "d1", "seg": 3, "domain": "news", "raters": ["r1", "r2"],
         "spans": [{"start": 4, "end": 9, "severity": "major", "rater": "r1"},
                   {"start": 15, "end": 19, "severity": "minor", "rater": "r2"}]}
SCORE = {"id": "b", "hypothesis": "The walks went well.", "references": ["The talks went well."],
         "lp": "he-en", "doc": "d1", "seg": 3, "mqm": -6.0, "human": True}


def _write(tmp_path, *rows):
    path = tmp_path / "rated.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_line_with_spans_gives_the_raters_mean_penalty(tmp_path):
    [(part, item)] = read_labelled(_write(tmp_path, SPANS))
    assert (item.mqm, item.source_id, item.raters, item.penalty, item.human) == (3.0, "wmt23/d1/3", ("r1", "r2"),
                                                                                None, False)
    assert part in ("fit", "eval")


def test_a_line_with_a_score_gives_its_penalty_when_scores_are_taken(tmp_path):
    [(_, item)] = read_labelled(_write(tmp_path, SCORE), scores=True)
    assert (item.mqm, item.source_id, item.spans, item.human) == (6.0, "he-en/d1/3", (), True)


def test_an_unrated_segment_is_left_out(tmp_path):
    assert read_labelled(_write(tmp_path, {**SPANS, "raters": [], "spans": []})) == []


def test_the_sample_is_drawn_from_the_split_in_file_order(tmp_path):
    rows = [{**SPANS, "id": str(k), "doc": f"d{k}"} for k in range(40)]
    path = _write(tmp_path, *rows)
    fit = [it.id for it in load_items(path, "fit", None, 0)]
    assert 0 < len(fit) < 40 and fit == sorted(fit, key=int)
    assert [it.id for it in load_items(path, "fit", 5, 7)] == [it.id for it in load_items(path, "fit", 5, 7)]
    assert set(it.id for it in load_items(path, "fit", 5, 7)) <= set(fit)


@pytest.mark.parametrize("row,scores,message", [
    (SCORE, False, "segment has an MQM score but no error spans, which the cut-offs are fitted on: refit the "
                   "quality score alone with --quality-only, or pass the file as --scored"),
    ({**SCORE, "mqm": 5}, True, "'mqm' must be 0 or a negative number (WMT's sign: no error 0, minor -1, major -5)"),
    ({**SCORE, "mqm": "-5"}, True, "'mqm' must be 0 or a negative number (WMT's sign: no error 0, minor -1, "
                                   "major -5)"),
    ({**SCORE, "human": "yes"}, True, "'human' must be true or false"),
    ({k: v for k, v in SCORE.items() if k != "mqm"}, True,
     "labelled segment has neither error spans ('raters' and 'spans') nor an MQM score ('mqm'); see the README, "
     "'Calibrating on your own data'"),
    ({k: v for k, v in SPANS.items() if k != "dataset"}, False,
     "labelled segment needs 'dataset', a string; see the README, 'Calibrating on your own data'"),
    ({k: v for k, v in SPANS.items() if k != "doc"}, False,
     "labelled segment needs 'doc', a string or a whole number; see the README, 'Calibrating on your own data'"),
    ({**SPANS, "seg": 1.5}, False,
     "labelled segment needs 'seg', a string or a whole number; see the README, 'Calibrating on your own data'"),
    ({**SPANS, "raters": "r1"}, False,
     "'raters' must be a list of the raters' names; see the README, 'Calibrating on your own data'"),
    ({**SPANS, "spans": {}}, False, "'spans' must be a list of error spans; see the README, 'Calibrating on your own "
                                    "data'"),
    ({**SPANS, "spans": ["x"]}, False, "span 1 must be an object with start, end, severity and rater"),
    ({**SPANS, "spans": [{"start": 4, "end": 99, "severity": "major", "rater": "r1"}]}, False,
     "span 1 needs whole-number 'start' and 'end' within the hypothesis (0 to 20, end exclusive)"),
    ({**SPANS, "spans": [{"start": 9, "end": 4, "severity": "major", "rater": "r1"}]}, False,
     "span 1 needs whole-number 'start' and 'end' within the hypothesis (0 to 20, end exclusive)"),
    ({**SPANS, "spans": [{"start": 4, "end": 9, "severity": "critical", "rater": "r1"}]}, False,
     "span 1 has severity 'critical'; give 'minor' or 'major'"),
    ({**SPANS, "spans": [{"start": 4, "end": 9, "severity": "major", "rater": "r9"}]}, False,
     "span 1 needs 'rater', one of the line's 'raters'"),
    ({**SPANS, "domain": 3}, False, "labelled segment needs 'domain', a string; see the README, 'Calibrating on your "
                                    "own data'"),
])
def test_a_malformed_line_is_named_with_what_to_do(tmp_path, row, scores, message):
    path = _write(tmp_path, SPANS, row)
    with pytest.raises(InputError) as raised:
        read_labelled(path, scores=scores)
    assert str(raised.value) == f"{path}:2: {message}"


def test_a_line_that_is_no_batch_record_is_named_as_check_names_it(tmp_path):
    path = _write(tmp_path, "not json")
    with pytest.raises(InputError) as raised:
        read_labelled(path)
    assert str(raised.value) == (f"{path}:1: invalid JSON at column 1: Expecting value; each line must be one "
                                 "JSON object")


def test_scored_segments_come_from_scores_or_spans_and_those_between_clean_and_major_are_left_out(tmp_path):
    from mtcheck.refit import scored_items

    major_span = [{"start": 4, "end": 9, "severity": "major", "rater": "r1"}]
    path = _write(tmp_path, {**SPANS, "id": "spans-major", "raters": ["r1"], "spans": major_span},
                  {**SPANS, "id": "spans-clean", "spans": []}, {**SPANS, "id": "spans-penalty-3"},
                  {**SCORE, "id": "score-minor", "mqm": -1}, {**SCORE, "id": "score-clean", "mqm": 0},
                  {**SCORE, "id": "score-major", "mqm": -5, "human": False})
    assert [(it.id, major, human) for it, major, human in scored_items(path, "all")] == [
        ("spans-major", True, False), ("spans-clean", False, False), ("score-clean", False, True),
        ("score-major", True, False)]
