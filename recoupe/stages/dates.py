"""Stage ``dates``: date expressions resolved against the publication date.

Absolute dates ("25 octobre 2016", "juin 2014", "26/10/2016") need no anchor; relative
ones ("ce mardi", "mardi 25", "lundi 17", "hier", "en août") are resolved against
the document's publication date and skipped when it is unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..config import Settings
from ..model import DateMention, Document, Precision, Span
from ..pipeline import stage
from .metadata import MONTHS

__all__ = ["WEEKDAYS", "find_dates"]

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("lundi", "monday", "montag"),
            ("mardi", "tuesday", "dienstag"),
            ("mercredi", "wednesday", "mittwoch"),
            ("jeudi", "thursday", "donnerstag"),
            ("vendredi", "friday", "freitag"),
            ("samedi", "saturday", "samstag"),
            ("dimanche", "sunday", "sonntag"),
        ]
    )
    for name in names
}
_DAYS = "|".join(WEEKDAYS)
_MON = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
_RELATIVE_DAYS = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1, "vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1,
}  # fmt: skip
_PATTERNS = [
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{_MON})\s+(?P<y>\d{{4}})\b"),
    ("mdy", rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b"),
    ("numeric", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
    ("weekday_day", rf"\b(?P<w>{_DAYS})\s+(?P<d>\d{{1,2}})(?:er)?\b(?!\s*(?:{_MON}))"),
    ("dm", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{_MON})\b(?!\s+\d{{4}})"),
    ("my", rf"\b(?P<m>{_MON})\s+(?P<y>\d{{4}})\b"),
    ("weekday", rf"\b(?P<w>{_DAYS})\b(?!\s+\d)"),
    ("relative", r"(?<![\w-])(?P<r>" + "|".join(re.escape(k) for k in _RELATIVE_DAYS) + r")(?![\w-])"),
    ("in_month", rf"\b(?:en|in|im)\s+(?P<m>{_MON})\b(?!\s+\d)"),
]
_COMPILED = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in _PATTERNS}


def find_dates(doc_id: str, text: str, anchor: date | None) -> list[DateMention]:
    """Every date expression, the more specific pattern winning where two overlap."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _COMPILED.items():
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            resolved = _resolve(kind, match.groupdict(), anchor)
            if resolved is not None:
                taken.append((match.start(), match.end()))
                span = Span(doc_id, match.start(), match.end())
                found.append(DateMention(span, match.group(0), resolved[0], resolved[1]))
    return sorted(found, key=lambda mention: mention.span.start)


def _resolve(kind: str, g: dict[str, str | None], anchor: date | None) -> tuple[str, Precision] | None:
    month = _month(g.get("m"))
    if kind in {"dmy", "mdy", "numeric"}:
        return _day(int(g["y"] or 0), month, int(g["d"] or 0))
    if kind == "my":
        return f"{int(g['y'] or 0):04d}-{month:02d}", "month"
    if anchor is None:
        return None
    if kind == "dm":
        return _day(anchor.year, month, int(g["d"] or 0))
    if kind == "in_month":
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "relative":
        return (anchor + timedelta(days=_RELATIVE_DAYS[(g["r"] or "").lower()])).isoformat(), "day"
    weekday = WEEKDAYS[(g["w"] or "").lower()]
    if kind == "weekday_day":
        return _weekday_day(anchor, weekday, int(g["d"] or 0))
    return _nearest_weekday(anchor, weekday).isoformat(), "day"


def _month(name: str | None) -> int:
    if name is None:
        return 0
    return int(name) if name.isdigit() else MONTHS[name.lower()]


def _day(year: int, month: int, day: int) -> tuple[str, Precision] | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _nearest_weekday(anchor: date, weekday: int) -> date:
    """The day with that weekday nearest the anchor, the past one on a tie ("ce mardi")."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    return anchor - timedelta(days=back) if back <= forward else anchor + timedelta(days=forward)


def _weekday_day(anchor: date, weekday: int, day: int) -> tuple[str, Precision] | None:
    """ "lundi 17": the day numbered 17 near the anchor that falls on a Monday."""
    for months_back in (0, -1, 1, -2):
        month_index = anchor.year * 12 + anchor.month - 1 + months_back
        try:
            candidate = date(month_index // 12, month_index % 12 + 1, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            return candidate.isoformat(), "day"
    return None


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


@stage("dates", version="1", requires=["text", "published"], assigns=["dates"])
def make_dates(settings: Settings):  # type: ignore[no-untyped-def]
    def dates(doc: Document) -> Document:
        return replace(doc, dates=tuple(find_dates(doc.id, doc.text, _anchor(doc.published))))

    return dates
