"""One reader per container format. A reader turns one file into RawDocuments or Failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError, InputTooLarge, MalformedRecord
from ..model import Failure, RawDocument, SourceKind
from ..registry import readers
from .decode import decode, normalise_newlines
from .feeds import read_feed

__all__ = ["Item", "read_feed_file", "read_html", "read_jsonl", "read_text"]

Item = RawDocument | Failure


def _failure(exc: InputError) -> Failure:
    return Failure(exc.where, "ingest", exc.code, str(exc))


def _read_bytes(path: Path, limit: int, what: str) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputTooLarge(
            str(path), f"{size:,} bytes is over the {limit:,}-byte limit for {what} (setting max_document_bytes)"
        )
    return path.read_bytes()


def read_text(path: Path, settings: Settings) -> Iterator[Item]:
    text = decode(_read_bytes(path, settings.max_document_bytes, "one document"), str(path))
    yield RawDocument(id=path.stem, source=str(path), kind="text", content=text)


def read_html(path: Path, settings: Settings) -> Iterator[Item]:
    text = decode(_read_bytes(path, settings.max_document_bytes, "one document"), str(path))
    yield RawDocument(id=path.stem, source=str(path), kind="html", content=text)


def read_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    _read_size_check(path, settings.max_container_bytes)
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield _jsonl_record(line, where, f"{path.stem}-{number}", settings)
            except InputError as exc:
                yield _failure(exc)


def _jsonl_record(line: bytes, where: str, default_id: str, settings: Settings) -> RawDocument:
    if len(line) > settings.max_document_bytes:
        raise InputTooLarge(where, f"line of {len(line):,} bytes is over max_document_bytes")
    try:
        record: Any = json.loads(decode(line, where))
    except json.JSONDecodeError as exc:
        raise MalformedRecord(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise MalformedRecord(where, f"expected a JSON object, got {type(record).__name__}")
    body, kind = _body(record, where)
    return RawDocument(
        id=str(record.get("id") or default_id),
        source=where,
        kind=kind,
        content=normalise_newlines(body),
        title=_opt_str(record, "title", where),
        url=_opt_str(record, "url", where),
        outlet=_opt_str(record, "outlet", where),
        published=_opt_str(record, "published", where),
    )


def _body(record: dict[str, Any], where: str) -> tuple[str, SourceKind]:
    kinds: tuple[tuple[str, SourceKind], ...] = (("text", "text"), ("html", "html"))
    for key, kind in kinds:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value, kind
    raise MalformedRecord(where, f"no non-empty 'text' or 'html' string; keys present: {sorted(record)}")


def _opt_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise MalformedRecord(where, f"'{key}' must be a string, got {type(value).__name__}")


def _read_size_check(path: Path, limit: int) -> None:
    size = path.stat().st_size
    if size > limit:
        raise InputTooLarge(str(path), f"{size:,} bytes is over max_container_bytes ({limit:,})")
    if size == 0:
        from ..errors import EmptyInput

        raise EmptyInput(str(path), "the file is empty")


def read_feed_file(path: Path, settings: Settings) -> Iterator[Item]:
    _read_size_check(path, settings.max_container_bytes)
    for item in read_feed(path.read_bytes(), str(path), path.stem):
        yield _failure(item) if isinstance(item, InputError) else item


readers.register("text", read_text)
readers.register("html", read_html)
readers.register("jsonl", read_jsonl)
readers.register("feed", read_feed_file)
