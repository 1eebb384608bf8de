"""Issue 19: the newsroom pages rendered on the server: the list (search, since, pages), a story with its citations
linking to the cited span of their source, its panels, what changed between versions, a source with its
annotations, all from the package (no address outside the server)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from recoupe.web import pages
from recoupe.web.pages import PAGE_SIZE

from .conftest import AUTH, article, is_error
from .test_post import FOLLOW_UP


def _usine(client: TestClient) -> str:
    return str(client.get("/api/v1/stories", params={"q": "Chimiflor"}).json()["stories"][0]["id"])


def test_the_list_shows_each_story_with_reports_outlets_conflicts_and_a_search_box(reader: TestClient) -> None:
    html = reader.get("/").text
    assert '<main id="main"' in html and 'role="search"' in html and '<label for="q">' in html
    row = re.search(rf'<li class="story-row" data-id="{_usine(reader)}">.*?</li>', html, re.DOTALL)
    assert row and "4 reports" in row.group(0) and "Agence Rhône Presse" in row.group(0)
    assert "conflict" in row.group(0)
    searched = reader.get("/", params={"q": "Chimiflor"}).text
    assert searched.count('class="story-row"') == 1 and "matching “Chimiflor”" in searched
    assert reader.get("/", params={"since": "2999-01-01"}).text.count('class="story-row"') == 0
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_the_list_is_paged(reader: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    every = [s["id"] for s in reader.get("/api/v1/stories").json()["stories"]]
    assert len(every) <= PAGE_SIZE and 'aria-label="Pages"' not in reader.get("/").text
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    shown = [re.findall(r'data-id="([^"]+)"', reader.get(f"/?page={n}").text) for n in (1, 2)]
    assert shown == [every[:2], every[2:4]]
    second = reader.get("/?page=2").text
    assert 'aria-label="Newer stories, page 1"' in second and "Page 2 of" in second
    is_error(reader.get("/?page=0"), 400, "E600")


def test_a_story_page_links_each_citation_to_its_span_and_has_its_panels(reader: TestClient) -> None:
    story = _usine(reader)
    html = reader.get(f"/stories/{story}").text
    links = re.findall(r'<sup><a href="/documents/([^"?]+)\?start=(\d+)&amp;end=(\d+)#cited"', html)
    assert len(links) >= 3
    for panel in ("conflicts", "timeline", "entities", "source-details", "versions", "quotes-how"):
        assert f'id="{panel}"' in html, panel
    assert '<nav class="toc" aria-label="On this page">' in html and 'role="tooltip"' in html
    assert re.search(
        r'<ul class="quotes-how"><li><strong>[^<]+</strong>: found by [^;<]+; (direct|reported) quote', html
    )
    words = re.search(r'<script type="application/json" id="cited-words">(.*?)</script>', html, re.DOTALL)
    assert words and all(f'"{d}:{s}:{e}"' in words.group(1) for d, s, e in links)
    doc, start, end = links[0]
    text = reader.get(f"/api/v1/documents/{doc}").json()["text"]
    page = reader.get(f"/documents/{doc}", params={"start": start, "end": end}).text
    cited = re.search(r'<mark id="cited"[^>]*>(.*?)</mark>', page, re.DOTALL)
    assert cited and cited.group(1) == _escaped(text[int(start) : int(end)])
    is_error(reader.get("/stories/nope"), 404, "E603")


def _escaped(text: str) -> str:
    from html import escape

    return escape(text)


def test_a_source_page_marks_its_annotations(reader: TestClient) -> None:
    report = reader.get(f"/api/v1/stories/{_usine(reader)}").json()
    doc = report["documents"][0]
    page = reader.get(f"/documents/{doc['id']}").text
    assert 'class="a-entity' in page and ('class="a-date' in page or 'class="a-figure' in page)
    assert re.sub(r"<[^>]+>", "", page.split('class="doc-text">', 1)[1].split("</section>")[0]) == _escaped(doc["text"])
    is_error(reader.get("/documents/nope"), 404, "E603")


def test_what_changed_between_two_versions_after_a_post(writer: TestClient) -> None:
    story = _usine(writer)
    posted = writer.post("/api/v1/documents", json=article(FOLLOW_UP, published="2024-03-15"), headers=AUTH)
    new_id = posted.json()["articles"][0]["id"]
    html = writer.get(f"/stories/{story}").text
    assert "Version 2" in html and '<form class="compare"' in html
    changed = writer.get(f"/stories/{story}/compare", params={"from": 1, "to": 2}).text
    assert f'<a href="/documents/{new_id}">{new_id}</a>' in changed
    older = writer.get(f"/stories/{story}", params={"version": 1}).text
    assert "the latest is version 2" in older
    is_error(writer.get(f"/stories/{story}", params={"version": 9}), 404, "E603")
