"""Reports are written atomically: a failed write leaves the old file and no temporary file."""
import os

import pytest

from mtcheck.errors import UsageError
from mtcheck.files import write_atomic


def test_write_creates_parents_and_replaces(tmp_path):
    target = tmp_path / "deep" / "r.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["r.json"]


def test_new_file_has_the_usual_mode_and_a_replaced_file_keeps_its_own(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "r.html"
        write_atomic(target, "one")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        write_atomic(target, "two")
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_failed_write_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_text("old")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(UsageError, match="cannot write here: disk full; choose another output path"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_a_second_writer_of_the_same_reports_waits_for_the_first(tmp_path):
    """Two runs writing one set of reports at once: the second waits, so each set is whole."""
    import threading
    import time

    from mtcheck.files import output_lock

    order = []

    def second():
        with output_lock([tmp_path / "r.json", tmp_path / "r.html"]):
            order.append("second")

    with output_lock([tmp_path / "r.html", tmp_path / "r.json"]):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        order.append("first done")
    thread.join(5)
    assert order == ["first done", "second"]
