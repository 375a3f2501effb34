"""Read plain-text files as UTF-8, with errors that point at the offending line."""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError


def read_text(path: str | Path) -> str:
    """Return a file's text, decoded as UTF-8, or UTF-16 if it starts with that BOM; reject empty files."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found; check the path", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory; give a file", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", str(path)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # what Windows tools write as "Unicode text" (Excel's tab-separated export, Notepad)
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("starts as UTF-16 but cannot be decoded as UTF-16; "
                             "save it again as UTF-8", str(path)) from None
        return _not_empty(text, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column}); "
            "convert the file to UTF-8, e.g. with iconv -f latin1 -t utf-8",
            str(path),
            line,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError("holds NUL characters: is it UTF-16 without a byte-order mark? Save it as UTF-8, "
                         "e.g. with iconv -f utf-16le -t utf-8", str(path), line)
    return _not_empty(text, path)


def _not_empty(text: str, path: str | Path) -> str:
    """Return the text, or raise InputError if it holds nothing but whitespace."""
    if not text.strip():
        raise InputError("file is empty; give a file with text in it", str(path))
    return text


def read_lines(path: str | Path) -> list[str]:
    """Return a file's lines without line endings (a final newline adds no empty line)."""
    return read_text(path).splitlines()
