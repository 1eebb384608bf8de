"""Issue 17 through the command line: bad output paths fail before the analysis, and a batch of bad inputs beside
good ones gives a valid report whose every citation points into its own document."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from recoupe.cli import main

from .conftest import EXAMPLE, shared


def test_a_folder_given_as_json_fails_before_any_analysis(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 case 12: `--json FOLDER` was an OSError traceback after the whole run."""
    monkeypatch.setattr("recoupe.api.analyze", lambda *a, **k: pytest.fail("analysed before checking the outputs"))
    assert main(["run", str(EXAMPLE), "--json", str(tmp_path)]) == 7
    assert f"{tmp_path}: is a folder; give a file name for the report" in capsys.readouterr().err
    (tmp_path / "file").write_text("")
    assert main(["run", str(EXAMPLE), "--md", str(tmp_path / "file" / "r.md")]) == 7
    assert main(["run", str(EXAMPLE), "--md", str(tmp_path / "r"), "--html", str(tmp_path / "r")]) == 7


def test_a_full_disk_is_an_error_after_the_failures_are_listed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 case 13: a full disk (here /dev/full) was a traceback, and the failure list never printed."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLE, folder)
    (folder / "empty.txt").write_bytes(b"")
    assert main(["run", str(folder), "--json", "/dev/full"]) == 7
    err = capsys.readouterr().err
    assert "empty.txt: the input is empty" in err and "/dev/full: the json report could not be written" in err


def test_a_batch_with_bad_inputs_gives_a_valid_report_citing_its_own_documents(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 cases 1, 3 and 7 end to end: a nested JSONL line, two x.txt in two folders, broken UTF-8."""
    schema = json.loads(shared("spec", "report.schema.json").read_text())
    for folder in ("a", "b"):
        shutil.copytree(EXAMPLE, tmp_path / folder)
    (tmp_path / "a" / "nested.jsonl").write_text("[" * 3000 + "\n")
    broken = (EXAMPLE / "01-echo-du-rhone.txt").read_bytes().replace("é".encode(), b"\xe9", 1)
    (tmp_path / "b" / "01-echo-du-rhone.txt").write_bytes(broken)
    out = tmp_path / "r.json"
    assert main(["run", str(tmp_path / "a"), str(tmp_path / "b"), "--json", str(out)]) == 3
    err = capsys.readouterr().err
    assert "nested.jsonl:1: JSON nested too deeply" in err and "warning: " in err and "1 invalid UTF-8" in err
    report = json.loads(out.read_text())
    jsonschema.validate(report, schema)
    ids = [d["id"] for d in report["documents"]]
    assert len(ids) == len(set(ids)) == 10 and "01-echo-du-rhone~2" in ids
    texts = {d["id"]: d["text"] for d in report["documents"]}
    for story in report["stories"]:
        for sentence in story["summary"]:
            for cite in sentence["citations"]:
                assert cite["doc"] in story["documents"] and cite["end"] <= len(texts[cite["doc"]])
