"""Publishing: a story's report analysed again from its current documents and stored as its next version.

The per-document stages' results are stored with each document (``stage_key`` says which stage versions made them),
so publishing runs only the stages that read the whole story.
"""

from __future__ import annotations

import json
from dataclasses import replace

from ..config import Settings
from ..model import Corpus
from ..pipeline import ANALYSIS_STAGES, REPORT_STAGES, Pipeline
from ..registry import stages
from ..report import Report
from ..stages.stories import build_story
from ..store import Store
from ..store.codec import FORMAT, decode

__all__ = [
    "DOCUMENT_STAGES",
    "REPUBLISH_SHARE",
    "STORY_STAGES",
    "analyse_story",
    "current_report",
    "publication_due",
    "publish",
    "stage_key",
    "story_pipeline",
]

#: the stages whose results depend on the document alone (stored, not run again on publishing)
#: and those that read the whole story's documents (run again on each publication)
_FIRST_CORPUS = next(i for i, s in enumerate(ANALYSIS_STAGES) if stages.get(s).info.scope == "corpus")  # type: ignore[attr-defined]
DOCUMENT_STAGES, STORY_STAGES = ANALYSIS_STAGES[:_FIRST_CORPUS], ANALYSIS_STAGES[_FIRST_CORPUS:]


#: analyses of one story before its report is stored even if another writer changed it meanwhile
PUBLISH_ATTEMPTS = 3
#: the share of a story's documents that must have changed since its last version for a batch to publish it again
REPUBLISH_SHARE = 0.1


def story_pipeline(settings: Settings) -> Pipeline:
    """The stages that read the whole story, for documents the document stages have been through."""
    return Pipeline(STORY_STAGES, settings=settings, after=DOCUMENT_STAGES)


def stage_key() -> str:
    """The per-document stages and their versions: stored annotations made by others are analysed again."""
    versions = [f"{name}:{stages.get(name).info.version}" for name in DOCUMENT_STAGES]  # type: ignore[attr-defined]
    return ",".join([*versions, f"format:{FORMAT}"])


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
    kept = store.annotations(story_id, stage_key())
    missing = Pipeline(DOCUMENT_STAGES, settings=settings).run([r for r in raws if r.id not in kept])
    analysed = {d.id: d for d in missing.documents}
    analysed.update((r.id, decode(r, *kept[r.id])) for r in raws if r.id in kept)
    corpus = story_pipeline(settings).run_documents([analysed[r.id] for r in raws if r.id in analysed])
    docs = list(corpus.documents)
    story = replace(build_story(0, docs, []), id=story_id)
    report = Pipeline(REPORT_STAGES, settings=settings, after=(*ANALYSIS_STAGES, "stories"))
    return Report(report.run_corpus(Corpus(documents=tuple(docs), stories=(story,))))
