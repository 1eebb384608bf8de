"""The HTML report in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest

import recoupe
from recoupe.render import render

from ..conftest import EXAMPLE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.mark.browser
def test_a_citation_opens_its_source_at_the_cited_passage(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: scripts/setup.sh --dev installs it as root")
    from playwright.sync_api import sync_playwright

    page_path = tmp_path / "report.html"
    page_path.write_text(render(recoupe.analyze(EXAMPLE), "html"), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        page.goto(page_path.as_uri())
        assert page.locator("h2").first.inner_text().startswith("Incendie dans une usine chimique")
        citations = page.locator("section#s1 sup a")
        assert citations.count() >= 3
        target = citations.first.get_attribute("href") or ""
        citations.first.click()
        mark = page.locator(f"mark[id='{target[1:]}']")
        mark.wait_for(state="visible", timeout=5000)
        # the cited passage opens the article's sentence (whose relative day the article may write as a date)
        assert " ".join(mark.inner_text().split()[:4]) in page.locator("section#s1 .article").inner_text()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert (tmp_path / "report.png").stat().st_size > 10_000
