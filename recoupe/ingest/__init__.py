"""Readers: files and folders of text, HTML, JSONL and RSS/Atom into RawDocuments."""

from .discover import read_paths

__all__ = ["read_paths"]
