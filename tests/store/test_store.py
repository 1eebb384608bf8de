"""Issue 5: the store, incremental ingestion and the store's commands, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from recoupe.cli import main
from recoupe.config import Settings
from recoupe.store import SQLiteStore, Store, open_store
from recoupe.store.base import migrations
from recoupe.tracking import REPUBLISH_SHARE, analyse_story, ingest, publication_due

from ..conftest import EXAMPLE

LATEST = max(version for version, _ in migrations())


def assert_consistent(store: Store) -> None:
    """Every document in one existing story; each story's counts and last published version match its documents;
    a retired story (merged into another) has no live document left."""
    stories = {row[0]: row[1:] for row in store.query("SELECT id, documents, pending FROM stories")}
    retired = {row[0] for row in store.query("SELECT id FROM stories WHERE merged_into IS NOT NULL")}
    docs = store.query("SELECT id, story_id, superseded_by FROM documents")
    assert all(story in stories for _, story, _ in docs)
    assert store.query("SELECT documents FROM corpus_stats") == [(len(docs),)]
    for story, (count, pending) in stories.items():
        assert count == sum(1 for _, s, _ in docs if s == story)
        live = sorted(d for d, s, newer in docs if s == story and newer is None)
        if story in retired:
            assert live == [] and pending == 0, story
            continue
        latest = store.query(
            "SELECT documents FROM story_versions WHERE story_id = ? ORDER BY version DESC LIMIT 1", (story,)
        )
        assert pending == 0 and latest, story
        published = set(latest[0][0].split(","))
        if published != set(live):  # deferred: changed by less than REPUBLISH_SHARE since its last version
            assert len(published ^ set(live)) < REPUBLISH_SHARE * len(published), story
            assert not publication_due(store, story)


def test_migrations_are_numbered_applied_once_and_recorded(store_url: str) -> None:
    store = open_store(store_url)
    assert store.schema_version() == LATEST
    store.close()
    again = open_store(f"sqlite:///{store_url}" if "://" not in store_url else store_url)
    assert again.query("SELECT COUNT(*) FROM schema_migrations") == [(LATEST,)]
    if isinstance(again, SQLiteStore):
        assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingesting_twice_stores_each_document_once_and_groups_stories(store_url: str) -> None:
    store = open_store(store_url)
    first = ingest([EXAMPLE], store, Settings())
    assert len(first.added) == 5 and first.published == {"s1": 1, "s2": 1}
    second = ingest([EXAMPLE], store, Settings())
    assert second.added == [] and len(second.duplicates) == 5 and second.published == {}
    sizes = sorted(len(s.documents) for s in store.stories())
    assert sizes == [1, 4]
    assert_consistent(store)


def test_a_new_text_at_a_known_url_is_a_new_version_in_the_same_story(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLE, folder)
    ingest([folder], store, Settings())
    feed = folder / "04-flux-lyon-matin.rss"
    url = store.query("SELECT url FROM documents WHERE source LIKE ?", ("%flux-lyon%",))[0][0]
    feed.write_text(feed.read_text().replace("250 personnes", "260 personnes"))
    result = ingest([feed], store, Settings())
    assert len(result.versions) == 1 and result.published == {"s1": 2}
    rows = store.query("SELECT id, superseded_by FROM documents WHERE url = ?", (url,))
    assert [r[1] is None for r in sorted(rows)] == [False, True]
    version, report = store.latest_report("s1") or (0, "")
    assert version == 2 and "260 personnes" in report
    assert_consistent(store)


def test_store_commands(store_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    db = store_url
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
    assert main(["stories", "--db", "mysql://localhost/x"]) == 2
    assert "no store for the scheme 'mysql'" in capsys.readouterr().err


def test_a_failed_document_does_not_touch_what_is_stored(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = ingest([bad], store, Settings())
    assert [f.code for f in result.failures] == ["E102"]
    assert store.query("SELECT COUNT(*) FROM documents") == [(5,)]
    assert_consistent(store)


def test_changes_name_new_documents_revised_figures_new_conflicts_and_what_is_new(
    store_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    folder, db = tmp_path / "in", store_url
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
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    db.executescript(dict(migrations())[1])
    db.execute("INSERT INTO schema_migrations VALUES (1, 'then')")
    db.execute("INSERT INTO stories (id, title, created_at, updated_at, centroid) VALUES ('s1', 't', 'a', 'b', x'00')")
    db.commit()
    db.close()
    store = open_store(str(path))
    assert store.schema_version() == LATEST
    assert store.query("SELECT id, entity_keys, terms, pending FROM stories") == [("s1", "[]", "{}", 0)]
    assert store.query("SELECT documents, stories FROM corpus_stats") == [(0, 1)]
    assert store.new_story_id() == "s2"


def test_a_published_report_built_from_stored_annotations_equals_a_fresh_analysis(store_url: str) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    assert store.query("SELECT COUNT(*) FROM annotations") == [(5,)]
    _, published = store.latest_report("s1") or (0, "")
    store._run("DELETE FROM annotations")
    fresh = analyse_story(store, "s1", Settings()).to_dict()
    assert json.loads(published) == json.loads(json.dumps(fresh, ensure_ascii=False))


def test_a_copy_of_a_stored_wire_story_is_linked_to_it(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    wire = json.loads((EXAMPLE / "03-depeches.jsonl").read_text(encoding="utf-8").splitlines()[0])
    copy = dict(wire, id="reprise", outlet="Le Journal de Villeurbanne")
    copy["text"] = wire["text"] + "\nNotre journal suivra l'affaire dans ses prochaines éditions."
    path = tmp_path / "reprise.jsonl"
    path.write_text(json.dumps(copy, ensure_ascii=False) + "\n", encoding="utf-8")
    result = ingest([path], store, Settings())
    assert result.copies == {"reprise": wire["id"]}
    [story] = [s for s in store.stories() if "reprise" in s.documents]
    assert store.copies(story.id) == {"reprise": wire["id"]}
    assert store.all_copies() == {s.id: store.copies(s.id) for s in store.stories() if store.copies(s.id)}
    listed = {s.id: s.documents for s in store.stories()}  # one query for all stories, as one per story gives
    assert listed == {
        s.id: tuple(d for d, _ in store.query(
            "SELECT id, outlet FROM documents WHERE story_id = ? AND superseded_by IS NULL ORDER BY id", (s.id,)))
        for s in store.stories()
    }  # fmt: skip
    assert_consistent(store)
