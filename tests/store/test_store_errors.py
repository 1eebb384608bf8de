"""Issue 17 cases 8-11, 18, 19: a store that cannot be used is a typed StoreError naming it, found when it is
opened (before any analysis), and the commands that only read a store never create one."""

import os
import sqlite3
from pathlib import Path

import pytest

from recoupe.cli import main
from recoupe.errors import ForeignStore, StoreError, StoreMissing, StoreReadOnly, StoreUnreadable
from recoupe.store import open_store, sqlite

from ..conftest import EXAMPLE


def test_a_store_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    """Issue 17 case 8: a raw sqlite3 traceback that did not name the store."""
    with pytest.raises(StoreMissing, match=r"nodir/r.db: the folder '.*nodir' does not exist"):
        open_store(str(tmp_path / "nodir" / "r.db"))


def test_a_corrupt_store_and_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    """Issue 17 case 9."""
    (tmp_path / "damaged.db").write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    (tmp_path / "notes.db").write_bytes(b"just some text, not a database\n" * 10)
    with pytest.raises(StoreUnreadable, match="damaged.db: a damaged SQLite file"):
        open_store(str(tmp_path / "damaged.db"))
    with pytest.raises(StoreUnreadable, match="notes.db: not a SQLite file"):
        open_store(str(tmp_path / "notes.db"))


def test_a_folder_given_as_the_store(tmp_path: Path) -> None:
    """Issue 17 case 10."""
    with pytest.raises(StoreUnreadable, match="is a folder, not a store file"):
        open_store(str(tmp_path))
    assert main(["ingest", str(EXAMPLE), "--db", str(tmp_path)]) == 6  # refused before any analysis


def test_a_read_only_store_is_refused_when_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17 case 11: a read-only store was noticed only after the whole analysis ran. (Opened read-only by
    SQLite itself here: the tests may run as root, whom file permissions do not stop.)"""
    path = tmp_path / "r.db"
    open_store(str(path)).close()  # a recoupe store, migrated: opening it read-only writes nothing until ingest
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite.sqlite3, "connect", lambda p, **kw: connect(f"file:{p}?mode=ro", uri=True, **kw))
    with pytest.raises(StoreReadOnly, match="r.db: cannot be written"):
        open_store(str(path))


def test_read_only_commands_never_create_a_store(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 case 18: `recoupe stories --db typo.db` created an empty store and exited 0."""
    typo = tmp_path / "typo.db"
    assert main(["stories", "--db", str(typo)]) == 6
    assert main(["story", "s1", "--db", str(typo)]) == 6
    assert "typo.db: no store here" in capsys.readouterr().err and not typo.exists()


def test_a_foreign_sqlite_file_is_not_given_recoupes_tables(tmp_path: Path) -> None:
    """Issue 17 case 19: a foreign SQLite file silently got recoupe's tables and WAL mode."""
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE users (id INTEGER)")
    with pytest.raises(ForeignStore, match=r"app.db: a SQLite database of something else \(tables users\)"):
        open_store(str(path))
    db = sqlite3.connect(path)
    assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["users"]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_an_empty_file_is_a_new_store(tmp_path: Path) -> None:
    (tmp_path / "new.db").write_bytes(b"")
    open_store(str(tmp_path / "new.db")).close()
    assert issubclass(StoreMissing, StoreError)
