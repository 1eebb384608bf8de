"""Story grouping quality on RPM2: B-cubed precision/recall/F1 against the known groups.

Gold: each (topic, cluster) of 10 articles is one group (40 groups on dev+test; a
topic's second cluster, a month later, reports later events). Also scored against
topics (20 groups). The threshold is swept on dev only; test is scored at the
setting in use. Writes bench/results/stories.md.

    python bench/stories.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from recoupe.config import Settings
from recoupe.model import RawDocument
from recoupe.pipeline import Pipeline
from recoupe.stages.stories.cluster import average_link, similarity

STAGES = ("clean", "metadata", "language", "sentences", "annotate", "embed", "publication_year", "dates")


def load(path: Path) -> tuple[list[RawDocument], list[str], list[str]]:
    docs, clusters, topics = [], [], []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        for doc in record["docs"]:
            docs.append(RawDocument(id=doc["id"], source=f"{path.name}:{doc['id']}", kind="text", content=doc["text"]))
            clusters.append(f"{record['topic']}-{record['cluster']}")
            topics.append(record["topic"])
    return docs, clusters, topics


def bcubed(predicted: list[int], gold: list[str]) -> tuple[float, float, float]:
    p = np.array(predicted)
    g = np.array(gold)
    precision = np.mean([np.mean(g[p == p[i]] == g[i]) for i in range(len(p))])
    recall = np.mean([np.mean(p[g == g[i]] == p[i]) for i in range(len(p))])
    return float(precision), float(recall), float(2 * precision * recall / (precision + recall))


def labels(sim: np.ndarray, threshold: float) -> list[int]:
    out = [0] * len(sim)
    for number, members in enumerate(average_link(sim, threshold)):
        for m in members:
            out[m] = number
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    args = parser.parse_args()
    root = Path(args.shared) / "data" / "rpm2"
    settings = Settings()
    rows = [
        "| set | threshold | gold | groups found | B3 precision | B3 recall | B3 F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("dev.jsonl", "test-documents.jsonl"):
        raws, clusters, topics = load(root / name)
        started = time.perf_counter()
        corpus = Pipeline(STAGES, settings=settings).run(raws)
        sim = similarity(corpus.documents)
        seconds = time.perf_counter() - started
        thresholds = (
            (0.3, 0.325, 0.35, 0.375, 0.4, 0.425, 0.45, 0.5) if name == "dev.jsonl" else (settings.story_threshold,)
        )
        for threshold in thresholds:
            predicted = labels(sim, threshold)
            for gold_name, gold in (("40 clusters", clusters), ("20 topics", topics)):
                p, r, f = bcubed(predicted, gold)
                rows.append(
                    f"| {name} | {threshold:.3f} | {gold_name} | {len(set(predicted))} | {p:.3f} | {r:.3f} | {f:.3f} |"
                )
        print(f"{name}: {len(raws)} documents analysed in {seconds:.1f} s")
    out = Path(__file__).parent / "results" / "stories.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        "# Story grouping on RPM2 (bench/stories.py)\n\n"
        f"Setting in use: story_threshold = {settings.story_threshold}. Dev is swept; test is scored at the setting in use.\n\n"
        + "\n".join(rows)
        + "\n"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
