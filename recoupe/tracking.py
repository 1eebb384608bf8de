"""Incremental ingestion: each new document is stored once and joins a story on arrival.

A document already stored (same clean text) is skipped; one with the URL of a stored
document is a new version that supersedes it and stays in its story. Any other joins the
open story whose centroid (mean document embedding) it is closest to, if close enough, or
starts one. Each story a batch touched gets a new published version of its report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from .config import Settings
from .ingest import read_paths
from .model import Corpus, Document, Failure, RawDocument
from .pipeline import DEFAULT_STAGES, Pipeline
from .registry import stages
from .report import Report
from .stages.cluster import EMBEDDING_WEIGHT, document_vector, entity_keys
from .stages.stories import build_story
from .store.sqlite import OpenStory, SQLiteStore, content_hash

__all__ = ["IngestResult", "analyse_story", "ingest", "ingest_items", "publish"]

ANALYSIS_STAGES = tuple(s for s in DEFAULT_STAGES if s not in ("stories", "summarize"))
#: a document joins the open story it fits best when their affinity reaches this (see ``affinity``);
#: swept on RPM2 in bench/tracking.py (bench/results/tracking.md)
JOIN_AFFINITY = 0.45


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    published: dict[str, int] = field(default_factory=dict)


def ingest(
    paths: Sequence[str | Path], store: SQLiteStore, settings: Settings, *, publish_versions: bool = True
) -> IngestResult:
    return ingest_items(list(read_paths(paths, settings)), store, settings, publish_versions=publish_versions)


def ingest_items(
    items: Sequence[RawDocument | Failure], store: SQLiteStore, settings: Settings, *, publish_versions: bool = True
) -> IngestResult:
    """Store and assign read documents; ``publish_versions=False`` skips the reports (benchmarks of assignment)."""
    result = IngestResult()
    result.failures.extend(i for i in items if isinstance(i, Failure))
    corpus = Pipeline(ANALYSIS_STAGES, settings=settings).run([i for i in items if isinstance(i, RawDocument)])
    result.failures.extend(corpus.failures)
    touched: set[str] = set()
    for doc in corpus.documents:
        story = _store_one(store, doc, settings, result)
        if story:
            touched.add(story)
    for story in sorted(touched) if publish_versions else ():
        result.published[story] = publish(store, story, settings)
    return result


def _store_one(store: SQLiteStore, doc: Document, settings: Settings, result: IngestResult) -> str | None:
    digest = content_hash(doc.text)
    if store.known_hash(digest):
        result.duplicates.append(doc.source)
        return None
    vector, keys = document_vector(doc), entity_keys(doc)
    with store.transaction() as db:
        previous = store.current_by_url(doc.url) if doc.url else None
        raw = replace(doc.raw, id=store.free_id(doc.id))
        story = _assign(store, db, vector, keys, previous[1] if previous else None, settings)
        store.add_document(db, raw, digest, story.id)
        if previous:
            store.supersede(db, previous[0], raw.id)
            result.versions.append(raw.id)
        else:
            result.added.append(raw.id)
        merged = (story.centroid * story.documents + vector) / (story.documents + 1)
        merged = merged / max(float(np.linalg.norm(merged)), 1e-9)
        store.save_story(
            db, OpenStory(story.id, merged, story.documents + 1, story.entity_keys | keys), doc.title or raw.id
        )
    return story.id


def affinity(vector: np.ndarray, keys: frozenset[str], story: OpenStory) -> float:
    """How well a document fits a story: embedding cosine with its centroid, and the share of the
    document's entities the story already names (weighted as in batch grouping)."""
    known = len(keys & story.entity_keys) / len(keys) if keys else 0.0
    return EMBEDDING_WEIGHT * float(story.centroid @ vector) + (1 - EMBEDDING_WEIGHT) * known


def _assign(
    store: SQLiteStore, db: object, vector: np.ndarray, keys: frozenset[str], known: str | None, settings: Settings
) -> OpenStory:
    """The previous version's story, the open story the document fits best, or a new one."""
    since = (datetime.now(UTC) - timedelta(days=settings.story_window_days)).isoformat(timespec="seconds")
    candidates = store.open_stories(since)
    for story in candidates:
        if story.id == known:
            return story
    scored = [(affinity(vector, keys, story), story) for story in candidates]
    if scored:
        score, best = max(scored, key=lambda s: s[0])
        if score >= JOIN_AFFINITY:
            return best
    return OpenStory(store.new_story_id(db), np.zeros_like(vector), 0, frozenset())  # type: ignore[arg-type]


def publish(store: SQLiteStore, story_id: str, settings: Settings) -> int:
    """Analyse the story's current documents again and store the report as its next version."""
    report = analyse_story(store, story_id, settings)
    published = max((d.published for d in report.documents if d.published), default=None)
    ids = [d.id for d in report.documents]
    title = report.stories[0].title
    return store.add_version(story_id, ids, json.dumps(report.to_dict(), ensure_ascii=False), published, title)


def analyse_story(store: SQLiteStore, story_id: str, settings: Settings) -> Report:
    """The report of a stored story from its current documents (deterministic: the published version's)."""
    corpus = Pipeline(ANALYSIS_STAGES, settings=settings).run(store.raw_documents(story_id))
    docs = list(corpus.documents)
    story = replace(build_story(0, docs, []), id=story_id)
    summarize: Callable[[Corpus], Corpus] = stages.get("summarize")(settings)  # type: ignore[assignment]
    return Report(summarize(Corpus(documents=tuple(docs), stories=(story,))))
