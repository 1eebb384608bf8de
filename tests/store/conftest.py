"""The store tests run against SQLite and against a throwaway PostgreSQL 15 cluster they start."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .. import pgcluster

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    why = pgcluster.available()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests cannot run: {why}")
        pytest.skip(why)
    with pgcluster.cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "r.db")
    import psycopg

    server: str = request.getfixturevalue("pg_server")
    name = f"recoupe_test_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name
