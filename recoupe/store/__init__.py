"""Stores: documents, stories and every published version of a story's report (SQLite or PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .base import Store, StoredStory, content_hash
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "StoredStory", "content_hash", "open_store"]


def open_store(url: str | None, *, create: bool = True) -> Store:
    """``None``, a path or ``sqlite:///path``: SQLite; ``postgresql://...``: PostgreSQL. Others are refused.

    ``create=False`` for the commands that only read: a SQLite store that does not exist is then a StoreMissing
    error, not a new empty file. Every problem with the store is a ``StoreError`` (``recoupe.store.checks``)."""
    target = url or "recoupe.db"
    if target.startswith("sqlite:///"):
        return SQLiteStore(Path(target[len("sqlite:///") :]), create=create)
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target)
    if "://" in target:
        scheme = target.split("://", 1)[0]
        raise ConfigError(
            f"--db {url}", f"no store for the scheme '{scheme}'; available: sqlite (a file path), postgresql://"
        )
    return SQLiteStore(Path(target), create=create)
