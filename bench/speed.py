"""Throughput of the whole pipeline on OrangeSum articles, stage by stage, with peak memory.

Each size runs in its own process (peak memory is per process); models are loaded
before the clock starts and their load time is reported apart. Writes
bench/results/speed.md.

    python bench/speed.py [--sizes 1000 5000] [--shared ../shared]

With ``--baseline PATH`` (another checkout, e.g. a git worktree of an older commit) it compares instead: the
baseline's code and this tree's run alternately, each in its own process, on the same articles (``speed_compare.py``).

    python bench/speed.py --baseline /tmp/wt/speed-base [--sizes 1000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time

STARTED = time.perf_counter()  # before recoupe is imported: a process's time before its first document

from pathlib import Path

from recoupe.config import Settings
from recoupe.model import RawDocument
from recoupe.pipeline import DEFAULT_STAGES, Pipeline
from recoupe.resources import dependency_parser, language_detector, sentence_encoder, spacy_model

ROOT = Path(__file__).resolve().parents[1]
#: the stages that extract and compare what the reports claim
CROSS_CHECKING = ("dates", "figures", "quotes", "stories")


def articles(path: Path, count: int | None = None) -> list[RawDocument]:
    """The first ``count`` OrangeSum articles (all of them without a count)."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            out.append(
                RawDocument(
                    id=str(record["id"]),
                    source=f"orangesum:{record['id']}",
                    kind="text",
                    content=record["article"],
                    title=record.get("title"),
                    published=record.get("date") or None,
                )
            )
            if len(out) == count:
                break
    return out


def cluster(shared: Path) -> list[RawDocument]:
    """The first RPM2 dev cluster (10 reports of one event)."""
    with (shared / "data" / "rpm2" / "dev.jsonl").open(encoding="utf-8") as handle:
        record = json.loads(handle.readline())
    return [RawDocument(d["id"], f"rpm2:{d['id']}", "text", d["text"]) for d in record["docs"]]


def measure(path: Path, count: int) -> dict[str, object]:
    """One run: imports and stage modules, models, a 10-report cluster, then ``count`` articles."""
    Pipeline(DEFAULT_STAGES, settings=Settings())  # imports every stage's modules
    imported = time.perf_counter() - STARTED
    started = time.perf_counter()
    language_detector(), spacy_model("fr"), dependency_parser("fr"), sentence_encoder().encode(["warm"])
    load = time.perf_counter() - started
    ten = cluster(path.parents[2])
    started, cpu = time.perf_counter(), time.process_time()
    Pipeline(DEFAULT_STAGES, settings=Settings()).run(ten)
    cluster_s, cluster_cpu = time.perf_counter() - started, time.process_time() - cpu
    docs = articles(path, count)
    pipeline = Pipeline(DEFAULT_STAGES, settings=Settings())
    loadavg = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    corpus = pipeline.run(docs)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "import_s": imported,
        "cluster_s": cluster_s,
        "cluster_cpu_s": cluster_cpu,
        "cluster_docs": len(ten),
        "cpu_s": cpu,
        "loadavg": [loadavg, os.getloadavg()[0]],
        "articles": count,
        "processed": len(corpus.documents),
        "failures": len(corpus.failures),
        "stories": len(corpus.stories),
        "load_s": load,
        "total_s": total,
        "stages": pipeline.stats.seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def table(results: list[dict]) -> str:  # type: ignore[type-arg]
    stages = list(results[0]["stages"])
    lines = [
        "| articles | processed | failures | stories | model load (s) | pipeline (s) | articles/s | peak memory (MB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['articles']} | {r['processed']} | {r['failures']} | {r['stories']} | {r['load_s']:.1f} | "
            f"{r['total_s']:.1f} | {r['articles'] / r['total_s']:.1f} | {r['peak_mb']:.0f} |"
        )
    lines += [
        "",
        "Share of pipeline time per stage:",
        "",
        "| stage | " + " | ".join(f"{r['articles']} articles" for r in results) + " |",
    ]
    lines.append("|---|" + "---|" * len(results))
    for name in stages:
        cells = [f"{r['stages'][name]:.1f} s ({100 * r['stages'][name] / r['total_s']:.0f}%)" for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    cells = []
    for r in results:
        checking = sum(r["stages"].get(name, 0.0) for name in CROSS_CHECKING)
        cells.append(
            f"{checking:.1f} s against {r['total_s'] - checking:.1f} s: {checking / (r['total_s'] - checking):.2f}"
        )
    lines += [
        "",
        "Cross-checking (stages " + ", ".join(CROSS_CHECKING) + ") against the rest of the pipeline; an upper bound, "
        "since the stories stage's time also counts grouping. Issue 4 allows at most 0.5.",
        "",
        "| | " + " | ".join(f"{r['articles']} articles" for r in results) + " |",
        "|---|" + "---|" * len(results),
        "| cross-checking / rest | " + " | ".join(cells) + " |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 5000])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--baseline", help="another checkout to compare with, run alternately on the same articles")
    parser.add_argument("--rounds", type=int, default=2, help="with --baseline: runs of each code, alternated")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = Path(args.shared) / "data" / "orangesum" / "articles.jsonl.gz"
    if args.one:
        print(json.dumps(measure(path, args.one)))
        return
    if args.baseline:
        from speed_compare import compare

        compare(Path(args.baseline), ROOT, args.sizes[0], args.rounds, args.shared)
        return
    results = []
    for size in args.sizes:
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--shared", args.shared],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(table(results), flush=True)
    target = ROOT / "bench" / "results" / "speed.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(
        "# Pipeline speed on OrangeSum (bench/speed.py)\n\n"
        f"One process per size, one thread for BLAS, on a {os.cpu_count()}-core machine; models loaded before timing.\n\n"
        + table(results)
        + "\n"
    )


if __name__ == "__main__":
    main()
