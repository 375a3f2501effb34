"""Gold files of the rendered HTML report, with the version and dates scrubbed.

To accept a deliberate change of the report, regenerate the gold files and review the diff:

    MTCHECK_UPDATE_GOLD=1 python -m pytest tests/test_html_gold.py
    git diff tests/gold/
"""
import os
import re

import pytest

from mtcheck import __version__
from mtcheck.run import check
from mtcheck.report.html import render_html

from .conftest import ROOT

GOLD = ROOT / "tests" / "gold"
DATA = "tests/data/gold"


def scrub(html: str) -> str:
    """Replace what changes from run to run or release to release: dates and the version."""
    html = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "<DATE>", html)
    return html.replace(f"mtcheck {__version__}", "mtcheck <VERSION>").replace(
        f"mtcheck:{__version__}", "mtcheck:<VERSION>")


CASES = {
    "document.html": lambda e: check(f"{DATA}/hyp.txt", [f"{DATA}/ref.txt"], embedder=e),
    "batch.html": lambda e: check([f"{DATA}/one.jsonl", f"{DATA}/two.jsonl"], embedder=e),
}


@pytest.mark.parametrize("name", CASES)
def test_report_matches_gold(name, fake_embedder, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the report are relative, as a user would type them
    html = scrub(render_html(CASES[name](fake_embedder)))
    gold = GOLD / name
    if os.environ.get("MTCHECK_UPDATE_GOLD"):
        gold.write_text(html, encoding="utf-8")
    assert html == gold.read_text(encoding="utf-8"), (
        f"{name} differs from its gold file; if the change is meant, run "
        "MTCHECK_UPDATE_GOLD=1 python -m pytest tests/test_html_gold.py and review git diff tests/gold/")
