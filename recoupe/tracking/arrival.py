"""Arrival: each new document is stored once and joins a story.

A document already stored (same clean text) is skipped; one with the URL of a stored document is a new version that
supersedes it and stays in its story. Any other joins the open story it has the most affinity with (``assign``), if
enough, or starts one; the stories near it are then clustered again (``regroup``). Each story a batch touched is
published (``publish``) once it has changed enough.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..config import Settings
from ..ingest import read_paths
from ..model import Document, Failure, RawDocument
from ..pipeline import Pipeline
from ..stages.crosscheck.copies import COPY_CONTAINMENT, shingles
from ..store import Store, content_hash
from ..store.codec import encode
from ..store.features import index_terms
from .assign import JOIN_AFFINITY, QUERY_TERMS, DocumentFeatures, StoryFeatures, affinity, features, grow, tfidf
from .publishing import DOCUMENT_STAGES, STORY_STAGES, publication_due, publish, stage_key, story_pipeline
from .regroup import NEIGHBOUR_AFFINITY, NEIGHBOURS, due, regroup

if TYPE_CHECKING:
    from ..executors.base import Executor
    from ..executors.progress import BarFactory

__all__ = ["IngestResult", "ingest", "ingest_items"]

#: a new document is compared with this many of its story's latest documents to find what it copies
COPY_LOOKBACK = 50


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    #: the stored document each duplicate repeats (by source)
    duplicate_of: dict[str, str] = field(default_factory=dict)
    #: new documents that copy most of a stored one (same wire story), and which
    copies: dict[str, str] = field(default_factory=dict)
    versions: list[str] = field(default_factory=list)
    #: the id each added document or new version was stored under, by source (the store makes ids unique)
    stored: dict[str, str] = field(default_factory=dict)
    #: stored documents moved to another story when their neighbourhood was regrouped, and where
    moved: dict[str, str] = field(default_factory=dict)
    #: stories left with no document by a regrouping, and the story that took most of them
    retired: dict[str, str] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    #: what the readers repaired (bytes replaced), one message each
    warnings: list[str] = field(default_factory=list)
    published: dict[str, int] = field(default_factory=dict)
    #: stories changed too little since their last version to be published again yet (``publication_due``)
    deferred: list[str] = field(default_factory=list)
    #: seconds spent analysing, assigning and storing, regrouping, and publishing reports
    seconds: dict[str, float] = field(default_factory=dict)
    #: regroupings done, and the live documents they clustered again together (their cost grows with these)
    regroupings: int = 0
    regrouped_documents: int = 0


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    publish_versions: bool = True,
    executor: Executor | None = None,
    bar: BarFactory | None = None,
) -> IngestResult:
    items = list(read_paths(paths, settings))
    return ingest_items(items, store, settings, publish_versions=publish_versions, executor=executor, bar=bar)


def ingest_items(
    items: Sequence[RawDocument | Failure],
    store: Store,
    settings: Settings,
    *,
    publish_versions: bool = True,
    executor: Executor | None = None,
    bar: BarFactory | None = None,
) -> IngestResult:
    """Store and assign read documents; ``publish_versions=False`` skips the reports (benchmarks of assignment).

    ``executor`` (open; ``recoupe.executors``) runs the per-document stages, e.g. on Dask workers; storing,
    assigning and publishing stay here, in input order. ``bar`` makes the progress bar of the documents stored."""
    result = IngestResult()
    result.failures.extend(i for i in items if isinstance(i, Failure))
    result.warnings.extend(w for i in items if isinstance(i, RawDocument) for w in i.warnings)
    started = time.perf_counter()
    raws = [i for i in items if isinstance(i, RawDocument)]
    if executor is None:
        first = Pipeline(DOCUMENT_STAGES, settings=settings).run(raws)
        corpus = story_pipeline(settings).run_documents(first.documents, first.failures)
    else:
        from ..executors.base import continue_stages

        first = executor.analyse(raws)
        corpus = continue_stages(first, settings, STORY_STAGES, executor)
    result.failures.extend(corpus.failures)
    own = {d.id: d for d in first.documents}  # ids are unique within a batch (ingest.discover.unique_ids)
    touched: set[str] = set()
    analysed = time.perf_counter()
    progress = bar(len(corpus.documents), "stored") if bar is not None else None
    for doc in corpus.documents:
        story = _store_one(store, doc, own[doc.id], settings, result)
        if story:
            touched.add(story)
        if progress is not None:
            progress.update(1)
    if progress is not None:
        progress.close()
    stored = time.perf_counter()
    if publish_versions:  # and any story an interrupted batch left unpublished
        touched.update(store.pending_stories())
    for story in sorted(touched) if publish_versions else ():
        if store.merged_into(story) is not None:  # a later document of the batch may have merged it into another
            continue
        if publication_due(store, story):
            result.published[story] = publish(store, story, settings)
        else:
            store.defer(story)
            result.deferred.append(story)
    regrouping = result.seconds.get("regroup", 0.0)
    result.seconds = {
        "analyse": analysed - started,
        "assign": stored - analysed - regrouping,
        "regroup": regrouping,
        "publish": time.perf_counter() - stored,
    }
    return result


def _store_one(store: Store, doc: Document, own: Document, settings: Settings, result: IngestResult) -> str | None:
    """Store ``doc`` (``own``: the same before the story stages, whose results are kept) and assign it."""
    digest = content_hash(doc.text)
    if _duplicate(store, digest, doc, result):
        return None
    found = features(doc)
    day = (doc.published or datetime.now(UTC).isoformat())[:10]
    with store.transaction():
        if _duplicate(store, digest, doc, result):  # stored by another process meanwhile
            return None
        previous = store.current_by_url(doc.url) if doc.url else None
        raw = replace(doc.raw, id=store.free_id(doc.id))
        df = store.count_document(found.vector, found.words)
        documents, total = store.corpus()
        weights = tfidf(found.words, df, documents)
        story, neighbours = _assign(
            store, found, weights, total / max(documents, 1), documents, day, previous, settings
        )
        original = _copied(store, story.id, doc.text) if story.documents else None
        store.add_document(raw, digest, story.id)
        result.stored[doc.source] = raw.id
        store.add_annotations(raw.id, stage_key(), *encode(own))
        store.add_features(raw.id, day, found.vector, found.words, found.keys)
        if original:
            store.mark_copy(raw.id, original)
            result.copies[raw.id] = original
        if previous:
            store.supersede(previous[0], raw.id)
            result.versions.append(raw.id)
        else:
            result.added.append(raw.id)
        grown = grow(story, found, weights, day)
        store.save_story(grown, doc.title or raw.id)
        if settings.story_regroup and due(grown.documents):
            started = time.perf_counter()
            regrouped = regroup(store, [story.id, *neighbours], raw.id)
            result.seconds["regroup"] = result.seconds.get("regroup", 0.0) + time.perf_counter() - started
            result.regroupings += 1 if regrouped.documents else 0
            result.regrouped_documents += regrouped.documents
            result.moved.update(regrouped.moved)
            result.retired.update(regrouped.retired)
            result.moved.pop(raw.id, None)  # the new document's own story is the one it ends in
            return store.story_of(raw.id)
    return story.id


def _copied(store: Store, story_id: str, text: str) -> str | None:
    """The story's document this text repeats most of (a copy of the same wire story), if any."""
    mine = shingles(text)
    for other, other_text, copy_of in store.recent_texts(story_id, COPY_LOOKBACK):
        theirs = shingles(other_text)
        smaller = min(len(mine), len(theirs))
        if smaller and len(mine & theirs) / smaller >= COPY_CONTAINMENT:
            return copy_of or other
    return None


def _duplicate(store: Store, digest: str, doc: Document, result: IngestResult) -> bool:
    stored = store.known_hash(digest)
    if stored:
        result.duplicates.append(doc.source)
        result.duplicate_of[doc.source] = stored
    return stored is not None


def _assign(
    store: Store,
    doc: DocumentFeatures,
    weights: dict[str, float],
    corpus_mean: np.ndarray,
    documents: int,
    day: str,
    previous: tuple[str, str | None] | None,
    settings: Settings,
) -> tuple[StoryFeatures, list[str]]:
    """The previous version's story, the open story the document fits best, or a new one; and the
    other open stories close enough to be regrouped with it (``recoupe.tracking.regroup``)."""
    if previous and previous[1]:
        known = store.story_features(previous[1])
        if known is not None:
            return known, []
    window = timedelta(days=settings.story_window_days)
    moment = _day(day)
    candidates = store.candidate_stories(
        index_terms(weights, QUERY_TERMS), (moment - window).isoformat(), (moment + window).isoformat()
    )
    scored = [(affinity(doc, weights, story, corpus_mean, documents), story) for story in candidates]
    ranked = sorted((s for s in scored if s[0] >= NEIGHBOUR_AFFINITY), key=lambda s: (-s[0], s[1].id))
    near = [story.id for _, story in ranked]
    if scored:
        score, best = max(scored, key=lambda s: s[0])
        if score >= JOIN_AFFINITY:
            return best, [s for s in near if s != best.id][:NEIGHBOURS]
    empty = np.zeros_like(doc.vector, dtype=np.float32)
    return StoryFeatures(store.new_story_id(), empty, 0, frozenset(), {}, day, day), near[:NEIGHBOURS]


def _day(day: str) -> date:
    try:
        return date.fromisoformat(day)
    except ValueError:
        return datetime.now(UTC).date()
