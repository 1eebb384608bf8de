"""Average-link clustering (recoupe/stages/cluster.py): the merges one at a time agree with the clusters."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from recoupe.stages.stories.cluster import average_link, merges


def _similarity(size: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    points = rng.normal(size=(size, 3)) + np.repeat(rng.normal(scale=4, size=(4, 3)), size // 4 + 1, axis=0)[:size]
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return np.clip(points @ points.T, 0.0, None)


def _cut(sim: np.ndarray, threshold: float) -> set[frozenset[int]]:
    partition = {i: frozenset([i]) for i in range(len(sim))}
    for height, groups, a, b in merges(sim, list(range(len(sim)))):
        if height < threshold:
            break
        joined = frozenset(groups[a]) | frozenset(groups[b])
        partition.update((i, joined) for i in joined)
    return set(partition.values())


def test_merges_come_most_similar_first_and_never_climb() -> None:
    sim = _similarity(30, 1)
    heights = [height for height, *_ in merges(sim, list(range(30)))]
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
