"""The local executor (the default): the per-document stages in this process.

The documents go through in batches of ``batch_documents``, in order, as on Dask workers (the sentence encoder's
batches, hence the vectors' last digits, depend on them: the same batches give the same results wherever they run);
a progress bar moves after each.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Corpus, Document, Failure, RawDocument
from ..pipeline import Pipeline
from .base import DOCUMENT_STAGES, ExecutorBase, batches, in_input_order

__all__ = ["LocalExecutor"]


class LocalExecutor(ExecutorBase):
    def analyse(self, raws: Sequence[RawDocument]) -> Corpus:
        pipeline = Pipeline(DOCUMENT_STAGES, settings=self.settings)
        progress = self.bar(len(raws), "analysed") if self.bar is not None else None
        docs: list[Document] = []
        failures: list[Failure] = []
        try:
            for batch in batches(raws, self.settings.batch_documents):
                done = pipeline.run(batch)
                docs.extend(done.documents)
                failures.extend(done.failures)
                if progress is not None:
                    progress.update(len(batch))
        finally:
            if progress is not None:
                progress.close()
        return in_input_order(raws, DOCUMENT_STAGES, docs, failures)

    def apply(self, docs: Sequence[Document], stages: Sequence[str], *, after: Sequence[str]) -> Corpus:
        return Pipeline(stages, settings=self.settings, after=after).run_documents(docs)
