"""Grouping documents into stories: a similarity matrix and average-link clustering.

Pairs above the threshold are first joined into connected components (cheap, and
no story can cross a component), then each component is split by exact
average-link agglomeration (SciPy's UPGMA, quadratic in the component's size), so
chains of loosely similar reports do not merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from ...lexicon.names import fold, is_title
from ...model import Document
from ..dates import publication_day

__all__ = ["Merge", "average_link", "document_vector", "entity_keys", "merges", "similarity", "within_days"]

#: weight of the embedding cosine against the entity overlap in document similarity.
#: Swept on RPM2 dev topics (weights 1.0/0.85/0.7/0.5, thresholds 0.15-0.7, vectors from the
#: first 8 sentences or all): 0.7 with all sentences and threshold 0.375 gave the best B3 F1 (0.951).
EMBEDDING_WEIGHT = 0.7


def document_vector(doc: Document) -> np.ndarray:
    vectors = doc.vectors
    if vectors is None or len(vectors) == 0:
        return np.zeros(512, dtype=np.float32)
    mean = np.asarray(vectors).mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-9)


def entity_keys(doc: Document) -> frozenset[str]:
    """The names a document's stories are told apart by (not a title such as "le dalaï-lama": many stories share it)."""
    return frozenset(fold(m.text) for m in doc.mentions if m.label in ("PER", "ORG", "LOC") and not is_title(m.text))


def similarity(docs: Sequence[Document]) -> np.ndarray:
    vectors = np.stack([document_vector(d) for d in docs]) if docs else np.zeros((0, 512))
    cosine = np.clip(vectors @ vectors.T, 0.0, 1.0)
    overlap = _jaccard([entity_keys(d) for d in docs]).astype(cosine.dtype)
    return EMBEDDING_WEIGHT * cosine + (1 - EMBEDDING_WEIGHT) * overlap


def within_days(docs: Sequence[Document], days: int) -> np.ndarray:
    """For every two documents, whether they may report one story: False where both have a publication date and
    those are more than ``days`` apart (a strike's first day and its sixth week, this year's storm and last year's)."""
    days_of = [publication_day(d.published) for d in docs]
    ordinals = [day.toordinal() if day else None for day in days_of]
    known = np.array([o is not None for o in ordinals], dtype=bool)
    values = np.array([o or 0 for o in ordinals], dtype=np.int64)
    far = np.abs(values[:, None] - values[None, :]) > days
    return ~(far & known[:, None] & known[None, :])  # type: ignore[no-any-return]


def _jaccard(keys: Sequence[frozenset[str]]) -> np.ndarray:
    """Shared names over all names, for every two documents (0 on the diagonal and where neither has a name): the
    counts from one sparse product, each share the same division of two integers as ``len(a & b) / len(a | b)``."""
    index: dict[str, int] = {}
    rows = [i for i, names in enumerate(keys) for _ in names]
    columns = [index.setdefault(name, len(index)) for names in keys for name in names]
    member = csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, columns)), shape=(len(keys), max(1, len(index))))
    shared = (member @ member.T).toarray()
    sizes = np.array([len(names) for names in keys], dtype=np.int64)
    union = sizes[:, None] + sizes[None, :] - shared
    overlap = np.divide(shared, union, out=np.zeros(shared.shape, dtype=np.float64), where=union > 0)
    np.fill_diagonal(overlap, 0.0)
    return overlap


def _components(sim: np.ndarray, threshold: float) -> list[list[int]]:
    parent = list(range(len(sim)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(sim >= threshold, k=1)), strict=True):
        parent[root(int(i))] = root(int(j))
    groups: dict[int, list[int]] = {}
    for i in range(len(sim)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def average_link(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Clusters (lists of row indices) whose average pairwise similarity stays >= threshold: each sorted, the
    biggest first, then by first member. Where two merges tie exactly (equal averages, as overlaps of entity sets
    alone can give), SciPy's order decides, so such a cut may differ from another average link's."""
    clusters: list[list[int]] = []
    for component in _components(sim, threshold):
        clusters.extend(_cut(sim, component, threshold) if len(component) > 1 else [component])
    return sorted(clusters, key=lambda c: (-len(c), c[0]))


def _cut(sim: np.ndarray, members: list[int], threshold: float) -> list[list[int]]:
    """These rows (two or more) split where SciPy's average linkage of them merges below the threshold."""
    tree, top = _linkage(sim[np.ix_(members, members)])
    labels = fcluster(tree, t=top - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for member, label in zip(members, labels, strict=True):
        groups.setdefault(int(label), []).append(member)
    return [sorted(group) for group in groups.values()]


@dataclass(frozen=True, slots=True)
class Merge:
    """One step of average-link agglomeration: the two groups' average similarity and their rows, each sorted."""

    height: float
    left: tuple[int, ...]
    right: tuple[int, ...]


def merges(sim: np.ndarray) -> list[Merge]:
    """Average-link agglomeration of every row, one merge at a time, the most similar pair of groups first (heights
    never increase, so cutting at a threshold keeps a prefix and gives ``average_link``'s clusters)."""
    if len(sim) < 2:
        return []
    tree, top = _linkage(sim)
    groups: list[tuple[int, ...]] = [(i,) for i in range(len(sim))]
    found = []
    for a, b, distance, _size in tree:
        left, right = groups[int(a)], groups[int(b)]
        groups.append(tuple(sorted(left + right)))
        found.append(Merge(top - float(distance), left, right))
    return found


def _linkage(sim: np.ndarray) -> tuple[np.ndarray, float]:
    """SciPy's average linkage (UPGMA) of two or more rows over the distance ``top - similarity`` of each pair (upper
    triangle), and ``top``: 1, or the highest similarity where one exceeds 1 (SciPy takes no negative distance;
    average link is the same for any shift)."""
    pairs = squareform(sim.astype(np.float64), checks=False)
    top = max(1.0, float(pairs.max()))
    return linkage(top - pairs, method="average"), top
