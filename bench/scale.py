"""Analysis on Dask workers against one local process: OrangeSum articles (a fixed-seed sample) through the whole
`recoupe run` pipeline, locally, with ``--workers 1`` and with ``--workers 2``, in one run. Writes
bench/results/scale.md.

Each configuration runs in its own process, one after the other. The clock starts once the models are loaded (the
local process's, or the cluster's workers' and the client's: a first document goes through the whole path before);
that set-up is reported apart, as what a process spends before its first document.

    python bench/scale.py [--count 2000] [--seed 20] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the configurations, in the order they run: the local executor, then Dask clusters of 1 and 2 workers
MODES = ("local", "1", "2")
#: BLAS on one thread in every process, as bench/speed.py runs it and as Dask starts its workers
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def sample(path: Path, count: int, seed: int) -> list[dict[str, str]]:
    """``count`` OrangeSum records drawn with ``seed``, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.readlines()
    chosen = sorted(random.Random(seed).sample(range(len(lines)), count))
    return [json.loads(lines[i]) for i in chosen]


def measure(mode: str, path: Path, count: int, seed: int) -> dict[str, object]:
    """One configuration, in this process: set-up, then the per-document stages and the rest, timed apart."""
    started = time.perf_counter()
    from recoupe.config import Settings
    from recoupe.executors.base import DOCUMENT_STAGES, continue_stages, run_stages
    from recoupe.executors.worker import SAMPLE
    from recoupe.model import RawDocument
    from recoupe.pipeline import DEFAULT_STAGES
    from recoupe.report import Report
    from recoupe.resources import PARSERS, dependency_parser

    imports = time.perf_counter() - started
    raws = [
        RawDocument(
            id=str(r["id"]),
            source=f"orangesum:{r['id']}",
            kind="text",
            content=r["article"],
            title=r.get("title"),
            published=r.get("date") or None,
        )
        for r in sample(path, count, seed)
    ]
    settings = Settings()
    load = os.getloadavg()[0]
    started = time.perf_counter()
    with _executor(mode, settings) as executor:
        run_stages([SAMPLE], settings, DEFAULT_STAGES, executor)  # models loaded everywhere the run needs them,
        for language in PARSERS:  # and the parser the quotes stage loads for a sentence no rule reads
            dependency_parser(language)
        setup = time.perf_counter() - started
        workers = executor.load_seconds() if hasattr(executor, "load_seconds") else {}
        cpu = [_cpu(executor)]
        started = time.perf_counter()
        first = executor.analyse(raws)
        analysed = time.perf_counter()
        cpu.append(_cpu(executor))
        corpus = continue_stages(first, settings, DEFAULT_STAGES[len(DOCUMENT_STAGES) :], executor)
        ended = time.perf_counter()
        cpu.append(_cpu(executor))
    report = json.dumps(Report(corpus).to_dict(), ensure_ascii=False, sort_keys=True)
    return {
        "mode": mode,
        "articles": len(raws),
        "documents": len(corpus.documents),
        "stories": len(corpus.stories),
        "failures": len(corpus.failures),
        "imports": imports,
        "setup": setup,
        "worker_load": sorted(workers.values()),
        "document_stages": analysed - started,
        "rest": ended - analysed,
        "total": ended - started,
        "cpu_document_stages": cpu[1] - cpu[0],
        "cpu_total": cpu[2] - cpu[0],
        "load_start": load,
        "load_end": os.getloadavg()[0],
        "report": hashlib.sha256(report.encode("utf-8")).hexdigest()[:12],
    }


def _cpu(executor: object) -> float:
    """CPU seconds used so far by this process and by the executor's worker processes, if any."""
    client = getattr(executor, "client", None)
    workers = client.run(time.process_time).values() if client is not None else ()
    return time.process_time() + sum(workers)


def _executor(mode: str, settings: object):  # type: ignore[no-untyped-def]
    from recoupe.executors import open_executor

    workers = None if mode == "local" else int(mode)
    return open_executor(settings, workers=workers)  # type: ignore[arg-type]


def run_child(mode: str, path: Path, count: int, seed: int) -> dict[str, object]:
    """``measure`` in a fresh process, whose Dask workers import this tree."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.update(ONE_THREAD)
    argv = [sys.executable, __file__, "--one", mode, "--path", str(path), "--count", str(count), "--seed", str(seed)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def code_version() -> str:
    out = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or "unknown"


def _name(mode: str) -> str:
    return "local (one process)" if mode == "local" else f"`--workers {mode}`"


def table(results: list[dict[str, object]]) -> str:
    local = results[0]
    header = (
        "| run | set-up before the first document (s) | per-document analysis (s) | the rest (s) | total (s) "
        "| articles/s | × local | analysis, articles/s | × local | CPU ms per article, all processes | stories "
        "| failures | same report as local | load average (start → end) |"
    )
    lines = [header, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        rate, doc_rate = _rate(r, "total"), _rate(r, "document_stages")
        cpu = 1000 * float(r["cpu_total"]) / float(r["articles"])  # type: ignore[arg-type]
        lines.append(
            f"| {_name(str(r['mode']))} | {r['setup']:.1f} | {r['document_stages']:.1f} | {r['rest']:.1f} "
            f"| {r['total']:.1f} | {rate:.1f} | {rate / _rate(local, 'total'):.2f} | {doc_rate:.1f} "
            f"| {doc_rate / _rate(local, 'document_stages'):.2f} | {cpu:.0f} | {r['stories']} | {r['failures']} "
            f"| {'yes' if r['report'] == local['report'] else 'no'} | {r['load_start']:.1f} → {r['load_end']:.1f} |"
        )
    return "\n".join(lines)


def _rate(result: dict[str, object], key: str) -> float:
    return float(result["articles"]) / float(result[key])  # type: ignore[arg-type]


def _workers_line(results: list[dict[str, object]]) -> str:
    parts = [
        f"{_name(str(r['mode']))}: " + ", ".join(f"{s:.1f}" for s in r["worker_load"])  # type: ignore[attr-defined]
        for r in results
        if r["worker_load"]
    ]
    return "; ".join(parts)


def write(results: list[dict[str, object]], count: int, seed: int, started: str) -> str:
    local = results[0]
    text = (
        "# Analysis on Dask workers against one process (bench/scale.py)\n\n"
        f"{started}, code {code_version()}, Python {platform.python_version()}, {os.cpu_count()}-core machine shared "
        "with other work (the load average of each run is in the table; the ratios are what to read). "
        f"{count:,} OrangeSum articles drawn with seed {seed}, through the whole `recoupe run` pipeline, one "
        "configuration after the other, each in its own process. The per-document stages (cleaning, metadata, "
        "language, sentences, entities, embeddings) run on the executor: this process, or the Dask workers "
        "(`LocalCluster`, one thread per worker process, on 127.0.0.1). The rest: publication years (in the calling "
        "process), dates and figures (on the executor), quotes, stories, cross-checking and the articles (in the "
        "calling process), as in `recoupe run --workers N`. CPU time is that of the calling process and of the "
        "workers, summed: what distribution costs, whatever else the machine runs. BLAS on one thread in every process. The clock starts once every model is loaded (the client's too: the quotes "
        "stage's parser).\n\n"
        + table(results)
        + "\n\nSet-up before the first document: the local process imports recoupe's pipeline in "
        f"{local['imports']:.1f} s, then loads its models in {local['setup']:.1f} s. With Dask the set-up is the "
        "cluster's start, each worker's imports and models, and the client's models; each worker's own model load "
        f"(its plugin: the pipeline built and one document analysed), in seconds: {_workers_line(results)}. The "
        "workers load at the same time, so on 2 cores each takes longer than one process alone.\n"
    )
    (ROOT / "bench" / "results" / "scale.md").write_text(text, encoding="utf-8")
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = args.path or args.shared / "data" / "orangesum" / "articles.jsonl.gz"
    if args.one:
        print(json.dumps(measure(args.one, path, args.count, args.seed)))
        return
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    results = []
    for mode in MODES:
        results.append(run_child(mode, path, args.count, args.seed))
        print(json.dumps(results[-1]), file=sys.stderr)
    print(write(results, args.count, args.seed, started))


if __name__ == "__main__":
    main()
