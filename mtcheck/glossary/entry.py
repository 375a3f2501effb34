"""A house-style glossary: required renderings, the source terms they translate, forbidden variants."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

MAX_TERM = 200  # characters: a glossary entry names a thing, it is not a sentence


@dataclass(frozen=True)
class Entry:
    """One entry: how a thing must be written, what it translates, what must not be written."""

    rendering: str  # the required rendering ("Steve Witkoff", "special envoy")
    sources: tuple[str, ...] = ()  # source-language terms it translates ("Стив Уиткофф")
    forbidden: tuple[str, ...] = ()  # variants that must not be written ("Kiev")
    note: str = ""  # why, in the style book's words
    path: str = ""  # where the entry was read: file and line, for messages
    line: int | None = None

    @property
    def origin(self) -> str:
        """Return "file:line" of the entry, for messages."""
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True, eq=False)
class Glossary:
    """The entries of one or more glossary files, with what names them in a run's signature."""

    entries: tuple[Entry, ...]
    files: tuple[tuple[str, str], ...] = ()  # (path, sha256 digest of its bytes, 12 hex digits)

    @property
    def digest(self) -> str:
        """Return the glossary's identity in a signature: each file's name and digest."""
        from pathlib import Path

        return "+".join(f"{Path(p).name}@{d}" for p, d in self.files)

    @cached_property
    def index(self):
        """Return the entries' terms indexed for matching (built once, at the first segment)."""
        from .terms import TermIndex

        return TermIndex(self.entries)


def checked(glossary: Glossary) -> Glossary:
    """Return the glossary with its index built, or raise InputError where one entry contradicts another."""
    glossary.index  # noqa: B018 -- building the index is the check
    return glossary


def merged(glossaries: list[Glossary]) -> Glossary:
    """Return one glossary holding the entries of several (--glossary given more than once)."""
    if len(glossaries) == 1:
        return glossaries[0]
    return checked(Glossary(tuple(e for g in glossaries for e in g.entries),
                            tuple(f for g in glossaries for f in g.files)))
