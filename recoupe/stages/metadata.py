"""Stage ``metadata``: publication date and outlet from the header lines clean removed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import dateparser

from ..config import Settings
from ..model import Document
from ..pipeline import stage

__all__ = ["MONTHS", "header_date", "normalise_published"]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "january", "januar", "jan"),
            ("février", "fevrier", "february", "februar", "feb", "fév"),
            ("mars", "march", "märz", "marz", "mar"),
            ("avril", "april", "apr", "avr"),
            ("mai", "may"),
            ("juin", "june", "juni", "jun"),
            ("juillet", "july", "juli", "jul", "juil"),
            ("août", "aout", "august", "aug"),
            ("septembre", "september", "sept", "sep"),
            ("octobre", "october", "oktober", "oct", "okt"),
            ("novembre", "november", "nov"),
            ("décembre", "decembre", "december", "dezember", "dec", "déc", "dez"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL = re.compile(rf"(\d{{1,2}})(?:er)?\.?\s+({_MONTH_RE})\.?\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b")
_TIME = re.compile(r"\b(\d{1,2})\s*[:h]\s*(\d{2})\b")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BYLINE = re.compile(r"^la rédaction (?:de|d')\s*(.+)$", re.IGNORECASE)
_UPDATE = re.compile(r"mis[e]? à jour|updated|aktualisiert|modifi", re.IGNORECASE)
_PUBLISHED = re.compile(r"publi|published|veröffentlicht", re.IGNORECASE)


def header_date(line: str) -> tuple[str | None, tuple[int, int] | None]:
    """An ISO date(time) from a header line, or (month, day) when the line gives no year."""
    time = _TIME.search(line)
    hhmm = f"T{int(time.group(1)):02d}:{time.group(2)}" if time and int(time.group(1)) < 24 else ""
    if full := _FULL.search(line):
        day, month, year = int(full.group(1)), MONTHS[full.group(2).lower()], int(full.group(3))
        return _iso(year, month, day, hhmm), None
    if numeric := _NUMERIC.search(line):
        day, month = int(numeric.group(1)), int(numeric.group(2))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None, None
        if numeric.group(3):
            year = int(numeric.group(3))
            return _iso(year + 2000 if year < 100 else year, month, day, hhmm), None
        return None, (month, day)
    return None, None


def _iso(year: int, month: int, day: int, hhmm: str) -> str | None:
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}{hhmm}"


def normalise_published(value: str) -> str | None:
    """ISO 8601 from whatever a container gave (ISO already, RFC 822, '26 octobre 2016')."""
    if _DATE_ONLY.match(value):
        return value
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        parsed = dateparser.parse(value, languages=["fr", "en", "de"])
        return parsed.isoformat() if parsed else None


def _from_header(removed: tuple[str, ...]) -> tuple[str | None, tuple[int, int] | None]:
    """Prefer the date of a 'Publié' header over an update date; the first found otherwise."""
    candidates: list[tuple[int, str | None, tuple[int, int] | None]] = []
    for index, line in enumerate(removed[:30]):
        iso, month_day = header_date(line)
        if iso is None and month_day is None:
            continue
        context = line + " " + (removed[index - 1] if index else "")
        rank = 0 if _PUBLISHED.search(context) else (2 if _UPDATE.search(context) else 1)
        candidates.append((rank, iso, month_day))
    if not candidates:
        return None, None
    _, iso, month_day = min(candidates, key=lambda c: c[0])
    return iso, month_day


def _outlet(removed: tuple[str, ...]) -> str | None:
    for line in removed[:30]:
        if match := _BYLINE.match(line):
            return match.group(1).strip()
    return None


@stage("metadata", version="1", requires=["removed", "published"], assigns=["published_month_day", "outlet"])
def make_metadata(settings: Settings):  # type: ignore[no-untyped-def]
    def metadata(doc: Document) -> Document:
        published = normalise_published(doc.published) if doc.published else None
        month_day = None
        if published is None:
            published, month_day = _from_header(doc.removed)
        return replace(
            doc, published=published, published_month_day=month_day, outlet=doc.outlet or _outlet(doc.removed)
        )

    return metadata
