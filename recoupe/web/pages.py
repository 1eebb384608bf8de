"""The newsroom pages: the stories (``/``), a story (``/stories/{id}``), what changed between two of its versions,
a source (``/documents/{id}``). Rendered on the server; ``static/app.js`` adds the citation previews and the list's
updates without a reload."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..errors import NotFound
from .api import check_since, reading
from .marking import annotations_of, pieces
from .reading import story_summary
from .templating import page
from .views import story_page

__all__ = ["PAGE_SIZE", "router"]

router = APIRouter(include_in_schema=False)
#: stories per page of the list
PAGE_SIZE = 20
#: seconds between two checks of the list for new reports
POLL_SECONDS = 5


def _listing(request: Request, q: str | None, since: str | None, number: int) -> dict[str, Any]:
    store = reading(request).store()
    rows, total = store.story_page(since=check_since(since), words=q, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    return {
        "stories": [story_summary(reading(request), row) for row in rows],
        "total": total,
        "page": number,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "q": q or "",
        "since": since or "",
    }


_Q = Annotated[str | None, Query(max_length=500)]
_PAGE = Annotated[int, Query(ge=1)]


@router.get("/", response_class=HTMLResponse)
def stories(
    request: Request, q: _Q = None, since: _Q = None, page_number: Annotated[int, Query(ge=1, alias="page")] = 1
) -> str:
    return page("stories.html.j2", poll=POLL_SECONDS, **_listing(request, q, since, page_number))


@router.get("/fragments/stories", response_class=HTMLResponse)
def stories_fragment(
    request: Request, q: _Q = None, since: _Q = None, page_number: Annotated[int, Query(ge=1, alias="page")] = 1
) -> str:
    return page("story_list.html.j2", **_listing(request, q, since, page_number))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, version: Annotated[int | None, Query(ge=1)] = None) -> str:
    number, data = reading(request).report(story_id, version)
    versions = reading(request).store().story_versions(story_id)

    def render() -> str:
        return page("story_page.html.j2", page=story_page(data, number), versions=versions, latest=versions[-1].version)

    key = ("story page", story_id, str(number), str(len(versions)))
    return reading(request).cache.get(key, render)


@router.get("/stories/{story_id}/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    story_id: str,
    since: Annotated[int, Query(ge=1, alias="from")],
    version: Annotated[int | None, Query(ge=1, alias="to")] = None,
) -> str:
    changes = reading(request).changes(story_id, since, version)
    return page("changes.html.j2", story=story_id, changes=changes)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(
    request: Request,
    document_id: str,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> str:
    found = reading(request).store().stored_document(document_id)
    if found is None:
        raise NotFound(f"document '{document_id}'", "not in the store")
    data = reading(request).document_data(found)
    cited = (start, end) if start is not None and end is not None else None
    cut = pieces(data.get("text") or "", annotations_of(data), cited)
    return page("document.html.j2", doc=data, pieces=cut, cited=cited)
