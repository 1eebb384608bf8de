"""What every store does, in SQL both SQLite and PostgreSQL run (``?`` placeholders, translated).

A store holds documents (every version, the live one marked), the story each belongs to, what
online assignment needs (each story's mean embedding, words and entities, a word index of open
stories, the corpus's document frequencies), and every published version of each story's report.
Subclasses give the connection, the transaction (one writer at a time) and the dialect.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..model import RawDocument
from .features import INDEX_TERMS, FeatureQueries, StoryFeatures, index_terms
from .listing import Listing, StoredStory

__all__ = ["Store", "StoredStory", "content_hash", "migrations"]

EMBEDDING_SIZE = 512
#: stories looked up per word of a new document (the most recently active first)
POSTINGS_PER_TERM = 50


_LIVE = "SELECT id, outlet FROM documents WHERE story_id = ? AND superseded_by IS NULL ORDER BY id"


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def arrival() -> str:
    """When a document is stored, to the microsecond: a story's documents are listed in the order they arrived
    (``ORDER BY ingested_at, id``), which a stamp to the second left to their ids whenever two came within one second,
    so that the same input stored twice could list them, and write its report, in two orders."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def migrations(dialect: str | None = None) -> list[tuple[int, str]]:
    """The numbered schema scripts: ``NNN_name.sql`` for every backend, ``NNN_name.DIALECT.sql`` for one (all of
    them when ``dialect`` is None)."""
    folder = files("recoupe.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        parts = entry.name.split(".")
        if parts[-1] == "sql" and (dialect is None or len(parts) == 2 or parts[1] == dialect):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    if not found:  # a store made without them would have no tables
        raise ConfigError(
            str(folder),
            "no schema migration ships with this installation; reinstall recoupe (its store/migrations/*.sql)",
        )
    return sorted(found)


def _vector(blob: bytes | memoryview | None) -> np.ndarray:
    if not blob:
        return np.zeros(EMBEDDING_SIZE, dtype=np.float32)
    return np.frombuffer(bytes(blob), dtype=np.float32).copy()


class Store(FeatureQueries, Listing, ABC):
    """A store; ``where`` names it in messages (a path or a URL without its password); ``dialect`` picks its own
    migrations (``sqlite``, ``postgresql``)."""

    where: str
    dialect: str

    # -- what a backend gives -----------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    _depth = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing, one writer at a time across processes; a transaction inside another joins it."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._atomic():
                yield
        finally:
            self._depth = 0

    @abstractmethod
    def _atomic(self) -> AbstractContextManager[Any]:
        """One transaction of the backend, holding the store's single-writer lock."""

    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute one statement (``?`` placeholders); returns a cursor."""

    @abstractmethod
    def _migration_sql(self, script: str) -> str:
        """A migration script in this backend's dialect."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self._run(sql, params).fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self._run(sql, params).fetchone()
        return tuple(row) if row is not None else None

    # -- schema -------------------------------------------------------------------------------------
    def migrate(self) -> None:
        with self.transaction():
            self._run(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in self.query("SELECT version FROM schema_migrations")}
            for version, script in migrations(self.dialect):
                if version not in done:
                    for statement in self._migration_sql(script).split(";"):
                        if statement.strip():
                            self._run(statement)
                    self._run("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))

    def schema_version(self) -> int:
        row = self._one("SELECT MAX(version) FROM schema_migrations")
        return int(row[0] or 0) if row else 0

    # -- documents ----------------------------------------------------------------------------------
    def known_hash(self, digest: str) -> str | None:
        row = self._one("SELECT id FROM documents WHERE content_hash = ?", (digest,))
        return row[0] if row else None

    def current_by_url(self, url: str) -> tuple[str, str | None] | None:
        """(document id, story id) of the live version of the document at ``url``."""
        row = self._one("SELECT id, story_id FROM documents WHERE url = ? AND superseded_by IS NULL", (url,))
        return (row[0], row[1]) if row else None

    def free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while self._one("SELECT 1 FROM documents WHERE id = ?", (candidate,)):
            n += 1
            candidate = f"{wanted}~{n}"
        return candidate

    def add_document(self, raw: RawDocument, digest: str, story_id: str) -> None:
        self._run(
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
                arrival(),
            ),
        )
        self.index_document(raw.id)

    def add_annotations(self, document_id: str, stages: str, data: str, vectors: bytes | None) -> None:
        self._run("INSERT INTO annotations VALUES (?, ?, ?, ?)", (document_id, stages, data, vectors))

    def annotations(self, story_id: str, stages: str) -> dict[str, tuple[str, bytes | None]]:
        """The stored annotations (made by ``stages``) of a story's live documents, by document id."""
        rows = self.query(
            "SELECT a.document_id, a.data, a.vectors FROM annotations a JOIN documents d ON d.id = a.document_id"
            " WHERE d.story_id = ? AND d.superseded_by IS NULL AND a.stages = ?",
            (story_id, stages),
        )
        return {doc: (data, bytes(vectors) if vectors is not None else None) for doc, data, vectors in rows}

    def recent_texts(self, story_id: str, limit: int) -> list[tuple[str, str, str | None]]:
        """(id, clean text, copy_of) of a story's latest live documents, from their stored annotations."""
        rows = self.query(
            "SELECT d.id, a.data, d.copy_of FROM documents d JOIN annotations a ON a.document_id = d.id"
            " WHERE d.story_id = ? AND d.superseded_by IS NULL ORDER BY d.ingested_at DESC, d.id DESC LIMIT ?",
            (story_id, limit),
        )
        return [(doc, json.loads(data)["text"], copy_of) for doc, data, copy_of in rows]

    def mark_copy(self, document_id: str, original: str) -> None:
        self._run("UPDATE documents SET copy_of = ? WHERE id = ?", (original, document_id))

    def copies(self, story_id: str) -> dict[str, str]:
        """Copy -> the document it repeats, among a story's live documents."""
        rows = self.query(
            "SELECT id, copy_of FROM documents WHERE story_id = ? AND superseded_by IS NULL AND copy_of IS NOT NULL",
            (story_id,),
        )
        return {doc: original for doc, original in rows}

    def supersede(self, old_id: str, new_id: str) -> None:
        self._run("UPDATE documents SET superseded_by = ? WHERE id = ?", (new_id, old_id))

    def raw_documents(self, story_id: str) -> list[RawDocument]:
        rows = self.query(
            "SELECT id, source, kind, content, title, url, outlet, published FROM documents"
            " WHERE story_id = ? AND superseded_by IS NULL ORDER BY ingested_at, id",
            (story_id,),
        )
        return [RawDocument(*row) for row in rows]

    def story_of(self, document_id: str) -> str:
        """The story a stored document is in."""
        return str(self.query("SELECT story_id FROM documents WHERE id = ?", (document_id,))[0][0])

    def story_of_documents(self) -> dict[str, str]:
        return {doc: story for doc, story in self.query("SELECT id, story_id FROM documents")}

    # -- what assignment needs ----------------------------------------------------------------------
    def corpus(self) -> tuple[int, np.ndarray]:
        """How many documents assignment has counted, and the sum of their embeddings."""
        row = self._one("SELECT documents, vector_sum FROM corpus_stats WHERE id = 1")
        return (int(row[0]), _vector(row[1])) if row else (0, _vector(None))

    def count_document(self, vector: np.ndarray, words: Iterable[str]) -> dict[str, int]:
        """Count a new document in the corpus; its words' document frequencies, itself included."""
        documents, total = self.corpus()
        self._run(
            "UPDATE corpus_stats SET documents = ?, vector_sum = ? WHERE id = 1",
            (documents + 1, (total + vector).astype(np.float32).tobytes()),
        )
        found: dict[str, int] = {}
        for word in sorted(set(words)):
            row = self._one(
                "INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1"
                " RETURNING df",
                (word,),
            )
            found[word] = int(row[0]) if row else 1
        return found

    def candidate_stories(self, terms: Sequence[str], since: str, until: str) -> list[StoryFeatures]:
        """Open stories (begun between ``since`` and ``until``: a story older than the window is closed)
        that share an indexed word with ``terms``."""
        hits: dict[str, int] = {}
        for term in terms:
            for (story,) in self.query(
                "SELECT story_id FROM story_terms WHERE term = ? AND last_seen >= ? ORDER BY last_seen DESC LIMIT ?",
                (term, since, POSTINGS_PER_TERM),
            ):
                hits[story] = hits.get(story, 0) + 1
        ids = sorted(hits, key=lambda s: (-hits[s], s))[:POSTINGS_PER_TERM]
        return [s for s in (self.story_features(i) for i in ids) if s is not None and since <= s.first_seen <= until]

    def story_features(self, story_id: str) -> StoryFeatures | None:
        row = self._one(
            "SELECT id, centroid, documents, entity_keys, terms, first_seen, last_seen FROM stories WHERE id = ?",
            (story_id,),
        )
        if row is None:
            return None
        return StoryFeatures(
            row[0], _vector(row[1]), int(row[2]), frozenset(json.loads(row[3])), json.loads(row[4]), row[5], row[6]
        )

    def new_story_id(self) -> str:
        row = self._one("UPDATE corpus_stats SET stories = stories + 1 WHERE id = 1 RETURNING stories")
        return f"s{row[0] if row else 1}"

    def save_story(self, story: StoryFeatures, title: str) -> None:
        stamp = now()
        keys = json.dumps(sorted(story.entity_keys), ensure_ascii=False)
        terms = json.dumps(story.terms, ensure_ascii=False)
        self._run(
            "INSERT INTO stories (id, title, created_at, updated_at, centroid, documents, entity_keys, terms,"
            " first_seen, last_seen, pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO UPDATE SET"
            " updated_at = excluded.updated_at, centroid = excluded.centroid, documents = excluded.documents,"
            " entity_keys = excluded.entity_keys, terms = excluded.terms, first_seen = excluded.first_seen,"
            " last_seen = excluded.last_seen, pending = 1",
            (
                story.id,
                title,
                stamp,
                stamp,
                story.mean.astype(np.float32).tobytes(),
                story.documents,
                keys,
                terms,
                story.first_seen,
                story.last_seen,
            ),
        )
        self._run("DELETE FROM story_terms WHERE story_id = ?", (story.id,))
        for term in index_terms(story.terms, INDEX_TERMS):
            self._run("INSERT INTO story_terms VALUES (?, ?, ?)", (term, story.id, story.last_seen))

    # -- published versions -------------------------------------------------------------------------
    def add_version(
        self,
        story_id: str,
        documents: list[str],
        report: str,
        last_published: str | None,
        title: str,
        *,
        only_if_current: bool = False,
    ) -> int | None:
        """Store the next version of a story's report; with ``only_if_current``, None (and nothing stored)
        if the story's live documents are no longer ``documents`` (another writer added one meanwhile)."""
        with self.transaction():
            live = {row[0] for row in self.query(_LIVE, (story_id,))}
            if only_if_current and live != set(documents):
                return None
            row = self._one("SELECT COALESCE(MAX(version), 0) + 1 FROM story_versions WHERE story_id = ?", (story_id,))
            version = int(row[0]) if row else 1
            self._run(
                "INSERT INTO story_versions VALUES (?, ?, ?, ?, ?)",
                (story_id, version, now(), ",".join(documents), report),
            )
            self._run(
                "UPDATE stories SET last_published = ?, title = ?, pending = ? WHERE id = ?",
                (last_published, title, int(live != set(documents)), story_id),
            )
        return version

    def pending_stories(self) -> list[str]:
        """Stories whose documents changed since their last published version and that no batch has yet
        published or deferred (``defer``)."""
        return [row[0] for row in self.query("SELECT id FROM stories WHERE pending = 1 ORDER BY id")]

    def publication_state(self, story_id: str) -> tuple[set[str], set[str] | None]:
        """A story's live documents, and those of its last published version (None if it has none)."""
        live = {row[0] for row in self.query(_LIVE, (story_id,))}
        row = self._one(
            "SELECT documents FROM story_versions WHERE story_id = ? ORDER BY version DESC LIMIT 1", (story_id,)
        )
        return live, (set(row[0].split(",")) if row and row[0] else None)

    def defer(self, story_id: str) -> None:
        """Leave a changed story's last version as it is for now (published when it is due or read)."""
        self._run("UPDATE stories SET pending = 0 WHERE id = ?", (story_id,))

    def report_version(self, story_id: str, version: int) -> str | None:
        row = self._one("SELECT report FROM story_versions WHERE story_id = ? AND version = ?", (story_id, version))
        return row[0] if row else None

    def latest_report(self, story_id: str) -> tuple[int, str] | None:
        row = self._one(
            "SELECT version, report FROM story_versions WHERE story_id = ? ORDER BY version DESC LIMIT 1", (story_id,)
        )
        return (int(row[0]), row[1]) if row else None
