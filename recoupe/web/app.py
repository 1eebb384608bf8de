"""The web application: the API (``api.py``), the pages (``pages.py``), the static files, one error shape.

``create_app(url, token=..., settings=...)`` builds it over a store; ``recoupe serve`` runs it with uvicorn. With a
token the server takes writes and loads the models when it starts (``state.Writer``); without one it is read-only,
refuses writes (E602) and never imports the analysis.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from ..config import Settings
from .errors import install_error_handlers
from .reading import Reading
from .state import Readers
from .writer import Writer

__all__ = ["ARTICLE_SCHEMA", "create_app"]

_FIELD = {"type": "string"}
#: one article as ``POST /api/v1/documents`` takes it (the fields of a JSONL line)
ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`text` or `html` (one of them, not empty); the other fields are optional",
    "properties": {
        name: {**_FIELD, "description": help}
        for name, help in (
            ("text", "the report as text"),
            ("html", "the report as a web page"),
            ("id", "the document's id (made unique by the store: ID~2, ...)"),
            ("title", "its title"),
            ("url", "its address: a new text at a stored URL is a new version of that document"),
            ("outlet", "who published it"),
            ("published", "when, as an ISO date or date and time"),
        )
    },
}


def _lifespan(writer: Writer | None, readers: Readers) -> Any:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if writer is not None:
            writer.start()
        try:
            yield
        finally:
            if writer is not None:
                writer.close()
            readers.close()

    return lifespan


def create_app(
    url: str, *, token: str | None = None, settings: Settings | None = None, writer_process: bool = True
) -> FastAPI:
    """The server over the store at ``url`` (a path or a postgresql:// URL); read-only without ``token``.
    ``writer_process=False``: the writer is a thread of the server's process (tests: no process to start)."""
    from .api import router as api_router
    from .docs import router as docs_router
    from .pages import router as pages_router

    settings = settings or Settings()
    readers = Readers(url)
    writer = Writer(url, settings, own_process=writer_process) if token else None
    app = FastAPI(
        title="recoupe",
        summary="Stories cross-checked from news reports, with cited articles",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan(writer, readers),
    )
    app.state.settings, app.state.token, app.state.writer = settings, token, writer
    app.state.reading = Reading(readers)
    install_error_handlers(app)
    for router in (api_router, docs_router, pages_router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(files("recoupe.web").joinpath("static"))), name="static")
    _add_article_schema(app)
    return app


#: every error, in one shape (``recoupe.web.errors``)
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"code": _FIELD, "message": _FIELD, "where": _FIELD},
            "required": ["code", "message", "where"],
        }
    },
}
_ERROR_RESPONSE = {
    "description": "an error: 400, 401, 403, 404, 413, 415, 422 or 503, with its code (E600-E607)",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _add_article_schema(app: FastAPI) -> None:
    """The description of /openapi.json: the articles a POST takes, and recoupe's one error shape in place of
    FastAPI's validation error (which the server never answers)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        articles = {"oneOf": [{"$ref": "#/components/schemas/Article"}, {"type": "array", "items": ARTICLE_SCHEMA}]}
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.update({"Article": ARTICLE_SCHEMA, "Articles": articles, "Error": ERROR_SCHEMA})
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        for operations in schema["paths"].values():
            for operation in operations.values():
                operation["responses"].pop("422", None)
                operation["responses"]["4XX"] = _ERROR_RESPONSE
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
