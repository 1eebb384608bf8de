"""Where a story's reports disagree: figures about one thing, and words given to two speakers.

- ``figure``: figures of one kind of thing about one place (or none) whose ranges cannot
  both hold, from different reports ("5 000 à 6 000 combattants" in Mossoul against
  "30 000 à 40 000 djihadistes" in the same city).
- ``attribution``: the same words quoted with two different known speakers.
- ``date``: one kind of event ("incendie", "réunion") dated to different days by different
  reports, reading the day named next to the event's noun (a night, "dans la nuit de mardi à
  mercredi", agrees with both its days).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ...lexicon.names import fold, phonetic
from ...model import Claim, Conflict, DateMention, Document, Figure, StoryEntity, StoryQuote
from ..quotes.story_quotes import Rarity, contains_words, words_of

__all__ = ["attribution_conflicts", "compatible", "date_conflicts", "figure_conflicts", "unit_class"]

#: nouns of events news dates; a day named within ``EVENT_REACH`` characters of one dates it
EVENTS = re.compile(
    r"\b(?P<event>réunion|rencontre|sommet|conférence|incendie|attentat|explosion|offensive|élection|scrutin|accident|"
    r"séisme|manifestation|grève|meeting|summit|conference|fire|attack|election|crash|earthquake|"
    r"strike|protest|treffen|gipfel|brand|anschlag|wahl|unfall)s?\b",
    re.IGNORECASE,
)
EVENT_REACH = 60

#: things counted under several names in the news
_UNIT_CLASSES = {
    "combattants": {
        "combattants",
        "djihadistes",
        "jihadistes",
        "militants",
        "insurges",
        "fighters",
        "jihadists",
        "kampfer",
    },
    "morts": {"morts", "tues", "victimes", "deces", "dead", "killed", "deaths", "tote", "toten"},
    "blesses": {"blesses", "injured", "wounded", "verletzte"},
}
#: durations and ages: a bare "13 ans" or "cinq jours" says nothing of what it measures
_TIME_UNITS = {"an", "annee", "moi", "semaine", "jour", "heure", "minute", "seconde", "siecle", "foi", "year", "month",
               "week", "day", "hour", "jahr", "monat", "woche", "tag", "stunde"}  # fmt: skip
#: an approximate figure within this relative margin of another agrees with it (rounding in the reports)
MARGIN = 0.05


def unit_class(unit: str) -> str:
    key = fold(unit).rstrip("s")
    for name, members in _UNIT_CLASSES.items():
        if key in {m.rstrip("s") for m in members}:
            return name
    return key


def compatible(a: Figure, b: Figure) -> bool:
    """Whether the two figures' ranges can both hold (open bounds for 'plus de', 'moins de').
    Two exact counts must be equal; a margin is left only where one side is approximate."""
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    margin = 0.0 if a.qualifier == b.qualifier == "exact" else MARGIN
    return a_low <= b_high * (1 + margin) and b_low <= a_high * (1 + margin)


def _bounds(figure: Figure) -> tuple[float, float]:
    if figure.qualifier == "at_least":
        return figure.low, float("inf")
    if figure.qualifier == "at_most":
        return 0.0, figure.high
    return figure.low, figure.high


def figure_conflicts(docs: Sequence[Document]) -> list[Conflict]:
    groups: dict[tuple[str, str], list[Figure]] = {}
    for doc in docs:
        for figure in doc.figures:
            key = (unit_class(figure.unit), phonetic(figure.place) if figure.place else "")
            if key[0] in _TIME_UNITS:  # "73 ans", "cinq jours": of what? only the same complement compares
                complement = fold(figure.subject or "")[len(fold(figure.unit)) :].strip()
                if not complement:
                    continue
                key = (f"{key[0]} {complement}", key[1])
            groups.setdefault(key, []).append(figure)
    conflicts = []
    for figures in groups.values():
        first_per_doc: dict[str, Figure] = {}
        for figure in figures:
            first_per_doc.setdefault(figure.span.doc, figure)
        claims = list(first_per_doc.values())
        if len(claims) > 1 and any(not compatible(a, b) for a in claims for b in claims if a is not b):
            about = claims[0].subject or claims[0].unit
            conflicts.append(Conflict("figure", about, tuple(Claim(f.text, f.span) for f in claims)))
    return conflicts


def attribution_conflicts(quotes: Sequence[StoryQuote], entities: Sequence[StoryEntity]) -> list[Conflict]:
    names = {e.id: e.name for e in entities}
    rarity = Rarity(words_of(q.text) for q in quotes)  # only the pairs that may share words are compared
    for index, quote in enumerate(quotes):
        rarity.add(index, quote.text)
    pairs = sorted({(min(i, j), max(i, j)) for i, a in enumerate(quotes) for j in rarity.candidates(a.text) if i != j})
    conflicts = []
    for a, b in ((quotes[i], quotes[j]) for i, j in pairs):
        if (
            a.speaker
            and b.speaker
            and a.speaker != b.speaker
            and a.span.doc != b.span.doc
            and _checkable(a, names[a.speaker])
            and _checkable(b, names[b.speaker])
            and contains_words(a.text, b.text)
        ):
            shorter = a if len(a.text) <= len(b.text) else b
            claims = (Claim(names[a.speaker], a.span), Claim(names[b.speaker], b.span))
            conflicts.append(Conflict("attribution", shorter.text, claims))
    return conflicts


def _checkable(quote: StoryQuote, speaker: str) -> bool:
    """A speaker a reader can check: named next to the words (not inferred from a pronoun, a description or a
    sentence further back), and not a name the words themselves contain (an author the speaker quotes, a person the
    words are about)."""
    surname = speaker.split()[-1] if speaker.split() else speaker
    inside = re.search(rf"\b{re.escape(fold(surname))}\b", fold(quote.text)) is not None
    return quote.speaker_basis == "named" and not inside


def _event_dates(doc: Document) -> dict[str, DateMention]:
    """Event noun -> the first day named next to it in this report."""
    found: dict[str, DateMention] = {}
    days = [d for d in doc.dates if d.precision == "day"]
    for match in EVENTS.finditer(doc.text):
        near = [d for d in days if abs(d.span.start - match.start()) <= EVENT_REACH]
        if near:
            closest = min(near, key=lambda d: abs(d.span.start - match.start()))
            found.setdefault(match.group("event").lower(), closest)
    return found


def date_conflicts(docs: Sequence[Document]) -> list[Conflict]:
    by_event: dict[str, list[DateMention]] = {}
    for doc in docs:
        for event, mention in _event_dates(doc).items():
            by_event.setdefault(event, []).append(mention)
    conflicts = []
    for event, mentions in by_event.items():
        days = [_days(m) for m in mentions]
        if any(not (a & b) for i, a in enumerate(days) for b in days[i + 1 :]):
            claims = tuple(Claim(m.value, m.span) for m in mentions)
            conflicts.append(Conflict("date", event, claims))
    return conflicts


def _days(mention: DateMention) -> set[str]:
    """The days a mention may stand for: "dans la nuit de mardi à mercredi" is Tuesday night or Wednesday."""
    if mention.part_of_day != "NI":
        return {mention.value}
    return {mention.value, (date.fromisoformat(mention.value) + timedelta(days=1)).isoformat()}
