"""Issue 19: the server over PostgreSQL (the throwaway cluster of tests/store): articles posted, listed, searched
(PostgreSQL's full text), paged, read, and a story growing with its changes."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from recoupe.web import create_app

from ..conftest import EXAMPLE
from .conftest import AUTH, TOKEN, article, is_error
from .test_post import FOLLOW_UP

_names = itertools.count(1)


def _example_articles() -> list[dict[str, str]]:
    import json

    lines = (EXAMPLE / "03-depeches.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    text = (EXAMPLE / "01-echo-du-rhone.txt").read_text(encoding="utf-8")
    page = (EXAMPLE / "02-radio-saone.html").read_text(encoding="utf-8")
    return [*records, article(text, id="echo"), {"html": page, "id": "radio"}]


@pytest.fixture
def pg_client(pg_server: str) -> Iterator[TestClient]:
    import psycopg

    name = f"recoupe_web_{next(_names)}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = pg_server.rsplit("/", 1)[0] + "/" + name
    with TestClient(create_app(url, token=TOKEN)) as client:
        yield client


def test_the_api_and_pages_over_postgresql(pg_client: TestClient) -> None:
    posted = pg_client.post("/api/v1/documents", json=_example_articles(), headers=AUTH)
    assert posted.status_code == 201, posted.text
    results = posted.json()["articles"]
    assert [r["status"] for r in results] == ["new"] * 4
    stories = {r["story"] for r in results}
    listed = pg_client.get("/api/v1/stories").json()
    assert listed["total"] == len(stories) == 2
    found = pg_client.get("/api/v1/stories", params={"q": "Chimiflor"}).json()
    assert found["total"] == 1
    story = found["stories"][0]["id"]
    mine = sorted(r["id"] for r in results if r["story"] == story)
    assert found["stories"][0]["documents"] == len(mine) == 3
    assert pg_client.get("/api/v1/stories", params={"q": "zzzunheard"}).json()["total"] == 0
    second = pg_client.get("/api/v1/stories?limit=1&offset=1").json()
    assert second["total"] == 2 and [s["id"] for s in second["stories"]] == [listed["stories"][1]["id"]]
    report = pg_client.get(f"/api/v1/stories/{story}").json()
    assert sorted(report["stories"][0]["documents"]) == mine
    assert pg_client.get(f"/api/v1/documents/{results[0]['id']}").json()["story"] == story
    assert "Chimiflor" in pg_client.get(f"/stories/{story}").text
    grown = pg_client.post("/api/v1/documents", json=article(FOLLOW_UP, published="2024-03-15"), headers=AUTH)
    new = grown.json()["articles"][0]
    assert new["story"] == story and new["version"] == 2
    assert pg_client.get(f"/api/v1/stories/{story}/changes").json()["new_documents"] == [new["id"]]
    is_error(pg_client.get("/api/v1/stories/nope"), 404, "E603")
    assert pg_client.get("/api/v1/health").json()["store"].startswith("postgresql://")
