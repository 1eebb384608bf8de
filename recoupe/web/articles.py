"""``POST /api/v1/documents``: the body read within its size limit, its articles read as JSONL lines are
(``recoupe.ingest.readers.record_document``), ingested as ``recoupe ingest`` does, and the answer per article."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import BodyTooLarge, InputError, InvalidBody, UnsupportedMediaType
from ..model import Failure, RawDocument
from ..store import Store, content_hash

if TYPE_CHECKING:
    from ..tracking import IngestResult

__all__ = ["Outcome", "outcomes", "read_articles", "read_body"]

JSON_TYPES = ("application/json", "application/x-ndjson")


async def read_body(content_type: str | None, length: str | None, chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """The body, refused (413) as soon as it is known to be over ``limit``: from its Content-Length before reading
    anything, else while it arrives; a body that is not JSON is refused (415) before it is read."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media not in JSON_TYPES:
        raise UnsupportedMediaType(
            "Content-Type", f"{media or 'none'} is not accepted; send the articles as application/json"
        )
    if length is not None and length.isdigit() and int(length) > limit:
        raise BodyTooLarge("body", f"{int(length):,} bytes is over max_request_bytes ({limit:,})")
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge("body", f"over max_request_bytes ({limit:,}); send fewer articles at a time")
    return bytes(body)


def _records(body: bytes) -> list[Any]:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidBody("body", f"not valid JSON ({exc})") from None
    except RecursionError:
        raise InvalidBody("body", "JSON nested too deeply to read") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InvalidBody("body", "an empty list; send one article or a list of them")
    return records


def read_articles(body: bytes) -> tuple[list[RawDocument], list[Failure]]:
    """The articles of a body (one JSON object or a list of them), and a failure (E105) for each bad one, its
    ``source`` being ``article N`` (from 1, as the list gives them)."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    from ..ingest.readers import record_document

    documents, failures = [], []
    for number, record in enumerate(_records(body), start=1):
        where = f"article {number}"
        try:
            raw = record_document(record, where, f"api-{content_hash(json.dumps(record, sort_keys=True))[:12]}")
        except InputError as exc:
            failures.append(Failure(where, "ingest", exc.code, exc.problem))
            continue
        documents.append(RawDocument(**{**_fields(raw), "source": f"{where} (POST {stamp})"}))
    return documents, failures


def _fields(raw: RawDocument) -> dict[str, Any]:
    return {name: getattr(raw, name) for name in raw.__slots__}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Outcome:
    article: int
    status: str
    id: str | None = None
    story: str | None = None
    version: int | None = None
    code: str | None = None
    message: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}  # type: ignore[attr-defined]


def _number(source: str) -> int:
    return int(source.split()[1])


def _plain(failure: Failure, source: str) -> str:
    """A stage's failure message without the article's source and the code (the answer gives both apart)."""
    return failure.message.removeprefix(f"{source}: ").removesuffix(f" [{failure.code}]")


def outcomes(store: Store, documents: list[RawDocument], bad: list[Failure], result: IngestResult) -> list[Outcome]:
    """Per article, in the order given: stored (new, a new version), already stored, or failed (why)."""
    found = [Outcome(_number(f.source), "failed", code=f.code, message=f.message) for f in bad]
    failed = {f.source: f for f in result.failures}
    for raw in documents:
        number = _number(raw.source)
        doc_id = result.stored.get(raw.source) or result.duplicate_of.get(raw.source)
        if doc_id is None:
            failure = failed.get(raw.source)
            code, message = (failure.code, _plain(failure, raw.source)) if failure else ("E301", "not stored")
            found.append(Outcome(number, "failed", code=code, message=message))
            continue
        story = store.story_of(doc_id)
        status = "already stored" if raw.source in result.duplicate_of else "new"
        status = "new version" if doc_id in result.versions else status
        found.append(Outcome(number, status, doc_id, story, result.published.get(story)))
    return sorted(found, key=lambda o: o.article)
