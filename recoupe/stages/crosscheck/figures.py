"""Figure conflicts: two reports' figures of one quantity, subject, time and scope that cannot both hold.

Two figures are compared only when they count the same kind of thing (``unit_class``) about the same place, and
their sentences give them the same scope: a usual value ("habituellement", "en moyenne") is not the value of one
evening, a forecast is not a result, a total is not a part, last year is not this year (``SCOPES``). A share ("%",
"points") is compared only when the same named holder stands before it in its sentence (one candidate's score is
not another's). Approximations ("près de", "environ", "quelque") widen a value by ``APPROXIMATE``. A larger count of
a toll that keeps rising, given by a later report, is an ``update``. The conflict is stated in the article
(confident) when both subjects share a word ("combattants de l'EI") or both name the place; an approximate side
leaves it possible. Two figures with neither a shared word nor the place are compared only when both are bare counts,
each the one figure of its unit in its report, within a factor of two ("Quatre salariés" and "trois salariés"), and
the conflict is only possible unless both sentences name one event ("l'incendie"): a report that gives many sums in euros, or "sept pays" and "13 pays", speaks of several
things. A round number stands for the values it rounds ("10.600 athlètes" for 10,624).

Two figures are two quantities, whatever their units, when either report also gives the other's value, when both look
like years, when one counts "others", when their sentences name different days or years, when their reports were
published more than ``CONFLICT_DAYS`` apart (unless both name one day), or when their sentences name different things
before them; a vague plural amount ("des milliers") is a lower bound only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from ...lexicon.names import fold, phonetic
from ...model import Claim, Conflict, Document, Figure, Span
from .days import EVENTS, Day, days_of, moments_apart

__all__ = ["SCOPES", "compatible", "figure_conflicts", "unit_class", "unit_key"]

#: things counted under several names in the news
_UNIT_CLASSES = {
    "combattants": {"combattants", "djihadistes", "jihadistes", "militants", "insurges", "fighters", "jihadists",
                    "kampfer"},
    "morts": {"morts", "tues", "victimes", "deces", "dead", "killed", "deaths", "tote", "toten"},
    "blesses": {"blesses", "injured", "wounded", "verletzte"},
}  # fmt: skip
#: counts a later report may raise: a toll, arrests, signatures (an update, not a conflict); not "personnes", which
#: counts anything (the staff of a factory does not rise from one report to the next)
_RISING = {"morts", "blesses", "victime", "signature", "signataire", "arrestation", "interpellation", "disparu",
           "evacue", "arrest", "festnahme"}  # fmt: skip
#: durations and ages: a bare "13 ans" or "cinq jours" says nothing of what it measures
_TIME_UNITS = {"an", "annee", "moi", "semaine", "jour", "heure", "minute", "seconde", "siecle", "foi", "year", "month",
               "week", "day", "hour", "jahr", "monat", "woche", "tag", "stunde"}  # fmt: skip
#: a count of "others": of what, another sentence says
_OTHERS = {"autre", "other", "andere", "anderen"}
#: a vague plural amount ("des milliers de personnes", "plusieurs centaines", "thousands of"): a lower bound only
_VAGUE = re.compile(
    r"(?:des|plusieurs|quelques|de nombreux|de nombreuses|several|some|many|hundreds|thousands|dozens|tens|mehrere|"
    r"einige|viele|hunderte|tausende)\b",
    re.IGNORECASE,
)
#: "the other three", "d'autres": a count of others than those named before
_OTHER_BEFORE = re.compile(r"\b(?:other|another|autres?|andere\w*)\s+\Z", re.IGNORECASE)
_MONEY = {"euro", "dollar", "livre", "franc", "yen", "yuan", "€", "$", "£"}
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_SHARES = {"%", "pour cent", "pourcent", "point", "percent", "per cent", "prozent", "punkt"}
#: how much an approximate value ("près de", "environ") may be off: the reports' rounding
APPROXIMATE = 0.10
#: two exact counts of one kind this close (relative), one of them bare, are taken for one count
#: written two ways, listed as possible (``NEAR_MISS``): set on the RPM2 tuning clusters (205 and 204 delegations of
#: one parade), where no two different quantities of one unit were that close
NEAR = 0.05
NEAR_MISS = 0.65
#: two bare counts, each the one of its unit in its report (``_single_count``): nothing but the unit says they count
#: one thing ("deux policiers" who helped a mayor, "trois policiers" hurt elsewhere; two cars' 0-100 times): possible,
#: unless both sentences name one event ("quatre salariés blessés dans l'incendie", "l'incendie qui a blessé trois
#: salariés")
SINGLE = 0.65
#: what a figure's sentence says of its time and scope; two figures whose sentences differ here measure two things
SCOPES = {
    "usual": r"habituellement|d['’]habitude|d['’]ordinaire|en moyenne|chaque (?:année|mois|semaine|jour)|par (?:an|mois"
    r"|semaine|jour)|usually|on average|per (?:year|month|day)|a year|normalerweise|im (?:durchschnitt|schnitt)|pro jahr",
    "forecast": r"prévu|prévoi\w*|prévision\w*|devrai\w*|pourrai\w*|attendu\w*|objectif|sondage|intentions? de"
    r" vote|expected|forecast\w*|projected|could|would|target|poll|erwartet|prognose|umfrage",
    "record": r"record\w*|rekord\w*",
    "total": r"cumul\w*|depuis|since|seit",
    "part": r"\bdont\b|parmi|among|including|darunter",
    "past": r"l['’]an dernier|l['’]année dernière|l['’]an passé|précédent\w*|lors de la dernière|dernière édition|"
    r"auparavant|last year|previous\w*|earlier|vorjahr|zuvor",
}
#: a part: "dont", "parmi" before the figure ("dont 30 délégations africaines")
_PART_BEFORE = re.compile(r"\b(?:dont|parmi|among|including|darunter)\b", re.IGNORECASE)
#: who gives a figure, not what it is about: "selon la CGT", "according to the police", "a indiqué le ministère"
_SOURCE_BEFORE = re.compile(
    r"(?:\bselon|\bd['’]apr[èe]s|\baccording to|\bsaid|\bsays|\bfor|\bpour|\bnach|\blaut|\ba (?:indiqué|annoncé|déclaré"
    r"|précisé|affirmé)|\bindique|\bannonce|\bprécise)\s+(?:[\w'’-]+\s+){0,3}?(?:(?:le|la|les|l['’]|the|du|de|des)\s*)?\Z",
    re.IGNORECASE,
)
_SCOPE = {name: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for name, words in SCOPES.items()}
_STOPWORDS = {"de", "du", "des", "d", "la", "le", "les", "l", "dans", "en", "a", "au", "aux", "sur", "pour", "par",
              "of", "the", "in", "at", "for", "on", "der", "die", "das", "von", "im", "et", "and", "und",
              "tout", "total", "all", "entier"}  # fmt: skip


def unit_class(unit: str) -> str:
    key = fold(unit).rstrip("s")
    for name, members in _UNIT_CLASSES.items():
        if key in {m.rstrip("s") for m in members}:
            return name
    return key


def _bounds(figure: Figure) -> tuple[float, float]:
    margin = APPROXIMATE if figure.qualifier == "about" else 0.0
    if _VAGUE.match(figure.text):
        return figure.low, float("inf")  # "des milliers" says at least some thousands, whatever the total
    if figure.qualifier == "at_least":
        return figure.low, float("inf")
    if figure.qualifier == "at_most":
        return 0.0, figure.high
    if figure.qualifier == "exact" and figure.low == figure.high:
        rounding = _rounding(figure.low)  # "10.600 athlètes" may be 10,624 rounded; "90 chefs" is not 80
        return figure.low - rounding, figure.high + rounding
    return figure.low * (1 - margin), figure.high * (1 + margin)


def _rounding(value: float) -> float:
    """Half the unit of the last non-zero digit of a round whole number (10,600: 50; 15,000: 500; 205: 0)."""
    if value < 10 or value != int(value):
        return 0.0
    zeros = len(str(int(value))) - len(str(int(value)).rstrip("0"))
    return 0.49 * 10**zeros if zeros else 0.0  # just under half: 240 and 250 still differ


def compatible(a: Figure, b: Figure) -> bool:
    """Whether the two figures' ranges can both hold (open bounds for "plus de", "moins de"; an approximate value
    widened by ``APPROXIMATE``)."""
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    return a_low <= b_high and b_low <= a_high


class _Context:
    """What a report's sentences say around its figures: scope words and the name before a share."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._scopes: dict[Span, frozenset[str]] = {}
        self._days: list[Day] | None = None
        self._sentences: dict[Span, tuple[int, int]] = {}

    def days(self, figure: Figure) -> list[Day]:
        """The days the figure's sentence names ("vendredi", "le 9 décembre", "dimanche dernier")."""
        if self._days is None:
            self._days = days_of(self.doc)
        start, end = self.sentence(figure)
        return [d for d in self._days if start <= d.span.start < end]

    def sentence(self, figure: Figure) -> tuple[int, int]:
        if figure.span not in self._sentences:
            self._sentences[figure.span] = self._find(figure)
        return self._sentences[figure.span]

    def _find(self, figure: Figure) -> tuple[int, int]:
        for sentence in self.doc.sentences:
            if sentence.span.start <= figure.span.start < sentence.span.end:
                return sentence.span.start, sentence.span.end
        return max(0, figure.span.start - 200), min(len(self.doc.text), figure.span.end + 200)

    def scopes(self, figure: Figure) -> frozenset[str]:
        if figure.span not in self._scopes:
            start, end = self.sentence(figure)
            text = self.doc.text[start:end]
            scopes = {name for name, pattern in _SCOPE.items() if pattern.search(text)}
            if "part" in scopes and not _PART_BEFORE.search(self.doc.text[start : figure.span.start]):
                scopes.discard("part")  # "neuf personnes, dont plusieurs Kurdes": the whole, its part after it
            self._scopes[figure.span] = frozenset(scopes)
        return self._scopes[figure.span]

    def events(self, figure: Figure) -> set[str]:
        """The event nouns of the figure's sentence ("l'incendie"): two sentences about one event that name two days
        date it two ways (a date conflict), they are not two moments."""
        start, end = self.sentence(figure)
        return {m.group("event").lower() for m in EVENTS.finditer(self.doc.text, start, end)}

    def years(self, figure: Figure) -> set[str]:
        """The years of the dates the figure's sentence names ("in 1952 six countries"; not "1850 policiers")."""
        start, end = self.sentence(figure)
        return {
            d.value[:4]
            for d in self.doc.dates
            if start <= d.span.start < end and _YEAR.fullmatch(d.value[:4]) and not _overlaps(d.span, figure.span)
        }

    def other(self, figure: Figure) -> bool:
        """ "the other three countries", "trois autres pays": others than some named before."""
        before = self.doc.text[max(0, figure.span.start - 12) : figure.span.start]
        return _OTHER_BEFORE.search(before) is not None

    def named(self, figure: Figure) -> set[str]:
        """The names (last words, folded) the figure's sentence writes before it, but for the one who gives it ("selon
        la CGT"): what the figure is about ("la Taycan 4S … à partir de 108 632 €")."""
        start, _ = self.sentence(figure)
        return {
            fold(m.text).split()[-1]
            for m in self.doc.mentions
            if start <= m.span.start
            and m.span.end <= figure.span.start
            and fold(m.text).split()
            and not _SOURCE_BEFORE.search(self.doc.text[max(start, m.span.start - 30) : m.span.start])
        }

    def holder(self, figure: Figure) -> str | None:
        """The last name before a share in its sentence: whose score or share it is."""
        start, _ = self.sentence(figure)
        before = [m for m in self.doc.mentions if start <= m.span.start and m.span.end <= figure.span.start]
        return fold(before[-1].text).split()[-1] if before and fold(before[-1].text).split() else None


def unit_key(figure: Figure) -> str | None:
    """What the figure counts, for grouping: its unit's class; a duration or an age with its complement only."""
    unit = unit_class(figure.unit)
    if unit in _OTHERS:
        return None  # "trois autres", "quatre autres": others of what, the sentence before says
    if unit in _TIME_UNITS:  # "73 ans", "cinq jours": of what? only the same complement compares
        complement = fold(figure.subject or "")[len(fold(figure.unit)) :].strip()
        return f"{unit} {complement}" if complement else None
    return unit


def _content(figure: Figure) -> set[str]:
    """The subject's words after the unit, singular ("chefs d'Etats" and "chefs d'État" share "etat")."""
    words = re.findall(r"\w+", fold(figure.subject or ""))[len(fold(figure.unit).split()) :]
    return {w.rstrip("sx") for w in words if w not in _STOPWORDS and len(w) > 2}


def _is_share(figure: Figure) -> bool:
    return fold(figure.unit).rstrip("s") in {fold(s).rstrip("s") for s in _SHARES}


def figure_conflicts(docs: Sequence[Document]) -> list[Conflict]:
    if len({doc.id for doc in docs}) < 2:
        return []  # two figures of one report are never compared
    contexts = {doc.id: _Context(doc) for doc in docs}
    published = {doc.id: doc.published or "" for doc in docs}
    groups: dict[str, list[Figure]] = {}
    for doc in docs:
        for figure in doc.figures:
            unit = unit_key(figure)
            if unit is not None:
                groups.setdefault(unit, []).append(figure)
    found: dict[tuple[str, frozenset[str]], Conflict] = {}
    for unit, figures in groups.items():
        per_doc = Counter(f.span.doc for f in figures)
        by_doc: dict[str, list[Figure]] = {}
        for figure in figures:
            by_doc.setdefault(figure.span.doc, []).append(figure)
        for a, b in combinations(figures, 2):
            alone = per_doc[a.span.doc] == per_doc[b.span.doc] == 1
            conflict = _pair(a, b, unit, alone, contexts, published)
            if conflict is not None and not (_carried(a, by_doc[b.span.doc]) or _carried(b, by_doc[a.span.doc])):
                # (a report that also gives the other's value tells two quantities apart)
                key = (unit, frozenset(c.value for c in conflict.claims))
                found[key] = _joined(found[key], conflict) if key in found else conflict
    return list(found.values())


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _carried(figure: Figure, others: Sequence[Figure]) -> bool:
    """Whether a report gives a value the figure's range allows, of the same unit (it states the figure too)."""
    return any(compatible(figure, other) for other in others)


def _year_like(figure: Figure) -> bool:
    """A number written as a year ("1999 winners", "2004 Defense Planning Guidance"): a label, not a count."""
    return (
        figure.low == figure.high and _YEAR.fullmatch(figure.text.split()[0] if figure.text.split() else "") is not None
    )


def _joined(first: Conflict, other: Conflict) -> Conflict:
    """One conflict for the same two values given by more reports: each report's claim once (the first
    conflict's confidence and reason kept)."""
    claims = first.claims + tuple(c for c in other.claims if c not in first.claims)
    return replace(first, claims=claims)


def _pair(
    a: Figure, b: Figure, unit: str, alone: bool, contexts: dict[str, _Context], published: dict[str, str]
) -> Conflict | None:
    """The conflict (or update) two figures make, if they measure one thing and cannot both hold. ``alone``: each is
    the one figure of its unit in its report."""
    if a.span.doc == b.span.doc or compatible(a, b) or (_year_like(a) and _year_like(b)):
        return None
    if a.place and b.place and phonetic(a.place) != phonetic(b.place):
        return None
    same_place = bool(a.place and b.place)
    shared = _content(a) & _content(b)
    near = _near_miss(a, b)
    if not (shared or same_place or _single_count(a, b, alone) or near):
        return None  # "euros" against "euros de l'affaire Kerviel", "de l'EI" against "des civils": not shown one thing
    ca, cb = contexts[a.span.doc], contexts[b.span.doc]
    if ca.scopes(a) != cb.scopes(b) or not _same_year(a, b, published) or not _same_time(ca, a, cb, b, published):
        return None
    if ca.other(a) or cb.other(b) or not _same_day(ca, a, cb, b, published):
        return None
    named_a, named_b = ca.named(a), cb.named(b)
    if named_a and named_b and not named_a & named_b and not same_place:
        return None  # "la Taycan 4S … 108 632 €", "l'Audi e-tron … 83 880 €": figures of two named things
    if _is_share(a) and (ca.holder(a) is None or ca.holder(a) != cb.holder(b)):
        return None
    claims = (Claim(a.text, a.span), Claim(b.text, b.span))
    about = a.subject or a.unit
    early, late = sorted((a, b), key=lambda f: published[f.span.doc])
    if published[early.span.doc] < published[late.span.doc] and late.low > early.high and unit in _RISING:
        return Conflict("figure", about, claims, reason=f"a later report raises the count from {early.text} to"
                        f" {late.text}", confidence=0.9, status="update")  # fmt: skip
    approximate = "about" in (a.qualifier, b.qualifier)
    reason = f"{a.text} and {b.text} cannot both hold" + (" (even allowing for rounding)" if approximate else "")
    one_event = bool(ca.events(a) & cb.events(b))  # both sentences about "l'incendie": the counts of one event
    if shared or same_place or (one_event and not near):
        confidence = _confidence(shared, same_place, approximate)
    else:
        confidence = SINGLE if not near else NEAR_MISS
    return Conflict("figure", about, claims, reason=reason, confidence=confidence)


def _same_year(a: Figure, b: Figure, published: dict[str, str]) -> bool:
    """Whether two figures may be of one year: a subject naming a year ("62 millions au troisième trimestre 2007")
    is compared only with a figure of the same year, named or, for a bare one, its report's year of publication."""
    years = [_YEAR.findall(f.subject or "") for f in (a, b)]
    if not (years[0] or years[1]):
        return True
    known = [set(y) or ({published[f.span.doc][:4]} if published[f.span.doc] else set()) for f, y in zip((a, b), years)]
    return bool(known[0] & known[1])


def _same_day(ca: _Context, a: Figure, cb: _Context, b: Figure, published: dict[str, str]) -> bool:
    """Whether two figures may be of one moment: not when their sentences name different days ("neuf lignes fermées
    lundi", "huit lignes fermées mercredi"; but "quatre salariés blessés mercredi dans l'incendie" and "l'incendie qui
    a blessé trois salariés mardi" are one fire dated two ways), nor, unless they name the same day, when their reports were published
    more than ``CONFLICT_DAYS`` apart (a situation that evolves: the lines closed by a strike, a poll, a count)."""
    one_event = bool(ca.events(a) & cb.events(b))
    days_a, days_b = ((), ()) if one_event else (ca.days(a), cb.days(b))
    return not moments_apart(days_a, days_b, published[a.span.doc], published[b.span.doc])


def _same_time(ca: _Context, a: Figure, cb: _Context, b: Figure, published: dict[str, str]) -> bool:
    """Whether two figures' sentences may speak of one year: the years each names, else its report's year of
    publication; unknown (and so possibly one) when a sentence names none and its report has no date."""
    years = []
    for context, figure in ((ca, a), (cb, b)):
        named = context.years(figure)
        year = published[figure.span.doc][:4]
        if not named and not year:
            return True
        years.append(named or {year})
    return bool(years[0] & years[1])


def _near_miss(a: Figure, b: Figure) -> bool:
    """Two exact counts within ``NEAR`` of each other, at least one of them bare ("205 délégations en tout", "204
    délégations d'athlètes"): a story rarely counts two different things of one kind so alike; more likely one
    count written two ways. Not sums of money: a story gives many, close by construction (a loss gross and net,
    before and after tax). Small counts are never this close ("3 morts", "4 morts": two incidents may well give
    them)."""
    exact = a.qualifier == b.qualifier == "exact" and a.low == a.high and b.low == b.high
    bare = not (_content(a) and _content(b))
    money = unit_class(a.unit) in _MONEY
    return exact and bare and not money and max(a.low, b.low) <= (1 + NEAR) * min(a.low, b.low)


def _single_count(a: Figure, b: Figure, alone: bool) -> bool:
    """Two bare counts ("Quatre salariés", "trois salariés"), each the one figure of its unit in its report, within a
    factor of two of each other: the one count of that thing each report gives."""
    bare = not (_content(a) or _content(b))
    return alone and bare and max(a.low, b.low) <= 2 * max(1.0, min(a.high, b.high))


def _confidence(shared: set[str], same_place: bool, approximate: bool) -> float:
    """Stated (0.8 and more) when the subjects share a word or both name the place; possible when one side is
    approximate."""
    return (0.9 if shared and same_place else 0.85) - (0.1 if approximate else 0.0)
