"""What runs on a Dask worker: a plugin that builds the pipeline (and loads its models) once per worker process,
and the task that analyses a batch of documents with it.

A batch comes back as JSON data (``recoupe.serialize.to_data``: the documents without their raw input, which the
client has, and the failures) plus each document's sentence vectors as a numpy array: no spaCy object travels.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from importlib import import_module
from typing import Any

from distributed import Worker, WorkerPlugin, get_worker

from ..config import Settings
from ..model import Document, RawDocument
from ..pipeline import Pipeline
from ..serialize import from_data, to_data

__all__ = [
    "PLUGIN",
    "AnalysisPlugin",
    "Payload",
    "Sent",
    "analyse_batch",
    "apply_batch",
    "load_seconds",
    "worker_stage_key",
]

#: the name the plugin is registered under (one per cluster: registering it again replaces it)
PLUGIN = "recoupe-analysis"
#: the document fields sent back; the raw input stays with the client, the vectors travel as an array
SENT = frozenset(f.name for f in fields(Document)) - {"raw", "vectors"}
#: analysed when a worker starts, so that it loads the models its stages use before its first task
SAMPLE = RawDocument(
    id="warm-up",
    source="recoupe:warm-up",
    kind="text",
    content="Essai\n\nLe ministre de l'Économie a annoncé mardi à Paris une hausse de 3 % des salaires. "
    "« C'est une bonne nouvelle », a déclaré Marie Dupont.",
)

#: documents (JSON data), their vectors, failures (JSON data)
Payload = tuple[list[dict[str, Any]], list[Any], list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Sent:
    """An analysed document sent to a worker for more per-document stages: the fields they require (JSON data),
    its raw input, and its vectors if a stage requires them."""

    data: dict[str, Any]
    raw: RawDocument
    vectors: Any = None

    @property
    def source(self) -> str:
        return self.raw.source


class AnalysisPlugin(WorkerPlugin):
    """Builds the pipeline of ``stages`` on each worker (importing ``preload`` first: modules that register stages)
    and analyses ``SAMPLE`` with it; ``load_seconds`` is what that took."""

    def __init__(self, settings: Settings, stages: Sequence[str], preload: Sequence[str] = ()) -> None:
        self.settings = replace(settings, strict=False)  # the client stops at a failure under strict
        self.stages = tuple(stages)
        self.preload = tuple(preload)
        self.pipeline: Pipeline | None = None
        self.load_seconds = 0.0
        #: the pipelines of later per-document stages (``apply_batch``), by stages and the stages before them
        self.later: dict[tuple[tuple[str, ...], tuple[str, ...]], Pipeline] = {}

    async def setup(self, worker: Worker) -> None:
        await asyncio.to_thread(self._load)  # off the worker's event loop, which keeps answering the scheduler

    def _load(self) -> None:
        started = time.perf_counter()
        for module in self.preload:
            import_module(module)
        pipeline = Pipeline(self.stages, settings=self.settings)
        pipeline.run([SAMPLE])
        self.pipeline = pipeline
        self.load_seconds = time.perf_counter() - started

    def pipeline_for(self, stages: tuple[str, ...], after: tuple[str, ...]) -> Pipeline:
        if (stages, after) not in self.later:
            self.later[stages, after] = Pipeline(stages, settings=self.settings, after=after)
        return self.later[stages, after]


def analyse_batch(raws: list[RawDocument]) -> Payload:
    """The task: one batch through the worker's pipeline."""
    plugin: AnalysisPlugin = get_worker().plugins[PLUGIN]  # type: ignore[assignment]
    if plugin.pipeline is None:
        raise RuntimeError("the recoupe plugin of this worker has not loaded its pipeline")
    corpus = plugin.pipeline.run(raws)
    return (
        [to_data(doc, only=SENT) for doc in corpus.documents],
        [doc.vectors for doc in corpus.documents],
        [to_data(failure) for failure in corpus.failures],
    )


def apply_batch(sent: list[Sent], stages: tuple[str, ...], after: tuple[str, ...], assigned: frozenset[str]) -> Payload:
    """The task of later per-document stages (``dates``, ``figures``): what they assign comes back, with the id."""
    plugin: AnalysisPlugin = get_worker().plugins[PLUGIN]  # type: ignore[assignment]
    docs = [from_data(Document, s.data, raw=s.raw, vectors=s.vectors) for s in sent]
    corpus = plugin.pipeline_for(stages, after).run_documents(docs)
    return (
        [to_data(doc, only=assigned) for doc in corpus.documents],
        [None] * len(corpus.documents),
        [to_data(failure) for failure in corpus.failures],
    )


def load_seconds(dask_worker: Worker) -> float:
    """For ``client.run``: what the worker's plugin spent before it could analyse its first document."""
    plugin: AnalysisPlugin = dask_worker.plugins[PLUGIN]  # type: ignore[assignment]
    return plugin.load_seconds


def worker_stage_key() -> str:
    """For ``client.run``: the stage versions of the recoupe a worker imports (the client's must be the same)."""
    return import_module("recoupe.tracking.publishing").stage_key()  # type: ignore[no-any-return]
