"""Average-link clustering (recoupe/stages/stories/cluster.py, SciPy's UPGMA since issue 16): the same partition as
a naive average link, and the merges one at a time agree with the clusters."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.stages.stories.cluster import average_link, merges


def _similarity(size: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    points = rng.normal(size=(size, 3)) + np.repeat(rng.normal(scale=4, size=(4, 3)), size // 4 + 1, axis=0)[:size]
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return np.clip(points @ points.T, 0.0, None)


def _naive(sim: np.ndarray, threshold: float) -> set[frozenset[int]]:
    """Average link as written in a textbook (cubic): merge the two groups of highest mean pairwise similarity while
    it is at least the threshold."""
    groups = [[i] for i in range(len(sim))]
    while len(groups) > 1:
        height, a, b = max(
            (float(sim[np.ix_(x, y)].mean()), i, j) for i, x in enumerate(groups) for j, y in enumerate(groups) if i < j
        )
        if height < threshold:
            break
        groups[a] += groups.pop(b)
    return {frozenset(group) for group in groups}


def _cut(sim: np.ndarray, threshold: float) -> set[frozenset[int]]:
    partition = {i: frozenset([i]) for i in range(len(sim))}
    for merge in merges(sim):
        if merge.height < threshold:
            break
        joined = frozenset(merge.left) | frozenset(merge.right)
        partition.update((i, joined) for i in joined)
    return set(partition.values())


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 30), st.floats(0.05, 0.95))
def test_average_link_is_the_naive_average_link(seed: int, size: int, threshold: float) -> None:
    sim = _similarity(size, seed)
    assert {frozenset(group) for group in average_link(sim, threshold)} == _naive(sim, threshold)


def test_groups_come_biggest_first_then_by_first_member_each_sorted() -> None:
    sim = _similarity(40, 3)
    groups = average_link(sim, 0.8)
    assert 1 < len(groups) < 40
    assert all(group == sorted(group) for group in groups)
    assert groups == sorted(groups, key=lambda g: (-len(g), g[0]))
    assert sorted(m for group in groups for m in group) == list(range(40))


def test_a_similarity_above_1_is_clustered_as_any_other() -> None:
    sim = np.array([[1.0, 1.25, 0.1], [1.25, 1.0, 0.7], [0.1, 0.7, 1.0]])
    assert average_link(sim, 0.5) == [[0, 1], [2]]
    assert average_link(sim, 0.35) == [[0, 1, 2]]
    assert [round(m.height, 9) for m in merges(sim)] == [1.25, 0.4]


def test_a_pair_exactly_at_the_threshold_is_joined() -> None:
    sim = np.array([[1.0, 0.5, 0.25], [0.5, 1.0, 0.25], [0.25, 0.25, 1.0]])
    assert average_link(sim, 0.5) == [[0, 1], [2]]
    assert average_link(sim, 0.25) == [[0, 1, 2]]


def test_no_row_or_one_row() -> None:
    assert average_link(np.zeros((0, 0)), 0.5) == [] and merges(np.zeros((0, 0))) == []
    assert average_link(np.ones((1, 1)), 0.5) == [[0]] and merges(np.ones((1, 1))) == []


def test_merges_come_most_similar_first_and_never_climb() -> None:
    sim = _similarity(30, 1)
    heights = [merge.height for merge in merges(sim)]
    assert len(heights) == 29
    assert all(later <= earlier + 1e-12 for earlier, later in pairwise(heights))


def test_stopping_the_merges_at_a_threshold_gives_the_average_link_clusters() -> None:
    for seed in range(3):
        sim = _similarity(40, seed)
        sizes = []
        for threshold in (0.2, 0.5, 0.8, 0.95):
            expected = {frozenset(group) for group in average_link(sim, threshold)}
            assert _cut(sim, threshold) == expected
            sizes.append(len(expected))
        assert sizes == sorted(sizes) and any(1 < size < 40 for size in sizes)
