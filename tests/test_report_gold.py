"""Gold files: each renderer's output for one hand-built result (tests/report_fixture.py).

To accept a deliberate change of a report, regenerate the gold files and review the diff:

    MTCHECK_UPDATE_GOLD=1 python -m pytest tests/test_report_gold.py
    git diff tests/gold/

The HTML gold leaves out the packaged stylesheet and script, which the page inlines: a change
to report.css or report.js is reviewed in its own file, not in every gold file.
"""
import os
import re

import pytest

from mtcheck.report import REPORTERS, renderer

from .conftest import ROOT
from .report_fixture import sample_run, sample_verdict

GOLD = ROOT / "tests" / "gold"
FILES = {"text": "report.txt", "json": "report.json", "junit": "report.xml", "markdown": "report.md",
         "annotations": "annotations.txt", "html": "report.html"}


def without_assets(html: str) -> str:
    """Replace the inlined stylesheet and script with the names of their packaged files."""
    html = re.sub(r"<style>\n.*?</style>", "<style>/* mtcheck/templates/report.css */</style>", html,
                  count=1, flags=re.S)
    return re.sub(r"<script>\n.*?</script>", "<script>/* mtcheck/templates/report.js */</script>", html,
                  count=1, flags=re.S)


def test_every_reporter_has_a_gold_file():
    assert set(FILES) == set(REPORTERS)


@pytest.mark.parametrize("name", FILES)
def test_report_matches_gold(name):
    text = renderer(name)(sample_run(), sample_verdict())
    if name == "html":
        text = without_assets(text)
    gold = GOLD / FILES[name]
    if os.environ.get("MTCHECK_UPDATE_GOLD"):
        gold.write_text(text, encoding="utf-8")
    assert text == gold.read_text(encoding="utf-8"), (
        f"{FILES[name]} differs from its gold file; if the change is meant, run "
        "MTCHECK_UPDATE_GOLD=1 python -m pytest tests/test_report_gold.py and review git diff tests/gold/")
