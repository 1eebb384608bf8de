"""``bench/speed.py --baseline PATH``: a baseline checkout and this tree, run alternately on the same OrangeSum
articles, each run in its own process with one BLAS thread; writes bench/results/speed.md.

On a shared machine wall time depends on what else runs, so both codes run in the same session, alternated, and the
table gives the load average of each run and articles per second of wall time and of processor time (the process's
own CPU seconds: what a core does, whatever else the machine runs).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: the stages that extract and compare what the reports claim (as bench/speed.py counts them)
CROSS_CHECKING = ("dates", "figures", "quotes", "stories")

Run = dict[str, Any]


def version(checkout: Path) -> str:
    """The commit of a checkout, and whether its files differ from it."""

    def git(*args: str) -> str:
        command = ["git", "-C", str(checkout), *args]
        return subprocess.run(command, check=False, capture_output=True, text=True).stdout.strip()

    commit = git("log", "-1", "--format=%h (%cs) %s")[:90]
    return commit + (" + uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def run(checkout: Path, size: int, shared: str) -> Run:
    env = dict(os.environ, PYTHONPATH=str(checkout), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    script = Path(__file__).with_name("speed.py")
    out = subprocess.run(
        [sys.executable, str(script), "--one", str(size), "--shared", shared],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=checkout,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def compare(baseline: Path, current: Path, size: int, rounds: int, shared: str) -> None:
    runs: dict[str, list[Run]] = {"baseline": [], "current": []}
    for number in range(rounds):
        for label, checkout in (("baseline", baseline), ("current", current)):
            runs[label].append(run(checkout, size, shared))
            r = runs[label][-1]
            print(f"round {number + 1} {label}: {size / r['total_s']:.1f} articles/s, load {r['loadavg']}", flush=True)
    text = report(runs, {"baseline": version(baseline), "current": version(current)}, size)
    print(text)
    target = ROOT / "bench" / "results" / "speed.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(text)


def _rate(r: Run, key: str) -> float:
    return float(r["articles"]) / float(r[key])


def report(runs: dict[str, list[Run]], versions: dict[str, str], size: int) -> str:
    base, cur = runs["baseline"], runs["current"]
    wall = statistics.median(_rate(r, "total_s") for r in cur) / statistics.median(_rate(r, "total_s") for r in base)
    cpu = statistics.median(_rate(r, "cpu_s") for r in cur) / statistics.median(_rate(r, "cpu_s") for r in base)
    lines = [
        "# Pipeline speed on OrangeSum (bench/speed.py)",
        "",
        (
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, one BLAS thread per process. "
            f"{size} OrangeSum articles through every stage, baseline and current code alternated, "
            f"{len(base)} runs each, each in its own process with its models loaded before the clock starts. "
            "Imports: the interpreter's start to every stage's modules imported; with the model load, what a process "
            "spends before its first document. The 10-report cluster (RPM2 dev T01 C1) runs first after the load."
        ),
        "",
        f"- baseline: {versions['baseline']}",
        f"- current: {versions['current']}",
        "",
        (
            f"Current against baseline (medians): **{wall:.2f}×** articles per second of wall time, "
            f"**{cpu:.2f}×** per second of processor time."
        ),
        "",
        (
            "| code | run | load average (start, end) | articles | failures | stories | pipeline (s) | articles/s | "
            "CPU (s) | articles per CPU-s | imports (s) | model load (s) | 10-report cluster: wall, CPU (s) | "
            "peak memory (MB) |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, label_runs in runs.items():
        for number, r in enumerate(label_runs, 1):
            lines.append(
                f"| {label} | {number} | {r['loadavg'][0]:.1f}, {r['loadavg'][1]:.1f} | {r['articles']} | "
                f"{r['failures']} | {r['stories']} | {r['total_s']:.1f} | {_rate(r, 'total_s'):.1f} | "
                f"{r['cpu_s']:.1f} | {_rate(r, 'cpu_s'):.1f} | {r['import_s']:.1f} | {r['load_s']:.1f} | "
                f"{r['cluster_s']:.2f}, {r['cluster_cpu_s']:.2f} | {r['peak_mb']:.0f} |"
            )
    lines += _stages(base, cur)
    return "\n".join(lines) + "\n"


def _stages(base: list[Run], cur: list[Run]) -> list[str]:
    """Per stage: median seconds and share of the pipeline, both codes; then cross-checking against the rest."""
    names = list(cur[0]["stages"])

    def cell(runs: list[Run], name: str) -> str:
        seconds = statistics.median(r["stages"].get(name, 0.0) for r in runs)
        share = statistics.median(r["stages"].get(name, 0.0) / r["total_s"] for r in runs)
        return f"{seconds:.1f} s ({100 * share:.0f}%)"

    lines = ["", "Time per stage (wall, medians) and its share of the pipeline:", "", "| stage | baseline | current |"]
    lines.append("|---|---|---|")
    lines += [f"| {name} | {cell(base, name)} | {cell(cur, name)} |" for name in names]

    def checking(runs: list[Run]) -> str:
        spent = statistics.median(sum(r["stages"].get(n, 0.0) for n in CROSS_CHECKING) for r in runs)
        rest = statistics.median(r["total_s"] for r in runs) - spent
        return f"{spent:.1f} s against {rest:.1f} s: {spent / rest:.2f}"

    lines += [
        "",
        "Cross-checking (stages " + ", ".join(CROSS_CHECKING) + ") against the rest of the pipeline; an upper bound, "
        "since the stories stage's time also counts grouping. Issue 4 allows at most 0.5.",
        "",
        "| | baseline | current |",
        "|---|---|---|",
        f"| cross-checking / rest | {checking(base)} | {checking(cur)} |",
    ]
    return lines
