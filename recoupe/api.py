"""The Python API: ``recoupe.analyze(paths) -> Report``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .config import Settings
from .ingest import read_paths
from .pipeline import DEFAULT_STAGES, Pipeline
from .report import Report

__all__ = ["analyze"]


def analyze(
    paths: Sequence[str | Path] | str | Path,
    *,
    settings: Settings | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
) -> Report:
    """Read files and folders of reports, run the pipeline, return the report.

    Bad inputs are recorded in ``Report.failures``; with ``Settings(strict=True)``
    the first failure raises instead.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    settings = settings or Settings()
    pipeline = Pipeline(stages, settings=settings)
    return Report(pipeline.run(read_paths(paths, settings)))
