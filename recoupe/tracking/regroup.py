"""Regrouping: the documents of the stories near a new document clustered again, together.

Online assignment decides once, on arrival, with the stories and word frequencies of that
moment: a topic's first documents are placed before its vocabulary is known, and two topics that
began as one stay one. So after each assignment the stories near the new document (the one it
joined and the ``NEIGHBOURS`` closest candidates whose affinity reached ``NEIGHBOUR_AFFINITY``) are
clustered again: average link over the pairwise similarity of their live documents (TF-IDF words with today's
frequencies, embeddings centred on today's corpus mean, shared entities). Each cluster keeps the
id of the story most of its documents come from; documents that now fit elsewhere move, a
cluster with no story of its own becomes a new story, and a story left with no document is
retired (``merged_into``). Only the neighbourhood is read (at most ``LIMIT`` documents), never
every story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..stages.stories.cluster import average_link
from ..store import Store
from ..store.features import Member
from .assign import STORY_TERMS, StoryFeatures, centre, tfidf

__all__ = ["LIMIT", "NEIGHBOURS", "NEIGHBOUR_AFFINITY", "Regrouped", "due", "regroup"]

#: a candidate story this close to the new document (affinity, ``recoupe.tracking.assign``) is regrouped with it
NEIGHBOUR_AFFINITY = 0.1
#: and at most this many of them, the closest: at OrangeSum's 2020 density (50 articles a day) most open stories
#: reach that affinity. Replayed on RPM2 and WikinewsSum, 3 gives the stories of no bound (1 loses 0.016 B3 F1 on
#: RPM2, 2 loses 0.023 on WikinewsSum); replaying 3,600 articles of 2020 (development replays, not bench scripts),
#: once the 30-day window filled it cuts the neighbourhood from 43-58 documents to 24-34 and the regrouping time
#: per article from 44-48 ms to 28-34 ms
NEIGHBOURS = 3
#: weights of words, embedding and entities in the similarity of two documents, and the average
#: similarity a cluster keeps (average link). Swept on RPM2 and WikinewsSum (bench/tracking.py).
WEIGHTS = (0.6, 0.1, 0.3)
LINK = 0.08
#: a neighbourhood with more live documents than this is left as it is (the cost is quadratic)
LIMIT = 300
#: a story is regrouped with its neighbours on each new document while it has at most ALWAYS documents, then
#: each time it has grown by a further GROWTH share (at 22, 24, 26, 29, 31... documents with these values).
#: Set on RPM2 (bench/tracking.py, replayed): 20 gives the stories of regrouping on every document (B3 F1 0.933),
#: 15 gives 0.930 and 10 gives 0.899
ALWAYS, GROWTH = 20, 0.1


@dataclass(frozen=True, slots=True)
class Regrouped:
    #: document -> the story it moved to
    moved: dict[str, str]
    #: story -> the story that took most of its documents, for stories left empty
    retired: dict[str, str]
    #: live documents clustered again (0 when the neighbourhood was left as it is)
    documents: int = 0


def due(documents: int) -> bool:
    """Whether a story that has just reached ``documents`` documents is regrouped with its neighbours: a regrouping
    costs as much as the neighbourhood is big, so a big story is regrouped after proportionally more news (the
    time per new document stops growing with the story)."""
    if documents <= ALWAYS:
        return True
    step = math.log(1 + GROWTH)
    return math.floor(math.log(documents) / step) > math.floor(math.log(documents - 1) / step)


def regroup(store: Store, story_ids: Sequence[str], new: str | None = None) -> Regrouped:
    """Cluster the live documents of these stories again and move those that fit elsewhere (``new``, the document
    just assigned, goes where its cluster goes; an older one moves only if it fits its new cluster at least as well
    as the story it is in)."""
    if not 2 <= store.live_documents(story_ids) <= LIMIT:  # counted before anything is read
        return Regrouped({}, {})
    found = store.members(story_ids)
    members = [m for story in sorted(found or {}) for m in (found or {})[story]]
    if found is None:
        return Regrouped({}, {})
    documents, total = store.corpus()
    df = store.document_frequencies(w for m in members for w in m.words)
    weights = [tfidf(m.words, df, documents) for m in members]
    mean = total / max(documents, 1)
    pairs = similarity(members, weights, mean, documents)
    groups = average_link(np.clip(pairs, 0.0, None), LINK)
    labels = _steady(members, _label(members, groups, store.new_story_id), pairs, new)
    moved = {m.id: labels[m.id] for m in members if labels[m.id] != m.story}
    if not moved:
        return Regrouped({}, {}, len(members))
    for doc, story in moved.items():
        store.move_document(doc, story)
    retired: dict[str, str] = {}
    kept: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        kept.setdefault(labels[m.id], []).append(i)
    story_of = {m.id: m.story for m in members}
    for story in sorted({story_of[doc] for doc in moved} | set(moved.values())):  # the others stay as they are
        if story in kept:
            group = kept[story]
            features = rebuild(
                story, [members[i] for i in group], [weights[i] for i in group], store.documents_in(story)
            )
            store.save_story(features, members[group[0]].title)
        else:
            retired[story] = Counter(labels[m.id] for m in members if m.story == story).most_common(1)[0][0]
            store.retire_story(story, retired[story])
    return Regrouped(moved, retired, len(members))


def similarity(
    members: Sequence[Member], weights: Sequence[dict[str, float]], corpus_mean: np.ndarray, documents: int
) -> np.ndarray:
    """Pairwise similarity of documents: WEIGHTS of word cosine, centred embedding cosine, entity Jaccard."""
    # a word only one document has adds nothing between two documents: only shared words are laid out
    counts = Counter(w for x in weights for w in x)
    vocabulary = {w: i for i, w in enumerate(sorted(w for w, n in counts.items() if n > 1))}
    words = np.zeros((len(members), len(vocabulary)), dtype=np.float32)
    for row, x in enumerate(weights):
        for w, value in x.items():
            if w in vocabulary:
                words[row, vocabulary[w]] = value
    vectors = np.stack([centre(m.vector, corpus_mean, documents) for m in members])
    names = {k: i for i, k in enumerate(sorted({k for m in members for k in m.keys}))}
    keys = np.zeros((len(members), len(names)), dtype=np.float32)
    for row, m in enumerate(members):
        keys[row, [names[k] for k in m.keys]] = 1.0
    shared = keys @ keys.T
    sizes = keys.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    entities = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    w_words, w_embedding, w_entities = WEIGHTS
    return np.asarray(
        w_words * (words @ words.T) + w_embedding * (vectors @ vectors.T) + w_entities * entities, dtype=np.float64
    )


def _label(members: Sequence[Member], groups: list[list[int]], new_id: Callable[[], str]) -> dict[str, str]:
    """Each group gets the story most of its documents come from (biggest groups choose first), else a new id."""
    labels: dict[str, str] = {}
    used: set[str] = set()
    for group in groups:
        origins = Counter(members[i].story for i in group)
        free = sorted((story for story in origins if story not in used), key=lambda s: (-origins[s], s))
        story = free[0] if free else new_id()
        used.add(story)
        labels.update((members[i].id, story) for i in group)
    return labels


def _steady(members: Sequence[Member], labels: dict[str, str], pairs: np.ndarray, new: str | None) -> dict[str, str]:
    """Keep an older document where it is unless it is, on average, at least as similar to the documents of the
    cluster it would join as to the rest of its story: documents do not flip between two close stories (on RPM2 in
    an in-memory replay, 55 moves instead of 185 and B3 F1 0.935 instead of 0.922)."""
    steady = dict(labels)
    for i, member in enumerate(members):
        if labels[member.id] == member.story or member.id == new:
            continue
        stay = [j for j, m in enumerate(members) if m.story == member.story and j != i]
        go = [j for j, m in enumerate(members) if labels[m.id] == labels[member.id] and j != i]
        here = float(np.mean(pairs[i, stay])) if stay else -1.0
        there = float(np.mean(pairs[i, go])) if go else LINK
        if there < here:
            steady[member.id] = member.story
    return steady


def rebuild(story_id: str, members: Sequence[Member], weights: Sequence[dict[str, float]], count: int) -> StoryFeatures:
    """A story's assignment features from its documents (as ``recoupe.tracking.assign.grow`` builds them one by one)."""
    terms: dict[str, float] = {}
    for x in weights:
        for w, value in x.items():
            terms[w] = terms.get(w, 0.0) + value
    kept = dict(sorted(terms.items(), key=lambda t: (-t[1], t[0]))[:STORY_TERMS])
    days = sorted(m.day for m in members)
    return StoryFeatures(
        story_id,
        np.mean([m.vector for m in members], axis=0).astype(np.float32),
        count,
        frozenset().union(*(m.keys for m in members)),
        kept,
        days[0],
        days[-1],
    )
