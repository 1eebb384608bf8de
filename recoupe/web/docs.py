"""``/docs``: the API's documentation as a page of its own. FastAPI's docs page loads Swagger UI from a CDN, and the
server has no network at run time; this one is rendered from ``/openapi.json`` on the server, with no script."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .templating import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> str:
    return page("docs.html.j2", api=request.app.openapi())
