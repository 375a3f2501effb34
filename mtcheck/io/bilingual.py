"""Read translation files (XLIFF 1.2 and 2.x, TMX, PO) through translate-toolkit, and SRT.

The translation file's targets are the hypotheses; the reference file (same format) gives the
reference translation of each unit, matched by unit id. Units without a translation are
skipped and counted; fuzzy units are checked and marked; plural forms are checked one by one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .jsonl import Record
from .text import read_text


@dataclass(frozen=True)
class Unit:
    """One translatable unit: id, source text, target text (None when untranslated)."""

    id: str
    source: str
    target: str | None
    line: int = 0
    fuzzy: bool = False
    notes: str = ""


def _plain(text) -> str | None:
    """Return a unit's text as str (translate-toolkit gives multistrings)."""
    return None if text is None else str(text)


def _toolkit_units(path: Path, fmt: str) -> list[Unit]:
    """Return the units of an XLIFF, TMX or PO file."""
    from translate.storage import po, tmx, xliff, xliff2

    data = path.read_bytes()
    if fmt == "xliff":
        cls = xliff2.Xliff2File if b'version="2.' in data[:2000] else xliff.xlifffile
    else:
        cls = {"tmx": tmx.tmxfile, "po": po.pofile}[fmt]
    try:
        store = cls.parsestring(data)
    except Exception as exc:  # the toolkit raises many kinds of parse errors
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        # lxml's syntax errors know their line; the PO parser only says it ("... on line 2: ...")
        said = re.search(r"\bon line (\d+)", first)
        line = getattr(exc, "lineno", None) or (int(said.group(1)) if said else None)
        raise InputError(f"cannot read as {fmt.upper()}: {first}", str(path), line) from None
    units = []
    # PO units know no line of their own: the n-th msgstr of the file is the n-th unit's
    msgstr_lines = _po_msgstr_lines(data) if fmt == "po" else []
    for n, u in enumerate(store.units):
        if u.isheader() or not _plain(u.source):
            continue
        element = getattr(u, "xmlelement", None)
        line = getattr(element, "sourceline", None) or (msgstr_lines[n] if n < len(msgstr_lines) else 0)
        uid = u.getid().replace("\x04", "::")
        fuzzy = u.isfuzzy() if fmt == "po" else _xliff_needs_review(u)
        if u.hasplural():
            sources = [str(s) for s in u.source.strings]
            targets = [str(t) for t in u.target.strings] if u.target else []
            for k, target in enumerate(targets):
                # a PO entry's plural forms are written msgstr[0], msgstr[1], ... on lines of their own
                form_line = line + k if fmt == "po" and line else line
                units.append(Unit(f"{uid}[{k}]", sources[min(k, len(sources) - 1)], target or None,
                                  form_line, fuzzy, u.getnotes() or ""))
            continue
        units.append(Unit(uid, _plain(u.source), _plain(u.target) or None, line, fuzzy,
                          u.getnotes() or ""))
    return units


def _po_msgstr_lines(data: bytes) -> list[int]:
    """Return the 1-based line of each entry's (first) msgstr, in file order: where its translation is."""
    return [k for k, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1)
            if re.match(r"(#~ )?msgstr(\[0\])?[ \t]", line)]


def _xliff_needs_review(unit) -> bool:
    """Return True if an XLIFF target's state says it still needs review or translation."""
    element = getattr(unit, "xmlelement", None)
    if element is None:
        return False
    for node in element.iter():
        state = node.get("state")
        if state and state.startswith("needs-"):
            return True
    return False


def _srt_units(path: Path) -> list[Unit]:
    """Return each subtitle as a unit, identified by its index."""
    import srt

    text = read_text(path)
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        line = text.count("\n", 0, exc.expected_start) + 1
        raise InputError("cannot read as SRT: this subtitle is malformed; each one needs its "
                         "number, a timing line such as 00:00:01,000 --> 00:00:02,500, and its text, "
                         "with a blank line between subtitles", str(path), line) from None
    # the n-th timing line of the file is the n-th subtitle's; its text starts on the next line
    timings = [k for k, line in enumerate(text.splitlines(), start=1) if "-->" in line]
    return [Unit(str(s.index), "", s.content or None, timings[n] + 1 if n < len(timings) else 0)
            for n, s in enumerate(subtitles)]


def read_units(path: str | Path, fmt: str) -> list[Unit]:
    """Return the units of a translation file of the given format."""
    p = Path(path)
    read_text(p)  # the same checks as text: missing, empty, undecodable
    return _srt_units(p) if fmt == "srt" else _toolkit_units(p, fmt)


def _unique_ids(units: list[Unit], path: str) -> list[Unit]:
    """Return the units, or raise InputError if two share an id: pairing by id would go wrong silently."""
    seen: dict[str, int] = {}
    for unit in units:
        if unit.id in seen:
            where = f"lines {seen[unit.id]} and {unit.line}" if unit.line else "twice"
            raise InputError(f"unit id {unit.id!r} is used {where}; units are paired with the reference's "
                             "by id, so give each unit an id of its own", path, unit.line or None)
        seen[unit.id] = unit.line
    return units


def pair_units(path: str, fmt: str, reference_paths: list[str]) -> tuple[list[Record], list[str]]:
    """Return a record per translated unit with its references (by unit id), and notes on what was skipped."""
    units = _unique_ids(read_units(path, fmt), path)
    references = [{u.id: u.target for u in _unique_ids(read_units(r, fmt), r) if u.target} for r in reference_paths]
    records, untranslated, unmatched, fuzzy = [], 0, 0, 0
    for unit in units:
        if not unit.target or not unit.target.strip():
            untranslated += 1
            continue
        refs = tuple(ref[unit.id] for ref in references if unit.id in ref)
        if not refs:
            unmatched += 1
            continue
        fuzzy += unit.fuzzy
        extra = {k: v for k, v in (("fuzzy", unit.fuzzy), ("notes", unit.notes)) if v}
        records.append(Record(unit.id, unit.target, refs, unit.source or None, unit.line, extra))
    notes = []
    if untranslated:
        notes.append(f"{untranslated} unit(s) without a translation skipped")
    if unmatched:
        notes.append(f"{unmatched} unit(s) with no reference unit of the same id skipped")
    if fuzzy:
        notes.append(f"{fuzzy} fuzzy unit(s) checked and marked fuzzy")
    if not records:
        raise InputError("no unit has both a translation and a reference of the same id", path)
    return records, notes
