"""Read batch files: JSON Lines, one segment a line."""
from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..errors import InputError

KNOWN_FIELDS = {"id", "hypothesis", "reference", "references", "source"}


@dataclass(frozen=True)
class Record:
    """One batch segment: the translation, its references, and fields passed through."""

    id: str
    hypothesis: str
    references: tuple[str, ...]
    source: str | None = None
    line: int = 0
    extra: Mapping[str, Any] = field(default_factory=dict)


def parse_record(obj: Any, path: str, line: int) -> Record:
    """Turn one decoded JSON value into a Record, or raise InputError naming the line."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", path, line)
    hyp = obj.get("hypothesis")
    if hyp is None:
        raise InputError("record has no 'hypothesis' field; every line needs one", path, line)
    if not isinstance(hyp, str):
        raise InputError("'hypothesis' must be a string", path, line)
    if "references" in obj:
        refs = obj["references"]
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            raise InputError("'references' must be a list of strings", path, line)
    elif "reference" in obj:
        if not isinstance(obj["reference"], str):
            raise InputError("'reference' must be a string", path, line)
        refs = [obj["reference"]]
    else:
        raise InputError(
            "record has neither 'reference' nor 'references'; add the reference translation",
            path, line)
    refs = [r for r in refs if r.strip()]
    if not refs:
        raise InputError("record's references are all empty", path, line)
    source = obj.get("source")
    if source is not None and not isinstance(source, str):
        raise InputError("'source' must be a string", path, line)
    seg_id = obj.get("id", line)
    if isinstance(seg_id, bool) or not isinstance(seg_id, (str, int)):
        raise InputError("'id' must be a string or a whole number", path, line)
    extra = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    for name, value in (("id", seg_id), ("hypothesis", hyp), ("references", refs), ("source", source),
                        ("other fields", extra)):
        _encodable(value, name, path, line)
    return Record(str(seg_id), hyp, tuple(refs), source, line, extra)


def _encodable(value: Any, name: str, path: str, line: int) -> None:
    """Raise InputError if a field holds text that UTF-8 cannot write: an unpaired surrogate escape."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{name} holds an unpaired surrogate ({exc.object[exc.start]!r}), which is no "
                         "character; fix the \\u escape in the JSON", path, line) from None


def read_jsonl(path: str | Path) -> list[Record]:
    """Return the records of a JSONL file in input order; blank lines are skipped."""
    return list(iter_jsonl(path))


def iter_jsonl(path: str | Path) -> Iterator[Record]:
    """Yield the records of a JSONL file one by one, reading it line by line (bounded memory)."""
    name = str(path)
    seen = False
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InputError("file not found; check the path", name) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", name) from None
    with fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise InputError("is UTF-16; JSON Lines must be UTF-8: convert it, e.g. with "
                                 "iconv -f utf-16 -t utf-8", name, number)
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
                    "convert the file to UTF-8, e.g. with iconv -f latin1 -t utf-8", name, number) from None
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"invalid JSON at column {exc.colno}: {exc.msg}; each line must be one JSON object",
                    name, number) from None
            except (ValueError, RecursionError) as exc:  # a number of thousands of digits, or deep nesting
                raise InputError(f"JSON that cannot be read ({str(exc).splitlines()[0][:120]}); "
                                 "give ids as strings", name, number) from None
            seen = True
            yield parse_record(obj, name, number)
    if not seen:
        raise InputError("file is empty; give a file with text in it", name)
