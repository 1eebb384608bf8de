"""The patterns of the ``dates`` stage: date expressions in French, English and German, tried in this order (the
first that matches a stretch of text takes it), the parts of a day, and the words that give a sentence its tense."""

from __future__ import annotations

import re

from ..metadata import MONTHS

__all__ = [
    "AHEAD",
    "COMPILED",
    "FUTURE",
    "NUMBER_WORDS",
    "PARTS",
    "PART_AFTER",
    "PART_INSIDE",
    "PAST",
    "RELATIVE_DAYS",
    "WEEKDAYS",
]

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


def _led(words: list[str]) -> str:
    """An alternation of words, led by a look-ahead at their first letters: the same matches, but a position that
    cannot begin one is passed over at once instead of trying every word (the patterns scan whole reports)."""
    return rf"(?=[{''.join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())}))}])(?:{'|'.join(words)})"


DAYS = _led(list(WEEKDAYS))
MON = _led(sorted((m for m in MONTHS if len(m) > 3 or m in ("mai", "may")), key=len, reverse=True))
RELATIVE_DAYS = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1, "vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1,
}  # fmt: skip
NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                 "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30}  # fmt: skip
COUNT = r"\d{1,3}|" + "|".join(NUMBER_WORDS)
#: a two-digit year ("en 97", "octobre 98") only where nothing follows that makes it a count
YEAR_ENDS = r"(?=\s*[,.;:()]|\s*$)"
#: TimeML's parts of a day, named inside a date ("ce soir") or right after it ("mardi soir")
PARTS = {"matin": "MO", "matinée": "MO", "morning": "MO", "vormittag": "MO", "après-midi": "AF", "afternoon": "AF",
          "nachmittag": "AF", "soir": "EV", "soirée": "EV", "evening": "EV", "tonight": "EV", "abend": "EV",
          "nuit": "NI", "night": "NI", "nacht": "NI"}  # fmt: skip
PART_INSIDE = re.compile(r"\b(?P<p>" + "|".join(PARTS) + r")\b", re.IGNORECASE)
PART_AFTER = re.compile(
    r"\s*,?\s+(?:(?:en|dans la|dans l['’]|au|tard dans la|tôt dans la|tard dans l['’]|tôt dans l['’]|in the|am)\s*"
    r"(?:(?:début|fin)\s+d['’]|(?:début|fin)\s+de\s+)?)?(?P<p>" + "|".join(PARTS) + r")\b(?!-)",
    re.IGNORECASE,
)
PATTERNS = [
    ("ago", rf"\bil y a\s+(?P<n>{COUNT})\s+(?P<u>jours?|semaines?|mois|ans|années)\b"),
    (
        "decade",
        (
            r"\b(?:(?:au\s+)?(?:début|milieu|fin)\s+des\s+|les\s+|des\s+|aux\s+)?années\s+(?P<dec>(?:19|20)?[0-9]0)\b"
            r"|\bthe\s+(?P<dec2>(?:19|20)?[0-9]0)'?s\b"
        ),
    ),
    (
        "century",
        r"\b(?:(?:au\s+)?(?:début|milieu|fin)\s+du\s+|le\s+|au\s+|du\s+)?(?P<c>[IVX]{1,5})(?:e|ème)\s+siècle\b",
    ),
    (
        "night",
        rf"\b(?:la\s+)?nuit\s+(?:de|du)\s+(?P<w>{DAYS})(?:\s+(?P<d>\d{{1,2}}))?\s+(?:à|au)\s+(?:{DAYS})(?:\s+\d{{1,2}})?\b",
    ),
    ("weekday_mod", rf"\b(?P<w>{DAYS})\s+(?P<mod>dernier|prochain|passé|last|next)\b"),
    ("mod_weekday", rf"\b(?P<mod>last|next|letzten|nächsten)\s+(?P<w>{DAYS})\b"),
    (
        "part_month",
        rf"\b(?P<part>mi-|début|fin|courant|early|late|mid-|anfang|ende|mitte)\s*(?P<m>{MON})(?:\s+(?P<y>\d{{4}}))?\b",
    ),
    ("part_year", r"\b(?P<part>début|fin|mi-|courant|early|late|mid-|anfang|ende|mitte)\s*(?P<y>(?:19|20)\d\d)\b"),
    ("dm_mod", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{MON})\s+(?P<mod>dernier|prochain)\b"),
    ("month_mod", rf"\b(?P<m>{MON})\s+(?P<mod>dernier|prochain)\b"),
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
            rf"(?P<m>{MON})(?:\s+(?P<y>\d{{4}}))?\b"
        ),
    ),
    ("wdm", rf"\b(?:{DAYS})\s+(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{MON})(?:\s+(?P<y>\d{{4}}))?\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{MON})\s+(?P<y>\d{{4}})\b"),
    ("mdy", rf"\b(?P<m>{MON})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b"),
    ("numeric", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
    ("weekday_day", rf"\b(?P<w>{DAYS})\s+(?P<d>\d{{1,2}})(?:er)?\b(?!\s*(?:{MON}))"),
    ("dm", rf"\b(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<m>{MON})\b(?!\s+\d{{4}})"),
    ("month_span", rf"\b(?P<m>{MON})\s*[-–/]\s*(?P<m2>{MON})(?:\s+(?P<y>\d{{4}}))?\b"),
    ("my", rf"\b(?P<m>{MON})\s+(?P<y>\d{{4}})\b"),
    ("my2", rf"\b(?P<m>{MON})\s+(?P<yy>\d\d)\b{YEAR_ENDS}"),
    ("weekday", rf"\b(?P<w>{DAYS})\b(?!\s+\d)"),
    ("relative", r"(?<![\w-])(?P<r>" + "|".join(re.escape(k) for k in RELATIVE_DAYS) + r")(?![\w-])"),
    ("in_month", rf"\b(?:en|in|im|depuis|since|seit|d['’]ici|jusqu['’]en)\s+(?P<m>{MON})\b(?!\s+\d)"),
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
            r"(?=[12])(?:(?<=\ben )|(?<=\bdepuis )|(?<=\bdès )|(?<=\bde )|(?<=\bin )|(?<=\bsince )|(?<=\bannée )|(?<=\bseit ))"
            r"(?P<y>(?:18|19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)(?=\s*[,.;:)]|$)"
        ),
    ),
    ("year2", rf"(?=\d)(?:(?<=\ben )|(?<=\bdès )|(?<=\bdepuis )|(?<=\bin ))(?P<yy>\d\d)\b{YEAR_ENDS}"),
    ("tonight", r"\b(?P<r2>ce soir|ce matin|cet après-midi|cette nuit|tonight|this morning|heute abend)\b"),
    ("clock", r"(?=\d)(?<![\d,])(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<min>[0-5]\d)?\b"),
    ("noon", r"(?=[mn])(?:(?<=\bà )|(?<=\bvers )|(?<=\bce )|(?<=\bat ))(?:midi|noon)\b(?!-)"),
]
COMPILED = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in PATTERNS}
#: verbs in the future ("fera", "se déroulera", "aura lieu", "va ...") and in the past ("a été", "avait",
#: "ont manifesté"): a weekday or a day without its year is then the next or the last one
FUTURE = re.compile(
    r"\b(?:\w+(?:era|eront|erai|erons|erez|ira|iront|dra|dront|vra|vront|rra|rront)|sera|seront|fera|feront|aura"
    r"|auront|ira|iront|va|vont|will)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:(?:a|ont|avait|avaient|a été|ont été|avait été|had|has|was|were)\s+(?:\w+\s+){0,2}?\w+(?:é|ée|és|ées|i|is|it|u|us|ed)"
    r"|\w{3,}(?:ait|aient))\b",
    re.IGNORECASE,
)
#: a deadline or a start is ahead whatever the tense: "M. Blair a donné jusqu'au 30 juin"
AHEAD = re.compile(
    r"(?:jusqu['’](?:au|à)|d['’]ici(?: au| le)?|avant le|à partir du|dès le|until|by)\s*$", re.IGNORECASE
)
