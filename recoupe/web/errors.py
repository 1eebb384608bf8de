"""One JSON shape for every error the server answers, ``{"error": {"code", "message", "where"}}``: recoupe's own
errors (``RequestError`` with their HTTP status, ``StoreError`` as 503), FastAPI's validation errors (400 for a query
or path parameter, 422 for a body), Starlette's 404 and 405, and any other exception (500, E301)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import (
    BadRequest,
    InternalError,
    InvalidBody,
    NotFound,
    RecoupeError,
    RequestError,
    StoreError,
    Unavailable,
)

__all__ = ["error_response", "install_error_handlers"]

log = logging.getLogger("recoupe.web")


def error_response(
    error: RecoupeError, status: int | None = None, *, extra: dict[str, Any] | None = None
) -> JSONResponse:
    """The error's JSON (``extra``: what else the answer carries, beside ``error``)."""
    if status is None:
        status = error.status if isinstance(error, RequestError) else 500
    body = {"error": {"code": error.code, "message": error.problem, "where": error.where}, **(extra or {})}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


async def _recoupe(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RecoupeError)
    if isinstance(exc, StoreError):
        return error_response(Unavailable(exc.where, f"{exc.problem} [{exc.code}]"))
    return error_response(exc)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    where = request.url.path
    if exc.status_code == 404:
        return error_response(NotFound(where, "no such page; the API is under /api/v1 (see /docs)"))
    if exc.status_code == 405:
        return error_response(BadRequest(where, f"{request.method} is not allowed here"), 405)
    return error_response(BadRequest(where, str(exc.detail)), exc.status_code)


def _field(location: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in location)


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": ("request",), "msg": "not valid"}
    where = _field(tuple(first.get("loc", ("request",))))
    message = f"{first.get('msg', 'not valid')} (given: {first.get('input')!r})"
    if where.startswith("body"):
        return error_response(InvalidBody(where, message))
    return error_response(BadRequest(where, message))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path)
    return error_response(InternalError.of(request.url.path, "serve", exc), 500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RecoupeError, _recoupe)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(Exception, _unexpected)
