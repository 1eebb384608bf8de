"""Walk files and folders, pick a reader by extension or by sniffing, never stop on one bad file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..config import Settings
from ..errors import InputError, UnsupportedFormat
from ..model import Failure, RawDocument
from ..registry import readers

__all__ = ["read_paths", "reader_name"]

_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_SKIPPED = {".json", ".gz", ".zip", ".png", ".jpg", ".pdf"}


def read_paths(paths: Sequence[str | Path], settings: Settings) -> Iterator[RawDocument | Failure]:
    for path in _files(paths):
        try:
            reader = readers.get(reader_name(path))
            yield from reader(path, settings)  # type: ignore[misc]
        except InputError as exc:
            yield Failure(exc.where, "ingest", exc.code, str(exc))
        except OSError as exc:
            yield Failure(str(path), "ingest", "E100", f"{path}: cannot be read ({exc.strerror}) [E100]")


def _files(paths: Sequence[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def reader_name(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix in _SKIPPED:
        raise UnsupportedFormat(
            str(path), f"'{suffix}' files are not read; give .txt, .html, .jsonl or .rss/.atom/.xml"
        )
    if not path.exists():
        raise UnsupportedFormat(str(path), "no such file or folder")
    return _sniff(path)


def _sniff(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(2048).lstrip().lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"
