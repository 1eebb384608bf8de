"""Walk files and folders, pick a reader by extension or by sniffing, never stop on one bad file.

Ids are unique within a run: a document whose id an earlier one of the run has (``a/x.txt`` and ``b/x.txt``,
``x.html`` and ``x.xhtml``, a repeated JSONL ``id``) gets the first free ``ID~2``, ``ID~3``, ... (the rule the
store follows for an id it already holds), so that a citation always points into its own document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..config import Settings
from ..errors import InputError, InternalError, UnsupportedFormat
from ..model import Failure, RawDocument
from ..registry import readers
from .files import inner_suffix, open_input

__all__ = ["read_paths", "reader_name", "unique_ids"]

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
_SKIPPED = {".json", ".zip", ".png", ".jpg", ".pdf"}


def read_paths(paths: Sequence[str | Path], settings: Settings) -> Iterator[RawDocument | Failure]:
    return unique_ids(_read_all(paths, settings))


def _read_all(paths: Sequence[str | Path], settings: Settings) -> Iterator[RawDocument | Failure]:
    for path in _files(paths):
        if isinstance(path, Failure):
            yield path
            continue
        try:
            reader = readers.get(reader_name(path))
            yield from reader(path, settings)  # type: ignore[misc]
        except InputError as exc:
            yield Failure(exc.where, "ingest", exc.code, str(exc))
        except OSError as exc:
            yield Failure(str(path), "ingest", "E100", f"{path}: cannot be read ({exc.strerror}) [E100]")
        except Exception as exc:  # noqa: BLE001 - a reader's bug must not take the batch down (issue 17)
            error = InternalError.of(str(path), "ingest", exc)
            yield Failure(error.where, "ingest", error.code, str(error))


def unique_ids(items: Iterable[RawDocument | Failure]) -> Iterator[RawDocument | Failure]:
    """Each document with an id no earlier document of ``items`` has: ``ID~2``, ``ID~3``, ... for repeats."""
    taken: set[str] = set()
    for item in items:
        if isinstance(item, RawDocument):
            wanted, n = item.id, 1
            while item.id in taken:
                n += 1
                item = replace(item, id=f"{wanted}~{n}")
            taken.add(item.id)
        yield item


def _files(paths: Sequence[str | Path]) -> Iterator[Path | Failure]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if not p.name.startswith(".")):
                if found.is_file():
                    yield found
                elif found.is_symlink() and not found.exists():
                    yield _dangling(found)
        else:
            yield path


def _dangling(path: Path) -> Failure:
    error = UnsupportedFormat(
        str(path), "a symbolic link that leads to no file (a loop of links or a missing target); not read"
    )
    return Failure(error.where, "ingest", error.code, str(error))


def reader_name(path: Path) -> str:
    suffix = inner_suffix(path)
    if not path.exists() and not path.is_symlink():
        raise UnsupportedFormat(str(path), "no such file or folder")
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix in _SKIPPED:
        raise UnsupportedFormat(
            str(path), f"'{suffix}' files are not read; give .txt, .html, .jsonl or .rss/.atom/.xml"
        )
    return _sniff(path)


def _sniff(path: Path) -> str:
    with open_input(path) as handle:
        head = handle.read(2048).lstrip().lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"
