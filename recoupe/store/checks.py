"""What makes a SQLite file usable as a store, checked when it is opened (before any analysis runs): the path is
a file in a folder that exists, the file is SQLite and not corrupt, it is a recoupe store or empty (a foreign
database is not given recoupe's tables), and it can be written. Each problem is a ``StoreError`` naming the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ForeignStore, StoreError, StoreMissing, StoreReadOnly, StoreUnreadable

__all__ = ["SQLITE_HEADER", "check_path", "check_tables", "sqlite_errors"]

SQLITE_HEADER = b"SQLite format 3\x00"
_HINT = "give the path of a recoupe store, or of a file to create (`recoupe ingest PATH --db FILE`)"


def check_path(path: Path, *, create: bool) -> None:
    """Refuse a folder, a missing store (when not creating one), a missing folder and a file that is not SQLite."""
    where = str(path)
    if path.is_dir():
        raise StoreUnreadable(where, f"is a folder, not a store file; {_HINT}, e.g. {path / 'recoupe.db'}")
    if not path.exists():
        if not create:
            raise StoreMissing(where, f"no store here (this command only reads one); {_HINT}")
        if not path.parent.is_dir():
            raise StoreMissing(where, f"the folder '{path.parent}' does not exist; create it or {_HINT}")
        return
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise StoreUnreadable(where, f"not a SQLite file (it begins {head[:8]!r}); {_HINT}")


def check_tables(db: sqlite3.Connection, where: str) -> None:
    """A database with tables but no ``schema_migrations`` is someone else's: it is not given recoupe's."""
    names = sorted(row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    if names and "schema_migrations" not in names:
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        raise ForeignStore(where, f"a SQLite database of something else (tables {shown}), not a recoupe store; {_HINT}")


@contextmanager
def sqlite_errors(where: str) -> Iterator[None]:
    """sqlite3's errors while a store is opened, as StoreErrors naming the store."""
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as exc:
        message = str(exc)
        if "readonly" in message or "read-only" in message:
            raise StoreReadOnly(
                where, f"cannot be written ({message}); check the file's and its folder's permissions"
            ) from None
        if "malformed" in message or "not a database" in message or "encrypted" in message:
            raise StoreUnreadable(
                where, f"a damaged SQLite file ({message}); restore it from a copy or {_HINT}"
            ) from None
        if "unable to open" in message:
            raise StoreMissing(where, f"cannot be opened ({message}); {_HINT}") from None
        raise StoreError(where, f"cannot be used as a store ({message})") from None
