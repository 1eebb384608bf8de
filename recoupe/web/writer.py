"""The server's writer: one worker, in a process of its own (the default) or a thread, that owns the writing
connection and the models, and ingests the articles POSTed, one batch after another.

In a process of its own, the analysis (spaCy, the sentence encoder) does not hold the readers' interpreter lock: the
pages answer at their pace while reports are analysed. The store's lock (SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's
advisory lock) serialises it with a ``recoupe ingest`` run at the same time. A server without a token has no writer
and loads no model.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing import get_context, parent_process

from ..config import Settings
from ..errors import RecoupeError, Unavailable
from ..model import Failure, RawDocument
from .articles import Outcome, outcomes

__all__ = ["Writer"]

#: the writer's store and settings, in the thread that writes (the worker's own: one per writer)
_own = threading.local()


@dataclass(frozen=True, slots=True)
class WriteFailed:
    """A RecoupeError of the worker, sent back whole (an exception's own arguments do not cross processes)."""

    code: str
    where: str
    problem: str


#: seconds between two checks, in the writer's process, that the server is still there
PARENT_CHECK_S = 2.0


def _end_with(parent: int) -> None:
    """In the writer's process: end when the server is gone (killed), as a killed ``recoupe ingest`` would; the
    store rolls back a transaction left open."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def _begin(url: str, settings: Settings) -> None:
    """In the worker: open the store, load the models; in a process of its own, end with the server."""
    from ..resources import dependency_parser, language_detector, sentence_encoder, spacy_model
    from ..store import open_store

    if parent_process() is not None:
        threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    _own.store, _own.settings = open_store(url, create=True), settings
    language_detector(), sentence_encoder()
    for language in settings.languages:
        spacy_model(language), dependency_parser(language)


def _ready() -> bool:
    return getattr(_own, "store", None) is not None


def _ingest(documents: list[RawDocument], bad: list[Failure]) -> list[Outcome] | WriteFailed:
    """In the worker: ``recoupe ingest``'s path for the read articles, and the answer per article."""
    from ..tracking import IngestResult, ingest_items

    try:
        result = ingest_items(documents, _own.store, _own.settings) if documents else IngestResult()
        return outcomes(_own.store, documents, bad, result)
    except RecoupeError as exc:
        return WriteFailed(exc.code, exc.where, exc.problem)


def _end() -> None:
    if _ready():
        _own.store.close()
        _own.store = None


class Writer:
    def __init__(self, url: str, settings: Settings, *, own_process: bool = True) -> None:
        self._pool: Executor
        if own_process:
            context = get_context("spawn")  # not fork: the server has threads
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_begin, initargs=(url, settings))
        else:
            self._pool = ThreadPoolExecutor(1, "recoupe-writer", initializer=_begin, initargs=(url, settings))

    def start(self) -> None:
        """Open the store and load the models, before the server takes requests."""
        if not self._pool.submit(_ready).result():
            raise Unavailable("writer", "the writer could not open the store")

    def ingest(self, documents: list[RawDocument], bad: list[Failure]) -> Future[list[Outcome] | WriteFailed]:
        return self._pool.submit(_ingest, documents, bad)

    @staticmethod
    async def answer(done: Future[list[Outcome] | WriteFailed]) -> list[Outcome]:
        """The outcome of ``ingest``, awaited; Unavailable (503) when the writer or the store failed."""
        try:
            found = await asyncio.wrap_future(done)
        except BrokenExecutor:
            raise Unavailable("writer", "the writer process stopped; restart the server") from None
        if isinstance(found, WriteFailed):
            raise Unavailable(found.where, f"{found.problem} [{found.code}]")
        return found

    def close(self) -> None:
        with suppress(BrokenExecutor):
            self._pool.submit(_end).result()
        self._pool.shutdown()
