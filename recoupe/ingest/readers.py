"""One reader per container format. A reader turns one file into RawDocuments or Failures."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import BinaryInput, EmptyInput, InputError, InputTooLarge, InternalError, MalformedRecord, RecoupeError
from ..model import Failure, RawDocument, SourceKind
from ..registry import readers
from .decode import decode_with_warnings, normalise_newlines
from .feeds import body_kind, read_feed
from .files import open_input, read_limited

__all__ = ["Item", "read_feed_file", "read_html", "read_jsonl", "read_text", "record_document"]

Item = RawDocument | Failure


def _failure(exc: RecoupeError) -> Failure:
    return Failure(exc.where, "ingest", exc.code, str(exc))


def _document(path: Path, settings: Settings, kind: SourceKind) -> RawDocument:
    data = read_limited(path, settings.max_document_bytes, "one document", "max_document_bytes")
    text, warnings = decode_with_warnings(data, str(path))
    return RawDocument(id=_stem(path), source=str(path), kind=kind, content=text, warnings=warnings)


def _stem(path: Path) -> str:
    return Path(path.stem).stem if path.suffix.lower() == ".gz" else path.stem


def read_text(path: Path, settings: Settings) -> Iterator[Item]:
    yield _document(path, settings, "text")


def read_html(path: Path, settings: Settings) -> Iterator[Item]:
    yield _document(path, settings, "html")


def read_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    _read_size_check(path, settings.max_container_bytes)
    records = 0
    with open_input(path) as handle:
        for number, line in enumerate(_lines(handle, path, settings), start=1):
            if not line.strip():
                continue
            records += 1
            where = f"{path}:{number}"
            try:
                yield _jsonl_record(line, where, f"{_stem(path)}-{number}", settings)
            except InputError as exc:
                yield _failure(exc)
            except Exception as exc:  # noqa: BLE001 - one odd line must not end the file (issue 17)
                yield _failure(InternalError.of(where, "ingest", exc))
    if not records:
        yield _failure(EmptyInput(str(path), "no JSON lines, only blank space; give one JSON object per line"))


def _lines(handle: Any, path: Path, settings: Settings) -> Iterator[bytes]:
    """The file's lines; one longer than max_document_bytes is cut there (and refused) and the rest of it skipped
    unread, and a gzip file stops at max_container_bytes once decompressed (a small .jsonl.gz can hold gigabytes)."""
    limit, total = settings.max_document_bytes, 0
    try:
        while line := handle.readline(limit + 1):
            total += len(line)
            if total > settings.max_container_bytes:
                raise InputTooLarge(
                    str(path), f"over max_container_bytes ({settings.max_container_bytes:,}) once decompressed"
                )
            yield line
            while len(line) > limit and not line.endswith(b"\n") and (line := handle.readline(1 << 20)):
                total += len(line)
    except (OSError, EOFError, zlib.error) as exc:
        raise BinaryInput(str(path), f"a damaged gzip file ({exc}); the lines before it were read") from None


def _jsonl_record(line: bytes, where: str, default_id: str, settings: Settings) -> RawDocument:
    if len(line) > settings.max_document_bytes:
        raise InputTooLarge(where, f"line of {len(line):,} bytes is over max_document_bytes")
    text, warnings = decode_with_warnings(line, where)
    try:
        record: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise MalformedRecord(where, "JSON nested too deeply to read; give one flat JSON object per line") from None
    return record_document(record, where, default_id, warnings)


def record_document(record: Any, where: str, default_id: str, warnings: tuple[str, ...] = ()) -> RawDocument:
    """One article given as a JSON object (a JSONL line, an article POSTed to ``recoupe serve``): ``text`` or
    ``html``, optional ``id``, ``title``, ``url``, ``outlet``, ``published``; MalformedRecord names a bad field."""
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
        warnings=warnings,
    )


def _body(record: dict[str, Any], where: str) -> tuple[str, SourceKind]:
    kinds: tuple[tuple[str, SourceKind], ...] = (("text", "text"), ("html", "html"))
    for key, kind in kinds:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value, body_kind(value, kind)
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
        raise EmptyInput(str(path), "the file is empty")


def read_feed_file(path: Path, settings: Settings) -> Iterator[Item]:
    data = read_limited(path, settings.max_container_bytes, "a feed", "max_container_bytes")
    for item in read_feed(data, str(path), _stem(path)):
        yield _failure(item) if isinstance(item, InputError) else item


readers.register("text", read_text)
readers.register("html", read_html)
readers.register("jsonl", read_jsonl)
readers.register("feed", read_feed_file)
