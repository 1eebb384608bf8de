"""The report: the corpus after the pipeline, as the JSON contract of report.schema.json (v1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Corpus, Document, Failure, Story
from .serialize import to_data

__all__ = ["SCHEMA_VERSION", "Report"]

SCHEMA_VERSION = 1


def _document(doc: Document) -> dict[str, Any]:
    """A document as the report shows it: its metadata and clean text, its sentences as spans."""
    return {
        "id": doc.id,
        "source": doc.source,
        "outlet": doc.outlet,
        "language": doc.language or "und",
        "partly_analysed": doc.partly_analysed,
        "title": doc.title,
        "published": doc.published,
        "text": doc.text,
        "removed": list(doc.removed),
        "url": doc.url,
        "sentences": [to_data(s.span) for s in doc.sentences],
        "warnings": list(doc.raw.warnings),
    }


@dataclass(frozen=True, slots=True)
class Report:
    """What :func:`recoupe.analyze` returns."""

    corpus: Corpus

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.corpus.documents

    @property
    def stories(self) -> tuple[Story, ...]:
        return self.corpus.stories

    @property
    def failures(self) -> tuple[Failure, ...]:
        return self.corpus.failures

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the readers repaired in the documents analysed (bytes replaced), one message each."""
        return tuple(w for d in self.documents for w in d.raw.warnings)

    def document(self, doc_id: str) -> Document:
        return self.corpus.by_id()[doc_id]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SCHEMA_VERSION,
            "documents": [_document(d) for d in self.documents],
            "stories": [to_data(s) for s in self.stories],
            "failures": [to_data(f) for f in self.failures],
        }
