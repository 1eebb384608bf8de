"""A real Dask cluster on 127.0.0.1 for the executor tests; its worker processes import this source tree."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import EXAMPLE, ROOT, shared

#: OrangeSum articles added to the seeds and the example, so that several batches make several stories
ORANGESUM_ARTICLES = 20


@pytest.fixture(scope="session", autouse=True)
def workers_import_this_tree() -> None:
    """Worker processes are started with this environment: they import the recoupe of this tree."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(ROOT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *paths])


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The five seeds, the bundled example and the first OrangeSum articles (as JSONL)."""
    seeds = shared("seeds")
    lines = []
    with gzip.open(shared("data", "orangesum", "articles.jsonl.gz"), "rt", encoding="utf-8") as handle:
        for line, _ in zip(handle, range(ORANGESUM_ARTICLES), strict=False):
            record = json.loads(line)
            lines.append(
                {
                    "id": f"os{record['id']}",
                    "text": record["article"],
                    "title": record["title"],
                    "published": record["date"],
                }
            )
    jsonl = tmp_path_factory.mktemp("orangesum") / "orangesum.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return [str(seeds), str(EXAMPLE), str(jsonl)]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a running cluster of two worker processes (as `dask scheduler` and `dask worker` make one)."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield str(cluster.scheduler_address)


def read_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))
