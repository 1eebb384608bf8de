"""Stage ``dates``: date expressions resolved against the publication date.

Absolute dates ("25 octobre 2016", "juin 2014", "26/10/2016") need no anchor; relative
ones ("ce mardi", "mardi 25", "lundi 17", "hier", "en août") are resolved against
the document's publication date and skipped when it is unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from ...config import Settings
from ...model import DateMention, Document, Precision, Span
from ...pipeline import stage
from ..metadata import MONTHS
from .patterns import (
    AHEAD,
    COMPILED,
    FUTURE,
    NUMBER_WORDS,
    PART_AFTER,
    PART_INSIDE,
    PARTS,
    PAST,
    RELATIVE_DAYS,
    WEEKDAYS,
)

__all__ = ["WEEKDAYS", "find_dates", "publication_day"]


#: date mentions with the kind of pattern that found each
Found = list[tuple[str, DateMention]]


def find_dates(doc_id: str, text: str, anchor: date | None) -> list[DateMention]:
    """Every date expression, the more specific pattern winning where two overlap."""
    taken: list[tuple[int, int]] = []
    found: Found = []
    for kind, pattern in COMPILED.items():
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            tense = 1 if AHEAD.search(text, max(0, match.start() - 20), match.start()) else _tense(text, *match.span())
            pieces = []
            for piece_kind, start, end, groups in _pieces(kind, match):
                resolved = _resolve(piece_kind, groups, anchor, tense)
                if resolved is not None:
                    pieces.append((piece_kind, DateMention(Span(doc_id, start, end), text[start:end], *resolved)))
            if pieces:
                taken.append(match.span())
                found.extend(pieces)
    found.sort(key=lambda pair: pair[1].span.start)
    return _clock_on_its_day(text, [_part_of_day(text, *pair) for pair in found])


def _pieces(kind: str, match: re.Match[str]) -> list[tuple[str, int, int, dict[str, str | None]]]:
    """A range ("du 19 au 23 juillet", "entre 1982 et 1990", "mars-avril") is one expression per end."""
    g = match.groupdict()
    if kind == "year_span":
        return [("year", *match.span(key), {"y": g[key], "y2": None}) for key in ("y", "y3")]
    if kind == "month_span":
        one = "my" if g["y"] else "in_month"
        return [
            (one, *match.span("m"), {"m": g["m"], "y": g["y"]}),
            (one, match.start("m2"), match.end(), {"m": g["m2"], "y": g["y"]}),
        ]
    if kind == "wdm":  # "samedi 5 juin": the weekday is part of the expression
        return [("dmy" if g["y"] else "dm", *match.span(), g)]
    if kind == "day_span":
        one = "dmy" if g["y"] else "dm"
        first = {"d": g["d"], "m": g["m"], "y": g["y"]}
        return [(one, *match.span("d"), first), (one, match.start("d2"), match.end(), {**first, "d": g["d2"]})]
    return [(kind, *match.span(), g)]


def _part_of_day(text: str, kind: str, mention: DateMention) -> tuple[str, DateMention]:
    """ "mardi soir": the day with TimeML's part of day."""
    if mention.precision != "day":
        return kind, mention
    inside = PART_INSIDE.search(mention.text)
    if inside is not None:
        return kind, replace(mention, part_of_day=PARTS[inside.group("p").lower()])
    after = PART_AFTER.match(text, mention.span.end)
    if after is None:
        return kind, mention
    span = replace(mention.span, end=after.end())
    return kind, DateMention(span, text[span.start : span.end], mention.value, "day", PARTS[after.group("p").lower()])


#: a clock time takes the day named in its paragraph up to this far before it ("samedi 24 juillet … Le même
#: jour, à 14 h 15"), else the day named this close after it
CLOCK_BEFORE, CLOCK_AFTER = 300, 80


def _clock_on_its_day(text: str, found: Found) -> list[DateMention]:
    days = [m for _, m in found if m.precision == "day"]
    out = []
    for kind, mention in found:
        if kind in ("clock", "noon"):
            start = mention.span.start
            before = [
                d for d in days if 0 <= start - d.span.end <= CLOCK_BEFORE and "\n" not in text[d.span.end : start]
            ]
            after = [d for d in days if 0 <= d.span.start - start <= CLOCK_AFTER]
            near = before[-1] if before else min(after, key=lambda d: d.span.start, default=None)
            if near is not None:
                mention = replace(mention, value=near.value + mention.value[10:])
        out.append(mention)
    return out


def _tense(text: str, start: int, end: int) -> int:
    """1 if the sentence around [start, end) speaks of the future only, -1 of the past only, else 0."""
    before = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    after = min((i for i in (text.find(c, end) for c in ".!?\n") if i >= 0), default=len(text))
    sentence = text[before:after]
    future, past = bool(FUTURE.search(sentence)), bool(PAST.search(sentence))
    return 1 if future and not past else -1 if past and not future else 0


def _resolve(kind: str, g: dict[str, str | None], anchor: date | None, tense: int = 0) -> tuple[str, Precision] | None:
    month = _month(g.get("m"))
    if kind == "year":
        return g["y"] or g["y2"] or "", "year"
    if kind == "part_year":
        return g["y"] or "", "year"
    if kind == "part_month" and g.get("y") or kind == "my":
        return f"{int(g['y'] or 0):04d}-{month:02d}", "month"
    if kind in {"dmy", "mdy", "numeric"}:
        return _day(int(g["y"] or 0), month, int(g["d"] or 0))
    if kind == "decade":
        digits = g["dec"] or g["dec2"] or "0"
        year = int(digits) if len(digits) == 4 else _two_digits(int(digits), anchor)
        return f"{year // 10:03d}X", "decade"
    if kind == "century":
        number = _roman(g["c"] or "")
        return (f"{number - 1:02d}XX", "century") if 1 <= number <= 30 else None
    if kind in ("year2", "my2"):
        year = _two_digits(int(g["yy"] or 0), anchor)
        return (f"{year:04d}", "year") if kind == "year2" else (f"{year:04d}-{month:02d}", "month")
    if anchor is None:
        return None
    extra = _relative(kind, g, anchor, month)
    if extra is not None:
        return extra
    if kind == "dm":  # without a year: this year's, unless the tense puts it on the other side of the anchor
        found = _day(anchor.year, month, int(g["d"] or 0))
        if found is not None and tense and (found[0] < anchor.isoformat()) == (tense > 0):
            return _day(anchor.year + tense, month, int(g["d"] or 0)) or found
        return found
    if kind == "relative":
        return (anchor + timedelta(days=RELATIVE_DAYS[(g["r"] or "").lower()])).isoformat(), "day"
    weekday = WEEKDAYS[(g["w"] or "").lower()]
    if kind == "weekday_day" or (kind == "night" and g["d"]):
        return _weekday_day(anchor, weekday, int(g["d"] or 0))
    if tense:  # "la fête aura lieu dimanche": the next one; "il a parlé dimanche": the last one
        step = (weekday - anchor.weekday()) % 7 if tense > 0 else -((anchor.weekday() - weekday) % 7)
        return (anchor + timedelta(days=step)).isoformat(), "day"
    return _nearest_weekday(anchor, weekday).isoformat(), "day"


def _relative(kind: str, g: dict[str, str | None], anchor: date, month: int) -> tuple[str, Precision] | None:
    """Expressions that exist only relative to the publication date."""
    if kind in ("part_month", "in_month"):
        return _nearest_month(anchor, month), "month"
    if kind == "dm_mod":
        day = int(g["d"] or 0)
        forward = (g["mod"] or "").lower() == "prochain"
        for year in (anchor.year, anchor.year + (1 if forward else -1)):
            found = _day(year, month, day)
            if found and (date.fromisoformat(found[0]) > anchor) == forward:
                return found
        return None
    if kind == "month_mod":
        forward = (g["mod"] or "").lower() == "prochain"
        year = (
            anchor.year
            + (1 if forward and month <= anchor.month else 0)
            - (1 if not forward and month >= anchor.month else 0)
        )
        return f"{year:04d}-{month:02d}", "month"
    if kind in ("weekday_mod", "mod_weekday"):
        weekday = WEEKDAYS[(g["w"] or "").lower()]
        if (g["mod"] or "").lower() in ("prochain", "next", "nächsten"):
            return (anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)).isoformat(), "day"
        return (anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)).isoformat(), "day"
    if kind == "ago":
        count = _count(g["n"] or "1")
        unit = (g["u"] or "").lower()
        if unit.startswith("jour"):
            return (anchor - timedelta(days=count)).isoformat(), "day"
        if unit.startswith("semaine"):
            return _week(anchor - timedelta(weeks=count)), "week"
        if unit == "mois":
            index = anchor.year * 12 + anchor.month - 1 - count
            return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
        return f"{anchor.year - count:04d}", "year"
    if kind == "year_rel":
        which = (g["which"] or "").lower()
        shift = 1 if ("prochain" in which or "next" in which) else (0 if "cette" in which or "this" in which else -1)
        return f"{anchor.year + shift:04d}", "year"
    if kind == "week_rel":
        which = (g["which"] or "").lower()
        shift = 1 if ("prochaine" in which or "next" in which) else (0 if "cette" in which or "this" in which else -1)
        return _week(anchor + timedelta(weeks=shift)), "week"
    if kind == "tonight":
        return anchor.isoformat(), "day"
    if kind == "this_year":
        return f"{anchor.year:04d}", "year"
    if kind == "noon":
        return f"{anchor.isoformat()}T12:00", "time"
    if kind == "clock":
        return f"{anchor.isoformat()}T{int(g['h'] or 0):02d}:{int(g['min'] or 0):02d}", "time"
    return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 1)


def _two_digits(year: int, anchor: date | None) -> int:
    """ "97" in 1999 is 1997, "05" in 2016 is 2005: the last year so written up to the year after the anchor
    (2030 when there is none)."""
    base = anchor.year if anchor is not None else 2030
    candidate = base - base % 100 + year
    if candidate + 100 <= base + 1:  # "00" written in 1999
        return candidate + 100
    return candidate - 100 if candidate > base + 1 else candidate


def _roman(numeral: str) -> int:
    """ "XIX" -> 19 (0 when it is no Roman numeral)."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, letter in enumerate(numeral.upper()):
        value = values.get(letter, 0)
        if value == 0:
            return 0
        following = values.get(numeral[i + 1].upper(), 0) if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _nearest_month(anchor: date, month: int) -> str:
    """The month of that name nearest the anchor (past on a tie): "en août" in July is this August."""
    forward = (month - anchor.month) % 12
    back = (anchor.month - month) % 12
    year = (
        anchor.year + (1 if anchor.month + forward > 12 else 0)
        if forward < back
        else anchor.year - (1 if month > anchor.month else 0)
    )
    return f"{year:04d}-{month:02d}"


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


def publication_day(published: str | None) -> date | None:
    """The day of an ISO publication date or date-time; None without a valid one."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


#: documents whose dates are kept in memory: a store publishes a story again as it grows, and each publication
#: reads all its documents again (a third of the publishing time on OrangeSum's 2020 articles before this)
REMEMBERED = 4096


@lru_cache(maxsize=REMEMBERED)
def _remembered(doc_id: str, text: str, anchor: date | None) -> tuple[DateMention, ...]:
    return tuple(find_dates(doc_id, text, anchor))


@stage("dates", version="2", requires=["text", "published"], assigns=["dates"])
def make_dates(settings: Settings):  # type: ignore[no-untyped-def]
    def dates(doc: Document) -> Document:
        return replace(doc, dates=_remembered(doc.id, doc.text, publication_day(doc.published)))

    return dates
