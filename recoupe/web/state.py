"""The server's connections to the store: one per reading thread, and one writer thread that does every write.

Readers: each worker thread opens its own connection on first use (SQLite connections belong to their thread), read
only (``create=False``). A story's version is stored in one transaction, so a reader sees a version whole or not at
all (SQLite in WAL mode and PostgreSQL let readers read while a writer writes).

The writer is in ``writer.py``.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import TypeVar

from ..store import Store, open_store

__all__ = ["Readers"]

T = TypeVar("T")


class Readers:
    """A store connection per thread, opened on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def store(self) -> Store:
        found: Store | None = getattr(self._local, "store", None)
        if found is None:
            found = open_store(self.url, create=False)
            self._local.store = found
            with self._lock:
                self._opened.append(found)
        return found

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            with suppress(Exception):  # a SQLite connection may only be closed by its thread; exit frees it
                store.close()
