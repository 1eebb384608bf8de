"""The SQLite store (the default): one file, WAL mode, numbered migrations applied in order."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import numpy as np

from ..errors import ConfigError
from ..model import RawDocument

__all__ = ["OpenStory", "SQLiteStore", "StoredStory", "content_hash", "open_store"]

#: seconds a writer waits for another process's transaction before giving up
BUSY_TIMEOUT_S = 30


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class OpenStory:
    """What assigning a new document to a story compares: its centroid and the entities it names."""

    id: str
    centroid: np.ndarray
    documents: int
    entity_keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class StoredStory:
    id: str
    title: str
    updated_at: str
    last_published: str | None
    documents: tuple[str, ...]
    outlets: int


def open_store(url: str | None) -> SQLiteStore:
    """``None`` or a path or ``sqlite:///path``: SQLite. Other schemes are refused with the valid ones."""
    target = url or "recoupe.db"
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    elif "://" in target:
        scheme = target.split("://", 1)[0]
        raise ConfigError(f"--db {url}", f"no store for the scheme '{scheme}'; available: sqlite (a file path)")
    return SQLiteStore(Path(target))


class SQLiteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One writer at a time (BEGIN IMMEDIATE); all or nothing."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- schema -------------------------------------------------------------------------------------
    def migrate(self) -> None:
        with self.transaction() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
            for version, script in migrations():
                if version not in done:
                    for statement in script.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, _now()))

    def schema_version(self) -> int:
        return int(self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] or 0)

    # -- documents ----------------------------------------------------------------------------------
    def known_hash(self, digest: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
        return row[0] if row else None

    def current_by_url(self, url: str) -> tuple[str, str | None] | None:
        """(document id, story id) of the live version of the document at ``url``."""
        row = self.db.execute(
            "SELECT id, story_id FROM documents WHERE url = ? AND superseded_by IS NULL", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while self.db.execute("SELECT 1 FROM documents WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}~{n}"
        return candidate

    def add_document(self, db: sqlite3.Connection, raw: RawDocument, digest: str, story_id: str) -> None:
        db.execute(
            "INSERT INTO documents (id, source, url, content_hash, kind, content, title, outlet, published, story_id,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                raw.id,
                raw.source,
                raw.url,
                digest,
                raw.kind,
                raw.content,
                raw.title,
                raw.outlet,
                raw.published,
                story_id,
                _now(),
            ),
        )

    def supersede(self, db: sqlite3.Connection, old_id: str, new_id: str) -> None:
        db.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (new_id, old_id))

    def raw_documents(self, story_id: str) -> list[RawDocument]:
        rows = self.db.execute(
            "SELECT id, source, kind, content, title, url, outlet, published FROM documents"
            " WHERE story_id = ? AND superseded_by IS NULL ORDER BY ingested_at, id",
            (story_id,),
        ).fetchall()
        return [RawDocument(*row) for row in rows]

    # -- stories ------------------------------------------------------------------------------------
    def open_stories(self, since: str) -> list[OpenStory]:
        """The stories updated since ``since`` (the tracking window), with what assignment compares."""
        rows = self.db.execute(
            "SELECT id, centroid, documents, entity_keys FROM stories WHERE updated_at >= ?", (since,)
        ).fetchall()
        return [OpenStory(r[0], np.frombuffer(r[1], dtype=np.float32), r[2], frozenset(json.loads(r[3]))) for r in rows]

    def new_story_id(self, db: sqlite3.Connection) -> str:
        count = db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        return f"s{count + 1}"

    def save_story(self, db: sqlite3.Connection, story: OpenStory, title: str) -> None:
        now = _now()
        keys = json.dumps(sorted(story.entity_keys), ensure_ascii=False)
        db.execute(
            "INSERT INTO stories (id, title, created_at, updated_at, centroid, documents, entity_keys)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at,"
            " centroid = excluded.centroid, documents = excluded.documents, entity_keys = excluded.entity_keys",
            (story.id, title, now, now, story.centroid.astype(np.float32).tobytes(), story.documents, keys),
        )

    def add_version(
        self, story_id: str, documents: list[str], report: str, last_published: str | None, title: str
    ) -> int:
        with self.transaction() as db:
            version = db.execute(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM story_versions WHERE story_id = ?", (story_id,)
            ).fetchone()[0]
            db.execute(
                "INSERT INTO story_versions VALUES (?, ?, ?, ?, ?)",
                (story_id, version, _now(), ",".join(documents), report),
            )
            db.execute(
                "UPDATE stories SET last_published = ?, title = ? WHERE id = ?", (last_published, title, story_id)
            )
        return int(version)

    def stories(self, since: str | None = None) -> list[StoredStory]:
        rows = self.db.execute(
            "SELECT id, title, updated_at, last_published FROM stories WHERE COALESCE(last_published, updated_at) >= ?"
            " ORDER BY updated_at DESC, id",
            (since or "",),
        ).fetchall()
        found = []
        for story_id, title, updated, published in rows:
            docs = self.db.execute(
                "SELECT id, outlet FROM documents WHERE story_id = ? AND superseded_by IS NULL ORDER BY id", (story_id,)
            ).fetchall()
            outlets = len({outlet or doc_id for doc_id, outlet in docs})
            found.append(StoredStory(story_id, title, updated, published, tuple(d[0] for d in docs), outlets))
        return found

    def report_version(self, story_id: str, version: int) -> str | None:
        row = self.db.execute(
            "SELECT report FROM story_versions WHERE story_id = ? AND version = ?", (story_id, version)
        ).fetchone()
        return row[0] if row else None

    def latest_report(self, story_id: str) -> tuple[int, str] | None:
        row = self.db.execute(
            "SELECT version, report FROM story_versions WHERE story_id = ? ORDER BY version DESC LIMIT 1", (story_id,)
        ).fetchone()
        return (int(row[0]), row[1]) if row else None


def migrations() -> list[tuple[int, str]]:
    folder = files("recoupe.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)
