"""Read glossary files: TSV or CSV with a header, or TBX (through translate-toolkit).

TSV and CSV name their columns in the first line: ``term`` (the required rendering) and,
optionally, ``source`` (source-language terms), ``forbidden`` (variants not to write) and
``note``; several sources or variants in one cell are separated by "|". Blank lines and lines
starting with "#" are skipped. In TBX, each concept's terms in the translation's language are
its renderings: the first one not marked deprecated is required, the deprecated ones are
forbidden; the terms of every other language are its source terms.
"""
from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path
from typing import Sequence

from ..errors import InputError
from .entry import MAX_TERM, Entry, Glossary, checked, merged

COLUMNS = {  # a header's names for each field, lower-cased
    "term": ("term", "rendering", "target"),
    "source": ("source", "sources", "source term"),
    "forbidden": ("forbidden", "avoid", "do not use"),
    "note": ("note", "notes", "comment"),
}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A process that checks text after text (a newsroom's service, a benchmark) reads each glossary
# once: what a file holds is known by its path, its digest and the language read for.
READ_MEMO = 8
_READ: dict[tuple[str, str, str], Glossary] = {}
_LETTER = re.compile(r"[^\W_]")
_CONTROL = re.compile(r"[\x00-\x1f]")
_DEPRECATED = re.compile(r"deprecated|superseded|forbidden", re.IGNORECASE)


def read_glossaries(paths: Sequence[str | Path], lang: str = "en") -> Glossary | None:
    """Return one glossary of all the files given (None for none)."""
    return merged([read_glossary(p, lang) for p in paths]) if paths else None


def read_glossary(path: str | Path, lang: str = "en") -> Glossary:
    """Return a glossary file's entries, or raise InputError naming the line of a malformed one."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("glossary not found; check the path", name) from None
    except IsADirectoryError:
        raise InputError("is a directory; give a glossary file", name) from None
    except OSError as exc:
        raise InputError(f"cannot read glossary: {exc.strerror}", name) from None
    digest = hashlib.sha256(data).hexdigest()[:12]
    if (name, digest, lang) in _READ:
        return _READ[(name, digest, lang)]
    suffix = Path(path).suffix.lower()
    if suffix == ".tbx" or data.lstrip()[:5] in (b"<?xml", b"<mart"):
        entries = _read_tbx(data, name, lang)
    else:
        from ..io.text import read_text

        entries = _read_table(read_text(path), name, "," if suffix == ".csv" else "\t")
    if not entries:
        raise InputError("holds no glossary entries; give one entry per line below the header", name)
    glossary = checked(Glossary(tuple(entries), ((name, digest),)))
    if len(_READ) >= READ_MEMO:
        _READ.pop(next(iter(_READ)))
    _READ[(name, digest, lang)] = glossary
    return glossary


def _cells(value: str) -> tuple[str, ...]:
    """Return the non-empty parts of a cell that holds several terms separated by "|"."""
    if not value:
        return ()
    return tuple(p.strip() for p in value.split("|") if p.strip())


def _entry(fields: dict[str, str], name: str, line: int) -> Entry:
    """Return one validated entry from a row's fields."""
    term = fields.get("term", "").strip()
    if not term:
        raise InputError("has no term; write the required rendering in the 'term' column", name, line)
    forbidden, sources = _cells(fields.get("forbidden", "")), _cells(fields.get("source", ""))
    for text in (term, *forbidden, *sources):
        if len(text) > MAX_TERM:
            raise InputError(f"has a term of {len(text)} characters; a glossary term names a thing "
                             f"(at most {MAX_TERM} characters)", name, line)
        if _CONTROL.search(text):
            raise InputError("has a control character in a term; remove it", name, line)
    for text in (term, *forbidden):
        if not _LETTER.search(text):
            raise InputError(f"term {text!r} has no letters or digits", name, line)
    if forbidden and any(f.casefold() == term.casefold() for f in forbidden):
        raise InputError(f"forbids its own term {term!r}; a forbidden variant must differ from the term",
                         name, line)
    return Entry(term, sources, forbidden, fields.get("note", "").strip(), name, line)


def _read_table(text: str, name: str, delimiter: str) -> list[Entry]:
    """Return the entries of a TSV or CSV glossary."""
    # rows end at line feeds only, as in TSV batches: U+2028 in a cell is text
    lines = text.replace("\r\n", "\n").split("\n")
    quoting = csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE
    reader = csv.reader(lines, delimiter=delimiter, quoting=quoting, strict=delimiter == ",")
    header: list[str | None] | None = None
    entries, line = [], 1
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = _header(row, name, line, delimiter)
                continue
            if len(row) > len(header):
                raise InputError(f"has {len(row)} columns but the header has {len(header)}; "
                                 f"{'quote cells that hold a comma' if delimiter == ',' else 'keep tabs out of terms'}",
                                 name, line)
            fields = {h: c for h, c in zip(header, row) if h is not None}
            entries.append(_entry(fields, name, line))
    except csv.Error as exc:  # an unclosed quote runs to the end: say where the row began
        raise InputError(f"cannot read as CSV: {exc}; close the quote of the row after line {line}",
                         name) from None
    if header is None:
        raise InputError("has no header; name the columns in the first line: term, source, forbidden, note", name, 1)
    return entries


def _header(row: list[str], name: str, line: int, delimiter: str) -> list[str | None]:
    """Return each column's field from a header row."""
    known = {alias: field for field, aliases in COLUMNS.items() for alias in aliases}
    fields: list[str | None] = []
    for cell in row:
        label = cell.strip().lower()
        if label not in known:
            sep = "tabs" if delimiter == "\t" else "commas"
            raise InputError(f"unknown column {cell.strip()!r} in the header; the columns are term, source, "
                             f"forbidden and note, separated by {sep}", name, line)
        fields.append(known[label])
    if "term" not in fields:
        raise InputError("the header has no 'term' column; name the column of required renderings 'term'",
                         name, line)
    return fields


def _read_tbx(data: bytes, name: str, lang: str) -> list[Entry]:
    """Return the entries of a TBX file: renderings in ``lang``, sources in the other languages."""
    from translate.storage import tbx

    try:
        store = tbx.tbxfile.parsestring(data)
    except Exception as exc:  # lxml's syntax errors, and whatever else the toolkit raises
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"cannot read as TBX: {first}", name, getattr(exc, "lineno", None)) from None
    entries = []
    for unit in store.units:
        line = unit.xmlelement.sourceline
        langs = [n.get(_XML_LANG) or "" for n in unit.getlanguageNodes()]
        ours = [code for code in langs if code.lower().split("-")[0] == lang]
        if not ours:
            continue  # a concept with no term in the translation's language says nothing of it
        renderings, forbidden, notes = [], [], []
        for code in ours:
            for t in unit.get_target_terms(code):
                (forbidden if _DEPRECATED.search(t.administrative_status or "") else renderings).append(t.text)
                notes += [n.text for n in t.notes if n.text]
        if not renderings:
            raise InputError(f"concept has only deprecated terms in {lang!r}; mark the one to write as "
                             "preferred", name, line)
        sources = [t.text for code in langs if code not in ours for t in unit.get_target_terms(code) if t.text]
        fields = {"term": renderings[0], "source": "|".join(sources), "forbidden": "|".join(forbidden),
                  "note": "; ".join(dict.fromkeys(notes))}
        entries.append(_entry(fields, name, line))
    return entries
