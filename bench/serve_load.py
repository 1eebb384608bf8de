"""Load on ``recoupe serve`` over loopback: N concurrent readers (N = 1, 8, 32) on story pages and the API, for a
fixed number of requests each round, while one writer posts reports. Writes bench/results/serve_load.md.

The store holds the seeds and 2,000 OrangeSum articles (bench/serve_store.py builds it once and keeps it); each run
serves a copy of it, so the reports posted do not change the cached store. The server is one ``recoupe serve``
process (uvicorn, one worker) with a token, so it loads the models and takes writes; the readers and the writer are
threads of this script, on the same machine.

    python bench/serve_load.py [--requests 600] [--readers 1,8,32] [--db /tmp/recoupe-serve-bench.db]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from serve_store import DEFAULT_DB, SAMPLE_SEED, build, sample
from speed import articles

TOKEN = "bench-serve-load-token-0123456789"
#: what the readers ask for, and how often (weights)
MIX = (("story page", 2), ("story API", 1), ("list API", 1))
#: stories the readers pick from (the latest of the store, so a share of them is met for the first time in a round)
STORY_POOL = 300


@dataclass
class Round:
    readers: int
    latencies: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: the machine's load average over the last minute when the round ended (other work on the machine shows here)
    load: float = 0.0
    posted: list[str] = field(default_factory=list)
    post_failures: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "RECOUPE_TOKEN": TOKEN}
    command = [sys.executable, "-m", "recoupe", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("the server did not answer within 300 s")


def story_ids(client: httpx.Client) -> list[str]:
    found: list[str] = []
    while len(found) < STORY_POOL:
        page = client.get("/api/v1/stories", params={"limit": 100, "offset": len(found)}).json()
        found += [s["id"] for s in page["stories"]]
        if not page["stories"]:
            break
    return found


def requests_for(count: int, stories: list[str], seed: int) -> list[tuple[str, str]]:
    """(kind, path) of each request of a round, drawn with a fixed seed."""
    rng = random.Random(seed)
    kinds = [k for k, weight in MIX for _ in range(weight)]
    out = []
    for _ in range(count):
        kind, story = rng.choice(kinds), rng.choice(stories)
        path = {"story page": f"/stories/{story}", "story API": f"/api/v1/stories/{story}"}.get(kind)
        out.append((kind, path or f"/api/v1/stories?limit=20&offset={rng.randrange(0, 100)}"))
    return out


def read(client: httpx.Client, kind: str, path: str, result: Round, lock: threading.Lock) -> None:
    started = time.perf_counter()
    try:
        response = client.get(path)
        ok = response.status_code == 200
        problem = f"{path}: {response.status_code}"
    except httpx.HTTPError as exc:
        ok, problem = False, f"{path}: {type(exc).__name__}"
    elapsed = time.perf_counter() - started
    with lock:
        result.latencies.setdefault(kind, []).append(elapsed)
        if not ok:
            result.failures.append(problem)


def write_until(stop: threading.Event, base: str, reports: list[dict[str, str]], result: Round) -> None:
    """Post one report after another until the readers are done."""
    with httpx.Client(base_url=base, timeout=300, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        while not stop.is_set() and reports:
            report = reports.pop()
            response = client.post("/api/v1/documents", json=report)
            if response.status_code == 201:
                result.posted += [a["id"] for a in response.json()["articles"]]
            else:
                result.post_failures.append(f"{report['id']}: {response.status_code} {response.text[:200]}")


def run_round(base: str, readers: int, plan: list[tuple[str, str]], reports: list[dict[str, str]]) -> Round:
    result, lock, stop = Round(readers), threading.Lock(), threading.Event()
    writer = threading.Thread(target=write_until, args=(stop, base, reports, result))
    limits = httpx.Limits(max_connections=readers, max_keepalive_connections=readers)
    with httpx.Client(base_url=base, timeout=60, limits=limits) as client:
        writer.start()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=readers) as pool:
            for kind, path in plan:
                pool.submit(read, client, kind, path, result, lock)
        result.seconds = time.perf_counter() - started
    result.load = os.getloadavg()[0]
    stop.set()
    writer.join()
    return result


def lost_reports(base: str, rounds: list[Round]) -> list[str]:
    with httpx.Client(base_url=base, timeout=60) as client:
        return [d for r in rounds for d in r.posted if client.get(f"/api/v1/documents/{d}").status_code != 200]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000


def describe() -> str:
    """The commit measured, as ``git describe`` names it."""
    done = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "unknown commit"


def table(rounds: list[Round], lost: list[str], store: str, requests: int) -> str:
    head = (
        f"# recoupe serve under load (bench/serve_load.py), {datetime.now(UTC):%Y-%m-%d}, {describe()}\n\n"
        f"{store}. One `recoupe serve` process (uvicorn, one worker, with a token: models loaded, writes taken) on"
        f" 127.0.0.1; per round, {requests} GET requests by N reader threads (story page : story API : list API ="
        " 2 : 1 : 1, stories drawn with a fixed seed from the store's latest) while one writer thread posts OrangeSum"
        " reports one at a time. Readers and server share the machine's 2 cores (the load average, over the last"
        " minute at the round's end, counts other work on the machine too). Latency in ms.\n\n"
        "| N readers | requests | failed | s | requests/s | p50 | p95 | p99 | story page p50 | story page p95 |"
        " reports posted (failed) | load average |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    rows = []
    for r in rounds:
        every = [x for values in r.latencies.values() for x in values]
        page = r.latencies.get("story page", [0.0])
        rows.append(
            f"| {r.readers} | {len(every)} | {len(r.failures)} | {r.seconds:.1f} | {len(every) / r.seconds:.1f} |"
            f" {percentile(every, 0.5):.0f} | {percentile(every, 0.95):.0f} | {percentile(every, 0.99):.0f} |"
            f" {percentile(page, 0.5):.0f} | {percentile(page, 0.95):.0f} | {len(r.posted)} ({len(r.post_failures)})"
            f" | {r.load:.1f} |"
        )
    posted = sum(len(r.posted) for r in rounds)
    tail = f"\nReports posted: {posted}; found in the store afterwards: {posted - len(lost)} (lost: {len(lost)}).\n"
    return head + "\n".join(rows) + "\n" + tail


def new_reports(shared: Path, count: int, store_articles: int) -> list[dict[str, str]]:
    """OrangeSum articles that are not in the store (drawn with another seed)."""
    stored = {d.id for d in sample(shared, store_articles)}
    rest = [d for d in articles(shared / "data" / "orangesum" / "articles.jsonl.gz") if d.id not in stored]
    chosen = random.Random(SAMPLE_SEED + 1).sample(rest, count)
    return [{"id": f"load-{d.id}", "text": d.content, "title": d.title or "", "published": d.published or ""}
            for d in chosen]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--articles", type=int, default=2000, help="OrangeSum articles in the store")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--readers", default="1,8,32")
    parser.add_argument("--out", default="serve_load.md")
    parser.add_argument("--no-writer", action="store_true", help="readers only (what the writer costs them)")
    args = parser.parse_args()
    shared, cached = Path(args.shared), Path(args.db)
    if not cached.exists():
        build(cached, shared, args.articles)
    folder = tempfile.TemporaryDirectory()
    db = Path(folder.name) / "serve.db"
    shutil.copy(cached, db)
    reports = [] if args.no_writer else new_reports(shared, 200, args.articles)
    port = _free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            total = client.get("/api/v1/stories", params={"limit": 1}).json()["total"]
            stories = story_ids(client)
        rounds = [
            run_round(base, n, requests_for(args.requests, stories, n), reports)
            for n in (int(x) for x in args.readers.split(","))
        ]
        lost = lost_reports(base, rounds)
    finally:
        server.terminate()
        server.wait(timeout=60)
    store = f"A store of the 5 seeds and {args.articles:,} OrangeSum articles ({total:,} stories)"
    text = table(rounds, lost, store, args.requests)
    (ROOT / "bench" / "results" / args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
