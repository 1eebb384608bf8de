"""How long the command line takes to answer when it has nothing to analyse (issue 16).

Each command runs in a fresh process, several times; the table gives the median wall time. ``recoupe`` is the
console script beside this interpreter (else ``python -m recoupe``), run on this tree's code (PYTHONPATH).
Writes bench/results/startup.md.

    python bench/startup.py [--runs 9] [--store PATH]

With ``--store`` (a SQLite store filled beforehand, e.g. by ``bench/throughput.py --db PATH``), the listing of that
store's stories is measured too (issue 20: ``recoupe stories`` on a store of 30,000 documents within a second).
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

from recoupe.store import open_store

ROOT = Path(__file__).resolve().parents[1]
#: issue 16's limits, in seconds of wall time: help and version at once, an empty store's listing within a second
LIMITS = {"--help": 0.5, "--version": 0.5, "stories --db EMPTY.db": 1.0}
#: issue 20's limit for listing a store of 30,000 documents (``--store``), in seconds of wall time
STORE_LIMIT = 1.0


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


def measure_store(path: Path, runs: int) -> tuple[dict[str, float], str]:
    """The listing of a filled store, as text and as JSON, and what the store holds."""
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        stories = db.execute("SELECT COUNT(*) FROM stories WHERE merged_into IS NULL").fetchone()[0]
    name = f"{documents:,}-DOCUMENT.db"
    times = {
        f"stories --db {name}": wall_time(["stories", "--db", str(path)], runs=runs),
        f"stories --db {name} --json": wall_time(["stories", "--db", str(path), "--json"], runs=runs),
    }
    LIMITS.update(dict.fromkeys(times, STORE_LIMIT))
    return times, f"{documents:,} documents in {stories:,} stories"


def measure(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        empty = str(Path(tmp) / "empty.db")
        open_store(empty).close()  # an empty store: the listing commands only read one
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
    parser.add_argument("--store", type=Path, help="also list the stories of this filled SQLite store")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    times = measure(args.runs)
    held = ""
    if args.store:
        listed, held = measure_store(args.store, args.runs)
        times.update(listed)
        held = f" The filled store: {held} (`bench/throughput.py --db`: OrangeSum in publication order)."
    print(table(times, args.runs))
    target = ROOT / "bench" / "results" / "startup.md"
    target.write_text(
        "# Command-line start-up (bench/startup.py)\n\n"
        f"{date.today().isoformat()}, Python {platform.python_version()}, {os.cpu_count()}-core machine (load average "
        f"{load:.1f} at the start). "
        "Each command in a fresh process (console script, this tree's code); the median of the runs. The store "
        "commands that only read (`stories`, `story ID --json` on a published story) and `--help` import no "
        "analysis: no spaCy, trafilatura or sentence encoder (tests/test_startup.py checks it)."
        + held
        + "\n\n"
        + table(times, args.runs)
        + "\n"
    )


if __name__ == "__main__":
    main()
