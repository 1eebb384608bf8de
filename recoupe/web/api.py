"""The REST API under ``/api/v1``: stories (listed, searched, paged), a story's report, versions and changes, a stored
document, articles posted for ingestion, and the server's health."""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from ..errors import BadRequest, InvalidBody, NotFound, ReadOnlyServer, Unauthorized
from .articles import read_articles, read_body
from .errors import error_response
from .reading import Reading, story_summary

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["api"])


def reading(request: Request) -> Reading:
    return request.app.state.reading  # type: ignore[no-any-return]


def check_since(since: str | None) -> str | None:
    """An ISO date (or date and time), else E600."""
    if since:
        try:
            date.fromisoformat(since[:10])
        except ValueError:
            raise BadRequest("query.since", f"{since!r} is not an ISO date such as 2024-03-13") from None
    return since


@router.get("/health", summary="Whether the server can read its store, and whether it takes writes")
def health(request: Request) -> dict[str, Any]:
    store = reading(request).store()
    return {
        "status": "ok",
        "store": store.where,
        "schema": store.schema_version(),
        "writes": request.app.state.writer is not None,
    }


@router.get("/stories", summary="Stories, latest update first; `q` searches their documents' titles and texts")
def stories(
    request: Request,
    since: Annotated[str | None, Query(description="only stories with news on or after this ISO date")] = None,
    q: Annotated[str | None, Query(max_length=500, description="words, all required")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    rows, total = reading(request).store().story_page(since=check_since(since), words=q, limit=limit, offset=offset)
    return {"stories": [story_summary(reading(request), row) for row in rows], "total": total}


@router.get("/stories/{story_id}", summary="A story's current report (as `recoupe story ID --json`)")
def story(request: Request, story_id: str) -> Response:
    version, report = reading(request).latest(story_id)
    headers = {"X-Recoupe-Version": str(version)}
    merged = reading(request).store().merged_into(story_id)
    if merged:
        headers["X-Recoupe-Merged-Into"] = merged
    return Response(report, media_type="application/json", headers=headers)


@router.get("/stories/{story_id}/versions", summary="Every published version of a story: when, which documents")
def versions(request: Request, story_id: str) -> dict[str, Any]:
    found = reading(request).store().story_versions(story_id)
    if not found:
        raise reading(request).missing_story(story_id)
    return {
        "story": story_id,
        "versions": [{"version": v.version, "published": v.created, "documents": list(v.documents)} for v in found],
    }


@router.get("/stories/{story_id}/changes", summary="What changed since a version (default: the previous one)")
def changes(
    request: Request,
    story_id: str,
    since: Annotated[int | None, Query(ge=1, description="the version to compare with")] = None,
    version: Annotated[int | None, Query(ge=1, description="the version compared (default: the last)")] = None,
) -> dict[str, Any]:
    return reading(request).changes(story_id, since, version)


@router.get("/documents/{document_id}", summary="A stored document: clean text, what cleaning removed, annotations")
def document(request: Request, document_id: str) -> dict[str, Any]:
    found = reading(request).store().stored_document(document_id)
    if found is None:
        raise NotFound(f"document '{document_id}'", "not in the store")
    return reading(request).document_data(found)


def authorise(request: Request) -> None:
    """Writes need the server's token (E602 when it has none: read-only), given as ``Bearer`` (E601)."""
    token: str | None = request.app.state.token
    if token is None or request.app.state.writer is None:
        raise ReadOnlyServer("server", "this server is read-only (started without a token); writes are refused")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise Unauthorized("Authorization", "give the server's token as 'Authorization: Bearer TOKEN'")


@router.post(
    "/documents",
    status_code=201,
    summary="Ingest one article or a list of them (`text` or `html`; `id`, `title`, `url`, `outlet`, `published`)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Articles"}}},
        }
    },
)
async def post_documents(request: Request) -> JSONResponse:
    authorise(request)
    limit = request.app.state.settings.max_request_bytes
    body = await read_body(
        request.headers.get("content-type"), request.headers.get("content-length"), request.stream(), limit
    )
    documents, bad = read_articles(body)
    writer = request.app.state.writer
    result = await writer.answer(writer.ingest(documents, bad))
    answer = [o.to_dict() for o in result]
    first_bad = next((o for o in result if o.status == "failed"), None)
    if first_bad is None:
        return JSONResponse({"articles": answer}, status_code=201)
    error = InvalidBody(f"article {first_bad.article}", f"{first_bad.message} [{first_bad.code}]")
    return error_response(error, extra={"articles": answer})
