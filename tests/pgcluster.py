"""A throwaway PostgreSQL 15 cluster for the tests: initdb in a temporary folder, pg_ctl on loopback.

initdb refuses to run as root, so as root the cluster belongs to the ``postgres`` user (runuser).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")


def available() -> str | None:
    """Why a cluster cannot be made here, or None."""
    if not (BIN / "initdb").exists():
        return f"{BIN / 'initdb'} missing (scripts/setup.sh --dev installs postgresql-15 as root)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to become the postgres user"
    return None


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def cluster() -> Iterator[str]:
    """Yields the URL of the cluster's ``postgres`` database (user postgres, trust on loopback)."""
    folder = Path(tempfile.mkdtemp(prefix="recoupe-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    _run("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off"
    _run("pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        _run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _run(program: str, *args: str, check: bool = True) -> None:
    done = subprocess.run(_as_owner([str(BIN / program), *args]), capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
