"""Numbers as news writes them, with their spans: "5 000", "3,5 millions", "treize", "une centaine"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from text_to_num import text2num

from ...model import FULL_LANGUAGES

__all__ = ["Number", "find_numbers"]

_WORDS_FR = [
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "cents",
    "mille",
]
_WORDS_EN = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
]
_WORD = "|".join(sorted(_WORDS_FR + _WORDS_EN, key=len, reverse=True))
_SPELLED = rf"(?:{_WORD})(?:(?:[\s-]+(?:et[\s-]+)?)(?:un|une|{_WORD}))*"
_DIGITS = r"\d{1,3}(?:[ .\u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
_SCALE = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "thousand": 1e3,
          "billion": 1e9, "billions": 1e9, "millionen": 1e6, "milliarden": 1e9}  # fmt: skip
_SCALED = rf"(?P<n>{_DIGITS}|{_SPELLED})(?:\s+(?P<scale>{'|'.join(_SCALE)})\b)?"
#: vague amounts: "une centaine" (about 100), "des dizaines" (20 to 90), "quelques milliers" (2,000 to 9,000)
_ORDERS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
           "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000}  # fmt: skip
_VAGUE = re.compile(
    r"\b(?P<det>une|un|des|aux|quelques|plusieurs)\s+(?P<order>" + "|".join(_ORDERS) + r")s?"
    r"(?:\s+de\s+(?P<of>milliers|millions))?\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(rf"(?<![\w,.]){_SCALED}(?![\w])", re.IGNORECASE)
_QUALIFIERS = [
    (
        "at_least",
        (
            r"(?:plus de|au moins|plus d['’]|pas moins de|pas moins d['’]|sup[ée]rieure?s? [àa]|au-del[àa] de|more than"
            r"|at least|over|no fewer than|not less than|mehr als|über|mindestens|nicht weniger als)\s+$"
        ),
    ),
    (
        "at_most",
        r"(?:moins de|moins d['’]|jusqu['’]à|inf[ée]rieure?s? [àa]|less than|up to|fewer than|weniger als|bis zu)\s+$",
    ),
    (
        "about",
        r"(?:environ|près de|quelque|autour de|approximativement|some|about|around|nearly|almost|etwa|rund|fast)\s+$",
    ),
]
_RANGE = re.compile(r"^\s*(?:à|a|et|-|–|to|and|bis|und)\s+$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:entre|de|between|from|zwischen|von)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    low: float
    high: float
    qualifier: str


def _value(raw: str, scale: str | None, language: str) -> float | None:
    raw = raw.strip()
    if raw[0].isdigit():
        digits = re.sub(r"[ .\u00a0\u202f](?=\d{3}\b)", "", raw).replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            return None
    elif language not in FULL_LANGUAGES:  # numbers in words only in the languages with word lists
        return None
    else:
        try:
            value = float(text2num(raw.lower(), "fr" if language not in ("en",) else "en"))
        except ValueError:
            return None
    return value * _SCALE.get((scale or "").lower(), 1.0)


def _single(text: str, language: str) -> Iterator[Number]:
    for match in _NUMBER.finditer(text):
        value = _value(match.group("n"), match.group("scale"), language)
        if value is None:
            continue
        qualifier = next(
            (
                q
                for q, p in _QUALIFIERS
                if re.search(p, text[max(0, match.start() - 30) : match.start()], re.IGNORECASE)
            ),
            "exact",
        )
        low, high = (value * 0.9, value * 1.1) if qualifier == "about" else (value, value)
        yield Number(match.start(), match.end(), low, high, qualifier)
    for match in _VAGUE.finditer(text):
        order = _ORDERS[match.group("order").lower()] * (1000 if match.group("of") == "milliers" else 1)
        if match.group("det").lower() in ("une", "un"):
            yield Number(match.start(), match.end(), order * 0.8, order * 1.2, "about")
        else:
            yield Number(match.start(), match.end(), order * 2, order * 9, "about")


def find_numbers(text: str, language: str = "fr") -> list[Number]:
    """Numbers and ranges ("5 000 à 6 000", "entre 30 000 et 40 000"), each with its span."""
    singles = sorted(_single(text, language), key=lambda n: n.start)
    merged: list[Number] = []
    for number in singles:
        if merged and merged[-1].end > number.start:
            continue
        previous = merged[-1] if merged else None
        if previous and _RANGE.match(text[previous.end : number.start]) and previous.low <= number.low:
            opens = _RANGE_OPEN.search(text[max(0, previous.start - 12) : previous.start])
            start = previous.start - (len(opens.group(0)) if opens else 0)
            merged[-1] = Number(start, number.end, previous.low, number.high, "range")
            continue
        merged.append(number)
    return merged
