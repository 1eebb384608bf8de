"""What every executor does: analyse read documents with the per-document stages, results in input order.

An executor runs the stages whose results depend on one document alone (``DOCUMENT_STAGES``: cleaning, metadata,
language, sentences, entities, embeddings) on a batch of read documents and gives them back as a :class:`Corpus`
ordered as the input, with the failures ordered as one :class:`~recoupe.pipeline.Pipeline` run would record them
(stage by stage, then by input position). What reads the whole batch (publication years, quotes, stories, the
articles) and every write to the store stay in the calling process (``run_stages``, ``recoupe.tracking.arrival``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import groupby
from types import TracebackType
from typing import Protocol, Self, TypeVar

from ..config import Settings
from ..errors import ConfigError
from ..model import Corpus, Document, Failure, RawDocument
from ..pipeline import Pipeline, StrictStop
from ..registry import stages as registered
from ..tracking.publishing import DOCUMENT_STAGES
from .progress import BarFactory

__all__ = [
    "DOCUMENT_STAGES",
    "Executor",
    "ExecutorBase",
    "batches",
    "continue_stages",
    "in_input_order",
    "run_stages",
]


T = TypeVar("T")


class Executor(Protocol):
    def analyse(self, raws: Sequence[RawDocument]) -> Corpus: ...

    def apply(self, docs: Sequence[Document], stages: Sequence[str], *, after: Sequence[str]) -> Corpus:
        """Per-document ``stages`` on documents already through ``after``; documents in input order."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class ExecutorBase:
    """Opened on ``with``, closed on leaving it."""

    def __init__(self, settings: Settings, *, bar: BarFactory | None = None) -> None:
        self.settings = settings
        self.bar = bar

    def open(self) -> None:
        """Start what the executor needs (a cluster); nothing for a local one."""

    def close(self) -> None:
        """Stop what ``open`` started."""

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def in_input_order(
    raws: Sequence[RawDocument | Document],
    stages: Sequence[str],
    docs: Iterable[Document],
    failures: Iterable[Failure],
) -> Corpus:
    """Documents analysed in batches, ordered as the input; failures as one run on all of them orders them."""
    position = {raw.id: i for i, raw in enumerate(raws)}
    by_source: dict[str, int] = {}
    for i, raw in enumerate(raws):
        by_source.setdefault(raw.source, i)
    rank = {name: i for i, name in enumerate(stages)}
    ordered = sorted(docs, key=lambda d: position[d.id])
    recorded = sorted(failures, key=lambda f: (rank.get(f.stage, len(rank)), by_source.get(f.source, len(position))))
    return Corpus(documents=tuple(ordered), failures=tuple(recorded))


def stop_if_strict(settings: Settings, failures: Sequence[Failure]) -> None:
    if settings.strict and failures:
        raise StrictStop(failures[0])


def run_stages(
    items: Iterable[RawDocument | Failure], settings: Settings, stages: Sequence[str], executor: Executor
) -> Corpus:
    """``Pipeline(stages).run(items)`` with the per-document stages run by ``executor``, the rest here."""
    if tuple(stages[: len(DOCUMENT_STAGES)]) != DOCUMENT_STAGES:
        raise ConfigError("stages", f"an executor runs pipelines that begin with {', '.join(DOCUMENT_STAGES)}")
    listed = list(items)
    read_failures = [i for i in listed if isinstance(i, Failure)]
    stop_if_strict(settings, read_failures)
    first = executor.analyse([i for i in listed if isinstance(i, RawDocument)])
    first = replace(first, failures=(*read_failures, *first.failures))
    return continue_stages(first, settings, stages[len(DOCUMENT_STAGES) :], executor)


def continue_stages(
    corpus: Corpus,
    settings: Settings,
    stages: Sequence[str],
    executor: Executor,
    *,
    after: Sequence[str] = DOCUMENT_STAGES,
) -> Corpus:
    """The ``stages`` after ``after`` (one ``Pipeline`` run's result): each run of per-document stages on
    ``executor`` (``dates`` and ``figures``), the stages that read the whole batch here."""
    done, failures = list(after), list(corpus.failures)
    corpus = replace(corpus, failures=())
    for scope, run in _runs(stages):
        if scope == "document":
            step = executor.apply(corpus.documents, run, after=done)
            corpus = replace(corpus, documents=step.documents)
        else:
            step = Pipeline(run, settings=settings, after=done).run_corpus(corpus)
            corpus = replace(step, failures=())
        failures.extend(step.failures)
        done.extend(run)
    return replace(corpus, failures=tuple(failures))


def _runs(stages: Sequence[str]) -> Iterator[tuple[str, list[str]]]:
    """The stages in runs of one scope each, in order."""
    for scope, run in groupby(stages, key=lambda name: registered.get(name).info.scope):  # type: ignore[attr-defined]
        yield scope, list(run)
