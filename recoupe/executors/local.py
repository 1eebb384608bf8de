"""The local executor (the default): the per-document stages in this process, as one pipeline run.

With a progress bar the documents go through in batches of ``batch_documents``, in order, and the bar moves after
each; the result is the one of a single run (``in_input_order``).
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
        if self.bar is None:
            return pipeline.run(raws)
        progress = self.bar(len(raws), "analysed")
        docs: list[Document] = []
        failures: list[Failure] = []
        try:
            for batch in batches(raws, self.settings.batch_documents):
                done = pipeline.run(batch)
                docs.extend(done.documents)
                failures.extend(done.failures)
                progress.update(len(batch))
        finally:
            progress.close()
        return in_input_order(raws, DOCUMENT_STAGES, docs, failures)
