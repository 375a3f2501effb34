"""Flags: which ones are hints, weak evidence that is scored but shown only when asked."""
import pytest

from mtcheck.flags import Flag, Severity, split_hints


def flag(severity: Severity, kind: str, start: int = 0) -> Flag:
    return Flag(start, start + 1, "x", severity, kind, "m", 0.3)


@pytest.mark.parametrize("severity,kind,hint", [
    (Severity.MINOR, "mistranslation", True),
    (Severity.MAJOR, "mistranslation", False),
    (Severity.MINOR, "name-mismatch", True),     # another transliteration: the house style settles it
    (Severity.MAJOR, "name-mismatch", False),
    (Severity.MINOR, "word-order", False),
    (Severity.CRITICAL, "non-word", False),
])
def test_which_flags_are_hints(severity, kind, hint):
    assert flag(severity, kind).is_hint is hint


def test_hints_split_off_unless_shown():
    flags = (flag(Severity.MAJOR, "mistranslation", 0), flag(Severity.MINOR, "mistranslation", 2),
             flag(Severity.MINOR, "word-order", 4))
    assert split_hints(flags, show=False) == ((flags[0], flags[2]), (flags[1],))
    assert split_hints(flags, show=True) == (flags, ())
