"""Tiny builders for the renderers' tests: a report of a few documents and one story, cited by the words it cites."""

from __future__ import annotations

from recoupe.model import Corpus, Document, Failure, Span, Story, StoryQuote, SummarySentence
from recoupe.report import Report

from ..conftest import make_doc


def span_of(doc: Document, words: str) -> Span:
    """The span of the first occurrence of ``words`` in ``doc``'s text."""
    start = doc.text.index(words)
    return Span(doc.id, start, start + len(words))


def extract(doc: Document, words: str, *support: Span, sources: int = 1) -> SummarySentence:
    """An article sentence taken from ``doc``, said also by the ``support`` spans."""
    return SummarySentence(words, (span_of(doc, words),), "extract", support, sources)


def quote(doc: Document, words: str, speaker: str | None = None, **fields: object) -> StoryQuote:
    span = span_of(doc, words)
    return StoryQuote(words, speaker, True, span, (span,), **fields)  # type: ignore[arg-type]


def make_story(*docs: Document, id: str = "s1", title: str = "Un titre", **fields: object) -> Story:
    return Story(id=id, documents=tuple(d.id for d in docs), title=title, **fields)  # type: ignore[arg-type]


def make_report(docs: list[Document], *stories: Story, failures: tuple[Failure, ...] = ()) -> Report:
    return Report(Corpus(tuple(docs), stories, failures))


__all__ = ["extract", "make_doc", "make_report", "make_story", "quote", "span_of"]
