"""The web server's tests: a store the example and the seeds were ingested into (once: it loads the models), a fresh
copy of it for the tests that write, and clients over either, read-only or with a token."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from recoupe.config import Settings
from recoupe.store import open_store
from recoupe.web import create_app

from ..conftest import EXAMPLE, shared
from ..store.conftest import pg_server  # noqa: F401 - the PostgreSQL cluster, shared with tests/store

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def article(text: str, **meta: Any) -> dict[str, Any]:
    """One article as POST /api/v1/documents takes it."""
    return {"text": text, **meta}


def is_error(response: Any, status: int | tuple[int, ...], code: str | None = None) -> dict[str, Any]:
    """The one error shape, with this status (one of these) and code."""
    assert response.status_code in (status if isinstance(status, tuple) else (status,)), response.text
    body = response.json()
    assert set(body["error"]) == {"code", "message", "where"}, body
    assert body["error"]["code"].startswith("E") and body["error"]["message"] and body["error"]["where"]
    if code:
        assert body["error"]["code"] == code, body
    return body  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding the bundled example and the seeds (never written by the tests: copy it to write)."""
    from recoupe.tracking import ingest

    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    store = open_store(str(path))
    ingest([EXAMPLE, shared("seeds")], store, Settings())
    store.close()
    return path


@pytest.fixture
def fresh_copy(seeded: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copy(seeded, copy)
    return copy


@pytest.fixture
def reader(seeded: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(seeded))) as client:
        yield client


@pytest.fixture
def writer(fresh_copy: Path) -> Iterator[TestClient]:
    """A server with a token over a fresh copy; its writer a thread (``recoupe serve``'s own process: see
    test_concurrency.py and test_postgres.py)."""
    with TestClient(create_app(str(fresh_copy), token=TOKEN, writer_process=False)) as client:
        yield client
