"""Untrusted text made safe for where it goes: a terminal or CI log, Markdown, GitHub annotations.

Translations, references, ids and file names come from outside. On a terminal, an escape
sequence could retitle the window or hide text; in a CI log, a line starting with "::" is a
GitHub Actions workflow command; in Markdown, HTML runs in some viewers. (HTML reports escape
through Jinja2's autoescaping.)
"""
from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, and the Unicode line and paragraph separators and
# bidirectional overrides, which reorder what a reader sees
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    ch = match.group()
    return {"\n": "\\n", "\r": "\\r"}.get(ch, f"\\u{ord(ch):04x}" if ord(ch) > 0xff else f"\\x{ord(ch):02x}")


def terminal(text: str) -> str:
    """Return text with control characters shown as escapes (\\n, \\x1b): one line, nothing hidden."""
    return _CONTROL.sub(_visible, text)


def no_workflow_commands(text: str) -> str:
    """Return lines of output with any line that starts with '::' indented, so that no CI runner
    takes it for a workflow command."""
    return "\n".join(" " + line if line.startswith("::") else line for line in text.split("\n"))


_MARKDOWN = re.compile(r"[\\`*_{}\[\]<>#|~]")
_ENTITIES = {"<": "&lt;", ">": "&gt;"}


def markdown(text: str | None) -> str:
    """Return text safe in a Markdown table cell or line: no HTML, no links, no formatting."""
    if not text:
        return ""
    text = terminal(text).replace("&", "&amp;")
    return _MARKDOWN.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), text)
