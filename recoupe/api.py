"""The Python API: ``recoupe.analyze(paths) -> Report``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .ingest import read_paths
from .pipeline import DEFAULT_STAGES, Pipeline
from .report import Report

if TYPE_CHECKING:
    from .executors.base import Executor

__all__ = ["analyze"]


def analyze(
    paths: Sequence[str | Path] | str | Path,
    *,
    settings: Settings | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    executor: Executor | None = None,
) -> Report:
    """Read files and folders of reports, run the pipeline, return the report.

    Bad inputs are recorded in ``Report.failures``; with ``Settings(strict=True)``
    the first failure raises instead. ``executor`` (``recoupe.executors.open_executor``, open): where the
    per-document stages run, e.g. on a Dask cluster; the rest runs here.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    settings = settings or Settings()
    if executor is not None:
        from .executors.base import run_stages

        return Report(run_stages(read_paths(paths, settings), settings, stages, executor))
    pipeline = Pipeline(stages, settings=settings)
    return Report(pipeline.run(read_paths(paths, settings)))
