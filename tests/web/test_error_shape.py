"""Issue 19 (STYLE.md, after datasette): every error the server answers has one JSON shape,
``{"error": {"code", "message", "where"}}``. The test walks the application's routes, so a route added later is
checked too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount

from recoupe.web import create_app

from .conftest import is_error

#: a value that is not valid for a query parameter of each type
_BAD = {int: "not-a-number", str: "x" * 600}


def _path(route: APIRoute) -> str:
    path = route.path
    for param in route.dependant.path_params:
        path = path.replace("{" + param.name + "}", "no-such-id")
    return path


def _routes(routes: list[Any]) -> Iterator[Any]:
    """The application's routes, those of the routers it includes among them."""
    for route in routes:
        included = getattr(route, "original_router", None)
        yield from _routes(included.routes) if included is not None else [route]


def test_every_route_answers_its_errors_in_one_shape(reader: TestClient) -> None:
    checked, paths = 0, set()
    for route in _routes(reader.app.routes):  # type: ignore[attr-defined]
        paths.add(getattr(route, "path", ""))
        if isinstance(route, Mount):
            is_error(reader.get(f"{route.path}/no-such-file.css"), 404, "E603")
            checked += 1
            continue
        if not isinstance(route, APIRoute):
            continue
        method = min(route.methods)
        if route.dependant.path_params:
            is_error(reader.request(method, _path(route)), (400, 403, 404))
            checked += 1
        for param in route.dependant.query_params:
            bad = _BAD[int] if "int" in str(param.field_info.annotation) else _BAD[str]
            is_error(reader.request(method, _path(route), params={param.alias: bad}), 400, "E600")
            checked += 1
        wrong = "DELETE" if method != "DELETE" else "PUT"
        is_error(reader.request(wrong, _path(route)), 405)
        checked += 1
    assert {"/api/v1/stories/{story_id}/changes", "/", "/documents/{document_id}", "/docs"} <= paths
    assert checked >= 25


def test_a_write_to_a_read_only_server_and_an_unknown_page(reader: TestClient) -> None:
    is_error(reader.post("/api/v1/documents", json={"text": "x"}), 403, "E602")
    is_error(reader.get("/no/such/page"), 404, "E603")


def test_a_store_that_cannot_be_read_is_503(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "missing" / "r.db"))) as client:
        body = is_error(client.get("/api/v1/health"), 503, "E607")
        assert "missing" in body["error"]["where"]
        is_error(client.get("/api/v1/stories"), 503, "E607")
        is_error(client.get("/"), 503, "E607")
