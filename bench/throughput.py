"""Ingest throughput into the store as it grows: OrangeSum's 36,152 articles in publication order.

Articles go into one SQLite store in batches (each batch: analyse, assign each article to a
story, publish a new version of every story it touched), as a newsroom feed would. Reports
articles/s, peak memory, the store's size, and time per article by stage for each tenth of
the stream, so that growth with the store's size shows. Writes bench/results/throughput.md.

    python bench/throughput.py [--limit N] [--batch 200] [--workers N] [--db PATH] [--shared ../shared]

With ``--workers N`` the per-document stages run on a Dask ``LocalCluster`` of N worker processes (as
``recoupe ingest --workers N``); storing, assigning and publishing stay in this process.
"""

from __future__ import annotations

import argparse
import bisect
import json
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from recoupe.config import Settings
from recoupe.executors import open_executor
from recoupe.model import RawDocument
from recoupe.resources import dependency_parser, language_detector, sentence_encoder, spacy_model
from recoupe.store import open_store
from recoupe.tracking import IngestResult, ingest_items

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from speed import articles


def stream(path: Path, limit: int | None) -> list[RawDocument]:
    """OrangeSum's articles in publication order (the first ``limit``)."""
    records = sorted(articles(path), key=lambda d: (d.published or "", d.id))
    return records[:limit] if limit else records


def window_counts(docs: list[RawDocument], days: int) -> list[int]:
    """For each article, how many earlier articles of the stream were published within ``days`` before it (the
    open stories a new article meets grow with this, not with the store)."""
    stamps = [date.fromisoformat(d.published[:10]).toordinal() if d.published else 0 for d in docs]
    return [i - bisect.bisect_left(stamps, stamp - days, 0, i) for i, stamp in enumerate(stamps)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--db", default=None, help="store path (default: a temporary file)")
    parser.add_argument("--out", default="throughput.md", help="table under bench/results/")
    parser.add_argument("--workers", type=int, default=None, help="analyse on N Dask worker processes")
    args = parser.parse_args()
    docs = stream(Path(args.shared) / "data" / "orangesum" / "articles.jsonl.gz", args.limit)
    started = time.perf_counter()
    spacy_model("fr"), dependency_parser("fr"), sentence_encoder(), language_detector()
    load = time.perf_counter() - started
    folder = tempfile.TemporaryDirectory()
    path = Path(args.db or Path(folder.name) / "throughput.db")
    store = open_store(str(path))
    settings = Settings()
    rows: list[dict[str, float]] = []
    with open_executor(settings, workers=args.workers) as executor:
        started = time.perf_counter()
        executor.analyse(docs[:1])  # the workers' models loaded before the clock, as this process's are
        load += time.perf_counter() - started
        clock = time.perf_counter()
        for first in range(0, len(docs), args.batch):
            batch = docs[first : first + args.batch]
            result = ingest_items(batch, store, settings, executor=None if args.workers is None else executor)
            rows.append(row(first, batch, result))
            if len(rows) % 10 == 0:
                print(json.dumps(rows[-1]), flush=True)
        total = time.perf_counter() - clock
    stories = store.query("SELECT COUNT(*) FROM stories WHERE merged_into IS NULL")[0][0]
    store.close()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write(rows, docs, total, load, size, peak, stories, args.batch, args.out, args.workers)


def row(first: int, batch: list[RawDocument], result: IngestResult) -> dict[str, float]:
    """What one batch's ingest did and how long each of its steps took."""
    return {
        "stored": first + len(batch),
        "documents": len(result.added) + len(result.versions),
        "duplicates": len(result.duplicates),
        "failures": len(result.failures),
        "stories_published": len(result.published),
        "stories_deferred": len(result.deferred),
        "moved": len(result.moved),
        "regroupings": result.regroupings,
        "regrouped_documents": result.regrouped_documents,
        **result.seconds,
    }


def engine(workers: int | None) -> str:
    if workers is None:
        return "one process"
    return f"analysis on {workers} Dask worker process{'es' if workers > 1 else ''}, the rest in this one"


def write(
    rows: list[dict[str, float]],
    docs: list[RawDocument],
    total: float,
    load: float,
    size: int,
    peak: float,
    stories: int,
    batch: int,
    out: str,
    workers: int | None = None,
) -> None:
    lines = [
        (
            "| articles in the store | articles of the 30 days before each | ms/article analyse | ms/article assign +"
            " store | ms/article regroup | regroupings per article | documents per regrouping | ms/regrouped document |"
            " ms/article publish | stories published (deferred) per batch | articles/s |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    recent = window_counts(docs, 30)
    tenth = max(1, len(rows) // 10)
    for start in range(0, len(rows), tenth):
        part = rows[start : start + tenth]
        first, last = int(part[0]["stored"] - batch), int(part[-1]["stored"])
        n = last - first
        secs = {k: sum(r.get(k, 0.0) for r in part) for k in ("analyse", "assign", "regroup", "publish")}
        published = sum(r["stories_published"] for r in part) / len(part)
        deferred = sum(r.get("stories_deferred", 0) for r in part) / len(part)
        regroupings = sum(r.get("regroupings", 0) for r in part)
        regrouped = sum(r.get("regrouped_documents", 0) for r in part)
        lines.append(
            f"| {first}-{last} | {sum(recent[first:last]) / n:,.0f} | {1000 * secs['analyse'] / n:.1f} | "
            f"{1000 * secs['assign'] / n:.2f} | {1000 * secs['regroup'] / n:.2f} | {regroupings / n:.2f} | "
            f"{regrouped / max(regroupings, 1):.1f} | {1000 * secs['regroup'] / max(regrouped, 1):.2f} | "
            f"{1000 * secs['publish'] / n:.1f} | "
            f"{published:.0f} ({deferred:.0f}) | {n / sum(secs.values()):.1f} |"
        )
    stored = sum(r["documents"] for r in rows)
    summary = (
        f"{len(docs):,} articles ({docs[0].published} to {docs[-1].published}) in batches of {batch}: "
        f"{stored:,} stored, {int(sum(r['duplicates'] for r in rows)):,} already stored (same text), "
        f"{int(sum(r['failures'] for r in rows)):,} failures; {stories:,} stories; "
        f"{int(sum(r['moved'] for r in rows)):,} stored documents moved by regrouping. "
        f"{len(docs) / total:.1f} articles/s overall ({total / 60:.1f} min, {engine(workers)}; models loaded once "
        f"in {load:.1f} s before the clock), peak memory {peak:,.0f} MB{'' if workers is None else ' (this process: the workers not counted)'}, "
        f"store {size / 1e6:,.0f} MB."
    )
    (ROOT / "bench" / "results" / out).write_text(
        "# Ingest throughput as the store grows (bench/throughput.py)\n\n"
        "OrangeSum articles in publication order into one SQLite store, each batch analysed, assigned, stored and "
        "its stories' reports published. Time per article by stage for each tenth of the stream. OrangeSum grows "
        "denser with the years (about 8 articles a day in 2016, 50 in 2020): the second column counts the articles "
        "of the 30 days before each one, the open stories it is compared with.\n\n"
        f"{summary}\n\n" + "\n".join(lines) + "\n"
    )
    print(summary)


if __name__ == "__main__":
    main()
