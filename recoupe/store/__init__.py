"""Stores: documents, stories and every published version of a story's report."""

from .sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "open_store"]
