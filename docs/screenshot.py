"""Refresh docs/report-seed.png: the seed's report, only flagged segments, keyboard on "Ilon".

    mtcheck check seeds/000_5d07a7fcc0fe4e21.txt --reference reference/000_5d07a7fcc0fe4e21.txt \
        --glossary reference/000_5d07a7fcc0fe4e21.glossary.tsv --html /tmp/seed.html -q
    python docs/screenshot.py /tmp/seed.html

Needs Debian's chromium and the test extra's Playwright (no browser download).
"""
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "report-seed.png"


def main(report: str) -> None:
    """Open the report, show only flagged segments, step with j to the "Ilon" flag, screenshot."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(Path(report).resolve().as_uri())
        page.check("#only-flagged")
        page.evaluate("document.activeElement.blur()")  # j moves between flags, not in a control
        for _ in range(40):
            page.keyboard.press("j")
            if page.evaluate("document.activeElement.textContent.startsWith('Ilon')"):
                break
        page.wait_for_timeout(300)  # the tooltip's transition
        page.screenshot(path=str(OUT))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
