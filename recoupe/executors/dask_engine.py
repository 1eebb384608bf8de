"""The Dask executor: the per-document stages on the workers of a Dask distributed cluster.

``workers=N`` starts a ``LocalCluster`` of N worker processes of one thread each on 127.0.0.1 (closed with the
executor); ``scheduler="tcp://HOST:PORT"`` uses a running cluster. Documents go to the workers in batches (a few
in flight per worker) and come back as JSON data, decoded here and put back in input order.

A worker that dies mid-batch: the scheduler runs its batch again on another worker. A batch that killed
``ALLOWED_FAILURES + 1`` workers is run again document by document, and a document that then kills two workers is
recorded as a failure naming it (E302); the rest goes on. docs/executors.md tells the whole story.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from dataclasses import fields
from typing import Any, TypeVar

import dask
from distributed import Client, Future, LocalCluster, as_completed, wait
from distributed.scheduler import KilledWorker

from ..config import Settings
from ..contracts import INITIAL
from ..errors import ClusterError, ConfigError, InternalError, WorkerLost
from ..model import Corpus, Document, Failure, RawDocument
from ..registry import stages as registered
from ..serialize import from_data, to_data
from ..tracking.publishing import stage_key
from .base import DOCUMENT_STAGES, ExecutorBase, batches, in_input_order, stop_if_strict
from .progress import BarFactory, Progress
from .worker import PLUGIN, AnalysisPlugin, Payload, Sent, analyse_batch, apply_batch, load_seconds, worker_stage_key

__all__ = ["ALLOWED_FAILURES", "DaskExecutor"]

#: worker deaths a task may cause before the scheduler gives up on it (KilledWorker), on a cluster recoupe starts
#: (a running cluster keeps its own ``distributed.scheduler.allowed-failures``, 3 by default)
ALLOWED_FAILURES = 1
#: runs of a batch whose task raised (not a worker death: those the scheduler retries itself)
RETRIES = 1
#: seconds to reach a running scheduler, and to wait for its first worker
CONNECT_SECONDS = 30
#: batches in flight per worker thread: one running, the next ones already sent
IN_FLIGHT = 2
#: Dask settings of the workers recoupe starts: no statistical profiler sampling the analysis every 10 ms, and no
#: MALLOC_TRIM_THRESHOLD_ (it makes glibc map and unmap the encoder's large arrays at each call); both off, a worker
#: spent 19 to 27 % less CPU on the same 80 articles (2 runs each). BLAS stays on one thread.
LEAN_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}
#: the stage named by the failure of a document whose worker died
WORKER = "worker"

Item = TypeVar("Item", RawDocument, Sent)


class DaskExecutor(ExecutorBase):
    def __init__(
        self,
        settings: Settings,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        bar: BarFactory | None = None,
        stages: Sequence[str] = DOCUMENT_STAGES,
        preload: Sequence[str] = (),
    ) -> None:
        """``stages``, ``preload``: another per-document pipeline, and modules the workers import to register its
        stages (for tests and plug-ins; the default is the analysis of ``recoupe run`` and ``ingest``)."""
        super().__init__(settings, bar=bar)
        if (workers is None) == (scheduler is None):
            raise ConfigError("--workers / --scheduler", "give one of them: N worker processes, or tcp://HOST:PORT")
        if workers is not None and workers < 1:
            raise ConfigError("--workers", f"must be at least 1, got {workers}")
        self.workers, self.scheduler = workers, scheduler
        self.stages, self.preload = tuple(stages), tuple(preload)
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None

    def open(self) -> None:
        try:
            self.client = self._connect()
            self._check_workers(self.client)
            self.client.register_plugin(AnalysisPlugin(self.settings, self.stages, self.preload), name=PLUGIN)
        except BaseException:
            self.close()
            raise

    def _connect(self) -> Client:
        where = f"--workers {self.workers}" if self.workers is not None else f"--scheduler {self.scheduler}"
        try:
            if self.workers is not None:
                with dask.config.set(LEAN_WORKERS):
                    self.cluster = self._local_cluster(self.workers)
                return Client(self.cluster)
            client = Client(self.scheduler, timeout=CONNECT_SECONDS)
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
            return client
        except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
            hint = "" if self.workers is not None else "; start one with `dask scheduler`, and `dask worker` beside it"
            raise ClusterError(where, f"no cluster: {type(exc).__name__}: {exc}{hint}") from exc

    @staticmethod
    def _local_cluster(workers: int) -> LocalCluster:
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
            scheduler_kwargs={"allowed_failures": ALLOWED_FAILURES},
        )

    def _check_workers(self, client: Client) -> None:
        """Every worker imports recoupe, with the stage versions of this one (or its results would differ)."""
        try:
            keys = client.run(worker_stage_key)
        except Exception as exc:  # whatever a worker raised, it cannot analyse
            raise ClusterError("workers", f"cannot run recoupe: {type(exc).__name__}: {exc}") from exc
        mine = stage_key()
        other = {address: key for address, key in keys.items() if key != mine}
        if other:
            raise ClusterError(
                ", ".join(sorted(other)), f"run another recoupe ({next(iter(other.values()))}); this one: {mine}"
            )

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def load_seconds(self) -> dict[str, float]:
        """Per worker: what it spent before its first document (imports, the pipeline, the models)."""
        return self._client().run(load_seconds)  # type: ignore[no-any-return]

    def _client(self) -> Client:
        if self.client is None:
            raise ClusterError("executor", "not open: use it in a `with` block")
        return self.client

    def analyse(self, raws: Sequence[RawDocument]) -> Corpus:
        known = {raw.id: raw for raw in raws}

        def decode(data: dict[str, Any], vectors: Any) -> Document:
            return from_data(Document, data, raw=known[data["id"]], vectors=vectors)

        return self._collect(raws, list(raws), (analyse_batch,), self.stages, decode, "analysed")

    def apply(self, docs: Sequence[Document], stages: Sequence[str], *, after: Sequence[str]) -> Corpus:
        """Later per-document stages: each document goes with the fields they require (``INITIAL`` and their
        ``requires``, as ``check_contracts`` gives them) and comes back with what they assign."""
        infos = [registered.get(name).info for name in stages]  # type: ignore[attr-defined]
        needed = set(INITIAL).union(*(info.requires for info in infos)) - {"raw", "vectors"}
        assigned = frozenset({"id"}.union(*(info.assigns for info in infos)))
        vectors = any("vectors" in info.requires for info in infos)
        sent = [Sent(to_data(d, only=frozenset(needed)), d.raw, d.vectors if vectors else None) for d in docs]
        known = {doc.id: doc for doc in docs}

        def decode(data: dict[str, Any], _: Any) -> Document:
            doc = known[data["id"]]
            return from_data(
                Document, data, **{f.name: getattr(doc, f.name) for f in fields(doc) if f.name not in data}
            )

        task = (apply_batch, tuple(stages), tuple(after), assigned)
        return self._collect(docs, sent, task, tuple(stages), decode, None)

    def _collect(
        self,
        originals: Sequence[RawDocument | Document],
        items: list[Item],
        task: tuple[Any, ...],
        stages: Sequence[str],
        decode: Callable[[dict[str, Any], Any], Document],
        what: str | None,
    ) -> Corpus:
        """``items`` through ``task`` (the function, then its arguments after the batch) in batches; the documents
        decoded and put in the order of ``originals``."""
        client = self._client()
        docs: list[Document] = []
        failures: list[Failure] = []
        progress = self.bar(len(items), what) if self.bar and what else None
        try:
            for batch, payload in self._payloads(client, batches(items, self.settings.batch_documents), task):
                if isinstance(payload, Failure):
                    found: list[Failure] = [payload]
                else:
                    docs.extend(decode(data, vector) for data, vector in zip(payload[0], payload[1], strict=True))
                    found = [from_data(Failure, data) for data in payload[2]]
                stop_if_strict(self.settings, found)
                failures.extend(found)
                if progress is not None:
                    progress.update(len(batch))
        finally:
            _close(progress)
        return in_input_order(originals, stages, docs, failures)

    def _payloads(
        self, client: Client, todo: list[list[Item]], task: tuple[Any, ...]
    ) -> Iterator[tuple[list[Item], Payload | Failure]]:
        """Each batch and what came back for it, in the order they end; a lost batch is sent again one document
        per task, and a document lost alone is a failure."""
        queue = deque(todo)
        window = IN_FLIGHT * max(1, sum(client.nthreads().values()))
        sent: dict[Future, list[Item]] = {}
        running = as_completed()

        def refill() -> None:
            while queue and len(sent) < window:
                batch = queue.popleft()
                future = client.submit(task[0], batch, *task[1:], retries=RETRIES, pure=False)
                sent[future] = batch
                running.add(future)

        refill()
        suspects: list[list[Item]] = []  # lost alone, maybe beside the document that killed their worker
        for future in running:
            batch = sent.pop(future)
            if len(batch) == 1 and _killed(future):
                suspects.append(batch)
            elif (outcome := _outcome(future, batch)) is None:
                queue.extendleft([item] for item in reversed(batch))
            else:
                yield batch, outcome
            refill()
        for batch in suspects:  # each alone on the cluster, once more: only the document that kills is a failure
            future = client.submit(task[0], batch, *task[1:], retries=RETRIES, pure=False)
            wait([future])
            yield batch, _outcome(future, batch) or _lost(batch)


def _killed(future: Future) -> bool:
    """The task was given up after killing workers (a document queued on a worker another document killed is too)."""
    return future.status == "error" and isinstance(future.exception(), KilledWorker)


def _lost(batch: list[RawDocument] | list[Sent]) -> Failure:
    error = WorkerLost(batch[0].source, "its analysis killed the Dask workers that ran it")
    return Failure(batch[0].source, WORKER, error.code, str(error))


def _outcome(future: Future, batch: list[RawDocument] | list[Sent]) -> Payload | Failure | None:
    """The batch's payload; for a batch lost on workers or whose task raised, None (to run again one document per
    task) or, for a single document, its failure."""
    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker as exc:
        if len(batch) > 1:
            return None
        error: InternalError = WorkerLost(
            batch[0].source, f"its analysis killed the Dask workers that ran it ({exc.allowed_failures + 1})"
        )
    except (CancelledError, OSError) as exc:
        raise ClusterError("the cluster", f"lost while analysing: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - the task raised on a worker, twice (RETRIES)
        if len(batch) > 1:
            return None
        error = InternalError.of(batch[0].source, WORKER, exc)
    return Failure(batch[0].source, WORKER, error.code, str(error))


def _close(progress: Progress | None) -> None:
    if progress is not None:
        progress.close()
