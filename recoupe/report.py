"""The report: the corpus after the pipeline, as the JSON contract of report.schema.json (v1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Corpus, DateMention, Document, Failure, Span, Story

__all__ = ["SCHEMA_VERSION", "Report", "span_dict"]

SCHEMA_VERSION = 1


def span_dict(span: Span) -> dict[str, Any]:
    return {"doc": span.doc, "start": span.start, "end": span.end}


def _document(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "outlet": doc.outlet,
        "language": doc.language or "und",
        "title": doc.title,
        "published": doc.published,
        "text": doc.text,
        "removed": list(doc.removed),
        "url": doc.url,
        "sentences": [span_dict(s.span) for s in doc.sentences],
        "warnings": list(doc.raw.warnings),
    }


def _date(mention: DateMention) -> dict[str, Any]:
    out = {
        "value": mention.value,
        "precision": mention.precision,
        "text": mention.text,
        "span": span_dict(mention.span),
    }
    if mention.part_of_day:
        out["part_of_day"] = mention.part_of_day
    return out


def _story(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "documents": list(story.documents),
        "off_topic": list(story.off_topic),
        "title": story.title,
        "when": story.when,
        "where": list(story.where),
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "mentions": [span_dict(s) for s in e.mentions]}
            for e in story.entities
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_basis": q.speaker_basis,
                "direct": q.direct,
                "span": span_dict(q.span),
                "sources": [span_dict(s) for s in q.sources],
                "independent_sources": q.independent_sources,
            }
            for q in story.quotes
        ],
        "figures": [
            {
                "low": f.low,
                "high": f.high,
                "unit": f.unit,
                "qualifier": f.qualifier,
                "subject": f.subject,
                "place": f.place,
                "text": f.text,
                "span": span_dict(f.span),
            }
            for f in story.figures
        ],
        "dates": [_date(d) for d in story.dates],
        "conflicts": [
            {
                "kind": c.kind,
                "about": c.about,
                "claims": [{"value": x.value, "span": span_dict(x.span)} for x in c.claims],
            }
            for c in story.conflicts
        ],
        "summary": [
            {
                "text": s.text,
                "kind": s.kind,
                "citations": [span_dict(c) for c in s.citations],
                "support": [span_dict(c) for c in s.support],
                "independent_sources": s.independent_sources,
            }
            for s in story.summary
        ],
        "copies": [list(group) for group in story.copies],
    }


def _failure(failure: Failure) -> dict[str, Any]:
    return {"source": failure.source, "stage": failure.stage, "code": failure.code, "message": failure.message}


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
            "stories": [_story(s) for s in self.stories],
            "failures": [_failure(f) for f in self.failures],
        }
