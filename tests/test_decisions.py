"""Editors' decisions: stable flag keys, the decisions file, suppression on the next run."""
import json

import pytest

from mtcheck.decisions import flag_key, read_decisions
from mtcheck.errors import InputError
from mtcheck.run import check
from mtcheck.settings import Settings

TEXT = "Some earlier words stand here, well before it. Then Ilon Musk spoke to the press today."
AT = TEXT.index("Ilon")


@pytest.mark.parametrize("other,same", [
    ((TEXT, AT), True),
    (("A new first sentence. " + TEXT, AT + len("A new first sentence. ")), True),  # same context, moved
    ((TEXT.replace("spoke", "talked"), AT), False),                                  # context changed
])
def test_flag_key_depends_on_text_and_context_not_position(other, same):
    text, at = other
    assert (flag_key(TEXT, AT, AT + 4, "name-mismatch") == flag_key(text, at, at + 4, "name-mismatch")) is same


def test_flag_key_depends_on_kind():
    assert flag_key(TEXT, AT, AT + 4, "name-mismatch") != flag_key(TEXT, AT, AT + 4, "non-word")


@pytest.mark.parametrize("content,message", [
    ("[", "not JSON"),
    ('{"format": "other", "version": 1}', "not an mtcheck decisions file"),
    ('{"format": "mtcheck-decisions", "version": 1, "decisions": [{"key": "k", "decision": "maybe"}]}',
     "decision 1 needs a 'key' and a 'decision' of dismissed or confirmed"),
])
def test_bad_decisions_file(tmp_path, content, message):
    path = tmp_path / "d.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        read_decisions(path)


def decisions_file(tmp_path, key, decision):
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"format": "mtcheck-decisions", "version": 1,
                                "decisions": [{"key": key, "decision": decision}]}))
    return str(path)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "hyp.txt").write_text("Then Ilon Musk spoke. And 2021 came.\n")
    (tmp_path / "ref.txt").write_text("Then Elon Musk spoke. And 2022 came.\n")
    return tmp_path / "hyp.txt", tmp_path / "ref.txt"


def test_dismissed_flag_is_suppressed_and_counted(tmp_path, files, fake_embedder):
    first = check(*files[:1], [files[1]], embedder=fake_embedder)
    flags = {f.text: f for s in first.segments for f in s.flags}
    assert set(flags) == {"Ilon", "2021"} and all(len(f.key) == 16 for f in flags.values())
    settings = Settings(decisions=decisions_file(tmp_path, flags["Ilon"].key, "dismissed"))
    second = check(files[0], [files[1]], embedder=fake_embedder, settings=settings)
    assert [f.text for s in second.segments for f in s.flags] == ["2021"]
    assert second.documents[0].suppressed == 1 and second.meta["suppressed"] == 1


def test_confirmed_flag_is_kept_and_marked(tmp_path, files, fake_embedder):
    key = next(f.key for s in check(files[0], [files[1]], embedder=fake_embedder).segments
               for f in s.flags if f.text == "Ilon")
    settings = Settings(decisions=decisions_file(tmp_path, key, "confirmed"))
    run = check(files[0], [files[1]], embedder=fake_embedder, settings=settings)
    assert {f.text: f.decision for s in run.segments for f in s.flags} == {"Ilon": "confirmed", "2021": None}
    assert run.documents[0].suppressed == 0
