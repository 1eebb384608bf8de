"""Issue 19: ``recoupe serve``: the token read from a file or the environment, a bad store refused before the server
starts, and a read-only server that never imports the analysis (no spaCy, no sentence encoder)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from recoupe.cli import main
from recoupe.errors import ConfigError
from recoupe.web.serve import read_token

from ..conftest import ROOT
from ..test_startup import ANALYSIS

_READ_ONLY = """
import json, sys
from fastapi.testclient import TestClient
from recoupe.web import create_app
with TestClient(create_app(sys.argv[1])) as client:
    story = client.get("/api/v1/stories").json()["stories"][0]["id"]
    doc = client.get(f"/api/v1/stories/{story}").json()["documents"][0]["id"]
    for url in ("/", f"/stories/{story}", f"/documents/{doc}", f"/api/v1/stories/{story}/versions", "/docs"):
        assert client.get(url).status_code == 200, url
    assert client.post("/api/v1/documents", json={"text": "x"}).status_code == 403
print(json.dumps(sorted(m for m in sys.modules if m.startswith(ANALYSIS) and not m.startswith("recoupe"))))
"""


def test_the_token_comes_from_its_file_or_the_environment(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("a-long-enough-secret-token\n", encoding="utf-8")
    assert read_token(str(token_file), {}) == "a-long-enough-secret-token"
    assert read_token(None, {"RECOUPE_TOKEN": "another-long-secret-token"}) == "another-long-secret-token"
    assert read_token(None, {}) is None
    with pytest.raises(ConfigError, match="at least 16"):
        read_token(None, {"RECOUPE_TOKEN": "short"})
    with pytest.raises(ConfigError, match="cannot be read"):
        read_token(str(tmp_path / "absent"), {})


def test_serve_refuses_a_store_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "absent.db")]) == 6
    assert "E401" in capsys.readouterr().err


def test_a_read_only_server_never_imports_the_analysis(seeded: Path) -> None:
    script = f"ANALYSIS = {ANALYSIS!r}\n{_READ_ONLY}"
    out = subprocess.run(
        [sys.executable, "-c", script, str(seeded)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


@pytest.mark.slow
def test_the_writer_process_ends_when_the_server_is_killed(fresh_copy: Path) -> None:
    import os
    import signal
    import time

    import httpx

    from .conftest import TOKEN
    from .test_browser import _free_port

    port = _free_port()
    command = [sys.executable, "-m", "recoupe", "serve", "--db", str(fresh_copy), "--port", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "RECOUPE_TOKEN": TOKEN}, stderr=subprocess.PIPE)
    try:
        for _ in range(360):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).json()["writes"]:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        found = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(server.pid)], check=True, capture_output=True, text=True
        )
        children = [int(pid) for pid in found.stdout.split()]
        assert children, "the writer runs in a process of its own"
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()
    time.sleep(8)
    alive = [pid for pid in children if Path(f"/proc/{pid}").exists()]
    assert alive == [], "the writer (and multiprocessing's tracker) end with the server"
