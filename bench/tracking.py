"""Story tracking: documents fed one by one into a store, scored against known stories.

RPM2: every first cluster (C1) of the 40 (dev and test documents) in shuffled order, then every
second cluster (C2); a topic's two clusters are one story (20). WikinewsSum (English): the sources
of the 101 Wikinews articles in recoupe's languages, shuffled; an article's sources are one story.
B-cubed precision, recall and F1 for recoupe's online assignment (``recoupe.tracking``, with and
without regrouping the stories near each new document, ``recoupe.tracking.regroup``), a TF-IDF
single-pass clusterer, offline average-link clustering over the same embeddings, and recoupe's own
batch grouping (``recoupe run``: all documents at once), thresholds swept. Writes bench/results/tracking.md.

    python bench/tracking.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from recoupe.config import Settings
from recoupe.model import RawDocument
from recoupe.pipeline import ANALYSIS_STAGES, Pipeline
from recoupe.stages.stories.cluster import average_link, document_vector, similarity
from recoupe.store import open_store
from recoupe.tracking import arrival, regroup

sys.path.insert(0, str(Path(__file__).parent))
from stories import bcubed, load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JOIN = arrival.JOIN_AFFINITY


def wikinews(shared: Path) -> tuple[list[RawDocument], list[str]]:
    docs: list[RawDocument] = []
    stories: list[str] = []
    path = shared / "data" / "wikinewssum-en" / "cleaned_endataset.jsonl"
    for number, line in enumerate(path.open(encoding="utf-8")):
        for i, source in enumerate(json.loads(line)["sources"]):
            if source.get("language") in ("en", "fr", "de") and (source.get("maintext") or "").strip():
                docs.append(RawDocument(f"W{number:03d}-{i}", f"wikinews:{number}#{i}", "text", source["maintext"]))
                stories.append(f"W{number:03d}")
    order = list(range(len(docs)))
    random.Random(0).shuffle(order)
    return [docs[i] for i in order], [stories[i] for i in order]


def rpm2(shared: Path) -> tuple[list[RawDocument], list[str]]:
    docs: list[RawDocument] = []
    topics: list[str] = []
    clusters: list[str] = []
    for name in ("dev.jsonl", "test-documents.jsonl"):
        raws, cluster_ids, topic_ids = load(shared / "data" / "rpm2" / name)
        docs += raws
        topics += topic_ids
        clusters += cluster_ids
    order = list(range(len(docs)))
    random.Random(0).shuffle(order)
    order.sort(key=lambda i: clusters[i].endswith("C2"))  # every C1 before every C2, shuffled within
    return [docs[i] for i in order], [topics[i] for i in order]


def recoupe_online(docs: list[RawDocument], threshold: float, regrouping: bool = True) -> list[int]:
    """With regrouping, ``threshold`` is the regrouping's average link (the clusters it decides); without, the
    affinity a document needs to join a story."""
    default_link = regroup.LINK
    if regrouping:
        regroup.LINK = threshold
    else:
        arrival.JOIN_AFFINITY = threshold
    settings = Settings(story_regroup=regrouping)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "t.db"))
        repeats: dict[str, str] = {}
        for doc in docs:
            result = arrival.ingest_items([doc], store, settings, publish_versions=False)
            repeats.update((doc.id, original) for original in result.duplicate_of.values())
        story_of = store.story_of_documents()
        story_of.update((copy, story_of[original]) for copy, original in repeats.items())
        store.close()
    regroup.LINK, arrival.JOIN_AFFINITY = default_link, DEFAULT_JOIN
    numbers: dict[str, int] = {}
    return [numbers.setdefault(story_of[d.id], len(numbers)) for d in docs]


def tfidf_single_pass(docs: list[RawDocument], threshold: float) -> list[int]:
    bags = [Counter(re.findall(r"\w{3,}", d.content.lower())) for d in docs]
    df = Counter(w for bag in bags for w in bag)
    vectors = []
    for bag in bags:
        v = {w: c * math.log(len(docs) / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    centroids: list[dict[str, float]] = []
    labels = []
    for v in vectors:
        scores = [sum(x * c.get(w, 0.0) for w, x in v.items()) for c in centroids]
        best = int(np.argmax(scores)) if scores else -1
        if best >= 0 and scores[best] >= threshold:
            centroid = centroids[best]
            for w, x in v.items():
                centroid[w] = centroid.get(w, 0.0) + x
            norm = math.sqrt(sum(x * x for x in centroid.values()))
            centroids[best] = {w: x / norm for w, x in centroid.items()}
            labels.append(best)
        else:
            centroids.append(dict(v))
            labels.append(len(centroids) - 1)
    return labels


def offline(sim: np.ndarray, threshold: float) -> list[int]:
    labels = [0] * len(sim)
    for n, members in enumerate(average_link(np.clip(sim, 0, 1), threshold)):
        for m in members:
            labels[m] = n
    return labels


def score(data: str, docs: list[RawDocument], gold: list[str]) -> list[str]:
    analysed = Pipeline(ANALYSIS_STAGES, settings=Settings()).run(docs).documents
    kept = {d.id for d in analysed}  # documents recoupe refuses (no text, language) are left out for all
    docs, gold = [d for d in docs if d.id in kept], [g for d, g in zip(docs, gold, strict=True) if d.id in kept]
    vectors = np.stack([document_vector(d) for d in analysed])
    batch = similarity(analysed)
    systems = [
        ("recoupe online, regrouping (threshold: its link)", lambda t: recoupe_online(docs, t), (0.06, 0.08, 0.1)),
        (
            "recoupe online without regrouping (threshold: join)",
            lambda t: recoupe_online(docs, t, False),
            (0.2, 0.25, 0.3),
        ),
        ("TF-IDF single pass", lambda t: tfidf_single_pass(docs, t), (0.1, 0.15, 0.2)),
        ("offline average link, same embeddings", lambda t: offline(vectors @ vectors.T, t), (0.5, 0.55, 0.6)),
        ("recoupe run (batch, all documents at once)", lambda t: offline(batch, t), (0.3, 0.375, 0.45)),
    ]
    rows = []
    for name, system, thresholds in systems:
        for threshold in thresholds:
            started = time.perf_counter()
            labels = system(threshold)
            p, r, f = bcubed(labels, gold)
            seconds = time.perf_counter() - started
            rows.append(
                f"| {data} ({len(docs)} docs, {len(set(gold))} stories) | {name} | {threshold} | "
                f"{len(set(labels))} | {p:.3f} | {r:.3f} | {f:.3f} | {seconds:.1f} |"
            )
            print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    rows = [
        "| data | system | threshold | stories found | B3 precision | B3 recall | B3 F1 | seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for data, (docs, gold) in (("RPM2", rpm2(Path(args.shared))), ("WikinewsSum en", wikinews(Path(args.shared)))):
        rows += score(data, docs, gold)
    (ROOT / "bench" / "results" / "tracking.md").write_text(
        "# Story tracking (bench/tracking.py)\n\nDocuments fed one by one into a store. RPM2: 400 documents (dev and "
        "test), every C1 (shuffled) before every C2; gold: the 20 topics. WikinewsSum: the English, French and German "
        "sources of the 101 articles, shuffled; gold: the article they are cited by. Thresholds swept for every system "
        f"on the same data (no held-out split here), and so were the regrouping's weights ({regroup.WEIGHTS}: words, "
        f"embedding, entities). recoupe's defaults: join at affinity {DEFAULT_JOIN}, regrouping link {regroup.LINK} "
        "(with regrouping on, the join threshold barely matters: in a run of 2026-11-25 with regrouping as first written, "
        "0.2, 0.25 and 0.3 gave the same stories); the batch grouping's "
        "threshold was set on RPM2 dev (0.375). RPM2 documents carry no dates, so the time window plays no part.\n\n"
        + "\n".join(rows)
        + "\n"
    )


if __name__ == "__main__":
    main()
