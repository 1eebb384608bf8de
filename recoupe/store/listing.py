"""What the command line and the web server read: every story with its live documents, a page of stories (filtered
by date and by full-text search), a story's versions, one stored document. Full-text search is the backend's own
(SQLite FTS5, PostgreSQL ``tsvector``; schema version 6)."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Listing", "StoredDocument", "StoredStory", "StoryRow", "VersionRow", "fts5_query"]

#: the stories whose live documents match the search words (``?``: the words, as the backend reads them)
_MATCHING = {
    "sqlite": "SELECT d.story_id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
    " WHERE documents_fts MATCH ? AND d.superseded_by IS NULL",
    "postgresql": "SELECT story_id FROM documents WHERE superseded_by IS NULL"
    " AND to_tsvector('simple', COALESCE(title, '') || ' ' || content) @@ plainto_tsquery('simple', ?)",
}
_LISTED = "COALESCE(s.last_published, s.updated_at) >= ? AND s.merged_into IS NULL"
_PAGE = (
    "SELECT s.id, s.title, s.updated_at, s.last_published,"
    " (SELECT MAX(v.version) FROM story_versions v WHERE v.story_id = s.id) FROM stories s WHERE {where}"
    " ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?"
)
_DOCUMENT = (
    "SELECT d.id, d.source, d.url, d.kind, d.title, d.outlet, d.published, d.story_id, d.superseded_by, d.copy_of,"
    " d.ingested_at, (SELECT a.data FROM annotations a WHERE a.document_id = d.id LIMIT 1) FROM documents d"
    " WHERE d.id = ?"
)


def fts5_query(words: str) -> str:
    """Words as an FTS5 query: each a quoted string (FTS5's own syntax is not the user's), all required."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words.split())


@dataclass(frozen=True, slots=True)
class StoredStory:
    id: str
    title: str
    updated_at: str
    last_published: str | None
    documents: tuple[str, ...]
    outlets: int


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str
    updated: str
    when: str | None
    version: int | None
    documents: tuple[str, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VersionRow:
    version: int
    created: str
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored document: its metadata and, from its stored annotations, its clean text and what the per-document
    stages found (``annotations``: the data model's JSON, ``recoupe.store.codec``)."""

    id: str
    source: str
    url: str | None
    kind: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None
    superseded_by: str | None
    copy_of: str | None
    ingested: str
    annotations: dict[str, Any]


class Listing(ABC):
    """Mixed into :class:`recoupe.store.Store` (which gives ``query`` and ``dialect``)."""

    dialect: str

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def stories(self, since: str | None = None) -> list[StoredStory]:
        rows = self.query(
            "SELECT id, title, updated_at, last_published FROM stories WHERE COALESCE(last_published, updated_at) >= ?"
            " AND merged_into IS NULL ORDER BY updated_at DESC, id",
            (since or "",),
        )
        live: dict[str, list[tuple[str, str | None]]] = {}
        if rows:  # every live document at once, not one query (one round trip to PostgreSQL) per story
            for story_id, doc_id, outlet in self.query(
                "SELECT story_id, id, outlet FROM documents WHERE story_id IS NOT NULL AND superseded_by IS NULL"
                " ORDER BY story_id, id"
            ):
                live.setdefault(story_id, []).append((doc_id, outlet))
        found = []
        for story_id, title, updated, published in rows:
            docs = live.get(story_id, [])
            outlets = len({outlet or doc_id for doc_id, outlet in docs})
            found.append(StoredStory(story_id, title, updated, published, tuple(d[0] for d in docs), outlets))
        return found

    def all_copies(self) -> dict[str, dict[str, str]]:
        """``copies`` of every story at once: story -> copy -> the document it repeats."""
        rows = self.query(
            "SELECT story_id, id, copy_of FROM documents"
            " WHERE story_id IS NOT NULL AND superseded_by IS NULL AND copy_of IS NOT NULL"
        )
        found: dict[str, dict[str, str]] = {}
        for story_id, doc, original in rows:
            found.setdefault(story_id, {})[doc] = original
        return found

    def index_document(self, document_id: str) -> None:
        """Add a stored document to the search index (PostgreSQL's is an index on the table itself)."""
        if self.dialect == "sqlite":
            self.query(
                "INSERT INTO documents_fts (rowid, title, content) SELECT rowid, title, content FROM documents"
                " WHERE id = ?",
                (document_id,),
            )

    def story_page(
        self, *, since: str | None = None, words: str | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[list[StoryRow], int]:
        """Stories updated on or after ``since`` whose documents match ``words``, latest update first: the page
        asked for and how many there are in all."""
        where, params = _LISTED, [since or ""]
        if words and words.split():
            where += f" AND s.id IN ({_MATCHING[self.dialect]})"
            params.append(fts5_query(words) if self.dialect == "sqlite" else words)
        total = int(self.query(f"SELECT COUNT(*) FROM stories s WHERE {where}", params)[0][0])
        rows = self.query(_PAGE.format(where=where), [*params, limit, offset])
        return [self._row(*row) for row in rows], total

    def _row(self, story_id: str, title: str, updated: str, when: str | None, version: int | None) -> StoryRow:
        docs = self.query(
            "SELECT id, outlet FROM documents WHERE story_id = ? AND superseded_by IS NULL ORDER BY id", (story_id,)
        )
        outlets = tuple(sorted({outlet for _, outlet in docs if outlet}))
        return StoryRow(story_id, title, updated, when, version, tuple(d for d, _ in docs), outlets)

    def latest_version(self, story_id: str) -> int | None:
        """The number of a story's last published version (None: it has none, or there is no such story)."""
        rows = self.query("SELECT MAX(version) FROM story_versions WHERE story_id = ?", (story_id,))
        return int(rows[0][0]) if rows and rows[0][0] is not None else None

    def story_versions(self, story_id: str) -> list[VersionRow]:
        rows = self.query(
            "SELECT version, created_at, documents FROM story_versions WHERE story_id = ? ORDER BY version",
            (story_id,),
        )
        return [VersionRow(int(v), created, tuple(d for d in docs.split(",") if d)) for v, created, docs in rows]

    def stored_document(self, document_id: str) -> StoredDocument | None:
        rows = self.query(_DOCUMENT, (document_id,))
        if not rows:
            return None
        *fields, data = rows[0]
        names = ("id", "source", "url", "kind", "title", "outlet", "published", "story", "superseded_by", "copy_of")
        values: dict[str, Any] = dict(zip((*names, "ingested"), fields, strict=True))
        return StoredDocument(**values, annotations=json.loads(data) if data else {})
