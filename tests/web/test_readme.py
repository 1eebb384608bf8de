"""The README's curl examples of ``recoupe serve`` (STYLE.md: docs examples are code the tests run), each sent to the
server over the seeded store: every one answers."""

from __future__ import annotations

import re
import shlex
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from ..conftest import ROOT
from .conftest import TOKEN


def _curls() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Serve", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = re.split(r"\n(?=\S)", block.replace("$RECOUPE_TOKEN", TOKEN).replace("\\\n", "\n"))
    return [shlex.split(c, comments=True) for c in commands if c.startswith("curl ")]


def _request(client: TestClient, argv: list[str]) -> tuple[str, int]:
    method, headers, data, url = "GET", {}, None, ""
    words = iter(argv[1:])
    for word in words:
        if word == "-X":
            method = next(words)
        elif word == "-H":
            name, _, value = next(words).partition(": ")
            headers[name] = value
        elif word == "-d":
            data = next(words).encode()
        elif not word.startswith("-"):
            url = word
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{method} {path}", client.request(method, path, headers=headers, content=data).status_code


def test_every_curl_of_the_readme_answers(writer: TestClient) -> None:
    curls = _curls()
    assert len(curls) == 3
    answers = dict(_request(writer, argv) for argv in curls)
    assert all(status in (200, 201) for status in answers.values()), answers
    assert 201 in answers.values()
