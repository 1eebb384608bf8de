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
from .stages.cluster import document_vector
from .stages.stories import build_story
from .store.sqlite import SQLiteStore, content_hash

__all__ = ["IngestResult", "analyse_story", "ingest", "ingest_items", "publish"]

ANALYSIS_STAGES = tuple(s for s in DEFAULT_STAGES if s not in ("stories", "summarize"))
#: a document joins an open story when its embedding's cosine with the story's centroid reaches this;
#: a first setting: each fire report of the bundled example scores 0.78-0.85 against the centroid of the
#: other three, the football report 0.34; issue 5's RPM2 tracking benchmark is to calibrate it
JOIN_COSINE = 0.6


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
    vector = document_vector(doc)
    with store.transaction() as db:
        previous = store.current_by_url(doc.url) if doc.url else None
        raw = replace(doc.raw, id=store.free_id(doc.id))
        story, centroid, count = _assign(store, db, vector, previous[1] if previous else None, settings)
        store.add_document(db, raw, digest, story)
        if previous:
            store.supersede(db, previous[0], raw.id)
            result.versions.append(raw.id)
        else:
            result.added.append(raw.id)
        merged = (centroid * count + vector) / (count + 1)
        store.save_story(db, story, doc.title or raw.id, merged / max(float(np.linalg.norm(merged)), 1e-9), count + 1)
    return story


def _assign(
    store: SQLiteStore, db: object, vector: np.ndarray, known: str | None, settings: Settings
) -> tuple[str, np.ndarray, int]:
    """(story id, its centroid, its number of documents): the previous version's story, the closest open one, or a new one."""
    since = (datetime.now(UTC) - timedelta(days=settings.story_window_days)).isoformat(timespec="seconds")
    candidates = store.open_stories(since)
    if known:
        for story, centroid, count in candidates:
            if story == known:
                return story, centroid, count
    scored = [(float(centroid @ vector), story, centroid, count) for story, centroid, count in candidates]
    if scored:
        best = max(scored, key=lambda s: s[0])
        if best[0] >= JOIN_COSINE:
            return best[1], best[2], best[3]
    return store.new_story_id(db), np.zeros_like(vector), 0  # type: ignore[arg-type]


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
