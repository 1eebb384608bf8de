"""The report files of ``recoupe run`` (``--json``, ``--md``, ``--html``): checked before any analysis, so that a bad
path fails in a second rather than after the run, and written with an error that names the file (issue 17)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError
from .report import Report

__all__ = ["check_outputs", "write_outputs"]

Target = tuple[str | None, str]  # (path given, renderer name)


def check_outputs(targets: Iterable[Target]) -> None:
    """Each path names a file recoupe can create or overwrite (its folder is made if missing), given once."""
    seen: dict[Path, str] = {}
    for given, fmt in targets:
        if not given:
            continue
        path = Path(given)
        if path.resolve() in seen:
            raise OutputError(given, f"given for both the {seen[path.resolve()]} and the {fmt} report; give two files")
        seen[path.resolve()] = fmt
        _check_one(path, given)


def _check_one(path: Path, given: str) -> None:
    if path.is_dir():
        raise OutputError(given, f"is a folder; give a file name for the report, e.g. {path / 'report'}")
    folder = next((p for p in path.absolute().parents if p.exists()), Path("/"))
    if not folder.is_dir():
        raise OutputError(given, f"'{folder}' is a file, not a folder; give a path in a folder")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise OutputError(given, "cannot be overwritten (no write permission); give another file")
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(given, f"cannot be created: no write permission in '{folder}'; give another folder")


def write_outputs(report: Report, targets: Iterable[Target]) -> None:
    from .render import render  # the renderers load templates: only when a report is written

    for given, fmt in targets:
        if not given:
            continue
        path = Path(given)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(report, fmt), encoding="utf-8")
        except OSError as exc:
            raise OutputError(given, f"the {fmt} report could not be written ({exc.strerror or exc})") from None
