"""Issue 20: `recoupe run` and `recoupe ingest` on a real Dask cluster of two worker processes give what the local
run gives, and a worker killed mid-run loses no document."""

from __future__ import annotations

import json
import os
import signal
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from recoupe.cli import main
from recoupe.config import Settings
from recoupe.executors.dask_engine import DaskExecutor
from recoupe.executors.local import LocalExecutor
from recoupe.ingest import read_paths
from recoupe.model import RawDocument

from .conftest import read_json
from .poison import POISON

pytestmark = pytest.mark.slow

#: small batches, so that the few documents of the tests make several tasks on each worker
BATCH = "3"


def test_run_on_two_workers_gives_the_local_report(
    inputs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOUPE_BATCH_DOCUMENTS", BATCH)
    assert main(["run", *inputs, "--quiet", "--json", str(tmp_path / "local.json")]) == 0
    assert main(["run", *inputs, "--quiet", "--workers", "2", "--json", str(tmp_path / "dask.json")]) == 0
    local, distributed = read_json(tmp_path / "local.json"), read_json(tmp_path / "dask.json")
    assert isinstance(local, dict) and len(local["documents"]) == 30 and len(local["stories"]) > 5
    assert distributed == local


def _stored(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    """Each stored story: its documents and its published report."""
    capsys.readouterr()
    assert main(["stories", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    stored: dict[str, object] = {}
    for story in listed:
        assert main(["story", story["id"], "--db", str(db), "--json"]) == 0
        stored[story["id"]] = (story["title"], story["documents"], json.loads(capsys.readouterr().out))
    return stored


def test_ingest_on_a_running_cluster_stores_what_the_local_ingest_stores(
    inputs: list[str],
    scheduler: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("RECOUPE_BATCH_DOCUMENTS", BATCH)
    local, distributed = tmp_path / "local.db", tmp_path / "dask.db"
    assert main(["ingest", *inputs, "--db", str(local), "--quiet"]) == 0
    assert main(["ingest", *inputs, "--db", str(distributed), "--scheduler", scheduler]) == 0
    assert capsys.readouterr().out.startswith("30 added")
    expected = _stored(local, capsys)
    assert len(expected) > 5
    assert _stored(distributed, capsys) == expected


def _pids(executor: DaskExecutor) -> set[int]:
    assert executor.client is not None
    return set(executor.client.run(os.getpid).values())


class _KillOnFirstBatch:
    """A progress bar that kills one worker process when the first batch comes back (the others are running)."""

    def __init__(self, executor: DaskExecutor) -> None:
        self.executor, self.killed, self.done = executor, 0, 0

    def __call__(self, total: int, what: str) -> _KillOnFirstBatch:
        return self

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.killed:
            self.killed = min(_pids(self.executor))
            os.kill(self.killed, signal.SIGKILL)

    def close(self) -> None:
        pass


def test_a_worker_killed_mid_run_loses_no_document(inputs: list[str], scheduler: str) -> None:
    settings = replace(Settings(), batch_documents=2)
    raws = [r for r in read_paths(inputs, settings) if isinstance(r, RawDocument)]
    expected = LocalExecutor(settings).analyse(raws)
    with DaskExecutor(settings, scheduler=scheduler) as executor:
        bar = _KillOnFirstBatch(executor)
        executor.bar = bar
        analysed = executor.analyse(raws)
        assert bar.killed and bar.killed not in _pids(executor)
    assert bar.done == len(raws) == 30
    assert analysed.failures == expected.failures == ()
    assert analysed.documents == expected.documents
    for mine, theirs in zip(analysed.documents, expected.documents, strict=True):
        assert np.array_equal(mine.vectors, theirs.vectors)  # the same batches: the same floats


def test_a_document_that_kills_two_workers_is_a_failure_naming_it_and_the_rest_goes_on() -> None:
    settings = replace(Settings(), batch_documents=2)
    raws = [
        RawDocument(id=f"d{i}", source=f"test:d{i}", kind="text", content=f"Titre {i}\n\nUn texte de test numéro {i}.")
        for i in range(16)
    ]
    raws[5] = replace(raws[5], content=f"Titre 5\n\nUn texte de test numéro 5, du {POISON}.")
    with DaskExecutor(settings, workers=2, stages=("clean", "poison"), preload=("tests.executors.poison",)) as executor:
        analysed = executor.analyse(raws)
    assert [d.id for d in analysed.documents] == [r.id for r in raws if r.id != "d5"]
    [failure] = analysed.failures
    assert (failure.source, failure.stage, failure.code) == ("test:d5", "worker", "E302")
    assert "killed the Dask workers that ran it (2)" in failure.message
