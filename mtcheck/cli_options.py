"""The command line's shared options, defined once, and the settings they make with a config file."""
from __future__ import annotations

from pathlib import Path

import click

from .errors import UsageError

SEVERITIES = ["critical", "major", "minor"]


def _options(*decorators):
    """Return a decorator applying several Click options in the order written."""
    def apply(fn):
        for decorator in reversed(decorators):
            fn = decorator(fn)
        return fn
    return apply


model_options = _options(
    click.option("--model", default=None,
                 help="sentence-transformers model: the packaged default (all-MiniLM-L6-v2), a local "
                      "directory, or a name already in the Hugging Face cache (loaded offline)."),
    click.option("--lang", default=None, help="Language code of the translation [default: en]."),
    click.option("--backend", type=click.Choice(["torch", "onnx"]), default=None,
                 help="torch [default], or onnx: the model quantised to int8 on ONNX Runtime, about "
                      "twice as fast (pip install 'mtcheck[onnx]'; exported once to ~/.cache/mtcheck)."),
    click.option("--calibration", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE|NAME",
                 help="Calibration file, or a packaged one by name: default, or news (the same flags, the "
                      "quality score fitted on rated news) [default: default]."),
    click.option("--disk-cache/--no-disk-cache", default=None,
                 help="Keep encodings on disk ($MTCHECK_CACHE or ~/.cache/mtcheck) and reuse them "
                      "on later runs: only new texts are encoded."),
    click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path),
                 help="Decisions exported from the HTML report: dismissed flags are not raised again."),
    click.option("--ter/--no-ter", default=None, help="Also compute TER (slow)."),
    click.option("--hints/--no-hints", default=None,
                 help="Also show weak evidence as minor flags: wording (about one in four marks an "
                      "error), names in another spelling; the scores count it either way."),
    click.option("--syntax/--no-syntax", default=None,
                 help="Also parse translation and reference to find roles turned round (pip install "
                      "'mtcheck[syntax]'; about 1.8 times as slow)."),
)

gate_options = _options(
    click.option("--fail-on", type=click.Choice(SEVERITIES),
                 help="Fail if any flag is at or above this severity."),
    click.option("--max-flags", type=click.IntRange(min=0), help="Fail if there are more flags than this."),
    click.option("--min-chrf", type=click.FloatRange(0, 100), help="Fail if corpus chrF is below this."),
    click.option("--min-similarity", type=click.FloatRange(-1, 1),
                 help="Fail if the mean similarity is below this."),
    click.option("--min-quality", type=click.FloatRange(0, 100),
                 help="Fail if the mean segment quality (0-100) is below this."),
    click.option("--min-segment-quality", type=click.FloatRange(0, 100),
                 help="Fail if any segment's quality (0-100) is below this; the verdict counts them."),
    click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                 help="Settings file [default: ./mtcheck.toml, else [tool.mtcheck] in ./pyproject.toml]."),
)

output_options = _options(
    click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
                 help="Write the JSON result here ('-' for standard output)."),
    click.option("--junit", "junit_out", type=click.Path(dir_okay=False, path_type=Path),
                 help="Write JUnit XML here (a test case per document)."),
    click.option("--markdown", "markdown_out", type=click.Path(dir_okay=False, path_type=Path),
                 help="Write a Markdown summary here (e.g. $GITHUB_STEP_SUMMARY)."),
    click.option("--annotations", type=click.Choice(["github"]),
                 help="Print GitHub Actions annotations for each flag on standard output."),
    click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors."),
)


calibrate_options = _options(
    click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
                 help="Write the new calibration file here (pass it to check with --calibration)."),
    click.option("--model", default=None,
                 help="sentence-transformers model to fit for, as check's --model takes it [default: the packaged one]."),
    click.option("--sample", type=click.IntRange(min=10), default=3000, show_default=True,
                 help="Segments of the fit split to fit on."),
    click.option("--seed", type=int, default=1, show_default=True, help="Seed of the sample."),
    click.option("--scope", type=click.Choice(["sentence", "segment"]), default="sentence", show_default=True,
                 help="What the word model's per-segment features describe: the word's sentence, or its segment."),
    click.option("--scored", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                 help="Segments rated by MQM (scores 'mqm' or error spans, e.g. heen_news_dev.jsonl): lower the "
                      "cut-off for a major flag as far as --major-recall of their major errors allows."),
    click.option("--major-recall", type=click.FloatRange(0, 1), default=0.75, show_default=True,
                 help="Share of the scored segments with a major error that must keep a major flag."),
    click.option("--quality-only", is_flag=True,
                 help="Refit only the quality score, on top of --calibration (the cut-offs and flags stay); "
                      "DATA may then give MQM segment scores ('mqm') instead of error spans."),
    click.option("--calibration", "base", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE|NAME",
                 help="With --quality-only: the calibration to refit the score of, a file or a packaged "
                      "name (default, news) [default: default]."),
)


def merged_options(options: dict) -> dict:
    """Return config-file settings overridden by the options given on the command line."""
    from .settings import find_config, load_config

    path = options.get("config_path") or find_config(Path.cwd())
    merged = load_config(path) if path else {}
    # a repeatable option given no value is (), which leaves the config's value in place
    merged.update({k: v for k, v in options.items() if v is not None and v != () and k != "config_path"})
    return merged


def thresholds_of(merged: dict):
    """Return the gate's thresholds from merged settings (validated by Thresholds itself)."""
    from .results import Severity
    from .settings import Thresholds

    fail_on = merged.get("fail_on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise UsageError(f"fail-on must be one of {', '.join(SEVERITIES)}, got {fail_on!r}")
    return Thresholds(Severity(fail_on) if fail_on else None, merged.get("max_flags"),
                      merged.get("min_chrf"), merged.get("min_similarity"), merged.get("min_quality"),
                      merged.get("min_segment_quality"))


def report_name(translations) -> str:
    """Return the default report's name: the translation's, without a text file's extension
    ("story" for story.txt, "mt.xlf" for mt.xlf, so that mt.xlf and mt.po do not share one)."""
    if len(translations) != 1 or not translations[0].is_file():
        return "mtcheck"
    path = translations[0]
    return path.stem if path.suffix.lower() in ("", ".txt", ".text", ".md") else path.name


def files_read(translations, references, source, fmt, merged: dict, options: dict) -> list[Path]:
    """Return every file the check reads: each translation and reference file (directories and
    globs expanded), the source, the decisions, the calibration and the settings file."""
    from .calibration.file import is_packaged
    from .io.load import jobs_of
    from .settings import find_config

    jobs = jobs_of(list(translations), list(references), fmt)
    files = [f for job in jobs for f in (job.translation, *job.references)]
    config = options.get("config_path") or find_config(Path.cwd())
    calibration = merged.get("calibration")
    if calibration is not None and is_packaged(calibration):  # a packaged one is no file of the user's
        calibration = None
    extra = [source, merged.get("decisions"), calibration, config, *(merged.get("glossary") or ())]
    return [*translations, *references, *files, *(Path(p) for p in extra if p is not None)]


def refuse_score_thresholds_alone(translations, references, settings, thresholds, fmt) -> None:
    """Refuse, before the run, a score threshold on documents checked without a reference."""
    if references or not settings.glossaries or not thresholds.score_options:
        return
    from .io.inputs import BATCH_FORMATS, expand_all

    if any(job.format not in BATCH_FORMATS for job in expand_all(list(translations), [], fmt)):
        raise UsageError(f"{thresholds.needing_a_reference()}, and a document "
                         "checked with a glossary alone has none; give --reference, or gate on flags (--fail-on, "
                         "--max-flags)")
