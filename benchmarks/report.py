"""Measure the HTML report of a large batch: file size, and load and filter times in Chromium.

    python -m benchmarks.report ../shared/data/mqm_zhen_dev.jsonl [--segments 10000]

Checks the first N segments of the labelled file as one batch (real model), writes the report,
then opens it in Debian's Chromium through Playwright and times the first paint of the
controls, a severity filter and a search.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


from .mqm import write_batch


def main(argv=None) -> None:
    """Build the batch, render the report and time it in the browser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--segments", type=int, default=10000)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)

    from mtcheck.io import read_jsonl
    from mtcheck.run import check
    from mtcheck.files import write_atomic
    from mtcheck.report.html import render_html

    work = Path(tempfile.mkdtemp())
    batch = work / "batch.jsonl"
    write_batch(args.data, args.segments, batch)
    t0 = time.perf_counter()
    run = check(batch)
    t1 = time.perf_counter()
    html = render_html(run)
    t2 = time.perf_counter()
    report = work / "report.html"
    write_atomic(report, html)
    flags = sum(len(s.flags) for s in run.segments)
    print(f"segments {len(read_jsonl(batch))}, flags {flags}")
    print(f"check {t1 - t0:.1f} s, render {t2 - t1:.1f} s, report {report.stat().st_size / 1e6:.1f} MB")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        t = time.perf_counter()
        page.goto(report.as_uri(), wait_until="load")
        loaded = time.perf_counter() - t
        print(f"browser: load {loaded:.2f} s; showing {page.inner_text('#counts')}")
        t = time.perf_counter()
        page.uncheck("input[name=severity][value=minor]")
        page.inner_text("#shown-flags")
        print(f"browser: severity filter {time.perf_counter() - t:.2f} s; showing {page.inner_text('#counts')}")
        t = time.perf_counter()
        page.fill("#search", "the")
        page.inner_text("#shown-flags")
        print(f"browser: search {time.perf_counter() - t:.2f} s; showing {page.inner_text('#counts')}")
        browser.close()


if __name__ == "__main__":
    main()
