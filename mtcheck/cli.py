"""The mtcheck command: Click options -> Settings, call the library, print, exit code.

Heavy modules (numpy, torch, sentence-transformers) are imported inside the commands, so that
``mtcheck --help`` answers at once.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import EXIT_CODE_HELP, ExitCode, MtcheckError, UsageError
from .settings import DEFAULT_MODEL, Settings

REPORTS_DIR = Path("reports")


class MtcheckGroup(click.Group):
    """A Click group that turns mtcheck's errors into one line on stderr and a named exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MtcheckError as exc:
            click.echo(f"mtcheck: error: {exc}", err=True)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("mtcheck: interrupted", err=True)
            ctx.exit(130)


def model_options(fn):
    """Add the options that choose and configure the model (shared by every command)."""
    fn = click.option("--lang", default="en", show_default=True,
                      help="Language code of the translation (sentence splitting, word lists).")(fn)
    fn = click.option("--model", default=DEFAULT_MODEL, show_default=True,
                      help="sentence-transformers model: the packaged default, a local directory, "
                           "or a name already in the Hugging Face cache (loaded offline).")(fn)
    return fn


@click.group(cls=MtcheckGroup, epilog=EXIT_CODE_HELP)
@click.version_option(__version__, prog_name="mtcheck")
def cli() -> None:
    """Find garbled phrases in machine-translated text by comparing it with a reference."""


@cli.command(epilog=EXIT_CODE_HELP)
@click.argument("translation", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-r", "--reference", "references", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Reference translation of the document (repeat for several).")
@click.option("--source", type=click.Path(dir_okay=False, path_type=Path),
              help="Source text: its words (names, numbers) are never flagged as invented.")
@click.option("--format", "input_format", type=click.Choice(["auto", "text", "jsonl"]),
              default="auto", show_default=True,
              help="Input format; auto takes .jsonl/.ndjson as a batch, anything else as text.")
@click.option("--line-aligned", is_flag=True,
              help="Pair line n of the translation with line n of each reference.")
@model_options
@click.option("--ter", is_flag=True, help="Also compute TER (slow).")
@click.option("--calibration", type=click.Path(dir_okay=False, path_type=Path),
              help="Calibration file of thresholds [default: the one shipped in the package].")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON result here ('-' for standard output).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the HTML report here [default: reports/<translation name>.html].")
@click.option("--no-html", is_flag=True, help="Do not write the HTML report.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Show at most this many flags in the terminal.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def check(translation, references, source, input_format, line_aligned, model, lang, ter,
          calibration, json_out, html_out, no_html, limit, quiet) -> None:
    """Check TRANSLATION against its reference(s) and report garbled phrases.

    TRANSLATION is a text document (with --reference) or a JSONL batch with one segment a
    line: id, hypothesis, reference or references, and optionally source.
    """
    settings = Settings(model=model, lang=lang, line_aligned=line_aligned, ter=ter,
                        calibration=str(calibration) if calibration else None)
    if html_out is None and not no_html:
        html_out = REPORTS_DIR / f"{translation.stem}.html"
    outputs = [p for p in (json_out, None if no_html else html_out) if p is not None and str(p) != "-"]
    _refuse_to_overwrite_inputs(outputs, [translation, *references, *([source] if source else [])])

    from .pipeline import check as run_check
    from .report import write_atomic

    run = run_check(translation, references, source=source, settings=settings,
                    input_format=None if input_format == "auto" else input_format)
    if json_out is not None:
        from .report.json import render_json

        text = render_json(run)
        if str(json_out) == "-":
            click.echo(text, nl=False)
        else:
            write_atomic(json_out, text)
    if html_out is not None and not no_html:
        from .report.html import render_html

        write_atomic(html_out, render_html(run))
    if not quiet:
        from .report.text import render_text

        # with JSON on stdout, the summary goes to stderr so that stdout stays parseable
        click.echo(render_text(run, limit=limit), nl=False, err=str(json_out) == "-")
        if html_out is not None and not no_html:
            click.echo(f"HTML report: {html_out}", err=str(json_out) == "-")
    sys.exit(int(ExitCode.OK))


def _refuse_to_overwrite_inputs(outputs: list[Path], inputs: list[Path]) -> None:
    """Raise UsageError if an output path is one of the input files."""
    resolved = {p.resolve() for p in inputs}
    for out in outputs:
        if out.resolve() in resolved:
            raise UsageError(f"output {out} is one of the input files; choose another path")


def main() -> None:
    """Run the command line (the console script's entry point)."""
    cli(prog_name="mtcheck")
