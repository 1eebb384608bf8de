"""The days a report names, resolved or not, and when two of them cannot be one day.

A report with no publication date leaves "vendredi" and "le 5 juillet" unresolved (the ``dates`` stage needs an
anchor): they still say a weekday, or a day of a month, and two reports naming an event's day differently disagree
whatever the year ("le 5 juillet" against "samedi 4 juillet"; "vendredi" against "samedi"). What is compared is only
what both sides say: two days of a month, else two weekdays; a night ("dans la nuit de mardi à mercredi") stands for
both its days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import DateMention, Document, Span
from ..dates.patterns import WEEKDAYS
from ..metadata import MONTHS

__all__ = ["CONFLICT_DAYS", "EVENTS", "Day", "days_of", "disagree", "moments_apart"]

_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m in ("mai", "may")), key=len, reverse=True))
#: a weekday, a day of a month, or both ("samedi 04 juillet", "le 5 juillet", "vendredi")
_PARTIAL = re.compile(
    rf"\b(?:(?P<w>{'|'.join(WEEKDAYS)})\b(?:\s+(?P<d>[0-3]?\d|1er)\s+(?P<m>{_MONTH})\b)?"
    rf"|(?P<d2>[0-3]?\d|1er)\s+(?P<m2>{_MONTH})\b)",
    re.IGNORECASE,
)
#: nouns of events news dates (``conflicts``: a day named within ``EVENT_REACH`` characters of one dates it)
EVENTS = re.compile(
    r"\b(?P<event>réunion|rencontre|sommet|conférence|incendie|attentat|explosion|offensive|élection|scrutin|accident|"
    r"séisme|manifestation|grève|meeting|summit|conference|fire|attack|election|crash|earthquake|"
    r"strike|protest|treffen|gipfel|brand|anschlag|wahl|unfall|"
    r"départ|arrivée|ouverture|clôture|cérémonie|inauguration|perquisition|arrestation|interpellation|obsèques|"
    r"funérailles|procès|departure|opening|ceremony|inauguration|raid|arrest|funeral|trial|"
    r"eröffnung|zeremonie|durchsuchung|festnahme|beerdigung|prozess)s?\b",
    re.IGNORECASE,
)
#: two reports published further apart than this (days) speak of two moments of what they count, unless they name
#: the same day
CONFLICT_DAYS = 2
#: a night before a weekday: "dans la nuit de mardi à mercredi" is either day
_NIGHT = re.compile(r"(?:\bnuit\s+d[eu]|\bnight\s+of)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Day:
    """A day a report names: its text and span, and what it says: the ISO date (resolved), the weekdays and the
    (month, day) pairs (two of each for a night, resolved or not)."""

    span: Span
    text: str
    iso: str | None
    weekdays: frozenset[int]
    month_days: frozenset[tuple[int, int]]


def _resolved(mention: DateMention) -> Day:
    day = date.fromisoformat(mention.value)
    days = [day, day + timedelta(days=1)] if mention.part_of_day == "NI" else [day]
    return Day(
        mention.span,
        mention.text,
        mention.value,
        frozenset(d.weekday() for d in days),
        frozenset((d.month, d.day) for d in days),
    )


def _partial(doc: Document, match: re.Match[str]) -> Day:
    weekday = WEEKDAYS.get((match.group("w") or "").lower())
    month = MONTHS.get((match.group("m") or match.group("m2") or "").lower())
    digits = match.group("d") or match.group("d2")
    day = int(digits.lower().replace("er", "")) if digits else 0
    night = weekday is not None and _NIGHT.search(doc.text, max(0, match.start() - 12), match.start()) is not None
    weekdays = frozenset() if weekday is None else frozenset({weekday, (weekday + 1) % 7} if night else {weekday})
    return Day(Span(doc.id, match.start(), match.end()), match.group(), None, weekdays, _month_days(month, day, night))


def _month_days(month: int | None, day: int, night: bool) -> frozenset[tuple[int, int]]:
    """The (month, day) a report writes, and the next day for a night ("dans la nuit du mardi 12 mars": the 12th or
    the 13th); none without a month or a day that can be one (any year: a leap year allows 29 February)."""
    if month is None:
        return frozenset()
    try:
        first = date(2000, month, day)
    except ValueError:
        return frozenset()
    days = [first, first + timedelta(days=1)] if night else [first]
    return frozenset((d.month, d.day) for d in days)


def days_of(doc: Document) -> list[Day]:
    """The report's resolved days, and the days it names that the ``dates`` stage could not resolve."""
    resolved = [_resolved(d) for d in doc.dates if d.precision == "day"]
    covered = [(d.span.start, d.span.end) for d in doc.dates]
    partial = [
        _partial(doc, match)
        for match in _PARTIAL.finditer(doc.text)
        if not any(s < match.end() and match.start() < e for s, e in covered)
    ]
    return sorted(resolved + partial, key=lambda d: d.span.start)


def disagree(a: Day, b: Day) -> bool:
    """Whether two days cannot be one: compared on what both say (the date, else the day of the month, else the
    weekday)."""
    if a.iso and b.iso:
        return not (_isos(a) & _isos(b))
    if a.month_days and b.month_days:
        return not (a.month_days & b.month_days)
    return bool(a.weekdays and b.weekdays) and not (a.weekdays & b.weekdays)


def moments_apart(days_a: Sequence[Day], days_b: Sequence[Day], published_a: str, published_b: str) -> bool:
    """Whether two sentences speak of two moments: they name days, none of which can be one; or, naming none on one
    side, their reports were published more than ``CONFLICT_DAYS`` apart (a situation that evolves: the lines closed
    by a strike, day after day). Unknown (False) without a publication date."""
    if days_a and days_b:
        return not any(not disagree(a, b) for a in days_a for b in days_b)
    if len(published_a) < 10 or len(published_b) < 10:
        return False
    gap = date.fromisoformat(published_a[:10]) - date.fromisoformat(published_b[:10])
    return abs(gap.days) > CONFLICT_DAYS


def _isos(day: Day) -> set[str]:
    first = date.fromisoformat(day.iso or "")
    return {first.isoformat(), (first + timedelta(days=1)).isoformat()} if len(day.weekdays) == 2 else {day.iso or ""}
