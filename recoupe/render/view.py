"""The view-model the report templates render: plain values, numbered and linked, no markup.

A story's sources are numbered [1], [2], ... in the story's order; every citation carries its number and the span it
points at, and every source its text cut into passages so that each cited span can be marked where it stands. The
Markdown and HTML templates (and later the web UI) render these values and decide nothing about the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Conflict, Document, Failure, Span, Story, StoryQuote, SummarySentence
from ..report import Report
from .common import describe_source, source_numbers, speaker_names

__all__ = [
    "HEADINGS",
    "Citation",
    "Passage",
    "QuoteView",
    "ReportView",
    "SentenceView",
    "SourceView",
    "StoryView",
    "inline_parts",
    "passages",
    "report_view",
    "source_anchor",
    "span_anchor",
    "story_view",
]


def source_anchor(story_id: str, doc_id: str) -> str:
    """The id of a source in its story's list of sources (what a Markdown citation links to)."""
    return f"{story_id}-{doc_id}"


def span_anchor(story_id: str, span: Span) -> str:
    """The id of a cited passage, marked in its source's text (and of the span a citation links to)."""
    return f"{story_id}-{span.doc}-{span.start}"


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation mark "[number]" of one story, pointing at ``span`` in the source of that number."""

    story: str
    number: int
    span: Span

    @property
    def anchor(self) -> str:
        return span_anchor(self.story, self.span)

    @property
    def source_anchor(self) -> str:
        return source_anchor(self.story, self.span.doc)


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of a source's text; ``anchor`` is set when a citation points at it."""

    text: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence of the article: text pieces and, in a conflict's statement, the "[n]" it names as citations.

    An extract (a source sentence) is one piece followed by its ``citations``: the sentence it was taken from, then
    the other reports that say the same. ``alone``: a claim only one independent source makes, of several.
    """

    kind: str
    parts: tuple[str | Citation, ...]
    citations: tuple[Citation, ...] = ()
    alone: bool = False


@dataclass(frozen=True, slots=True)
class QuoteView:
    speaker: str
    inferred: bool
    direct: bool
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    number: int
    doc: str
    #: the id of the source in the story's list of sources
    anchor: str
    title: str
    description: str
    location: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class PossibleView:
    """A conflict recoupe is not confident of, or an update: listed apart from the article, with its reason."""

    kind: str
    status: str
    reason: str
    confidence: float
    #: each side's value followed by its citation, as text pieces
    parts: tuple[str | Citation, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    id: str
    title: str
    when: str | None
    where: tuple[str, ...]
    reports: int
    article: tuple[SentenceView, ...]
    quotes: tuple[QuoteView, ...]
    sources: tuple[SourceView, ...]
    #: groups of copies of one wire story, by source number
    copies: tuple[tuple[int, ...], ...]
    off_topic: tuple[str, ...]
    #: the disagreements the article states, apart from its running text, one line each, under ``heading``
    disagreements: tuple[SentenceView, ...] = ()
    disagreements_heading: str = "Disagreements"
    #: the conflicts not stated (not confident enough) and the updates, with their reasons
    possible: tuple[PossibleView, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportView:
    documents: int
    stories: tuple[StoryView, ...]
    failures: tuple[Failure, ...]


_INLINE = re.compile(r"\[(\d+)\]")


def inline_parts(sentence: SummarySentence, cite: dict[int, Citation]) -> tuple[str | Citation, ...]:
    """A conflict sentence's own "[n]" marks as citations (``cite`` by number); other text, and a "[n]" of no
    citation, kept as text."""
    parts: list[str | Citation] = []
    cursor = 0
    for match in _INLINE.finditer(sentence.text):
        if (citation := cite.get(int(match.group(1)))) is not None:
            parts += [sentence.text[cursor : match.start()], citation]
            cursor = match.end()
    parts.append(sentence.text[cursor:])
    return tuple(p for p in parts if p != "")


def passages(story_id: str, doc: Document, cited: list[Span]) -> tuple[Passage, ...]:
    """``doc``'s text cut at the spans of ``cited`` that fall in it; a span overlapping an earlier one is not marked."""
    out, cursor = [], 0
    for span in sorted({s for s in cited if s.doc == doc.id}):
        if span.start < cursor:
            continue
        out += [Passage(doc.text[cursor : span.start]), Passage(span.of(doc.text), span_anchor(story_id, span))]
        cursor = span.end
    out.append(Passage(doc.text[cursor:]))
    return tuple(p for p in out if p.text or p.anchor is not None)


def _sentence(sentence: SummarySentence, story: Story, numbers: dict[str, int]) -> SentenceView:
    def cite(span: Span) -> Citation:
        return Citation(story.id, numbers[span.doc], span)

    if sentence.kind == "conflict":
        by_number = {numbers[c.doc]: cite(c) for c in sentence.citations}
        return SentenceView("conflict", inline_parts(sentence, by_number))
    alone = len(story.documents) > 1 and sentence.independent_sources == 1
    spans = _one_per_source(sentence.citations + sentence.support)
    return SentenceView("extract", (sentence.text,), tuple(map(cite, spans)), alone)


def _one_per_source(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """One mark per report: a rewritten sentence cites the name it wrote out and the sentence, both of one report
    ("[1]", not "[1][1]"); the last span of a report (the sentence's own) is the one its mark opens."""
    last = {span.doc: span for span in spans}
    return tuple(last[doc] for doc in dict.fromkeys(span.doc for span in spans))


def _quote(quote: StoryQuote, story: Story, numbers: dict[str, int], names: dict[str | None, str]) -> QuoteView:
    citations = tuple(Citation(story.id, numbers[s.doc], s) for s in quote.sources)
    speaker = names.get(quote.speaker, "?")
    return QuoteView(speaker, quote.speaker_basis == "inferred", quote.direct, quote.text, citations)


def _cited(story: Story) -> list[Span]:
    """Every span the story's article and quotes cite."""
    return [c for s in story.summary for c in s.citations + s.support] + [c for q in story.quotes for c in q.sources]


def _source(report: Report, story: Story, number: int, doc_id: str, cited: list[Span]) -> SourceView:
    doc = report.document(doc_id)
    text = passages(story.id, doc, cited)
    anchor = source_anchor(story.id, doc_id)
    return SourceView(number, doc_id, anchor, doc.title or doc_id, describe_source(doc), doc.source, text)


#: the heading of a story's disagreements, in the story's language
HEADINGS = {"fr": "Divergences entre les sources", "en": "Disagreements", "de": "Widersprüche zwischen den Quellen"}


def _heading(report: Report, story: Story) -> str:
    languages = [report.document(d).language for d in story.documents]
    known = [language for language in languages if language in HEADINGS]
    return HEADINGS[max(set(known), key=known.count)] if known else HEADINGS["en"]


def story_view(report: Report, story: Story) -> StoryView:
    numbers = source_numbers(story)
    names = speaker_names(story)
    cited = _cited(story)
    running = [s for s in story.summary if s.kind != "conflict"]
    conflicts = [s for s in story.summary if s.kind == "conflict"]
    return StoryView(
        id=story.id,
        title=story.title,
        when=story.when,
        where=story.where,
        reports=len(story.documents),
        article=tuple(_sentence(s, story, numbers) for s in running),
        quotes=tuple(_quote(q, story, numbers, names) for q in story.quotes),
        sources=tuple(_source(report, story, n, d, cited) for d, n in numbers.items()),
        copies=tuple(tuple(numbers[d] for d in group) for group in story.copies),
        off_topic=story.off_topic,
        disagreements=tuple(_sentence(s, story, numbers) for s in conflicts),
        disagreements_heading=_heading(report, story),
        possible=tuple(_possible(c, story, numbers) for c in story.conflicts if not c.stated),
    )


def _possible(conflict: Conflict, story: Story, numbers: dict[str, int]) -> PossibleView:
    parts: list[str | Citation] = []
    for n, claim in enumerate(conflict.claims):
        parts += [("; " if n else "") + claim.value + " ", Citation(story.id, numbers[claim.span.doc], claim.span)]
    return PossibleView(conflict.kind, conflict.status, conflict.reason, conflict.confidence, tuple(parts))


def report_view(report: Report) -> ReportView:
    return ReportView(len(report.documents), tuple(story_view(report, s) for s in report.stories), report.failures)
