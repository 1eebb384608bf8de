"""Issue 5 (first increment): the SQLite store, incremental ingestion and the store's commands."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from recoupe.cli import main
from recoupe.config import Settings
from recoupe.store import open_store
from recoupe.tracking import ingest

from ..conftest import EXAMPLE


def test_migrations_are_numbered_applied_once_and_recorded(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "r.db"))
    assert store.schema_version() == 2
    store.close()
    again = open_store(f"sqlite:///{tmp_path / 'r.db'}")
    assert again.db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == 2
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingesting_twice_stores_each_document_once_and_groups_stories(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "r.db"))
    first = ingest([EXAMPLE], store, Settings())
    assert len(first.added) == 5 and first.published == {"s1": 1, "s2": 1}
    second = ingest([EXAMPLE], store, Settings())
    assert second.added == [] and len(second.duplicates) == 5 and second.published == {}
    sizes = sorted(len(s.documents) for s in store.stories())
    assert sizes == [1, 4]


def test_a_new_text_at_a_known_url_is_a_new_version_in_the_same_story(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "r.db"))
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLE, folder)
    ingest([folder], store, Settings())
    feed = folder / "04-flux-lyon-matin.rss"
    feed.write_text(feed.read_text().replace("250 personnes", "260 personnes"))
    result = ingest([feed], store, Settings())
    assert len(result.versions) == 1 and result.published == {"s1": 2}
    rows = store.db.execute("SELECT id, superseded_by FROM documents WHERE url LIKE '%chimiflor%'").fetchall()
    assert [r[1] is None for r in sorted(rows)] == [False, True]
    version, report = store.latest_report("s1") or (0, "")
    assert version == 2 and "260 personnes" in report


def test_store_commands(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "r.db")
    assert main(["ingest", str(EXAMPLE), "--db", db]) == 0
    assert "5 added" in capsys.readouterr().out
    assert main(["stories", "--db", db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(len(s["documents"]) for s in listed) == [1, 4]
    assert main(["story", "s1", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["stories"][0]["id"] == "s1"
    assert main(["story", "s1", "--db", db, "--md"]) == 0
    assert "## Incendie dans une usine chimique" in capsys.readouterr().out
    assert main(["story", "s9", "--db", db]) == 2
    assert "story 's9': not in" in capsys.readouterr().err
    assert main(["stories", "--db", "postgresql://localhost/x"]) == 2
    assert "no store for the scheme 'postgresql'" in capsys.readouterr().err


def test_a_failed_document_does_not_touch_what_is_stored(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "r.db"))
    ingest([EXAMPLE], store, Settings())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = ingest([bad], store, Settings())
    assert [f.code for f in result.failures] == ["E102"]
    assert sqlite3.connect(tmp_path / "r.db").execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5


def test_changes_name_new_documents_revised_figures_new_conflicts_and_what_is_new(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, db = tmp_path / "in", str(tmp_path / "r.db")
    folder.mkdir()
    for name in ("01-echo-du-rhone.txt", "02-radio-saone.html", "03-depeches.jsonl"):
        shutil.copy(EXAMPLE / name, folder / name)
    assert main(["ingest", str(folder), "--db", db]) == 0
    shutil.copy(EXAMPLE / "04-flux-lyon-matin.rss", folder)
    assert main(["ingest", str(folder), "--db", db]) == 0
    capsys.readouterr()
    assert main(["story", "s1", "--db", db, "--changes", "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert (changes["since"], changes["version"], changes["new_documents"]) == (1, 2, ["04-flux-lyon-matin-1"])
    revised = {(r["before"]["value"], r["now"]["value"]) for r in changes["revised_figures"]}
    assert ("240 personnes", "250 personnes") in revised
    assert {c["kind"] for c in changes["new_conflicts"]} >= {"figure", "date"}
    assert changes["update_summary"] and all(
        c["doc"] == "04-flux-lyon-matin-1" for s in changes["update_summary"] for c in s["citations"]
    )
    assert main(["story", "s1", "--db", db, "--changes", "--since", "7"]) == 2


def test_a_version_1_store_migrates_forward_keeping_its_rows(tmp_path: Path) -> None:
    from recoupe.store.sqlite import migrations

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    db.executescript(dict(migrations())[1])
    db.execute("INSERT INTO schema_migrations VALUES (1, 'then')")
    db.execute("INSERT INTO stories (id, title, created_at, updated_at, centroid) VALUES ('s1', 't', 'a', 'b', x'00')")
    db.commit()
    db.close()
    store = open_store(str(path))
    assert store.schema_version() == 2
    assert store.db.execute("SELECT id, entity_keys FROM stories").fetchall() == [("s1", "[]")]
