"""Issue 19: the REST API's reads on SQLite: stories (since, search, pagination), a story's report as the command line
prints it, versions, changes, documents, health, the OpenAPI description and the offline docs page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.cli import main

from .conftest import is_error


def test_stories_are_listed_with_their_reports_outlets_and_conflicts(reader: TestClient) -> None:
    body = reader.get("/api/v1/stories").json()
    assert body["total"] == len(body["stories"]) >= 4
    usine = next(s for s in body["stories"] if "Vénissieux" in s["title"])
    assert set(usine) == {"id", "title", "when", "where", "documents", "outlets", "conflicts", "updated", "version"}
    assert usine["documents"] == 4 and usine["version"] == 1 and usine["when"] == "2024-03-13"
    assert "Agence Rhône Presse" in usine["outlets"]
    updated = [s["updated"] for s in body["stories"]]
    assert updated == sorted(updated, reverse=True)


def test_limit_and_offset_page_through_the_stories(reader: TestClient) -> None:
    every = [s["id"] for s in reader.get("/api/v1/stories?limit=100").json()["stories"]]
    pages = [reader.get(f"/api/v1/stories?limit=2&offset={o}").json() for o in range(0, len(every), 2)]
    assert [s["id"] for p in pages for s in p["stories"]] == every
    assert {p["total"] for p in pages} == {len(every)}
    assert reader.get(f"/api/v1/stories?offset={len(every)}").json()["stories"] == []


def test_search_finds_stories_by_their_documents_words_accents_folded(reader: TestClient) -> None:
    found = reader.get("/api/v1/stories", params={"q": "venissieux chimiflor"}).json()
    assert found["total"] == 1 and "Vénissieux" in found["stories"][0]["title"]
    assert reader.get("/api/v1/stories", params={"q": "zzzunheardofword"}).json() == {"stories": [], "total": 0}
    odd = reader.get("/api/v1/stories", params={"q": 'usine" OR NEAR(('})
    assert odd.status_code == 200  # the user's words, never FTS5's syntax


def test_since_keeps_the_stories_with_news_on_or_after_a_date(reader: TestClient) -> None:
    assert reader.get("/api/v1/stories?since=2999-01-01").json()["total"] == 0
    assert reader.get("/api/v1/stories?since=2000-01-01").json()["total"] >= 4
    is_error(reader.get("/api/v1/stories?since=yesterday"), 400, "E600")


def test_a_story_is_the_report_recoupe_story_json_prints(
    reader: TestClient, seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story_id = reader.get("/api/v1/stories", params={"q": "Chimiflor"}).json()["stories"][0]["id"]
    response = reader.get(f"/api/v1/stories/{story_id}")
    assert response.status_code == 200 and response.headers["x-recoupe-version"] == "1"
    assert main(["story", story_id, "--db", str(seeded), "--json"]) == 0
    assert response.json() == json.loads(capsys.readouterr().out)
    is_error(reader.get("/api/v1/stories/s999"), 404, "E603")


def test_versions_and_changes_of_a_story_with_one_version(reader: TestClient) -> None:
    versions = reader.get("/api/v1/stories/s1/versions").json()
    assert versions["story"] == "s1" and [v["version"] for v in versions["versions"]] == [1]
    assert versions["versions"][0]["documents"]
    is_error(reader.get("/api/v1/stories/s1/changes"), 404, "E603")
    is_error(reader.get("/api/v1/stories/s1/changes?since=0"), 400, "E600")
    is_error(reader.get("/api/v1/stories/nope/versions"), 404, "E603")


def test_a_document_has_its_clean_text_and_what_its_story_found_in_it(reader: TestClient) -> None:
    story = reader.get("/api/v1/stories", params={"q": "Chimiflor"}).json()["stories"][0]
    report = reader.get(f"/api/v1/stories/{story['id']}").json()
    doc_id = report["documents"][0]["id"]
    doc = reader.get(f"/api/v1/documents/{doc_id}").json()
    assert doc["id"] == doc_id and doc["story"] == story["id"] and doc["text"] == report["documents"][0]["text"]
    for key in ("title", "outlet", "published", "url"):  # as cleaning read them (an HTML page's own metadata)
        assert doc[key] == report["documents"][0][key], key
    assert doc["sentences"] and all(s["span"]["doc"] == doc_id for s in doc["sentences"])
    found = doc["found"]
    assert set(found) == {"dates", "figures", "quotes", "claims"}
    assert all(f["span"]["doc"] == doc_id for kind in found.values() for f in kind)
    assert any(found.values())
    is_error(reader.get("/api/v1/documents/nope"), 404, "E603")


def test_health_openapi_and_an_offline_docs_page(reader: TestClient) -> None:
    health = reader.get("/api/v1/health").json()
    assert health["status"] == "ok" and health["writes"] is False and health["schema"] >= 6
    spec = reader.get("/openapi.json").json()
    for path in ("/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/stories/{story_id}/versions",
                 "/api/v1/stories/{story_id}/changes", "/api/v1/documents/{document_id}", "/api/v1/documents",
                 "/api/v1/health"):  # fmt: skip
        assert path in spec["paths"], path
    assert {"Article", "Articles", "Error"} <= set(spec["components"]["schemas"])
    assert "ValidationError" not in json.dumps(spec)  # the server answers errors in its own shape only
    docs = reader.get("/docs").text
    assert "/api/v1/stories/{story_id}/changes" in docs
    assert '<script src="http' not in docs and "cdn" not in docs.lower()
