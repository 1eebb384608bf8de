"""Where a story's reports disagree: figures about one thing, and words given to two speakers.

- ``figure``: figures of one kind of thing about one place (or none) whose ranges cannot
  both hold, from different reports ("5 000 à 6 000 combattants" in Mossoul against
  "30 000 à 40 000 djihadistes" in the same city).
- ``attribution``: the same words quoted with two different known speakers.

Date conflicts (one event, two dates) are not found yet.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim, Conflict, Document, Figure, StoryEntity, StoryQuote
from .entities import fold, phonetic
from .story_quotes import contains_words

__all__ = ["attribution_conflicts", "compatible", "figure_conflicts", "unit_class"]

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
    conflicts = []
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            if (
                a.speaker
                and b.speaker
                and a.speaker != b.speaker
                and a.span.doc != b.span.doc
                and contains_words(a.text, b.text)
            ):
                shorter = a if len(a.text) <= len(b.text) else b
                claims = (Claim(names[a.speaker], a.span), Claim(names[b.speaker], b.span))
                conflicts.append(Conflict("attribution", shorter.text, claims))
    return conflicts
