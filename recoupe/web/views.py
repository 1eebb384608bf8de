"""The web pages' view-models, from a stored report (JSON): the story itself through ``recoupe.render.view`` (the
reports' own view-model, so the web page and the reports render a story in one place), and the panels only the web
page has: conflicts, timeline, entities with their variants, sources with their addresses, cited words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Conflict, DateMention, Document, RawDocument, Span, Story
from ..render.common import source_numbers, speaker_names
from ..render.view import StoryView, story_view
from ..report import Report
from ..serialize import from_data

__all__ = [
    "ClaimView",
    "ConflictView",
    "EntityView",
    "EventView",
    "SourceRow",
    "SpeakerView",
    "StoryPage",
    "story_page",
]


@dataclass(frozen=True, slots=True)
class ClaimView:
    value: str
    number: int
    span: Span


@dataclass(frozen=True, slots=True)
class ConflictView:
    kind: str
    about: str
    claims: tuple[ClaimView, ...]
    reason: str | None
    confidence: float | None
    #: "conflict", or "update" (a later report revises an earlier value)
    status: str


@dataclass(frozen=True, slots=True)
class EventView:
    """A dated event of the timeline: one date, said in these words, by the sources cited."""

    value: str
    text: str
    precision: str
    citations: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True)
class EntityView:
    name: str
    type: str
    variants: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """Who said a quote and how recoupe found it (``speaker_method``: a name next to the words, a pronoun, ...)."""

    speaker: str
    method: str
    confidence: float | None
    direct: bool
    citations: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True)
class SourceRow:
    number: int
    doc: str
    title: str
    outlet: str | None
    published: str | None
    language: str
    url: str | None


@dataclass(frozen=True, slots=True)
class StoryPage:
    story: StoryView
    version: int
    conflicts: tuple[ConflictView, ...]
    timeline: tuple[EventView, ...]
    entities: tuple[EntityView, ...]
    speakers: tuple[SpeakerView, ...]
    sources: tuple[SourceRow, ...]
    #: "doc:start:end" of each cited span -> its words in the source (what hovering a citation shows)
    cited: dict[str, str]


def _document(data: dict[str, Any]) -> Document:
    raw = RawDocument(id=data["id"], source=data.get("source") or data["id"], kind="text", content="")
    return Document(
        id=data["id"],
        source=raw.source,
        raw=raw,
        text=data.get("text", ""),
        removed=tuple(data.get("removed", ())),
        title=data.get("title"),
        outlet=data.get("outlet"),
        url=data.get("url"),
        published=data.get("published"),
        language=data.get("language"),
    )


def report_of(data: dict[str, Any]) -> tuple[Report, Story]:
    """A stored report (one story) as the data model: its story, and its documents with their clean text."""
    from ..model import Corpus

    story = from_data(Story, data["stories"][0])
    documents = tuple(_document(d) for d in data["documents"])
    return Report(Corpus(documents, (story,))), story


def _conflict(conflict: Conflict, raw: dict[str, Any], numbers: dict[str, int]) -> ConflictView:
    claims = tuple(ClaimView(c.value, numbers.get(c.span.doc, 0), c.span) for c in conflict.claims)
    confidence = raw.get("confidence")
    return ConflictView(
        conflict.kind, conflict.about, claims, raw.get("reason"), confidence, raw.get("status", "conflict")
    )


def _timeline(dates: tuple[DateMention, ...], numbers: dict[str, int]) -> tuple[EventView, ...]:
    """The story's dates in order, one event per date and wording, with every source that gives it."""
    events: dict[tuple[str, str, str], list[ClaimView]] = {}
    for date in sorted(dates, key=lambda d: (d.value, numbers.get(d.span.doc, 0), d.span.start)):
        key = (date.value, date.precision, date.text.lower())
        events.setdefault(key, []).append(ClaimView(date.text, numbers.get(date.span.doc, 0), date.span))
    return tuple(
        EventView(value, cites[0].value, precision, tuple(cites)) for (value, precision, _), cites in events.items()
    )


def _entity(entity: Any, texts: dict[str, str]) -> EntityView:
    variants = sorted({texts[m.doc][m.start : m.end] for m in entity.mentions if m.doc in texts} - {""})
    return EntityView(entity.name, entity.type, tuple(variants), len(entity.mentions))


def _speakers(story: Story, numbers: dict[str, int]) -> tuple[SpeakerView, ...]:
    names = speaker_names(story)
    return tuple(
        SpeakerView(
            names.get(q.speaker, "?"),
            q.speaker_method or q.speaker_basis or "unknown",
            q.speaker_confidence,
            q.direct,
            tuple(ClaimView(q.text, numbers.get(s.doc, 0), s) for s in q.sources),
        )
        for q in story.quotes
    )


def _cited(report: Report, story: Story) -> dict[str, str]:
    texts = {d.id: d.text for d in report.documents}
    spans = [c for s in story.summary for c in s.citations + s.support]
    spans += [c for q in story.quotes for c in q.sources] + [c.span for k in story.conflicts for c in k.claims]
    spans += [d.span for d in story.dates]
    return {f"{s.doc}:{s.start}:{s.end}": texts.get(s.doc, "")[s.start : s.end] for s in spans}


def story_page(data: dict[str, Any], version: int) -> StoryPage:
    report, story = report_of(data)
    numbers = source_numbers(story)
    texts = {d.id: d.text for d in report.documents}
    raw_conflicts = data["stories"][0].get("conflicts", [])
    sources = tuple(
        SourceRow(n, d.id, d.title or d.id, d.outlet, d.published, d.language or "und", d.url)
        for d in (report.document(i) for i in story.documents)
        for n in (numbers[d.id],)
    )
    return StoryPage(
        story_view(report, story),
        version,
        tuple(_conflict(c, r, numbers) for c, r in zip(story.conflicts, raw_conflicts, strict=True)),
        _timeline(story.dates, numbers),
        tuple(sorted((_entity(e, texts) for e in story.entities), key=lambda e: (-e.mentions, e.name))),
        _speakers(story, numbers),
        sources,
        _cited(report, story),
    )
