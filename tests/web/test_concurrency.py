"""Issue 19: a POST and a ``recoupe ingest`` into the same SQLite store at the same time both land, and a reader
polling the story meanwhile only ever sees whole versions."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.web import create_app

from ..conftest import ROOT
from .conftest import AUTH, TOKEN, article
from .test_post import FOLLOW_UP

OTHER = (
    "Chimiflor : les riverains de Vénissieux demandent des comptes après l'incendie\n"
    "Une association de riverains de Vénissieux a demandé jeudi des explications à la direction de l'usine Chimiflor"
    " après l'incendie de l'entrepôt de solvants qui a blessé trois employés mercredi soir. La préfecture du Rhône a"
    " assuré que les mesures de la qualité de l'air ne montraient aucun danger pour la population de Lyon."
)


@pytest.mark.slow
def test_a_post_and_an_ingest_at_once_both_land_and_readers_see_whole_versions(
    fresh_copy: Path, tmp_path: Path
) -> None:
    with TestClient(create_app(str(fresh_copy), token=TOKEN)) as writer:  # the writer in a process of its own
        _post_while_ingesting(writer, fresh_copy, tmp_path)


def _post_while_ingesting(writer: TestClient, fresh_copy: Path, tmp_path: Path) -> None:
    story = writer.get("/api/v1/stories", params={"q": "Chimiflor"}).json()["stories"][0]["id"]
    feed = tmp_path / "riverains.jsonl"
    feed.write_text(json.dumps({"id": "riverains", "text": OTHER, "published": "2024-03-14"}) + "\n", "utf-8")
    ingest = subprocess.Popen(
        [sys.executable, "-m", "recoupe", "ingest", str(feed), "--db", str(fresh_copy)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[tuple[int, list[str]]] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            response = writer.get(f"/api/v1/stories/{story}")
            report = response.json()
            seen.append((int(response.headers["x-recoupe-version"]), sorted(report["stories"][0]["documents"])))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        posted = []  # one article after another until the ingest is over, so that some are written while it writes
        while ingest.poll() is None or not posted:
            text = FOLLOW_UP.replace("trois blessés", f"{len(posted) + 3} blessés")
            posted.append(writer.post("/api/v1/documents", json=article(text, id=f"suite{len(posted)}"), headers=AUTH))
        out, err = ingest.communicate(timeout=600)
    finally:
        done.set()
        reader.join()
    assert all(p.status_code == 201 for p in posted), [p.text for p in posted]
    assert ingest.returncode == 0, err
    assert "1 added" in out
    for doc in ("riverains", *(f"suite{n}" for n in range(len(posted)))):
        assert writer.get(f"/api/v1/documents/{doc}").status_code == 200, doc
    versions = {
        v["version"]: sorted(v["documents"]) for v in writer.get(f"/api/v1/stories/{story}/versions").json()["versions"]
    }
    assert seen and all(versions[number] == documents for number, documents in seen)


@pytest.mark.slow
def test_a_writer_process_that_stopped_is_503_and_reads_go_on(fresh_copy: Path) -> None:
    import os
    import signal

    from .conftest import is_error

    with TestClient(create_app(str(fresh_copy), token=TOKEN)) as client:
        pool = client.app.state.writer._pool  # type: ignore[attr-defined]
        for pid in list(pool._processes):
            os.kill(pid, signal.SIGKILL)
        body = is_error(client.post("/api/v1/documents", json=article(OTHER), headers=AUTH), 503, "E607")
        assert "restart the server" in body["error"]["message"]
        assert client.get("/api/v1/stories").status_code == 200
