"""The report in a real browser: Debian's Chromium driven by Playwright (no browser download).

Filters change the visible counts, a flag is dismissed, the decisions are exported, and the
next check honours them. In CI the browser must be there (.ci/run installs it).
"""
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtcheck.cli import cli

from .conftest import SEED, SEED_REF

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [pytest.mark.model, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def run_check(tmp_path, *extra):
    result = CliRunner().invoke(cli, ["check", str(SEED), "-r", str(SEED_REF), "-q",
                                      "--html", str(tmp_path / "report.html"),
                                      "--json", str(tmp_path / "run.json"), *map(str, extra)])
    assert result.exit_code == 0, result.output
    return json.loads((tmp_path / "run.json").read_text())


def shown(page):
    return int(page.inner_text("#shown-segments")), int(page.inner_text("#shown-flags"))


def test_filter_dismiss_export_and_rerun(browser, tmp_path):
    first = run_check(tmp_path)
    flags = [f for s in first["documents"][0]["segments"] for f in s["flags"]]
    minors = sum(f["severity"] == "minor" for f in flags)
    page = browser.new_page(accept_downloads=True, viewport={"width": 1300, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "report.html").as_uri())
    assert shown(page) == (18, len(flags))

    page.uncheck("input[name=severity][value=minor]")
    assert shown(page)[1] == len(flags) - minors
    page.check("input[name=severity][value=minor]")
    page.check("#only-flagged")
    flagged_segments = sum(1 for s in first["documents"][0]["segments"] if s["flags"])
    assert shown(page) == (flagged_segments, len(flags))
    page.fill("#search", "Kelloge")
    assert shown(page) == (1, 1)
    page.fill("#search", "")

    page.keyboard.press("Escape")  # leave the search box, then step through the flags
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "flag-1"  # the worst flag first
    assert page.is_visible("#flag-1 .tip")

    target = next(f for f in flags if f["text"] == "needed")
    row = page.locator(f"tr.flag-row[data-key='{target['key']}']")
    row.locator("button.dismiss").click()
    assert page.inner_text("#decision-counts") == "1 dismissed, 0 confirmed"
    with page.expect_download() as download:
        page.click("#export")
    exported = tmp_path / "decisions.json"
    download.value.save_as(exported)
    page.screenshot(path=str(tmp_path / "report.png"))
    assert errors == []

    data = json.loads(exported.read_text())
    assert data["format"] == "mtcheck-decisions"
    assert data["decisions"] == [{"key": target["key"], "decision": "dismissed", "kind": "mistranslation",
                                  "text": "needed", "document": str(SEED), "segment": "s2"}]
    second = run_check(tmp_path, "--decisions", exported)
    texts = [f["text"] for s in second["documents"][0]["segments"] for f in s["flags"]]
    assert "needed" not in texts and len(texts) == len(flags) - 1
    assert second["documents"][0]["suppressed"] == 1
    page.goto((tmp_path / "report.html").as_uri())
    assert "1 flag(s) suppressed by decisions" in page.inner_text("section.document p.meta")
    assert (tmp_path / "report.png").stat().st_size > 10_000


LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt" * 3


@pytest.mark.parametrize("width", [800, 1400])
def test_the_report_fits_narrow_and_wide_windows_with_long_words_and_ids(browser, tmp_path, width):
    """Long unbroken words and ids wrap; the decision buttons stay on screen; nothing scrolls sideways."""
    from mtcheck.report.html import render_html

    from .report_fixture import sample_run

    run = sample_run()
    document = run.documents[0]
    long_segment = document.segments[0].__class__(
        **{**document.segments[0].__dict__, "id": "id-" + LONG_WORD[:120],
           "hypothesis": document.segments[0].hypothesis + " " + LONG_WORD,
           "references": (document.segments[0].references[0] + " " + LONG_WORD[::-1],)})
    path = "a/very/long/folder/name/" + LONG_WORD[:90] + "/story.txt"
    document = document.__class__(**{**document.__dict__, "path": path,
                                     "segments": (long_segment, *document.segments[1:])})
    run = run.__class__((document, *run.documents[1:]), run.corpus, run.meta)
    report = tmp_path / "report.html"
    report.write_text(render_html(run), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(report.as_uri())
    page.screenshot(path=str(tmp_path / f"report-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for button in page.query_selector_all("tr.flag-row:not([hidden]) button.dismiss"):
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    page.close()
