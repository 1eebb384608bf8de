"""Relative days written as dates: "ce mardi" -> "mardi 25 octobre 2016", "yesterday" -> "on Monday 24 October 2016".

Only a day the dates stage resolved (``DateMention`` of precision "day", an ISO value) in a report with a
publication date is rewritten, and only when its words name no month (a date already absolute stays as it is).
The rewritten sentence keeps the citation of the span it comes from; the date's words are listed as what it adds
(``SummarySentence.added``), so that a reader, and the faithfulness check, can tell them from the cited words.
"""

from __future__ import annotations

import re
from datetime import date

from ...model import DateMention, Document, Sentence

__all__ = ["absolute_days", "relative_days", "written_date"]

_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}
_FORMS = {
    "fr": "{weekday} {day} {month} {year}",
    "en": "{weekday} {day} {month} {year}",
    "de": "{weekday}, {day}. {month} {year}",
}
#: words around a relative day that the written date replaces ("ce mardi", "mardi dernier", "last Tuesday")
_BEFORE = re.compile(r"(?:\b(?:ce|cette|this|last|next|on|am|diesen|letzten)\s+)$", re.IGNORECASE)
_AFTER = re.compile(r"^\s+(?:dernier|prochain|passé|last|next)\b", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: a part of the day the relative day names ("mercredi soir"), kept after the written date ("... 2024 au soir")
_PARTS = {
    "fr": {"soir": "au soir", "soirée": "dans la soirée", "matin": "au matin", "après-midi": "dans l'après-midi",
           "nuit": "dans la nuit"},
    "en": {"evening": "in the evening", "morning": "in the morning", "afternoon": "in the afternoon", "night": "at night"},
    "de": {"abend": "am Abend", "morgen": "am Morgen", "nachmittag": "am Nachmittag", "nacht": "in der Nacht"},
}  # fmt: skip
_PART = re.compile(r"^\s*(?P<part>[\w-]+)")
_ANY_MONTH = re.compile("|".join(m for months in _MONTHS.values() for m in months) + r"|\d", re.IGNORECASE)


def written_date(value: str, language: str) -> str:
    """ "2016-10-25" -> "mardi 25 octobre 2016" (or the English, German form)."""
    day = date.fromisoformat(value)
    lang = language if language in _FORMS else "fr"
    weekday, month = _WEEKDAYS[lang][day.weekday()], _MONTHS[lang][day.month - 1]
    return _FORMS[lang].format(weekday=weekday, day=day.day, month=month, year=day.year)


def relative_days(doc: Document, sentence: Sentence) -> list[DateMention]:
    """The sentence's days written relative to the report's date ("ce mardi", "hier"), resolved to a day."""
    start, end = sentence.span.start, sentence.span.end
    return [
        m
        for m in doc.dates
        if start <= m.span.start < m.span.end <= end
        and m.precision == "day"
        and _ISO_DAY.match(m.value)
        and not _ANY_MONTH.search(m.text)
    ]


def absolute_days(doc: Document, sentence: Sentence) -> tuple[str, tuple[str, ...]]:
    """The sentence with its relative days written as dates, and the dates it added ("" and () when none)."""
    if not doc.published:
        return sentence.text, ()
    text, added = sentence.text, []
    language = doc.language or "fr"
    for mention in sorted(relative_days(doc, sentence), key=lambda m: -m.span.start):
        left, right = mention.span.start - sentence.span.start, mention.span.end - sentence.span.start
        before, after = _BEFORE.search(text[:left]), _AFTER.match(text[right:])
        left = before.start() if before else left
        right = right + after.end() if after else right
        written = written_date(mention.value, language)
        part, right = _part_of_day(text, left, right, language)
        written = f"{written} {part}" if part else written
        phrase = f"on {written}" if language == "en" else written
        if text[left:right][:1].isupper():
            phrase = phrase[0].upper() + phrase[1:]
        text = text[:left] + phrase + text[right:]
        added.append(written)
    return text, tuple(added)


def _part_of_day(text: str, left: int, right: int, language: str) -> tuple[str, int]:
    """The part of the day the relative day names, in its words or just after them ("mercredi soir": "au soir"), and
    where the words it replaces end."""
    parts = _PARTS.get(language, _PARTS["fr"])
    inside = next((parts[w.lower()] for w in re.findall(r"[\w-]+", text[left:right]) if w.lower() in parts), None)
    if inside:
        return inside, right
    after = _PART.match(text[right:])
    if after and after.group("part").lower() in parts:
        return parts[after.group("part").lower()], right + after.end()
    return "", right
