"""``recoupe serve``: the REST API under ``/api/v1`` and the newsroom pages over a store (docs/serve.md).

FastAPI and uvicorn are imported only by the command that serves: ``recoupe --help`` stays light."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
