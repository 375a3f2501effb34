"""Read labelled JSON Lines for `mtcheck calibrate`, checking every line.

A line is one rated translation, of one of two kinds:
- with its raters' error spans (`raters`, `spans`, as in mqm_zhen_dev.jsonl): everything can be
  fitted on these;
- with its MQM segment score alone (`mqm`: 0 for no error, minor -1, major -5, WMT's sign, as in
  heen_news_dev.jsonl): enough for the quality score and the cut-off for a major flag.
Every line also names its test set (`dataset`, or `lp`), document (`doc`) and source segment
(`seg`): documents split the data into the fit and eval halves, and translations of one
source segment are what the quality score learns to order.
"""
from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io.jsonl import Record, iter_jsonl
from .labelled import SEVERITY_WEIGHT, Item, split_of

FORMAT_HINT = "see the README, 'Calibrating on your own data'"


def load_items(path: str | Path, split: str, sample: int | None, seed: int, first_reference: bool = False,
               scores: bool = False) -> list[Item]:
    """Return a reproducible random sample of one split ("fit", "eval" or "all") of a labelled file.

    Segments no rater rated are left out. With ``scores``, lines with an MQM segment score and no
    spans are taken too; without, such a line is an error that says which command takes it.
    """
    items = [item for part, item in read_labelled(path, scores, first_reference) if split in ("all", part)]
    if sample is not None and sample < len(items):
        items = random.Random(seed).sample(items, sample)
    return items


def read_labelled(path: str | Path, scores: bool = False, first_reference: bool = False) -> list[tuple[str, Item]]:
    """Return each rated line's split and Item, in file order; raise InputError naming a bad line."""
    out = []
    for record in iter_jsonl(path):
        item = _item(record, str(path), scores, first_reference)
        if item is not None:
            out.append(item)
    return out


def _item(record: Record, path: str, scores: bool, first_reference: bool) -> tuple[str, Item] | None:
    """Return a line's split and Item, None for an unrated segment; raise InputError if it is malformed."""
    row, line = record.extra, record.line

    def text(name: str, default: Any = None, kinds: tuple = (str,)) -> Any:
        value = row.get(name, default)
        if value is None or isinstance(value, bool) or not isinstance(value, kinds):
            what = "a string" if kinds == (str,) else "a string or a whole number"
            raise InputError(f"labelled segment needs '{name}', {what}; {FORMAT_HINT}", path, line)
        return value

    dataset = text("dataset", row.get("lp"))
    doc, seg = text("doc", kinds=(str, int)), text("seg", kinds=(str, int))
    part = split_of({"dataset": dataset, "doc": doc})
    references = record.references[:1] if first_reference else record.references
    common = dict(id=record.id, hypothesis=record.hypothesis, references=references, source=record.source or "",
                  domain=text("domain", ""), source_id=f"{dataset}/{doc}/{seg}", system=text("system", ""))
    human = row.get("human", False)
    if not isinstance(human, bool):
        raise InputError("'human' must be true or false", path, line)
    if "raters" in row or "spans" in row:
        raters, spans = _raters(row, path, line), _spans(row, record.hypothesis, path, line)
        if not raters:
            return None
        return part, Item(**common, raters=tuple(raters), spans=tuple(spans), human=human,
                          clean_references=_references_clean(row, len(references)))
    if "mqm" not in row:
        raise InputError("labelled segment has neither error spans ('raters' and 'spans') nor an MQM score "
                         f"('mqm'); {FORMAT_HINT}", path, line)
    if not scores:
        raise InputError("segment has an MQM score but no error spans, which the cut-offs are fitted on: refit "
                         "the quality score alone with --quality-only, or pass the file as --scored", path, line)
    mqm = row["mqm"]
    if isinstance(mqm, bool) or not isinstance(mqm, (int, float)) or not math.isfinite(mqm) or mqm > 0:
        raise InputError("'mqm' must be 0 or a negative number (WMT's sign: no error 0, minor -1, major -5)",
                         path, line)
    return part, Item(**common, raters=(), spans=(), penalty=-float(mqm), human=human)


def _raters(row: dict, path: str, line: int) -> list[str]:
    """Return the line's raters, checked."""
    raters = row.get("raters")
    if not isinstance(raters, list) or not all(isinstance(r, str) for r in raters):
        raise InputError(f"'raters' must be a list of the raters' names; {FORMAT_HINT}", path, line)
    return raters


def _spans(row: dict, hypothesis: str, path: str, line: int) -> list[dict]:
    """Return the line's error spans, checked: offsets into the hypothesis, a severity, a rater."""
    spans = row.get("spans")
    if not isinstance(spans, list):
        raise InputError(f"'spans' must be a list of error spans; {FORMAT_HINT}", path, line)
    for n, span in enumerate(spans, start=1):
        if not isinstance(span, dict):
            raise InputError(f"span {n} must be an object with start, end, severity and rater", path, line)
        start, end = span.get("start"), span.get("end")
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)) \
                or not 0 <= start <= end <= len(hypothesis):
            raise InputError(f"span {n} needs whole-number 'start' and 'end' within the hypothesis "
                             f"(0 to {len(hypothesis)}, end exclusive)", path, line)
        if span.get("severity") not in SEVERITY_WEIGHT:
            raise InputError(f"span {n} has severity {span.get('severity')!r}; give "
                             f"{' or '.join(map(repr, SEVERITY_WEIGHT))}", path, line)
        if not isinstance(span.get("rater"), str) or span["rater"] not in row["raters"]:
            raise InputError(f"span {n} needs 'rater', one of the line's 'raters'", path, line)
    return spans


def _references_clean(row: dict, kept: int) -> bool:
    """Return True if raters found no major error in any of the references kept (the data's ref_quality)."""
    quality = row.get("ref_quality") or {}
    names = row.get("ref_names") or []
    if not isinstance(quality, dict) or not isinstance(names, list):
        return False
    rated = [quality.get(name) if isinstance(name, str) else None for name in names[:kept]]
    return len(rated) == kept and all(isinstance(q, dict) and q.get("major") == 0 for q in rated)
