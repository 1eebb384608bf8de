"""How long the command line takes to answer when it has nothing to analyse (issue 16).

Each command runs in a fresh process, several times; the table gives the median wall time. ``recoupe`` is the
console script beside this interpreter (else ``python -m recoupe``), run on this tree's code (PYTHONPATH).
Writes bench/results/startup.md.

    python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: issue 16's limits, in seconds of wall time: help and version at once, an empty store's listing within a second
LIMITS = {"--help": 0.5, "--version": 0.5, "stories --db EMPTY.db": 1.0}


def recoupe() -> list[str]:
    script = Path(sys.executable).with_name("recoupe")
    return [str(script)] if script.exists() else [sys.executable, "-m", "recoupe"]


def wall_time(args: list[str], *, runs: int) -> float:
    """Median wall time of ``recoupe ARGS`` over ``runs`` fresh processes; a failing command raises."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*recoupe(), *args], check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        empty = str(Path(tmp) / "empty.db")
        wall_time(["stories", "--db", empty], runs=1)  # creates the store: the listing is measured on an empty one
        return {
            "--help": wall_time(["--help"], runs=runs),
            "--version": wall_time(["--version"], runs=runs),
            "stories --db EMPTY.db": wall_time(["stories", "--db", empty], runs=runs),
        }


def code_version() -> str:
    out = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or "unknown"


def table(times: dict[str, float], runs: int) -> str:
    lines = [
        f"| command (code {code_version()}) | median wall time of {runs} runs (s) | limit (s) | within |",
        "|---|---|---|---|",
    ]
    for command, seconds in times.items():
        limit = LIMITS[command]
        lines.append(f"| `recoupe {command}` | {seconds:.3f} | {limit} | {'yes' if seconds < limit else 'NO'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    times = measure(args.runs)
    print(table(times, args.runs))
    target = ROOT / "bench" / "results" / "startup.md"
    target.write_text(
        "# Command-line start-up (bench/startup.py)\n\n"
        f"{date.today().isoformat()}, Python {platform.python_version()}, {os.cpu_count()}-core machine (load average "
        f"{load:.1f} at the start). "
        "Each command in a fresh process (console script, this tree's code); the median of the runs. The store "
        "commands that only read (`stories`, `story ID --json` on a published story) and `--help` import no "
        "analysis: no spaCy, trafilatura or sentence encoder (tests/test_startup.py checks it).\n\n"
        + table(times, args.runs)
        + "\n"
    )


if __name__ == "__main__":
    main()
