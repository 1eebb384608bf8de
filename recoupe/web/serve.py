"""``recoupe serve``: the token, the store checked before the server starts, uvicorn on loopback by default."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..config import Settings
from ..errors import ConfigError, RecoupeError
from ..store import open_store

__all__ = ["read_token", "serve"]

#: the shortest token accepted: a guessable token is no protection
MIN_TOKEN_CHARS = 16


def read_token(token_file: str | None, environ: dict[str, str] | None = None) -> str | None:
    """The token from ``--token-file`` (its first line), else ``RECOUPE_TOKEN``; None: the server is read-only."""
    env = os.environ if environ is None else environ
    if token_file:
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"--token-file {token_file}", f"cannot be read ({exc.strerror})") from None
        where = f"--token-file {token_file}"
    else:
        token, where = env.get("RECOUPE_TOKEN", "").strip(), "RECOUPE_TOKEN"
        if not token:
            return None
    if len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(where, f"the token has {len(token)} characters; give at least {MIN_TOKEN_CHARS}")
    return token


def serve(args: argparse.Namespace) -> int:
    try:
        token = read_token(args.token_file)
        settings = Settings().with_env()
        url = args.db or "recoupe.db"
        open_store(url, create=token is not None).close()  # a bad store is refused now, not on the first request
    except RecoupeError as exc:
        print(f"recoupe: {exc}", file=sys.stderr)
        return exc.exit_code
    import uvicorn

    from .app import create_app

    mode = "read and write" if token else "read-only (no token: RECOUPE_TOKEN or --token-file)"
    print(f"recoupe: serving {url} on http://{args.host}:{args.port}/ ({mode})", file=sys.stderr)
    uvicorn.run(create_app(url, token=token, settings=settings), host=args.host, port=args.port, log_level="warning")
    return 0
