"""Bad inputs through ``recoupe run`` and ``recoupe ingest`` (issue 17): every case in bench/robustness_cases.py,
each in its own temporary folder beside a good report, run in this process (models loaded once) through the
command line's ``main``. A case is *handled* when no exception escapes and no traceback is printed; the table says
with which exit code and error codes, which documents came out, the first message, and how long it took.

    python bench/robustness.py [--only WORD] [--skip-long] [--out bench/results/robustness.md]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from robustness_cases import CASES, ROOT, Case

from recoupe.cli import main as recoupe_main
from recoupe.store import sqlite as sqlite_store

_CODE = re.compile(r"\[(E\d{3})\]")


@dataclass(frozen=True)
class Row:
    case: Case
    command: str
    outcome: str
    exit_code: int | str
    codes: str
    documents: str
    message: str
    seconds: float


@contextlib.contextmanager
def _setup(kind: str) -> Iterator[None]:
    if kind != "read-only-sqlite":
        yield
        return
    connect = sqlite3.connect
    sqlite_store.sqlite3.connect = lambda p, **kw: connect(f"file:{p}?mode=ro", uri=True, **kw)  # type: ignore[assignment]
    try:
        yield
    finally:
        sqlite_store.sqlite3.connect = connect  # type: ignore[assignment]


def _argv(case: Case, command: str, paths: list[Path], folder: Path) -> list[str]:
    names = {"folder": str(folder), "db": str(folder / "r.db"), "out": str(folder / "r.json")}
    if command == "stories":
        return ["stories", "--db", str(folder / "typo.db")]
    options = case.run_options if command == "run" else case.ingest_options
    return [command, *map(str, paths), *(o.format(**names) for o in options)]


def run_case(case: Case, command: str) -> Row:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = case.build(folder)
        out, err = io.StringIO(), io.StringIO()
        crash = ""
        started = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _setup(case.setup):
            try:
                code: int | str = recoupe_main(_argv(case, command, paths, folder))
            except SystemExit as exc:
                code = str(exc.code)
            except Exception as exc:  # noqa: BLE001 - what the bench is there to find
                code, crash = "-", f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - started
        errors = err.getvalue().replace(str(folder) + "/", "").replace(str(folder), ".")
        documents = _documents(command, folder, out.getvalue())
        if command == "stories" and (folder / "typo.db").exists():
            crash = crash or "typo.db created"
    outcome = "crash" if crash or "Traceback" in errors else "handled"
    lines = [line.removeprefix("recoupe: ") for line in errors.splitlines() if line.strip()]
    message = crash or next((ln for ln in lines if not ln.startswith("good.txt")), "")
    return Row(
        case, command, outcome, code, ", ".join(sorted(set(_CODE.findall(errors)))), documents, _short(message), seconds
    )


def _documents(command: str, folder: Path, stdout: str) -> str:
    if command == "run" and (folder / "r.json").is_file():
        ids = [d["id"] for d in json.loads((folder / "r.json").read_text())["documents"]]
        return ", ".join(ids) if len(ids) <= 4 else f"{', '.join(ids[:3])} and {len(ids) - 3} more"
    found = re.search(r"^(\d+) added", stdout, re.MULTILINE)
    return f"{found.group(1)} stored" if found else "-"


def _short(text: str, limit: int = 150) -> str:
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def version() -> str:
    try:
        return subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def table(rows: list[Row]) -> str:
    handled = sum(r.outcome == "handled" for r in rows)
    lines = [
        f"{handled} of {len(rows)} runs handled, {len(rows) - handled} crashed.",
        "",
        "| issue 17 case | input | command | outcome | exit | codes | documents out | first message | time (s) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        note = f" ({r.case.note})" if r.case.note else ""
        lines.append(
            f"| {r.case.issue or '+'} | {r.case.name}{note} | {r.command} | {r.outcome} | {r.exit_code} | {r.codes} | "
            f"{r.documents} | {r.message} | {r.seconds:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--skip-long", action="store_true", help="leave out the 1,050,000-character document")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "robustness.md"))
    args = parser.parse_args()
    code, started = version(), datetime.now(UTC)  # the code that runs, taken before the cases (they take minutes)
    rows = []
    for case in CASES:
        if (args.only and args.only not in case.name) or (args.skip_long and case.issue == 2):
            continue
        for command in case.commands:
            rows.append(run_case(case, command))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    header = (
        "# Bad inputs (bench/robustness.py)\n\n"
        f"Run {started:%Y-%m-%d %H:%M} UTC, code {code}, one process (models loaded once, by the "
        "first case that needs them: its time includes that). Each case in its own folder beside a good report "
        "(`good.txt`, examples/usine-lyon/01-echo-du-rhone.txt); `run` writes `--json`, `ingest` a fresh store. "
        "Issue 17 case numbers are the order in which the issue lists its 22 cases; + marks one more.\n\n"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(header + table(rows) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
