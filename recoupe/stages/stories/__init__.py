"""Corpus stage ``stories``: documents grouped by the event they report.

Documents are grouped on similarity (sentence embeddings and shared entities,
``cluster``; two documents published more than ``story_window_days`` apart are not
similar at all); within a group, a report whose meeting has another participant count
(``frames``) is set apart as its own story and listed in the group's ``off_topic``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ...config import Settings
from ...model import Corpus, Document, Story
from ...pipeline import stage
from ..quotes.story_quotes import story_quotes
from .cluster import average_link, similarity, within_days
from .entities import merge_entities
from .facts import story_title, story_when, story_where
from .frames import off_topic

__all__ = ["build_story", "group_documents"]


def group_documents(
    docs: Sequence[Document], threshold: float, window_days: int | None = None
) -> list[tuple[list[int], list[int]]]:
    """(members, off-topic members) per group; an off-topic document is also a group of its own. With
    ``window_days``, two documents published further apart are not similar at all (``cluster.within_days``)."""
    sim = similarity(docs)
    if window_days is not None and len(docs) > 1:
        sim = np.where(within_days(docs, window_days), sim, 0.0)
    groups: list[tuple[list[int], list[int]]] = []
    for members in average_link(sim, threshold):
        apart = off_topic([docs[i] for i in members])
        kept = [m for k, m in enumerate(members) if k not in apart]
        moved = [m for k, m in enumerate(members) if k in apart]
        groups.append((kept, moved))
        groups.extend(([m], []) for m in moved)
    return groups


def build_story(number: int, docs: Sequence[Document], apart: Sequence[Document]) -> Story:
    sim = similarity(docs)
    centrality = list(sim.mean(axis=1)) if len(docs) > 1 else [1.0]
    when = story_when(docs)
    entities = merge_entities(docs)
    return Story(
        id=f"s{number}",
        documents=tuple(d.id for d in docs),
        off_topic=tuple(d.id for d in apart),
        title=story_title(docs, centrality),
        when=when,
        where=story_where(docs, when),
        entities=entities,
        quotes=story_quotes(docs, entities),
        figures=tuple(f for d in docs for f in d.figures),
        dates=tuple(m for d in docs for m in d.dates),
    )


@stage(
    "stories",
    version="2",
    scope="corpus",
    requires=[
        "text",
        "language",
        "published",
        "vectors",
        "mentions",
        "dates",
        "sentences",
        "title",
        "quotes",
        "figures",
    ],
    assigns=["stories"],
)
def make_stories(settings: Settings):  # type: ignore[no-untyped-def]
    def stories(corpus: Corpus) -> Corpus:
        docs = corpus.documents
        found = []
        groups = group_documents(docs, settings.story_threshold, settings.story_window_days)
        for number, (members, moved) in enumerate(groups, start=1):
            found.append(build_story(number, [docs[i] for i in members], [docs[i] for i in moved]))
        return replace(corpus, stories=tuple(found))

    return stories
