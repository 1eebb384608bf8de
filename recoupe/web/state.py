"""The server's connections to the store: one per reading thread, and one writer thread that does every write.

Readers: each worker thread opens its own connection on first use (SQLite connections belong to their thread), read
only (``create=False``). A story's version is stored in one transaction, so a reader sees a version whole or not at
all (SQLite in WAL mode and PostgreSQL let readers read while a writer writes).

The writer: one thread, so that the server's own writes never wait for each other's locks; the store's lock (SQLite's
``BEGIN IMMEDIATE``, PostgreSQL's advisory lock) serialises it with a ``recoupe ingest`` run at the same time. It
loads the models once when the server starts; a server without a token has no writer and loads no model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar

from ..config import Settings
from ..model import Failure, RawDocument
from ..store import Store, open_store

if TYPE_CHECKING:
    from ..tracking import IngestResult

__all__ = ["Readers", "Writer"]

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


class Writer:
    """One thread that owns the writing connection; ``ingest`` runs there, one batch at a time."""

    def __init__(self, url: str, settings: Settings) -> None:
        self.url = url
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recoupe-writer")
        self._store: Store | None = None

    def start(self) -> None:
        """Open the store and load the models, before the server takes requests."""
        self._pool.submit(self._start).result()

    def _start(self) -> None:
        from ..resources import dependency_parser, language_detector, sentence_encoder, spacy_model

        self._store = open_store(self.url, create=True)
        language_detector(), sentence_encoder()
        for language in self.settings.languages:
            spacy_model(language), dependency_parser(language)

    def submit(self, work: Callable[[Store], T]) -> Future[T]:
        """Run ``work`` with the writing connection, in the writer thread, after the writes before it."""
        return self._pool.submit(self._run, work)

    def _run(self, work: Callable[[Store], T]) -> T:
        if self._store is None:
            self._store = open_store(self.url, create=True)
        return work(self._store)

    def ingest_here(self, store: Store, items: Sequence[RawDocument | Failure]) -> IngestResult:
        """``recoupe ingest``'s path for read documents; to be run in the writer thread (``submit``)."""
        from ..tracking import IngestResult, ingest_items

        return ingest_items(items, store, self.settings) if items else IngestResult()

    def close(self) -> None:
        def _close() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        self._pool.submit(_close).result()
        self._pool.shutdown()
