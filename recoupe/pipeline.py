"""Build a pipeline from named stages, check its contracts, run it with failure records."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, runtime_checkable

from .config import Settings
from .contracts import INITIAL, give_back, withhold
from .errors import ContractError, InternalError, PipelineError, RecoupeError, exit_code_for
from .model import Corpus, Document, Failure, RawDocument
from .registry import StageInfo, stages

__all__ = [
    "ANALYSIS_STAGES",
    "DEFAULT_STAGES",
    "REPORT_STAGES",
    "CorpusStage",
    "DocumentStage",
    "Pipeline",
    "RunStats",
    "stage",
]


DEFAULT_STAGES = (
    "clean",
    "metadata",
    "language",
    "sentences",
    "annotate",
    "embed",
    "publication_year",
    "dates",
    "figures",
    "quotes",
    "stories",
    "crosscheck",
    "summarize",
)
#: where a failure of a stage that reads the whole batch is recorded
BATCH = "the batch"
#: the stages that analyse documents, before they are grouped into stories
ANALYSIS_STAGES = DEFAULT_STAGES[: DEFAULT_STAGES.index("stories")]
#: the stages that run on stories once they are built: cross-checking and the article
REPORT_STAGES = DEFAULT_STAGES[DEFAULT_STAGES.index("stories") + 1 :]


@runtime_checkable
class DocumentStage(Protocol):
    info: StageInfo

    def __call__(self, doc: Document) -> Document: ...


@runtime_checkable
class CorpusStage(Protocol):
    info: StageInfo

    def __call__(self, corpus: Corpus) -> Corpus: ...


Factory = Callable[[Settings], DocumentStage | CorpusStage]


def stage(
    name: str, *, version: str, scope: str = "document", requires: Sequence[str], assigns: Sequence[str]
) -> Callable[[Callable[[Settings], Callable[..., object]]], Factory]:
    """Register a stage factory. The factory receives settings and returns the callable."""

    info = StageInfo(name, version, scope, tuple(requires), tuple(assigns))  # type: ignore[arg-type]

    def wrap(factory: Callable[[Settings], Callable[..., object]]) -> Factory:
        def build(settings: Settings) -> DocumentStage | CorpusStage:
            fn = factory(settings)
            fn.info = info  # type: ignore[attr-defined]
            return fn  # type: ignore[return-value]

        build.info = info  # type: ignore[attr-defined]
        stages.register(name, build)
        return build

    return wrap


@dataclass
class RunStats:
    seconds: dict[str, float] = field(default_factory=dict)
    documents: int = 0


class Pipeline:
    """Named stages, checked at build time, run document stages first, then corpus stages."""

    def __init__(
        self, names: Sequence[str] = DEFAULT_STAGES, *, settings: Settings | None = None, after: Sequence[str] = ()
    ) -> None:
        """``after``: the stages the documents given to :meth:`run_documents` have been through already."""
        self.settings = settings or Settings()
        factories: list[Factory] = [stages.get(name) for name in names]  # type: ignore[misc]
        done = [stages.get(name).info for name in after]  # type: ignore[attr-defined]
        check_order([f.info for f in factories], given=[a for info in done for a in info.assigns])  # type: ignore[attr-defined]
        self.stages = [f(self.settings) for f in factories]
        self.stats = RunStats()

    def run(self, inputs: Iterable[RawDocument | Failure]) -> Corpus:
        docs: list[Document] = []
        failures: list[Failure] = []
        for item in inputs:
            if isinstance(item, Failure):
                self._fail(failures, item)
            else:
                docs.append(Document.from_raw(item))
        return self.run_documents(docs, failures)

    def run_documents(self, docs: Sequence[Document], failures: Sequence[Failure] = ()) -> Corpus:
        """Run the stages on documents (already through the stages named by ``after``)."""
        self.stats.documents = len(docs)
        return self.run_corpus(Corpus(documents=tuple(docs)), failures)

    def run_corpus(self, corpus: Corpus, failures: Sequence[Failure] = ()) -> Corpus:
        """Run the stages on a corpus (its documents, and its stories if ``after`` named a stage that made them)."""
        failures = list(failures)
        for st in self.stages:
            started = time.perf_counter()
            corpus = (
                self._checked(st, corpus, failures)
                if self.settings.check_contracts
                else self._apply(st, corpus, failures)
            )
            self.stats.seconds[st.info.name] = time.perf_counter() - started
        return replace(corpus, failures=corpus.failures + tuple(failures))

    def _apply(self, st: DocumentStage | CorpusStage, corpus: Corpus, failures: list[Failure]) -> Corpus:
        if st.info.scope == "document":
            return replace(corpus, documents=tuple(self._each(st, corpus.documents, failures)))  # type: ignore[arg-type]
        try:
            return st(corpus)  # type: ignore[arg-type,return-value]
        except Exception as exc:  # noqa: BLE001 - a bug in a batch-wide stage leaves the batch as it was (issue 17)
            error = exc if isinstance(exc, RecoupeError) else InternalError.of(BATCH, st.info.name, exc)
            self._fail(failures, Failure(BATCH, st.info.name, error.code, str(error)))
            return corpus

    def _checked(self, st: DocumentStage | CorpusStage, corpus: Corpus, failures: list[Failure]) -> Corpus:
        """``_apply`` with the stage given only the fields it requires (``check_contracts``)."""
        seen: list[str] = []
        before = len(failures)
        result = self._apply(st, withhold(corpus, st.info.name, frozenset(st.info.requires), seen), failures)
        # a stage that caught the error, or a C function that checked a withheld field's type (an E301 failure)
        failed = [f.message for f in failures[before:] if "Withheld" in f.message]
        if seen or failed:
            read = sorted(set(seen)) or failed[0]
            raise ContractError(f"stage '{st.info.name}'", f"reads {read}, not declared in requires")
        return give_back(result, corpus)

    def _each(self, st: DocumentStage, docs: Sequence[Document], failures: list[Failure]) -> Iterator[Document]:
        for doc, result in zip(docs, _results(st, docs), strict=True):
            if isinstance(result, RecoupeError):
                self._fail(failures, Failure(doc.source, st.info.name, result.code, str(result)))
            else:
                yield result

    def _fail(self, failures: list[Failure], failure: Failure) -> None:
        failures.append(failure)
        if self.settings.strict:
            raise StrictStop(failure)


class StrictStop(RecoupeError):
    """Raised under ``strict`` at the first failure; carries it."""

    def __init__(self, failure: Failure) -> None:
        self.failure = failure
        self.exit_code = exit_code_for(failure.code)
        self.code = failure.code
        super().__init__(failure.source, f"{failure.stage}: {failure.message}")


def _results(st: DocumentStage, docs: Sequence[Document]) -> Iterable[Document | RecoupeError]:
    """The stage's batch path when it has one; if the batch raises anything but recoupe's own errors, each
    document again on its own, so that only the one that breaks the stage fails."""
    batch = getattr(st, "batch", None)
    if batch is None:
        return (_guard(st, d) for d in docs)
    try:
        return list(batch(docs))
    except Exception:  # noqa: BLE001 - which document broke the batch is found by running each alone
        return [_guard(st, d) for d in docs]


def _guard(st: DocumentStage, doc: Document) -> Document | RecoupeError:
    """Any exception of a stage on one document becomes that document's failure (E301 when not recoupe's own)."""
    try:
        return st(doc)
    except RecoupeError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a bug in one stage must not take the batch down (issue 17)
        return InternalError.of(doc.source, st.info.name, exc)


def check_order(infos: Sequence[StageInfo], given: Sequence[str] = ()) -> None:
    """Fail with the first stage whose requirement no earlier stage (nor ``given``) assigns."""
    available = set(INITIAL) | set(given)
    for position, info in enumerate(infos):
        missing = [r for r in info.requires if r not in available]
        if missing:
            providers = {a: i.name for i in infos for a in i.assigns}
            hint = ", ".join(f"'{m}' (assigned by {providers.get(m, 'no stage')})" for m in missing)
            raise PipelineError(
                f"stage '{info.name}' at position {position}", f"requires {hint}, not assigned before it"
            )
        available.update(info.assigns)
