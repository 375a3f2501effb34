"""The mtcheck command: Click options -> settings, call the library, print, exit code.

Heavy modules (numpy, torch, sentence-transformers) are imported inside the commands, so that
``mtcheck --help`` answers at once.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .version import __version__
from .cli_options import (calibrate_options, files_read, gate_options, merged_options, model_options, output_options,
                          refuse_score_thresholds_alone, report_name, thresholds_of)
from .errors import EXIT_CODE_HELP, ExitCode, MtcheckError, UsageError
from .escape import terminal
from .files import refuse_to_overwrite_inputs

REPORTS_DIR = Path("reports")


class MtcheckGroup(click.Group):
    """A Click group that turns every error into one line on stderr and a named exit code.

    The one place where exceptions become messages: mtcheck's own errors name the file and
    line; anything else is a bug, which gets an exit code of its own (never 1, "gate failed")
    and no traceback unless MTCHECK_DEBUG is set.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MtcheckError as exc:
            click.echo(f"mtcheck: error: {terminal(str(exc))}", err=True)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("mtcheck: interrupted", err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 -- the last line of defence: a bug, said plainly
            if os.environ.get("MTCHECK_DEBUG"):
                raise
            first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
            click.echo(f"mtcheck: internal error: {type(exc).__name__}{': ' + terminal(first) if first else ''}. "
                       "This is a bug in mtcheck: please report it with the command you ran "
                       "(MTCHECK_DEBUG=1 shows the traceback).", err=True)
            ctx.exit(int(ExitCode.INTERNAL))


@click.group(cls=MtcheckGroup, epilog=EXIT_CODE_HELP)
@click.version_option(__version__, prog_name="mtcheck")
def cli() -> None:
    """Find garbled phrases in machine-translated text by comparing it with a reference."""


@cli.command(epilog=EXIT_CODE_HELP)
@click.argument("translations", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-r", "--reference", "references", multiple=True, type=click.Path(path_type=Path),
              help="Reference translation (repeat for several). For a directory of translations, "
                   "a directory of references with the same file names.")
@click.option("--source", type=click.Path(dir_okay=False, path_type=Path),
              help="Source text: its words (names, numbers) are never flagged as invented.")
@click.option("--format", "input_format", default="auto", show_default=True,
              type=click.Choice(["auto", "text", "jsonl", "tsv", "xliff", "tmx", "po", "srt"]),
              help="Input format; auto goes by the file extension.")
@click.option("--glossary", "glossary", multiple=True, type=click.Path(path_type=Path),
              help="House-style glossary (TSV or CSV with a header: term, source, forbidden, note; or TBX). "
                   "Repeat for several. Its names are checked with or without a reference.")
@click.option("--line-aligned/--no-line-aligned", default=None,
              help="Pair line n of the translation with line n of each reference.")
@model_options
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Check batches on a running Dask scheduler (e.g. tcp://scheduler:8786).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Check batches on a local Dask cluster of this many worker processes.")
@click.option("--stream", "stream_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Check inputs of any size in bounded memory (a JSONL batch read as it comes, a "
                   "document aligned in a band), writing each segment's result to this JSON Lines file "
                   "as it comes (no HTML or whole-run JSON).")
@gate_options
@output_options
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the HTML report here [default: reports/<translation name>.html].")
@click.option("--no-html", is_flag=True, help="Do not write the HTML report.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Show at most this many flags in the terminal.")
def check(translations, references, source, input_format, html_out, no_html, limit, dask_address,
          workers, stream_out, **options) -> None:
    """Check TRANSLATIONS against their reference(s) and report garbled phrases.

    A translation is a document (text, XLIFF, TMX, PO, SRT) checked against --reference, a batch
    (JSONL or TSV with hypothesis and reference columns), or a directory or glob of them. With
    several translations, --reference names directories of references with the same file names.
    A text document with a --glossary and no reference is checked against the house style alone.

    Examples:

    \b
        mtcheck check story.txt --reference story.ref.txt --glossary house.tsv
        mtcheck check story.txt --glossary house.tsv
        mtcheck check batch.jsonl --fail-on major --junit mtcheck.xml --no-html
    """
    from .gate import verdict_of
    from .report.console import report_run
    from .report.progress import progress_bar
    from .settings import Settings

    merged = merged_options(options)
    settings = Settings(**{k: str(merged[k]) if isinstance(merged[k], Path) else merged[k]
                           for k in ("model", "lang", "line_aligned", "ter", "calibration", "decisions",
                                     "backend", "disk_cache", "syntax", "hints")
                           if merged.get(k) is not None},
                        glossaries=tuple(str(p) for p in merged.get("glossary") or ()))
    thresholds = thresholds_of(merged)
    if stream_out is not None:
        if html_out is not None or options["json_out"] is not None:
            raise UsageError("--stream writes segments as they come; --html and --json need the whole run")
        if dask_address or workers:
            raise UsageError("--stream checks on this machine; drop --dask and --workers")
        no_html = True
    if html_out is not None and no_html:
        raise UsageError("--html and --no-html contradict each other; give one of them")
    if html_out is None and not no_html:
        html_out = REPORTS_DIR / f"{report_name(translations)}.html"
    if no_html:
        html_out = None
    fmt = None if input_format == "auto" else input_format
    refuse_score_thresholds_alone(translations, references, settings, thresholds, fmt)
    outputs = [p for p in (options["json_out"], options["junit_out"], options["markdown_out"], html_out, stream_out)
               if p is not None and str(p) != "-"]
    refuse_to_overwrite_inputs(outputs, files_read(translations, references, source, fmt, merged, options))

    if stream_out is not None:
        from .stream import check_stream

        with progress_bar(not options["quiet"]) as progress:
            run = check_stream(list(translations), stream_out, references, source=source, settings=settings,
                               input_format=fmt, progress=progress)
        verdict = verdict_of(run, thresholds)
        report_run(run, verdict, options, None, limit)
        if not options["quiet"]:
            click.echo(f"Segments streamed to: {stream_out}")
        sys.exit(int(ExitCode.OK if verdict is None or verdict.passed else ExitCode.GATE_FAILED))
    if dask_address or workers:
        from .distributed import check_distributed, connect

        client = connect(dask_address, workers)
        try:
            run = check_distributed(list(translations), client, settings, fmt)
        finally:
            cluster = client.cluster if workers and not dask_address else None
            client.close()
            if cluster is not None:
                cluster.close()
    else:
        from .run import check as run_check

        with progress_bar(not options["quiet"]) as progress:
            run = run_check(list(translations), references, source=source, settings=settings,
                            input_format=fmt, progress=progress)
    verdict = verdict_of(run, thresholds)
    report_run(run, verdict, options, html_out, limit)
    sys.exit(int(ExitCode.OK if verdict is None or verdict.passed else ExitCode.GATE_FAILED))


@cli.command(epilog=EXIT_CODE_HELP)
@click.argument("baseline", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("current", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--systems", nargs=2, metavar="A B", help="Compare MT systems A (as the baseline) and B of one batch's result.")
@click.option("--max-regression", type=click.FloatRange(min=0),
              help="Fail if the mean quality, corpus BLEU or chrF falls by more than this many points.")
@click.option("--samples", type=click.IntRange(min=100), default=1000, show_default=True,
              help="Bootstrap resamples.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the comparison as JSON here ('-' for standard output).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors and a failed verdict.")
def compare(baseline, current, systems, max_regression, samples, json_out, quiet) -> None:
    """Compare two --json results of runs on the same input (BASELINE first), or two MT systems
    of one batch's result (--systems A B, records paired by what they translate): metric changes
    with paired-bootstrap 95% intervals and p-values (mean quality first), and new or fixed flags.

    Example:

        mtcheck compare result.json --systems GPT4 NLLB --max-regression 1
    """
    import json

    from .compare import compare as run_compare
    from .compare import load_pair, regressions, render_comparison
    from .files import write_atomic

    refuse_to_overwrite_inputs([json_out] if json_out and str(json_out) != "-" else [], [baseline, current or baseline])
    comparison = run_compare(*load_pair(baseline, current, systems), n_samples=samples)
    failed = regressions(comparison, max_regression) if max_regression is not None else []
    to_stdout = json_out is not None and str(json_out) == "-"
    if json_out is not None:
        data = comparison.to_dict() | {"regressions": failed}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        click.echo(text, nl=False) if to_stdout else write_atomic(json_out, text)
    if not quiet:
        click.echo(render_comparison(comparison), nl=False, err=to_stdout)
    if failed:
        click.echo("Regression gate: FAILED.\n" + "".join(f"  {r}\n" for r in failed), nl=False, err=True)
    elif max_regression is not None and not quiet:
        click.echo("Regression gate: passed.", err=to_stdout)
    sys.exit(int(ExitCode.GATE_FAILED if failed else ExitCode.OK))


@cli.command(epilog=EXIT_CODE_HELP)
@click.argument("data", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@calibrate_options
def calibrate(data, out, model, sample, seed, scope, scored, major_recall, quality_only, base) -> None:
    """Refit the detectors' cut-offs, word model and confidences on labelled MQM data (DATA, JSON Lines).

    Fits on the documents of the "fit" split only (half of them, by a hash of their name), so
    that the other half can measure the result. Takes some minutes per thousand segments.

    Last, the quality score (0-100, the chance that raters find no major error) is fitted on
    every segment of the fit split, checked under the new cut-offs; --quality-only refits it
    alone, so that the flags do not change, and also takes MQM segment scores without spans.

    With --scored, segments that raters scored (error-free, or with a major error) set how weak
    a word's match must be for a major flag: as weak as keeps --major-recall of their major
    errors flagged major, so that correct synonyms are shown as minor.

    Example:

        mtcheck calibrate mqm_zhen_dev.jsonl --scored heen_news_dev.jsonl --out my-calibration.json
    """
    from .refit import calibrate as run_calibrate

    refuse_to_overwrite_inputs([out], [p for p in (data, scored, base) if p is not None])
    log = lambda line: click.echo(line, err=True)  # noqa: E731
    if quality_only:
        from .refit_quality import calibrate_quality

        cal = calibrate_quality(data, out, base, model, log=log)
    elif base is not None:
        raise UsageError("--calibration goes with --quality-only: a full calibration starts from the defaults")
    else:
        cal = run_calibrate(data, out, sample, seed, model, scope, log=log, scored=scored, major_recall=major_recall)
    click.echo(f"Calibration {cal.id} written to {out}; use it with: mtcheck check ... --calibration {out}")


def main() -> None:
    """Run the command line (the console script's entry point)."""
    cli(prog_name="mtcheck")
