"""Stage ``figures``: numbers with the thing they count and what they are about.

"il y aurait 5 000 à 6 000 combattants de l'EI dans Mossoul, et 3 000 à 4 000 à Raqqa"
gives two figures of "combattants" (the second inherits the unit), about Mossoul and
Raqqa. Years and numbers inside date expressions are not figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ...config import Settings
from ...model import Document, Figure, Span
from ...pipeline import stage
from .numbers import Number, find_numbers

__all__ = ["find_figures"]

_STOP = {
    "la", "le", "les", "l", "un", "une", "des", "du", "de", "d", "à", "a", "au", "aux", "en", "et", "ou", "sur",
    "dans", "par", "pour", "avec", "the", "of", "and", "in", "on", "to", "der", "die", "das", "und",
    # prepositions: "quatre milliards devant leur écran"
    "devant", "derrière", "avant", "après", "contre", "chez", "sous", "vers", "entre", "selon", "before", "after",
    "against",
    # times of day: "un train sur cinq l'après-midi"
    "l'après-midi", "l’après-midi", "matin", "soir", "midi",
}  # fmt: skip
#: determiners and possessives after a number: "trois de ses quatre enfants", "2 de ses frères" count what follows
#: them, which the number does not name: no figure (not even one of the unit before)
_PARTITIVE = {
    "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma",
    "mes", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
}  # fmt: skip
#: a number before a month is a day of a date the dates stage could not resolve (no year known)
_MONTHS = {
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
    "octobre", "novembre", "décembre", "decembre", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "januar", "februar", "märz", "juni", "juli",
    "oktober", "dezember",
}  # fmt: skip
#: "les deux pays", "ces deux points", "tous deux": a number in words after these refers, it does not count
_REFERRING = re.compile(r"\b(?:les|ces|nos|vos|leurs|ses|mes|tous|toutes|the|these|both)\s+$", re.IGNORECASE)
#: the word a number counts, after "de" or "of" ("3 millions de personnes"), not a word that begins with them
#: ("quatre milliards devant leur écran")
_UNIT = re.compile(r"^\s*(?:(?:de|of)\s+|d['’]\s*)?(?P<unit>%|€|\$|[^\W\d_][\w’'-]*)", re.IGNORECASE)
_PREPOSITION = r"(?:de|d['’]|du|des|dans|à|au|aux|en|sur|pour|in|of|at|im|in der)"
_COMPLEMENT = re.compile(
    rf"^\s*(?:{_PREPOSITION})\s*(?:[\w’'-]+\s*){{1,3}}?(?=[,.;:!?)]|\s+(?:{_PREPOSITION})\s|\s+[a-zé]+(?:ent|ait|aient|a|ont|sont)\b|$)"
)
#: a purpose, not a complement: "quatre enfants pour assister aux obsèques" counts children, not of the funeral
_PURPOSE = re.compile(r"\s*(?:pour|afin d['e])\s*(?!(?:notre|votre|autre|leur)\b)[a-zé]+(?:er|ir|oir|re)\b")
_YEAR_CONTEXT = re.compile(r"(?:en|depuis|jusqu['’]en|dès|in|since|seit|im jahr|année|year)\s+$", re.IGNORECASE)
_NAMED_PLACE = re.compile(r"\b(?:dans|à|au|en|in|at|im|bei)\s+([A-ZÀ-Ý][\w-]+)")
_PLACE_WORDS = re.compile(r"\b(?:la ville|the city|die stadt)\b", re.IGNORECASE)
#: a figure's complement is read this far at most
SUBJECT_MAX_WORDS = 8
#: "5 000 à 6 000 combattants …, et 3 000 à 4 000 à Raqqa": a number this close after a figure counts the same thing
INHERIT_REACH = 60
_CLOCK = re.compile(r"(?:vers|à|dès|avant|après|jusqu['’]à|at|um|gegen)\s+$", re.IGNORECASE)
#: the hours before the minutes of a clock time ("09:44", "20h08")
_MINUTES = re.compile(r"\d\s?[:h]\Z")
_LOCATIVE = re.compile(r"(?:dans|à|au|aux|en|in|at|near|près de|im|bei)\s+(?:la |le |l['’])?$", re.IGNORECASE)


def find_figures(doc: Document) -> tuple[Figure, ...]:
    figures: list[Figure] = []
    dates = [(d.span.start, d.span.end) for d in doc.dates]
    for sentence in doc.sentences:
        base = sentence.span.start
        last_unit: tuple[str, int] | None = None
        for number in find_numbers(sentence.text, doc.language or "fr"):
            start, end = base + number.start, base + number.end
            if any(start < e and s < end for s, e in dates) or _is_year(doc.text, start, number):
                continue
            if _refers(doc.text, start, sentence.span.start):
                continue
            unit, after = _unit(doc.text, end)
            if unit is not None and unit.lower() in _PARTITIVE:
                continue
            if unit is not None:
                end = after  # the figure's span covers what it counts: "5 000 à 6 000 combattants"
            elif last_unit and start - last_unit[1] <= INHERIT_REACH:
                unit = last_unit[0]
            if unit is None or _is_clock_time(doc.text, start, unit) or unit.lower() in _MONTHS:
                continue
            last_unit = (unit, end)
            subject, place = _subject(doc, unit, after, sentence.span.end)
            place = place or _place(doc, after, _clause_end(doc.text, after, sentence.span.end))
            span = Span(doc.id, start, end)
            figures.append(
                Figure(span, span.of(doc.text), number.low, number.high, unit, number.qualifier, subject, place)
            )
    return tuple(figures)


def _is_year(text: str, start: int, number: Number) -> bool:
    return (
        number.qualifier == "exact"
        and 1800 <= number.low <= 2100
        and (number.low == int(number.low) and (_YEAR_CONTEXT.search(text[max(0, start - 16) : start]) is not None))
    )


def _is_clock_time(text: str, start: int, unit: str) -> bool:
    """ "vers 23 heures", "16 h30" are times of day, not counts of hours; so are the minutes of "09:44 GMT"."""
    if re.fullmatch(r"h\d\d", unit.lower()) or _MINUTES.search(text, max(0, start - 4), start):
        return True
    return unit.lower() in {"heures", "heure", "h", "uhr", "o'clock"} and bool(
        _CLOCK.search(text[max(0, start - 14) : start])
    )


def _refers(text: str, start: int, sentence_start: int) -> bool:
    """A number in words that refers rather than counts ("les deux pays"), or is part of a name
    ("les Vingt-Sept", "la montagne Trois Frères": capitalised inside a sentence)."""
    if text[start].isdigit():
        return False
    if text[start].isupper() and text[sentence_start:start].strip():
        return True
    return bool(_REFERRING.search(text[max(0, start - 10) : start]))


def _unit(text: str, end: int) -> tuple[str | None, int]:
    match = _UNIT.match(text[end : end + 40])
    if not match or match.group("unit").lower() in _STOP:
        return None, end
    return match.group("unit"), end + match.end()


def _subject(doc: Document, unit: str, after: int, limit: int) -> tuple[str, str | None]:
    """The unit and the prepositional groups after it ("de l'EI dans Mossoul"), and the place they name."""
    words = [unit]
    cursor = after
    for _ in range(2):
        match = _COMPLEMENT.match(doc.text[cursor:limit])
        if not match or not match.group(0).strip() or _PURPOSE.match(match.group(0)):
            break
        words.append(match.group(0).strip())
        cursor += match.end()
    subject = " ".join(words)
    subject = " ".join(subject.split()[:SUBJECT_MAX_WORDS])
    return subject, _place(doc, after, cursor)


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause after a figure ends: the next comma, semicolon or full stop, within the sentence."""
    match = re.compile(r"[,;.:!?]").search(text, start, limit)
    return match.start() if match else limit


def _place(doc: Document, start: int, end: int) -> str | None:
    """The place a locative group names ("dans Mossoul", "à Raqqa"; "dans la ville": the document's main place)."""
    for mention in doc.mentions:
        if start <= mention.span.start < end and _LOCATIVE.search(
            doc.text[max(0, mention.span.start - 12) : mention.span.start]
        ):
            return mention.text
    named = _NAMED_PLACE.search(doc.text[start:end])
    if named:  # no tagger (German) or a place it missed: the capitalised word after "in", "à", "dans"
        return named.group(1)
    if _PLACE_WORDS.search(doc.text[start:end]):
        places = Counter(m.text for m in doc.mentions if m.label == "LOC")
        return places.most_common(1)[0][0] if places else None
    return None


@stage("figures", version="3", requires=["text", "language", "sentences", "mentions", "dates"], assigns=["figures"])
def make_figures(settings: Settings):  # type: ignore[no-untyped-def]
    def figures(doc: Document) -> Document:
        return replace(doc, figures=find_figures(doc))

    return figures
