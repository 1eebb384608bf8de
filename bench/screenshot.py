"""Render a report to HTML and photograph it in Debian's chromium, to look at.

python bench/screenshot.py PATH... --out bench/results/report.png
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import recoupe
from recoupe.render import render

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", default="bench/results/report.png")
    parser.add_argument("--click-first-citation", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "report.html"
        page_path.write_text(render(recoupe.analyze(args.paths), "html"), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 1200})
            page.goto(page_path.as_uri())
            if args.click_first_citation:
                page.locator("sup a").first.click()
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=args.out, full_page=not args.click_first_citation)
            browser.close()
    print(args.out)


if __name__ == "__main__":
    main()
