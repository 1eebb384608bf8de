"""Issue 19: the pages in a real browser (Debian's chromium through Playwright) against a real server (``recoupe
serve`` on a free loopback port): the list, a story, a citation's preview on hover and focus, the cited span in its
source, the conflicts panel and the timeline, a phone's width, and the list updating itself after a POST.

``RECOUPE_SCREENSHOTS=DIR`` keeps the screenshots of the list and of a story page there (bench/results/serve-*.png)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ..conftest import ROOT
from ..render.test_html_browser import CHROMIUM
from .conftest import AUTH, TOKEN, article

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
NEWS = (
    "Lyon : la fête des Lumières attire un million de visiteurs\n"
    "La fête des Lumières a attiré un million de visiteurs à Lyon ce week-end, selon la mairie. Les illuminations"
    " de la place Bellecour et de la colline de Fourvière ont été les plus visitées, a indiqué l'office du tourisme."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(fresh_copy: Path) -> Iterator[str]:
    """``recoupe serve`` over a copy of the seeded store, with a token; its address once it answers."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: scripts/setup.sh --dev installs it as root")
    port = _free_port()
    env = {**os.environ, "RECOUPE_TOKEN": TOKEN}
    command = [sys.executable, "-m", "recoupe", "serve", "--db", str(fresh_copy), "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _shot(page: object, name: str) -> None:
    folder = os.environ.get("RECOUPE_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name), full_page=True)  # type: ignore[attr-defined]


@pytest.mark.browser
def test_a_reader_opens_a_story_previews_a_citation_and_lands_on_the_cited_words(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server}/")
        expect(page.locator(".story-row")).to_have_count(4)
        _shot(page, "serve-list.png")
        page.get_by_role("link", name="Incendie dans une usine chimique de Vénissieux").first.click()
        expect(page.locator("article.story h2").first).to_contain_text("Vénissieux")
        cited = json.loads(page.locator("#cited-words").text_content() or "{}")
        citation = page.locator("article.story .article sup a").first
        citation.hover()
        tip = page.locator("#cite-tip")
        expect(tip).to_be_visible()
        href = citation.get_attribute("href") or ""
        doc, rest = href.removeprefix("/documents/").split("?")
        start, end = (part.split("=")[1] for part in rest.split("#")[0].split("&"))
        words = cited[f"{doc}:{start}:{end}"]
        expect(tip.locator("q")).to_have_text(words)
        page.mouse.move(0, 0)
        expect(tip).to_be_hidden()
        page.locator("article.story .article sup a").nth(1).focus()
        expect(tip).to_be_visible()
        expect(page.locator("#conflicts .conflict").first).to_be_visible()
        page.locator("#timeline summary").click()
        expect(page.locator("#timeline ol.timeline li").first).to_be_visible()
        citation.hover()
        _shot(page, "serve-story.png")
        citation.click()
        page.wait_for_url(f"**/documents/{doc}**")
        mark = page.locator("mark#cited")
        expect(mark).to_have_text(words)
        expect(mark).to_be_in_viewport()
        browser.close()


@pytest.mark.browser
def test_the_list_updates_itself_after_a_post_and_fits_a_phone(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{server}/")
        expect(page.locator(".story-row")).to_have_count(4)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        posted = httpx.post(
            f"{server}/api/v1/documents", json=article(NEWS, published="2024-12-08"), headers=AUTH, timeout=120
        )
        assert posted.status_code == 201, posted.text
        expect(page.locator(".story-row")).to_have_count(5, timeout=20_000)
        expect(page.locator(".story-row h2").first).to_contain_text("fête des Lumières")
        expect(page.locator("#updates")).to_contain_text("new reports")
        story = posted.json()["articles"][0]["story"]
        page.goto(f"{server}/stories/{story}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        browser.close()
