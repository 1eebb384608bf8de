"""The command line on a batch of bad inputs next to good ones (issue 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from recoupe.cli import main

from .conftest import EXAMPLE

ITALIAN = (
    "Il ministro della Difesa ha incontrato ieri a Roma i colleghi della coalizione internazionale. "
    "Durante la riunione si è parlato della situazione in Iraq e in Siria e della battaglia di Mosul."
)


def _bad_inputs(folder: Path) -> dict[str, str]:
    """File name -> a piece of the one message it must produce."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "ebcdic.txt").write_bytes("Le ministre a déclaré à Paris que la coalition avançait.".encode("cp500"))
    (folder / "lines.jsonl").write_text('{"text": "Un texte court mais réel sur la coalition à Paris."}\n{broken\n')
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Accueil</a></nav></body></html>")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (folder / "italiano.txt").write_text(ITALIAN)
    return {
        "empty.txt": "the input is empty",
        "binary.txt": "binary data",
        "ebcdic.txt": "not valid UTF-8",
        "lines.jsonl:2": "invalid JSON",
        "nav.html": "no article text",
        "huge.txt": "over the 5,000,000-byte limit",
        "italiano.txt": "'it', not a supported language",
    }


def test_bad_inputs_get_one_clear_message_each_and_the_good_ones_are_processed(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RECOUPE_OTHER_LANGUAGES", "false")  # an Italian report is refused only when asked
    expected = _bad_inputs(tmp_path)
    out = tmp_path / "report.json"
    code = main(["run", str(EXAMPLE), str(tmp_path), "--json", str(out)])
    err = capsys.readouterr().err.splitlines()
    assert code == 4  # the worst failure class: a document in an unsupported language (processing)
    for name, piece in expected.items():
        assert len([line for line in err if name in line]) == 1, (name, err)
        assert piece in next(line for line in err if name in line), name
    report = json.loads(out.read_text())
    ids = {d["id"] for d in report["documents"]}
    assert {"01-echo-du-rhone", "02-radio-saone", "depeche-incendie", "lines-1"} <= ids
    assert len(report["failures"]) == len(expected)


def test_strict_stops_at_the_first_failure(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_bytes(b"")
    shutil.copy(EXAMPLE / "01-echo-du-rhone.txt", tmp_path / "b.txt")
    assert main(["run", str(tmp_path), "--strict", "--json", str(tmp_path / "r.json")]) == 3
    assert "stopped (--strict)" in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


def test_the_example_runs_clean_and_writes_all_three_reports(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    paths = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "md", "html")}
    assert main(["run", str(EXAMPLE), *(f"--{k}={v}" for k, v in paths.items())]) == 0
    assert "0 failures" in capsys.readouterr().out
    markdown = paths["md"].read_text()
    assert "## Incendie dans une usine chimique de Vénissieux" in markdown and "[[1]](#s1-" in markdown
    assert paths["html"].read_text().startswith("<!doctype html>")


def test_python_m_recoupe_and_the_api_agree(tmp_path: Path) -> None:
    import subprocess
    import sys

    import recoupe

    result = subprocess.run(
        [sys.executable, "-m", "recoupe", "run", str(EXAMPLE), "--quiet"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    report = recoupe.analyze(EXAMPLE)
    assert [len(s.documents) for s in report.stories] == [4, 1]


@pytest.mark.parametrize("argv", [["run"], ["nope"]])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def test_the_example_lists_its_disagreements_as_possible_with_what_a_judge_found() -> None:
    import recoupe
    from recoupe.stages.crosscheck.calibration import CEILING

    [story, _] = recoupe.analyze(EXAMPLE).stories
    assert not [s for s in story.summary if s.kind == "conflict"]  # no kind of conflict is right often enough yet
    found = {(c.kind, frozenset(claim.value for claim in c.claims)): c for c in story.conflicts}
    workers = found[("figure", frozenset({"Quatre salariés", "trois salariés"}))]
    assert workers.confidence == round(CEILING["figure"], 3) and not workers.stated
    assert (
        "the rules' grade 0.85" in workers.reason
        and "a judge found 2 of 59 figure conflicts the rules would state real" in workers.reason
    )
    assert ("date", frozenset({"2024-03-13", "2024-03-12"})) in found
    assert any(c.kind == "attribution" and "Antoine Lemaire" in {x.value for x in c.claims} for c in story.conflicts)


PORTUGUESE = (
    "Incêndio em fábrica perto de Lyon\n\nUm incêndio atingiu uma fábrica química em Vénissieux, perto de Lyon. Três "
    "trabalhadores ficaram ligeiramente feridos, segundo os bombeiros. Cerca de 120 bombeiros foram mobilizados.\n"
)


def test_a_report_in_another_language_is_partly_analysed_and_cited(tmp_path: Path) -> None:
    """Issue 17 case 22: a Portuguese source was refused (E201) and its facts lost; it is analysed without models."""
    (tmp_path / "pt.txt").write_text(PORTUGUESE, encoding="utf-8")
    out, md = tmp_path / "r.json", tmp_path / "r.md"
    assert main(["run", str(EXAMPLE), str(tmp_path / "pt.txt"), "--json", str(out), "--md", str(md), "--quiet"]) == 0
    report = json.loads(out.read_text())
    [pt] = [d for d in report["documents"] if d["id"] == "pt"]
    assert pt["language"] == "pt" and pt["partly_analysed"] and pt["sentences"]
    assert not any(d["partly_analysed"] for d in report["documents"] if d["id"] != "pt")
    [story] = [s for s in report["stories"] if "pt" in s["documents"]]
    assert "01-echo-du-rhone" in story["documents"]
    assert any(f["span"]["doc"] == "pt" and f["low"] == 120 for f in story["figures"])
    assert "pt (partly analysed)" in md.read_text()
