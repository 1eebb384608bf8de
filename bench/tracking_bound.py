"""How far story tracking can go with the regrouping's similarity: an upper bound, not a system.

The documents of bench/tracking.py (same order) are ingested into a store without regrouping, so that the store
holds what regrouping reads (each document's words, vector and entity keys; document frequencies over all of them).
Then all documents at once are clustered by average link over ``recoupe.tracking.regroup.similarity``, with the weights of
words, embedding and entities on a grid and the link threshold swept, both chosen with the gold: the best B-cubed F1
any weighting and threshold of this similarity reaches, offline, knowing the answer. The online system (regrouping at
its defaults) runs in the same process for comparison. Writes bench/results/tracking-bound.md.

    python bench/tracking_bound.py [--shared ../shared] [--step 0.1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from recoupe.config import Settings
from recoupe.model import RawDocument
from recoupe.stages.stories.cluster import merges
from recoupe.store import Store, open_store
from recoupe.tracking import arrival, regroup
from recoupe.tracking.assign import tfidf

sys.path.insert(0, str(Path(__file__).parent))
from stories import bcubed
from tracking import recoupe_online, rpm2, wikinews

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = np.round(np.arange(0.02, 0.6, 0.005), 3)
Weights = tuple[float, float, float]
Row = tuple[float, float, float, float, int]


@contextmanager
def ingested(docs: Sequence[RawDocument]) -> Iterator[tuple[Store, dict[str, str]]]:
    """A store with the documents, no regrouping; and each repeat's original."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bound.db"))
        repeats: dict[str, str] = {}
        settings = Settings(story_regroup=False)
        for doc in docs:
            result = arrival.ingest_items([doc], store, settings, publish_versions=False)
            repeats.update((doc.id, original) for original in result.duplicate_of.values())
        yield store, repeats
        store.close()


def components(store: Store) -> tuple[list[str], list[np.ndarray]]:
    """The stored documents' ids and the three similarity matrices regrouping weighs (words, embedding, entities)."""
    found = store.members([story.id for story in store.stories()]) or {}
    members = [m for story in sorted(found) for m in found[story]]
    documents, total = store.corpus()
    df = store.document_frequencies(w for m in members for w in m.words)
    weights = [tfidf(m.words, df, documents) for m in members]
    default = regroup.WEIGHTS
    matrices = []
    for one in ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)):
        regroup.WEIGHTS = one
        matrices.append(regroup.similarity(members, weights, total / max(documents, 1), documents))
    regroup.WEIGHTS = default
    return [m.id for m in members], matrices


def dendrogram(sim: np.ndarray) -> list[tuple[float, int, int]]:
    """Every average-link merge over all documents, as ``recoupe.run`` and regrouping agglomerate: its average
    similarity and a document of each side. Heights never increase, so cutting at a threshold keeps a prefix."""
    found = []
    for merge in merges(np.clip(sim, 0.0, None)):
        if merge.height <= 0:
            break
        found.append((merge.height, merge.left[0], merge.right[0]))
    return found


def cut(merged: list[tuple[float, int, int]], size: int, threshold: float) -> list[int]:
    parent = list(range(size))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for height, a, b in merged:
        if height < threshold:
            break
        parent[root(a)] = root(b)
    return [root(i) for i in range(size)]


def best(sim: np.ndarray, ids: list[str], repeats: dict[str, str], gold_of: dict[str, str]) -> Row:
    """The threshold with the best B-cubed F1 (F1, threshold, precision, recall, clusters), a repeat of a stored
    document counted in its original's cluster as the online store counts it."""
    merged = dendrogram(sim)
    position = {doc: i for i, doc in enumerate(ids)}
    scored = [doc for doc in (*ids, *repeats) if doc in gold_of]
    truth = [gold_of[doc] for doc in scored]
    rows = []
    for threshold in THRESHOLDS:
        labels = cut(merged, len(sim), float(threshold))
        found = [labels[position[repeats.get(doc, doc)]] for doc in scored]
        p, r, f = bcubed(found, truth)
        rows.append((f, float(threshold), p, r, len(set(found))))
    return max(rows)


def grid(step: float) -> list[Weights]:
    n = round(1 / step)
    return [(a * step, b * step, round(1 - (a + b) * step, 6)) for a in range(n + 1) for b in range(n + 1 - a)]


def bound(data: str, docs: list[RawDocument], gold: list[str], step: float) -> list[str]:
    gold_of = dict(zip((d.id for d in docs), gold, strict=True))
    with ingested(docs) as (store, repeats):
        ids, (words, embedding, entities) = components(store)
    # documents recoupe refuses (no text, unknown language) are left out, as bench/tracking.py does
    kept = set(ids) | set(repeats)
    docs = [d for d in docs if d.id in kept]
    started = time.perf_counter()
    online = recoupe_online(docs, regroup.LINK)
    p, r, f = bcubed(online, [gold_of[d.id] for d in docs])
    online_row = (
        f"| {data} ({len(docs)} docs) | recoupe online at its defaults: weights {regroup.WEIGHTS}, link "
        f"{regroup.LINK} | {f:.3f} | {p:.3f} | {r:.3f} | {len(set(online))} | {time.perf_counter() - started:.0f} |"
    )
    rows = [online_row]
    print(rows[-1], flush=True)
    started = time.perf_counter()
    named = [
        ("offline, recoupe's weights", regroup.WEIGHTS),
        ("offline, words only", (1.0, 0.0, 0.0)),
        ("offline, embedding only", (0.0, 1.0, 0.0)),
        ("offline, entities only", (0.0, 0.0, 1.0)),
    ]
    results = []
    for _name, weights in named + [("", w) for w in grid(step)]:
        sim = weights[0] * words + weights[1] * embedding + weights[2] * entities
        results.append((best(sim, ids, repeats, gold_of), weights))
    seconds = time.perf_counter() - started
    top = max(results[len(named) :])
    titles = [name for name, _ in named] + ["offline, best of the grid"]
    for what, ((f, threshold, p, r, clusters), weights) in zip(titles, [*results[: len(named)], top], strict=True):
        rows.append(
            f"| {data} ({len(docs)} docs) | {what} {tuple(round(w, 2) for w in weights)}, link {threshold} (chosen on "
            f"the gold) | {f:.3f} | {p:.3f} | {r:.3f} | {clusters} | {seconds:.0f} (every weighting) |"
        )
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--step", type=float, default=0.1, help="grid step of the weights")
    args = parser.parse_args()
    shared = Path(args.shared)
    rows = [
        "| data | clustering | B3 F1 | B3 precision | B3 recall | stories found | seconds |",
        "|---|---|---|---|---|---|---|",
    ]
    for data, (docs, gold) in (("RPM2", rpm2(shared)), ("WikinewsSum en", wikinews(shared))):
        rows += bound(data, docs, gold, args.step)
    (ROOT / "bench" / "results" / "tracking-bound.md").write_text(
        "# How far the regrouping's similarity can go (bench/tracking_bound.py)\n\n"
        "The documents of bench/tracking.py, in its order, ingested without regrouping; then all of them clustered at "
        "once by average link over the pairwise similarity regrouping computes (`recoupe.tracking.regroup.similarity`: TF-IDF "
        "word cosine, centred embedding cosine, entity Jaccard), with the weights on a grid of step "
        f"{args.step} and the link threshold swept from {THRESHOLDS[0]} to {THRESHOLDS[-1]}, both chosen with the "
        "gold. That is an upper bound of what any weighting and threshold of this similarity can do, not a system. "
        "The first row of each corpus is recoupe's online tracking at its defaults, run in the same process.\n\n"
        + "\n".join(rows)
        + "\n"
    )


if __name__ == "__main__":
    main()
