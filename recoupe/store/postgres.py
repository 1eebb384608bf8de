"""The PostgreSQL store, for a shared server: the same schema and behaviour as SQLite.

Writers take one advisory lock per transaction, so that assigning documents to stories is
serialised across processes as SQLite's BEGIN IMMEDIATE does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import ConfigError, StoreError
from .base import Store

__all__ = ["PostgresStore"]

#: the advisory lock key writers share ("rcp" in ASCII)
WRITER_LOCK = 0x726370


def redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))
    return url


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is in requirements.txt
            raise ConfigError(f"--db {redact(url)}", "PostgreSQL needs the psycopg package") from exc
        self.where = redact(url)
        try:
            self.db = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"--db {self.where}", f"cannot connect: {str(exc).strip()}") from exc
        self.migrate()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(sql.replace("?", "%s"), tuple(params))  # type: ignore[call-overload]

    def _migration_sql(self, script: str) -> str:
        return script.replace("BLOB", "BYTEA")
