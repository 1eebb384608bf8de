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
_MON = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m in ("mai", "may")), key=len, reverse=True))
_RELATIVE_DAYS = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1, "vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1,
}  # fmt: skip
_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                 "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30}  # fmt: skip
_COUNT = r"\d{1,3}|" + "|".join(_NUMBER_WORDS)
#: a two-digit year ("en 97", "octobre 98") only where nothing follows that makes it a count
_YEAR_ENDS = r"(?=\s*[,.;:()]|\s*$)"
#: TimeML's parts of a day, named inside a date ("ce soir") or right after it ("mardi soir")
_PARTS = {"matin": "MO", "matinée": "MO", "morning": "MO", "vormittag": "MO", "après-midi": "AF", "afternoon": "AF",
          "nachmittag": "AF", "soir": "EV", "soirée": "EV", "evening": "EV", "tonight": "EV", "abend": "EV",
          "nuit": "NI", "night": "NI", "nacht": "NI"}  # fmt: skip
_PART_INSIDE = re.compile(r"\b(?P<p>" + "|".join(_PARTS) + r")\b", re.IGNORECASE)
_PART_AFTER = re.compile(
    r"\s*,?\s+(?:(?:en|dans la|dans l['’]|au|tard dans la|tôt dans la|tard dans l['’]|tôt dans l['’]|in the|am)\s*"
    r"(?:(?:début|fin)\s+d['’]|(?:début|fin)\s+de\s+)?)?(?P<p>" + "|".join(_PARTS) + r")\b(?!-)",
    re.IGNORECASE,
)
_PATTERNS = [
    ("ago", rf"\bil y a\s+(?P<n>{_COUNT})\s+(?P<u>jours?|semaines?|mois|ans|années)\b"),
    (
        "night",
        rf"\b(?:la\s+)?nuit\s+(?:de|du)\s+(?P<w>{_DAYS})(?:\s+(?P<d>\d{{1,2}}))?\s+(?:à|au)\s+(?:{_DAYS})(?:\s+\d{{1,2}})?\b",
    ),
    ("weekday_mod", rf"\b(?P<w>{_DAYS})\s+(?P<mod>dernier|prochain|passé|last|next)\b"),
    ("mod_weekday", rf"\b(?P<mod>last|next|letzten|nächsten)\s+(?P<w>{_DAYS})\b"),
    (
        "part_month",
        rf"\b(?P<part>mi-|début|fin|courant|early|late|mid-|anfang|ende|mitte)\s*(?P<m>{_MON})(?:\s+(?P<y>\d{{4}}))?\b",
    ),
    ("part_year", r"\b(?P<part>début|fin|mi-|courant|early|late|mid-|anfang|ende|mitte)\s*(?P<y>(?:19|20)\d\d)\b"),
    ("dm_mod", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{_MON})\s+(?P<mod>dernier|prochain)\b"),
    ("month_mod", rf"\b(?P<m>{_MON})\s+(?P<mod>dernier|prochain)\b"),
    (
        "year_rel",
        r"\b(?P<which>l['’]an(?:née)? (?:dernier|dernière|prochain|prochaine|passée?)|cette année|last year|next year|this year)\b",
    ),
    ("this_year", r"\b(?:la|en)\s+(?:fin|début|milieu)\s+(?:de\s+l['’]année|d['’]année)\b"),
    (
        "week_rel",
        r"\b(?P<which>la semaine (?:dernière|prochaine|passée)|cette semaine|last week|next week|this week)\b",
    ),
    (
        "day_span",
        (
            rf"\b(?:du|from|vom)\s+(?P<d>\d{{1,2}})(?:er)?\.?\s+(?:au|to|bis(?: zum)?)\s+(?P<d2>\d{{1,2}})(?:er)?\.?\s+"
            rf"(?P<m>{_MON})(?:\s+(?P<y>\d{{4}}))?\b"
        ),
    ),
    ("wdm", rf"\b(?:{_DAYS})\s+(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{_MON})(?:\s+(?P<y>\d{{4}}))?\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{_MON})\s+(?P<y>\d{{4}})\b"),
    ("mdy", rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b"),
    ("numeric", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
    ("weekday_day", rf"\b(?P<w>{_DAYS})\s+(?P<d>\d{{1,2}})(?:er)?\b(?!\s*(?:{_MON}))"),
    ("dm", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{_MON})\b(?!\s+\d{{4}})"),
    ("month_span", rf"\b(?P<m>{_MON})\s*[-–/]\s*(?P<m2>{_MON})(?:\s+(?P<y>\d{{4}}))?\b"),
    ("my", rf"\b(?P<m>{_MON})\s+(?P<y>\d{{4}})\b"),
    ("my2", rf"\b(?P<m>{_MON})\s+(?P<yy>\d\d)\b{_YEAR_ENDS}"),
    ("weekday", rf"\b(?P<w>{_DAYS})\b(?!\s+\d)"),
    ("relative", r"(?<![\w-])(?P<r>" + "|".join(re.escape(k) for k in _RELATIVE_DAYS) + r")(?![\w-])"),
    ("in_month", rf"\b(?:en|in|im|depuis|since|seit|d['’]ici|jusqu['’]en)\s+(?P<m>{_MON})\b(?!\s+\d)"),
    (
        "year_span",
        (
            r"(?:\b(?:entre|de|du|période|between|from|zwischen|von)\s+|\b(?=\d{4}\s*[-–]\s*\d{4}))"
            r"(?P<y>(?:18|19|20)\d\d)\s*(?:-|–|et|à|au|and|to|und|bis)\s*(?P<y3>(?:18|19|20)\d\d)\b"
            r"(?!\s*(?:%|€|\$|euros?\b|dollars?\b|francs?\b|personnes\b|habitants\b|mètres\b|tonnes\b|km\b))"
        ),
    ),
    (
        "year",
        (
            r"(?:(?<=\ben )|(?<=\bdepuis )|(?<=\bdès )|(?<=\bde )|(?<=\bin )|(?<=\bsince )|(?<=\bannée )|(?<=\bseit ))"
            r"(?P<y>(?:18|19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)(?=\s*[,.;:)]|$)"
        ),
    ),
    ("year2", rf"(?:(?<=\ben )|(?<=\bdès )|(?<=\bdepuis )|(?<=\bin ))(?P<yy>\d\d)\b{_YEAR_ENDS}"),
    ("tonight", r"\b(?P<r2>ce soir|ce matin|cet après-midi|cette nuit|tonight|this morning|heute abend)\b"),
    ("clock", r"(?<![\d,])(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<min>[0-5]\d)?\b"),
    ("noon", r"(?:(?<=\bà )|(?<=\bvers )|(?<=\bce )|(?<=\bat ))(?:midi|noon)\b(?!-)"),
]
_COMPILED = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in _PATTERNS}
#: verbs in the future ("fera", "se déroulera", "aura lieu", "va ...") and in the past ("a été", "avait",
#: "ont manifesté"): a weekday or a day without its year is then the next or the last one
_FUTURE = re.compile(
    r"\b(?:\w+(?:era|eront|erai|erons|erez|ira|iront|dra|dront|vra|vront|rra|rront)|sera|seront|fera|feront|aura"
    r"|auront|ira|iront|va|vont|will)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:(?:a|ont|avait|avaient|a été|ont été|avait été|had|has|was|were)\s+(?:\w+\s+){0,2}?\w+(?:é|ée|és|ées|i|is|it|u|us|ed)"
    r"|\w{3,}(?:ait|aient))\b",
    re.IGNORECASE,
)
#: a deadline or a start is ahead whatever the tense: "M. Blair a donné jusqu'au 30 juin"
_AHEAD = re.compile(
    r"(?:jusqu['’](?:au|à)|d['’]ici(?: au| le)?|avant le|à partir du|dès le|until|by)\s*$", re.IGNORECASE
)


#: date mentions with the kind of pattern that found each
Found = list[tuple[str, DateMention]]


def find_dates(doc_id: str, text: str, anchor: date | None) -> list[DateMention]:
    """Every date expression, the more specific pattern winning where two overlap."""
    taken: list[tuple[int, int]] = []
    found: Found = []
    for kind, pattern in _COMPILED.items():
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            tense = 1 if _AHEAD.search(text, max(0, match.start() - 20), match.start()) else _tense(text, *match.span())
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
    inside = _PART_INSIDE.search(mention.text)
    if inside is not None:
        return kind, replace(mention, part_of_day=_PARTS[inside.group("p").lower()])
    after = _PART_AFTER.match(text, mention.span.end)
    if after is None:
        return kind, mention
    span = replace(mention.span, end=after.end())
    return kind, DateMention(span, text[span.start : span.end], mention.value, "day", _PARTS[after.group("p").lower()])


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
    future, past = bool(_FUTURE.search(sentence)), bool(_PAST.search(sentence))
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
        return (anchor + timedelta(days=_RELATIVE_DAYS[(g["r"] or "").lower()])).isoformat(), "day"
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
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower(), 1)


def _two_digits(year: int, anchor: date | None) -> int:
    """ "97" in 1999 is 1997, "05" in 2016 is 2005: the last year so written up to the year after the anchor
    (2030 when there is none)."""
    base = anchor.year if anchor is not None else 2030
    candidate = base - base % 100 + year
    if candidate + 100 <= base + 1:  # "00" written in 1999
        return candidate + 100
    return candidate - 100 if candidate > base + 1 else candidate


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


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


@stage("dates", version="2", requires=["text", "published"], assigns=["dates"])
def make_dates(settings: Settings):  # type: ignore[no-untyped-def]
    def dates(doc: Document) -> Document:
        return replace(doc, dates=tuple(find_dates(doc.id, doc.text, _anchor(doc.published))))

    return dates
