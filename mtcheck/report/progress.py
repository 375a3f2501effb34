"""A progress bar on stderr for long documents, drawn only on a terminal."""
from __future__ import annotations

import sys
from contextlib import contextmanager

import click


@contextmanager
def progress_bar(wanted: bool):
    """Yield a progress callback that draws a bar on stderr for long documents, on a terminal only."""
    if not (wanted and sys.stderr.isatty()):
        yield None
        return
    bars: dict[str, object] = {}
    done: dict[str, int] = {}

    def progress(label: str, checked: int, total: int) -> None:
        from ..chunks import CHUNK

        if total <= CHUNK:  # one chunk: over before a bar would say anything
            return
        if label not in bars:
            for bar in bars.values():  # the previous document is finished
                bar.render_finish()
            bars[label] = click.progressbar(length=total, label=f"Checking {label}", file=sys.stderr)
            done[label] = 0
        bars[label].update(checked - done[label])
        done[label] = checked

    try:
        yield progress
    finally:
        for bar in bars.values():
            bar.render_finish()
