"""The local executor (the default) and what every executor shares: order, progress, errors; no Dask on the local
path."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from recoupe.cli import main
from recoupe.config import Settings
from recoupe.executors import open_executor
from recoupe.executors.base import DOCUMENT_STAGES, in_input_order
from recoupe.executors.local import LocalExecutor
from recoupe.executors.progress import terminal_bar
from recoupe.ingest import read_paths
from recoupe.model import Document, Failure, RawDocument
from recoupe.pipeline import Pipeline

from ..conftest import EXAMPLE, ROOT, make_raw

#: a run's whole local path, in a fresh interpreter: which Dask modules it imported
_FRESH = """
import json, sys
from recoupe.cli import main
import recoupe.api, recoupe.tracking.arrival, recoupe.tracking.commands
from recoupe.config import Settings
from recoupe.executors import open_executor
from recoupe.executors.progress import terminal_bar
with open_executor(Settings(), bar=terminal_bar(quiet=False)) as executor:
    executor.analyse([])
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed"))))
"""


def test_the_local_path_imports_no_dask() -> None:
    out = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


class _Counter:
    def __init__(self) -> None:
        self.made: list[tuple[int, str]] = []
        self.done = 0
        self.closed = False

    def __call__(self, total: int, what: str) -> _Counter:
        self.made.append((total, what))
        return self

    def update(self, n: int = 1) -> None:
        self.done += n

    def close(self) -> None:
        self.closed = True


@pytest.mark.slow
def test_batches_give_the_documents_and_failures_of_one_run_and_move_the_bar() -> None:
    settings = replace(Settings(), batch_documents=2)
    raws = [r for r in read_paths([EXAMPLE], settings) if isinstance(r, RawDocument)]
    raws.append(make_raw("", id="empty"))  # a failure among them
    bar = _Counter()
    batched = LocalExecutor(settings, bar=bar).analyse(raws)
    one_run = Pipeline(DOCUMENT_STAGES, settings=settings).run(raws)
    assert batched.documents == one_run.documents and batched.failures == one_run.failures  # vectors aside
    assert bar.made == [(len(raws), "analysed")] and bar.done == len(raws) and bar.closed
    assert [f.source for f in batched.failures] == ["test:empty"]


@pytest.mark.slow
def test_a_run_through_the_local_executor_is_the_run_of_one_pipeline() -> None:
    import recoupe

    settings = replace(Settings(), batch_documents=2)
    with open_executor(settings, bar=_Counter()) as executor:
        report = recoupe.analyze([EXAMPLE], settings=settings, executor=executor)
    assert report.to_dict() == recoupe.analyze([EXAMPLE], settings=settings).to_dict()
    assert report.stories


def _doc(i: int) -> Document:
    return Document.from_raw(make_raw("x", id=f"d{i}"))


def test_results_come_back_in_input_order_and_failures_as_one_run_records_them() -> None:
    raws = [make_raw("x", id=f"d{i}") for i in range(4)]
    failures = [
        Failure("test:d3", "language", "E201", "late stage"),
        Failure("test:d2", "clean", "E106", "early stage, later document"),
        Failure("test:d0", "clean", "E106", "early stage, first document"),
    ]
    corpus = in_input_order(raws, DOCUMENT_STAGES, [_doc(1), _doc(0)], failures)
    assert [d.id for d in corpus.documents] == ["d0", "d1"]
    assert [f.message for f in corpus.failures] == [
        "early stage, first document",
        "early stage, later document",
        "late stage",
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_shows_on_a_terminal_only_and_never_when_quiet() -> None:
    assert terminal_bar(quiet=False, stream=io.StringIO()) is None
    assert terminal_bar(quiet=True, stream=_Terminal()) is None
    terminal = _Terminal()
    make = terminal_bar(quiet=False, stream=terminal)
    assert make is not None
    bar = make(10, "analysed")
    bar.update(10)
    bar.close()


def test_workers_and_a_scheduler_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Titre\n\nUn texte.", encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--workers", "0"]) == 2
    assert "--workers: must be at least 1, got 0 [E001]" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["run", str(tmp_path / "a.txt"), "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"])
    capsys.readouterr()
    monkeypatch.setattr("recoupe.executors.dask_engine.CONNECT_SECONDS", 1)
    db = str(tmp_path / "r.db")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", db, "--scheduler", "tcp://127.0.0.1:9"]) == 9
    err = capsys.readouterr().err
    assert "--scheduler tcp://127.0.0.1:9: no cluster:" in err and "dask scheduler" in err and "[E700]" in err


def test_the_executors_are_in_the_registry() -> None:
    from recoupe.registry import executors

    assert executors.names() == ["dask", "local"]
    assert isinstance(open_executor(Settings()), LocalExecutor)
