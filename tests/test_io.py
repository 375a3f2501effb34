"""Input readers: good files load, bad files give one message naming file and line."""
import json

import pytest

from mtcheck.errors import InputError
from mtcheck.io import read_jsonl, read_text


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_TEXT = [
    ("empty.txt", b"", None, "file is empty"),
    ("blank.txt", b"  \n\n", None, "file is empty"),
    ("latin1.txt", "ok line\nna\xefve\n".encode("latin-1"), 2, "not valid UTF-8 (byte 0xef at column 3)"),
    ("utf16-empty.txt", "\ufeff \n".encode("utf-16-le"), None, "file is empty"),
    ("utf16-odd.txt", "\ufeffHi".encode("utf-16-le") + b"\x00", None, "cannot be decoded as UTF-16"),
]


@pytest.mark.parametrize("name,data,line,message", BAD_TEXT)
def test_read_text_errors(tmp_path, name, data, line, message):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        read_text(path)
    assert err.value.path == str(path)
    assert err.value.line == line
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_text(tmp_path / "nope.txt")


@pytest.mark.parametrize("data", [
    "\ufeffHello Kyiv".encode("utf-8"),
    "\ufeffHello Kyiv".encode("utf-16-le"),   # Excel's "Unicode text" and Notepad write this
    "\ufeffHello Kyiv".encode("utf-16-be"),
])
def test_bom_decides_the_encoding_and_is_dropped(tmp_path, data):
    assert read_text(write(tmp_path, "bom.txt", data)) == "Hello Kyiv"


BAD_JSONL = [
    (b'{"hypothesis": "a", "reference": "b"}\n{"hypothesis": \n', 2, "invalid JSON at column"),
    (b'{"hypothesis": "a", "reference": "b"}\n\n{"reference": "b"}\n', 3, "no 'hypothesis' field"),
    (b'{"hypothesis": "a"}\n', 1, "neither 'reference' nor 'references'"),
    (b'["a", "b"]\n', 1, "expected a JSON object"),
    (b'{"hypothesis": 3, "reference": "b"}\n', 1, "'hypothesis' must be a string"),
    (b'{"hypothesis": "a", "references": "b"}\n', 1, "'references' must be a list of strings"),
    (b'{"hypothesis": "a", "references": ["", " "]}\n', 1, "references are all empty"),
    ('\ufeff{"hypothesis": "a", "reference": "b"}\n'.encode("utf-16-le"), 1, "is UTF-16; JSON Lines must be UTF-8"),
]


@pytest.mark.parametrize("data,line,message", BAD_JSONL)
def test_read_jsonl_errors(tmp_path, data, line, message):
    path = write(tmp_path, "batch.jsonl", data)
    with pytest.raises(InputError) as err:
        read_jsonl(path)
    assert (err.value.path, err.value.line) == (str(path), line)
    assert message in err.value.message


def test_read_jsonl_keeps_order_ids_and_extra_fields(tmp_path):
    rows = [
        {"id": "b", "hypothesis": "x", "reference": "y", "system": "S1"},
        {"hypothesis": "x2", "references": ["y2", "z2"], "source": "src"},
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(json.dumps(r) for r in rows).encode())
    records = read_jsonl(path)
    assert [r.id for r in records] == ["b", "2"]  # a missing id becomes the line number
    assert records[0].references == ("y",) and records[0].extra == {"system": "S1"}
    assert records[1].references == ("y2", "z2") and records[1].source == "src"
