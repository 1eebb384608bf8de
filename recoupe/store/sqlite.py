"""The SQLite store (the default): one file, WAL mode, one writer at a time (BEGIN IMMEDIATE)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import Store
from .checks import check_path, check_tables, sqlite_errors

__all__ = ["SQLiteStore"]

#: seconds a writer waits for another process's transaction before giving up
BUSY_TIMEOUT_S = 60


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: Path, *, create: bool = True) -> None:
        """``create=False`` (the commands that only read a store): a missing store is an error, not a new file."""
        self.path = path
        self.where = str(path)
        check_path(path, create=create)
        with sqlite_errors(self.where):
            self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            try:
                check_tables(self.db, self.where)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self.migrate()
                if create:  # a store that cannot be written is refused now, not after the batch's analysis
                    with self.transaction():
                        self._run("DELETE FROM schema_migrations WHERE version < 0")
            except BaseException:
                self.db.close()
                raise

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, tuple(params))

    def _migration_sql(self, script: str) -> str:
        return script
