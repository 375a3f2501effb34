"""Read batch files: TSV with a header naming the columns."""
from __future__ import annotations

import csv
from pathlib import Path

from ..errors import InputError
from .jsonl import Record, parse_record
from .text import read_text


def read_tsv(path: str | Path) -> list[Record]:
    """Return one Record per row; columns: hypothesis, reference (or reference*, several), id, source."""
    name = str(path)
    # rows end at line feeds only: U+2028, NEL or a form feed inside a cell is text, not a new row
    lines = read_text(path).replace("\r\n", "\n").split("\n")
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = [h.strip() for h in rows[0]]
    if "hypothesis" not in header:
        raise InputError("the header has no 'hypothesis' column; name the columns in the first line",
                         name, 1)
    ref_columns = [i for i, h in enumerate(header) if h.startswith("reference")]
    if not ref_columns:
        raise InputError("the header has no 'reference' column; name one 'reference' "
                         "(or 'reference1', 'reference2' for several)", name, 1)
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(f"has {len(row)} columns but the header has {len(header)} "
                             f"({', '.join(header)}); separate the columns with one tab each, "
                             "and keep tabs out of the text", name, number)
        obj = {h: cell for h, cell in zip(header, row) if not h.startswith("reference")}
        obj["references"] = [row[i] for i in ref_columns]
        records.append(parse_record(obj, name, number))
    if not records:
        raise InputError("has a header but no rows; give one row per segment below it", name, 2)
    return records
