"""The one data model of recoupe.

Everything extracted from a text carries a :class:`Span` into the document's clean
``text`` (Python ``str`` offsets, end exclusive), so every claim the output makes
can be pointed at in its source. All types are frozen: a stage returns a new
value (``dataclasses.replace``) instead of mutating what it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "FULL_LANGUAGES",
    "Claim",
    "Conflict",
    "Corpus",
    "DateMention",
    "Document",
    "EntityLabel",
    "Failure",
    "Figure",
    "Mention",
    "Precision",
    "Quote",
    "RawDocument",
    "Sentence",
    "Span",
    "Story",
    "StoryEntity",
    "StoryQuote",
    "SummarySentence",
]

#: the languages recoupe has models and word lists for; a document in another one is analysed only partly
FULL_LANGUAGES = ("fr", "en", "de")
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
Precision = Literal["time", "day", "week", "month", "year", "decade", "century"]
SourceKind = Literal["text", "html"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A character range ``[start, end)`` of one document's clean text."""

    doc: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.doc}[{self.start}:{self.end}]")

    def of(self, text: str) -> str:
        """The text this span covers in ``text`` (the document's clean text)."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention."""

    span: Span
    text: str
    label: EntityLabel


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to ISO 8601 at the precision it has (a decade or a century with the unspecified
    digits of ISO 8601-2: "196X", "18XX").

    ``part_of_day`` is TimeML's part of a day that ISO 8601 cannot write ("mardi soir": ``EV``;
    also ``MO``, ``AF``, ``NI``), None when the expression names none.
    """

    span: Span
    text: str
    value: str
    precision: Precision
    part_of_day: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker: verbatim between quotation marks, or reported ("a déclaré que ...")."""

    span: Span
    text: str
    direct: bool
    #: the speaker as the text names them, after pronouns and roles are resolved; None when unknown
    speaker: str | None = None
    #: "named" when the speaker's name is written in the quote's sentence or the one before it, "inferred" when it
    #: was read from a pronoun, a description or a sentence further back (less often right); None without a speaker
    speaker_basis: str | None = None
    #: how the speaker (or the withheld candidate) was found: "incise", "named-next-to-words", "previous-sentence",
    #: "pronoun", "other-report" or "earlier" (recoupe/stages/quotes/confidence.py)
    speaker_method: str | None = None
    #: the probability that the speaker (or the candidate) is right, from a model fitted on tuning gold
    speaker_confidence: float | None = None
    #: a speaker found but withheld, its confidence being below the ``speaker_confidence`` setting
    speaker_candidate: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts: "5 000 à 6 000 combattants de l'EI dans Mossoul"."""

    span: Span
    text: str
    low: float
    high: float
    unit: str
    #: "exact", "range", "about", "at_least" or "at_most"
    qualifier: str = "exact"
    subject: str | None = None
    #: the place the figure is about, when the subject names one
    place: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader yields: decoded content plus whatever metadata the container gave."""

    id: str
    source: str
    kind: SourceKind
    content: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    #: what the reader had to repair and the user should know (bytes replaced); in the report and on stderr
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One report. Stages fill the fields after ``raw`` in pipeline order."""

    id: str
    source: str
    raw: RawDocument
    text: str = ""
    removed: tuple[str, ...] = ()
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    #: (month, day) read from a header line that gave no year; the corpus stage
    #: ``publication_year`` completes it.
    published_month_day: tuple[int, int] | None = None
    language: str | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    #: one unit-length embedding per sentence (numpy array, rows in sentence order);
    #: a derived feature for grouping and summarising, never serialised
    vectors: Any = field(default=None, compare=False, repr=False)

    @property
    def partly_analysed(self) -> bool:
        """In a language without models or word lists (``FULL_LANGUAGES``): no entities, figures in digits only, quotes
        by their marks only."""
        return self.language not in FULL_LANGUAGES

    @classmethod
    def from_raw(cls, raw: RawDocument) -> Document:
        return cls(
            id=raw.id,
            source=raw.source,
            raw=raw,
            title=raw.title,
            outlet=raw.outlet,
            url=raw.url,
            published=raw.published,
        )


@dataclass(frozen=True, slots=True)
class StoryEntity:
    id: str
    name: str
    type: EntityLabel
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class StoryQuote:
    """One quote of a story; ``sources`` holds every report's span carrying it (the primary ``span`` too)."""

    text: str
    speaker: str | None
    direct: bool
    span: Span
    sources: tuple[Span, ...]
    independent_sources: int = 1
    #: "named" when a report carrying it writes the speaker's name next to it, else "inferred" (see ``Quote``)
    speaker_basis: str | None = None
    #: how the speaker was found, and its confidence, in the report that gives it most confidently (see ``Quote``)
    speaker_method: str | None = None
    speaker_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    value: str
    span: Span


#: the confidence from which a conflict is stated in the article (below it: a possible conflict, listed in the report)
STATED = 0.8


@dataclass(frozen=True, slots=True)
class Conflict:
    """Reports that disagree: kind "figure", "attribution", "date" or "fact"."""

    kind: str
    about: str
    claims: tuple[Claim, ...]
    #: why the claims cannot all hold, in plain words
    reason: str = ""
    #: how sure recoupe is that the reports really disagree (0-1); the article states only the confident ones
    #: (``STATED``), the report lists the others as possible
    confidence: float = 1.0
    #: "conflict", or "update" (a later report revises an earlier value: both are given, neither is wrong)
    status: str = "conflict"

    @property
    def stated(self) -> bool:
        """Confident enough to be stated in the article."""
        return self.status == "conflict" and self.confidence >= STATED


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[Span, ...]
    #: "extract" (a source sentence, verbatim), "rewritten" (a source sentence with its relative days written as
    #: dates, or its opening pronoun as the person's name: ``added``), "compressed" (a source sentence with words left
    #: out, ``summarize.compress``, and its relative days and opening pronoun written out if any: ``added``; its other
    #: words all in the cited span) or "conflict" (a disagreement stated, each side cited as [n]; the article shows
    #: them apart)
    kind: str = "extract"
    #: sentences of other reports that say the same (corroboration), and how many independent
    #: sources (copies of one wire story counted once) carry it, the cited one included
    support: tuple[Span, ...] = ()
    independent_sources: int = 1
    #: what a "rewritten" sentence adds to its cited span: the dates it wrote out ("mardi 25 octobre 2016"), each
    #: computed from a date the report gives and its publication date, and the name written for an opening pronoun
    #: ("Il a ajouté" -> "Jérôme Kerviel a ajouté"), its span cited first
    added: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    documents: tuple[str, ...]
    title: str
    off_topic: tuple[str, ...] = ()
    when: str | None = None
    where: tuple[str, ...] = ()
    entities: tuple[StoryEntity, ...] = ()
    quotes: tuple[StoryQuote, ...] = ()
    figures: tuple[Figure, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    #: groups of documents that are copies of one another (each group counts as one source)
    copies: tuple[tuple[str, ...], ...] = ()
    dates: tuple[DateMention, ...] = ()
    summary: tuple[SummarySentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """One input or document that could not be processed, and why."""

    source: str
    stage: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Corpus:
    documents: tuple[Document, ...]
    stories: tuple[Story, ...] = ()
    failures: tuple[Failure, ...] = field(default=())

    def by_id(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.documents}
