"""Incremental ingestion: each new document is stored once and joins a story on arrival.

A document already stored (same clean text) is skipped; one with the URL of a stored
document is a new version that supersedes it and stays in its story. Any other joins the
open story it has the most affinity with (``recoupe.assign``: embeddings, words, entities), if
enough, or starts one. Open stories are those active within ``story_window_days`` of the
document's publication date, found through the store's word index (no scan of every story).
Each story a batch touched gets a new published version of its report once its documents have
changed by a tenth since the last one (``publication_due``); reading a story publishes it if it
has changed at all (``current_report``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from .assign import (
    JOIN_AFFINITY,
    QUERY_TERMS,
    DocumentFeatures,
    StoryFeatures,
    affinity,
    features,
    grow,
    index_terms,
    tfidf,
)
from .config import Settings
from .ingest import read_paths
from .model import Corpus, Document, Failure, RawDocument
from .pipeline import DEFAULT_STAGES, Pipeline
from .registry import stages
from .regroup import NEIGHBOUR_AFFINITY, NEIGHBOURS, due, regroup
from .report import Report
from .stages.copies import COPY_CONTAINMENT, shingles
from .stages.stories import build_story
from .store import Store, content_hash
from .store.codec import decode, encode

__all__ = [
    "JOIN_AFFINITY",
    "REPUBLISH_SHARE",
    "IngestResult",
    "analyse_story",
    "current_report",
    "ingest",
    "ingest_items",
    "publication_due",
    "publish",
]

ANALYSIS_STAGES = tuple(s for s in DEFAULT_STAGES if s not in ("stories", "summarize"))
#: the stages whose results depend on the document alone (stored, not run again on publishing)
#: and those that read the whole story's documents (run again on each publication)
_FIRST_CORPUS = next(i for i, s in enumerate(ANALYSIS_STAGES) if stages.get(s).info.scope == "corpus")  # type: ignore[attr-defined]
DOCUMENT_STAGES, STORY_STAGES = ANALYSIS_STAGES[:_FIRST_CORPUS], ANALYSIS_STAGES[_FIRST_CORPUS:]


#: a new document is compared with this many of its story's latest documents to find what it copies
COPY_LOOKBACK = 50
#: analyses of one story before its report is stored even if another writer changed it meanwhile
PUBLISH_ATTEMPTS = 3
#: the share of a story's documents that must have changed since its last version for a batch to publish it again
REPUBLISH_SHARE = 0.1


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    #: the stored document each duplicate repeats (by source)
    duplicate_of: dict[str, str] = field(default_factory=dict)
    #: new documents that copy most of a stored one (same wire story), and which
    copies: dict[str, str] = field(default_factory=dict)
    versions: list[str] = field(default_factory=list)
    #: stored documents moved to another story when their neighbourhood was regrouped, and where
    moved: dict[str, str] = field(default_factory=dict)
    #: stories left with no document by a regrouping, and the story that took most of them
    retired: dict[str, str] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    published: dict[str, int] = field(default_factory=dict)
    #: stories changed too little since their last version to be published again yet (``publication_due``)
    deferred: list[str] = field(default_factory=list)
    #: seconds spent analysing, assigning and storing, regrouping, and publishing reports
    seconds: dict[str, float] = field(default_factory=dict)
    #: regroupings done, and the live documents they clustered again together (their cost grows with these)
    regroupings: int = 0
    regrouped_documents: int = 0


def ingest(
    paths: Sequence[str | Path], store: Store, settings: Settings, *, publish_versions: bool = True
) -> IngestResult:
    return ingest_items(list(read_paths(paths, settings)), store, settings, publish_versions=publish_versions)


def ingest_items(
    items: Sequence[RawDocument | Failure], store: Store, settings: Settings, *, publish_versions: bool = True
) -> IngestResult:
    """Store and assign read documents; ``publish_versions=False`` skips the reports (benchmarks of assignment)."""
    result = IngestResult()
    result.failures.extend(i for i in items if isinstance(i, Failure))
    started = time.perf_counter()
    first = Pipeline(DOCUMENT_STAGES, settings=settings).run([i for i in items if isinstance(i, RawDocument)])
    corpus = _story_pipeline(settings).run_documents(first.documents, first.failures)
    result.failures.extend(corpus.failures)
    own = {d.source: d for d in first.documents}
    touched: set[str] = set()
    analysed = time.perf_counter()
    for doc in corpus.documents:
        story = _store_one(store, doc, own[doc.source], settings, result)
        if story:
            touched.add(story)
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


def _story_pipeline(settings: Settings) -> Pipeline:
    return Pipeline(STORY_STAGES, settings=settings, after=DOCUMENT_STAGES)


def _stage_key() -> str:
    return ",".join(f"{name}:{stages.get(name).info.version}" for name in DOCUMENT_STAGES)  # type: ignore[attr-defined]


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
        store.add_annotations(raw.id, _stage_key(), *encode(own))
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
            return _story_of(store, raw.id)
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
    other open stories close enough to be regrouped with it (``recoupe.regroup``)."""
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


def _story_of(store: Store, document_id: str) -> str:
    return str(store.query("SELECT story_id FROM documents WHERE id = ?", (document_id,))[0][0])


def _day(day: str) -> date:
    try:
        return date.fromisoformat(day)
    except ValueError:
        return datetime.now(UTC).date()


def publication_due(store: Store, story_id: str) -> bool:
    """Whether a story's live documents differ from its last version's by REPUBLISH_SHARE of them (at least one
    document): a publication reads the whole story again, so a big story waits for proportionally more news and the
    publishing time per new document stops growing with the story. A story read (``current_report``) is brought up
    to date whatever the share."""
    live, last = store.publication_state(story_id)
    return last is None or len(live ^ last) >= max(1.0, REPUBLISH_SHARE * len(last))


def current_report(store: Store, story_id: str, settings: Settings) -> tuple[int, str] | None:
    """A story's latest version, published first if its documents changed since (a deferred story)."""
    live, last = store.publication_state(story_id)
    if live and live != last and store.merged_into(story_id) is None:
        publish(store, story_id, settings)
    return store.latest_report(story_id)


def publish(store: Store, story_id: str, settings: Settings) -> int:
    """Analyse the story's current documents again and store the report as its next version.

    If another writer adds a document to the story while it is analysed, analyse again (at most
    PUBLISH_ATTEMPTS times; the last report is stored anyway and the story stays pending)."""
    for attempt in range(1, PUBLISH_ATTEMPTS + 1):
        report = analyse_story(store, story_id, settings)
        published = max((d.published for d in report.documents if d.published), default=None)
        ids = [d.id for d in report.documents]
        title = report.stories[0].title
        version = store.add_version(
            story_id,
            ids,
            json.dumps(report.to_dict(), ensure_ascii=False),
            published,
            title,
            only_if_current=attempt < PUBLISH_ATTEMPTS,
        )
        if version is not None:
            return version
    raise AssertionError("unreachable: the last attempt always stores")


def analyse_story(store: Store, story_id: str, settings: Settings) -> Report:
    """The report of a stored story from its current documents (deterministic: the published version's)."""
    raws = store.raw_documents(story_id)
    kept = store.annotations(story_id, _stage_key())
    missing = Pipeline(DOCUMENT_STAGES, settings=settings).run([r for r in raws if r.id not in kept])
    analysed = {d.id: d for d in missing.documents}
    analysed.update((r.id, decode(r, *kept[r.id])) for r in raws if r.id in kept)
    corpus = _story_pipeline(settings).run_documents([analysed[r.id] for r in raws if r.id in analysed])
    docs = list(corpus.documents)
    story = replace(build_story(0, docs, []), id=story_id)
    summarize: Callable[[Corpus], Corpus] = stages.get("summarize")(settings)  # type: ignore[assignment]
    return Report(summarize(Corpus(documents=tuple(docs), stories=(story,))))
