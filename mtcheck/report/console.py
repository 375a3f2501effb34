"""What the check command writes: report files, and the summary and verdict on the terminal."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

import click

from ..escape import terminal
from . import write_reports


class Echo:
    """A stream that writes through click.echo, to stdout or stderr (CliRunner captures both)."""

    def __init__(self, err: bool):
        self.err = err

    def write(self, text: str) -> None:
        """Write text as it is."""
        click.echo(text, nl=False, err=self.err)


def report_run(run, verdict, options: Mapping, html_out: Path | None, limit: int) -> None:
    """Write the requested reports (files atomically) and print the summary and the verdict.

    With the JSON on standard output, everything else goes to stderr, so that stdout stays parseable.
    """
    from ..gate import render_verdict

    json_out = options["json_out"]
    to_stdout = json_out is not None and str(json_out) == "-"
    targets = {"json": Echo(False) if to_stdout else json_out, "junit": options["junit_out"],
               "markdown": options["markdown_out"], "html": html_out,
               "annotations": Echo(to_stdout) if options["annotations"] == "github" else None}
    write_reports(run, verdict, {name: target for name, target in targets.items() if target is not None})
    if not options["quiet"]:
        for warning in run.meta.get("warnings", []):
            click.echo(f"mtcheck: warning: {terminal(warning)}", err=True)
        write_reports(run, verdict, {"text": Echo(to_stdout)}, {"text": {"limit": limit}})
        if html_out is not None:
            click.echo(f"HTML report: {html_out}", err=to_stdout)
    if verdict is not None and not (options["quiet"] and verdict.passed):
        click.echo(render_verdict(verdict), nl=False, err=to_stdout or options["quiet"])
