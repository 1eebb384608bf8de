"""What regrouping reads and writes in a store (schema version 4): per-document features, moves.

A mixin of ``Store``: the SQL is the same on SQLite and PostgreSQL (``?`` placeholders).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["INDEX_TERMS", "MOVE", "FeatureQueries", "Member", "StoryFeatures", "index_terms"]

#: words looked up in one query of document frequencies
_CHUNK = 500
#: words a story is found by in the candidate index (its heaviest)
INDEX_TERMS = 40
#: a live document and the versions it superseded, to another story (by index: schema version 5)
MOVE = "UPDATE documents SET story_id = ? WHERE id = ? OR superseded_by = ?"


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """An open story as assignment sees it; ``mean`` is the mean of its documents' embeddings."""

    id: str
    mean: np.ndarray
    documents: int
    entity_keys: frozenset[str]
    terms: dict[str, float]
    first_seen: str
    last_seen: str


def index_terms(terms: dict[str, float], limit: int = INDEX_TERMS) -> list[str]:
    """A story's heaviest words, by which the candidate index finds it."""
    return [w for w, _ in sorted(terms.items(), key=lambda t: (-t[1], t[0]))[:limit]]


@dataclass(frozen=True, slots=True)
class Member:
    """A live document of a story as regrouping compares it."""

    id: str
    story: str
    title: str
    day: str
    vector: np.ndarray
    words: Counter[str]
    keys: frozenset[str]


class FeatureQueries(ABC):
    """Given by ``Store``: run a statement, and run a query for its rows."""

    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def add_features(
        self, document_id: str, day: str, vector: np.ndarray, words: Counter[str], keys: frozenset[str]
    ) -> None:
        self._run(
            "INSERT INTO document_features VALUES (?, ?, ?, ?, ?)",
            (
                document_id,
                day,
                np.asarray(vector, dtype=np.float32).tobytes(),
                json.dumps(dict(sorted(words.items())), ensure_ascii=False),
                json.dumps(sorted(keys), ensure_ascii=False),
            ),
        )

    def live_documents(self, story_ids: Iterable[str]) -> int:
        """How many live documents these stories hold together (counted, not read)."""
        wanted = sorted(set(story_ids))
        if not wanted:
            return 0
        marks = ", ".join("?" * len(wanted))
        rows = self.query(
            f"SELECT COUNT(*) FROM documents WHERE story_id IN ({marks}) AND superseded_by IS NULL", wanted
        )
        return int(rows[0][0])

    def members(self, story_ids: Iterable[str]) -> dict[str, list[Member]] | None:
        """The live documents of these stories with their features, by story; None if one of them has a
        document stored before schema version 4 (no features: such stories are never regrouped)."""
        found: dict[str, list[Member]] = {}
        for story in sorted(set(story_ids)):
            rows = self.query(
                "SELECT d.id, COALESCE(d.title, d.id), f.day, f.vector, f.words, f.entity_keys FROM documents d"
                " LEFT JOIN document_features f ON f.document_id = d.id"
                " WHERE d.story_id = ? AND d.superseded_by IS NULL ORDER BY d.ingested_at, d.id",
                (story,),
            )
            if any(row[3] is None for row in rows):
                return None
            found[story] = [
                Member(
                    doc,
                    story,
                    title,
                    day,
                    np.frombuffer(bytes(vector), dtype=np.float32).copy(),
                    Counter(json.loads(words)),
                    frozenset(json.loads(keys)),
                )
                for doc, title, day, vector, words, keys in rows
            ]
        return found

    def document_frequencies(self, words: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(words))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            found.update(
                (term, int(df))
                for term, df in self.query(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk)
            )
        return found

    def move_document(self, document_id: str, story_id: str) -> None:
        """Move a live document (and the versions it superseded) to another story."""
        self._run(MOVE, (story_id, document_id, document_id))

    def documents_in(self, story_id: str) -> int:
        """Documents of a story, every version counted."""
        return int(self.query("SELECT COUNT(*) FROM documents WHERE story_id = ?", (story_id,))[0][0])

    def retire_story(self, story_id: str, merged_into: str) -> None:
        """A story left with no live document: no longer listed, found by the index, or published."""
        self._run("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
        self._run(
            "UPDATE stories SET merged_into = ?, pending = 0, documents = (SELECT COUNT(*) FROM documents"
            " WHERE story_id = ?) WHERE id = ?",
            (merged_into, story_id, story_id),
        )

    def merged_into(self, story_id: str) -> str | None:
        rows = self.query("SELECT merged_into FROM stories WHERE id = ?", (story_id,))
        return rows[0][0] if rows else None
