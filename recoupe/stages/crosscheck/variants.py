"""Variant conflicts: two reports write the same words around one slot and fill it with different named values.

"la nounou lui a menti pendant 13 jours" against "la « nounou » lui aurait menti pendant 12 jours", "Selon Karine
Dussourt, le petit garçon aurait échappé ..." against "Selon Khaldia Dussourt, le petit garçon aurait échappé ...":
the same subject and predicate, one value changed. The evidence is checkable: the words around the slot are the
same in both reports (quotation marks, punctuation and auxiliaries aside: "a menti" and "aurait menti"), and the
two values are named values of one type that differ: two numbers, two days (resolved dates), or two names (entity
mentions). A slot is a single word on each side, so a rewording ("a supervisé" / "a conçu") is no variant.

Names: two spellings of one name ("Fatma" and "Fatna", "RCN" and "RNC": ``SPELLING``) are no conflict; a first name
changed before the same surname ("Karine" and "Khaldia" Dussourt) may be one person misnamed, and a year or a month
may label an edition or a season rather than date a fact: those stay possible.

How sure: the more identical words stand around the slot, the less the two sentences can be about two things
(``STATED_CONTEXT`` words: stated; ``MIN_CONTEXT``: possible). How many reports give each value is said in the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import combinations
from typing import NamedTuple, TypeVar

from ...lexicon.names import fold
from ...model import Claim, Conflict, DateMention, Document, Figure, Mention, Span
from .days import Day, days_of, moments_apart
from .figures import compatible, unit_class, unit_key

__all__ = ["MIN_CONTEXT", "SPELLING", "STATED_CONTEXT", "spellings", "variant_conflicts"]

#: identical words around the slot (both sides together, at least one on each side) for a possible conflict, and
#: for a stated one; calibrated on the RPM2 tuning clusters (the 13/12 days of one quote: 6 words; the two first
#: names of one cousin: 20), with no pair of unrelated sentences sharing 6 words around a differing value there
MIN_CONTEXT = 6
STATED_CONTEXT = 9
#: two names this alike (``difflib`` ratio of their folded forms) are two spellings of one, not two people
SPELLING = 0.75
#: the longest abbreviation of a word read as one spelling of it
ABBREVIATION = 4
#: the confidences of a variant with ``STATED_CONTEXT`` identical words around it, and with fewer
STATED = 0.85
POSSIBLE = 0.65
#: how far the identical context is read on each side
_REACH = 12
#: of the context, the words a template cannot supply ("Mis à jour le ..."): at least this many of 4 letters or more
_MIN_CONTENT = 2
#: auxiliaries and their tenses: "a menti" and "aurait menti" say the same thing of the same subject
_AUXILIARIES = {
    "a", "ai", "as", "avait", "aurait", "auraient", "avaient", "ont", "aura", "auront", "est", "était", "serait",
    "sont", "étaient", "seraient", "sera", "seront", "has", "had", "have", "is", "was", "were", "hat", "hatte",
    "hätte", "ist", "war", "wäre",
}  # fmt: skip
_WORD = re.compile(r"\w+(?:-\w+)*(?:[.,]\d+)*", re.UNICODE)  # "Jean-Luc", "Châtenay-Malabry": one word
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: a word with a digit is a code ("CNT000001m03Ka"), not a name
_DIGIT = re.compile(r"\d")
#: a title before a name ("M. Roux de Bézieux", "Mme Borne", "Dr Martin"): no name of its own; "M. Macron" and
#: "Emmanuel Macron" fill no slot with two names (a title only when a capitalised word follows)
_TITLES = {"m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "me", "hr", "fr"}


class _Token(NamedTuple):
    text: str
    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Where:
    """What a slot's sentence says of its moment and subject: the days it names, the names it writes (last words,
    folded) and its report's publication date."""

    days: tuple[Day, ...]
    names: frozenset[str]
    published: str

    def apart(self, other: _Where, own: frozenset[str] = frozenset()) -> bool:
        """Two sentences of two moments or subjects: they name different days; or their reports were published more
        than ``CONFLICT_DAYS`` apart and they name no common day; or each names things the other does not."""
        if moments_apart(self.days, other.days, self.published, other.published):
            return True
        mine, theirs = self.names - own, other.names - own
        return bool(mine and theirs and not mine & theirs)


@dataclass(frozen=True, slots=True)
class _Slot:
    """One named value of a sentence: its type ("figure", "date", "fact") and what it compares as."""

    doc: str
    kind: str
    value: str
    token: int
    tokens: tuple[_Token, ...]
    figure: Figure | None = None
    #: a value that may be a label rather than a fact: only part of a name ("Karine" of "Karine Dussourt", the rest
    #: the same in both reports: one person misnamed?), or a year or a month (an edition, a season?)
    weak: bool = False
    where: _Where | None = None
    #: the last word of the name a fact slot is part of ("dussourt" for "Karine"), not a name of another thing
    own: str = ""

    @property
    def span(self) -> Span:
        token = self.tokens[self.token]
        return Span(self.doc, token.start, token.end)


def _tokens(doc: Document, start: int, end: int) -> tuple[_Token, ...]:
    words = (_Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(doc.text, start, end))
    return tuple(w for w in words if w.key not in _AUXILIARIES)


class _Annotations:
    """A report's dates, figures and entity mentions by the characters they cover (looked up per word)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc.id
        self.dates = _cover(doc.dates)
        self.figures = _cover(doc.figures)
        self.mentions = _cover(doc.mentions)
        self.starts = self.dates.keys() | self.figures.keys() | self.mentions.keys()


_Spanned = TypeVar("_Spanned", DateMention, Figure, Mention)


def _cover(items: Sequence[_Spanned]) -> dict[int, _Spanned]:
    covered: dict[int, _Spanned] = {}
    for item in items:
        for offset in range(item.span.start, item.span.end):
            covered.setdefault(offset, item)
    return covered


def _slots(doc: Document) -> Iterator[_Slot]:
    """Every named value of the report's sentences, with the sentence's words around it."""
    annotations = _Annotations(doc)
    days = days_of(doc)
    for sentence in doc.sentences:
        tokens = _tokens(doc, sentence.span.start, sentence.span.end)
        where: _Where | None = None
        for index, token in enumerate(tokens):
            if token.start in annotations.starts:
                slot = _typed(annotations, token, index, tokens)
                if slot is not None:
                    where = where or _where(doc, sentence.span.start, sentence.span.end, days)
                    yield replace(slot, where=where)


def _where(doc: Document, start: int, end: int, days: Sequence[Day]) -> _Where:
    named = (fold(m.text).split() for m in doc.mentions if start <= m.span.start < end)
    return _Where(
        tuple(d for d in days if start <= d.span.start < end),
        frozenset(words[-1] for words in named if words),
        doc.published or "",
    )


def _typed(annotations: _Annotations, token: _Token, index: int, tokens: tuple[_Token, ...]) -> _Slot | None:
    """The token as a slot: a day (inside a resolved date), a duration the figure conflicts leave aside (a figure that
    says nothing of what it measures, "13 jours": the identical words around it say it), or a name (inside an entity
    mention). Other figures are compared by ``figures``, which knows their scopes and updates."""
    start, end = token.start, token.end
    dated = annotations.dates.get(start)
    if dated is not None and end <= dated.span.end:
        return _Slot(annotations.doc, "date", dated.value, index, tokens, weak=dated.precision != "day")
    figure = annotations.figures.get(start)
    if figure is not None:
        return (
            _Slot(annotations.doc, "figure", unit_class(figure.unit), index, tokens, figure)
            if unit_key(figure) is None
            else None
        )
    mention = annotations.mentions.get(start)
    title = fold(token.text) in _TITLES and index + 1 < len(tokens) and tokens[index + 1].text[:1].isupper()
    named = token.text[:1].isupper() and not _DIGIT.search(token.text) and not title
    if mention is not None and end <= mention.span.end and named:
        part = (mention.span.start, mention.span.end) != (start, end)
        last = fold(mention.text).split()[-1:] or [""]
        return _Slot(annotations.doc, "fact", fold(token.text).removesuffix("s"), index, tokens, weak=part, own=last[0])
    return None


def _differ(a: _Slot, b: _Slot) -> bool:
    """Two values of one type that cannot both hold: two days, two names, two durations of one unit out of each
    other's range ("13 jours", "12 jours"; not "trois heures" and "près de quatre heures" if rounding allows)."""
    if a.kind != b.kind:
        return False
    if a.figure is not None and b.figure is not None:
        return a.value == b.value and not compatible(a.figure, b.figure)
    if a.kind == "fact":
        return not spellings(a.value, b.value)
    return a.value != b.value


def spellings(a: str, b: str) -> bool:
    """Whether two names may be two spellings of one: the words they do not share are the same letters ("RCN",
    "RNC") or nearly ("Fatma", "Fatna"; "Jean-Luc", "Jean-Louis"), or one name holds the other ("Dussourt",
    "Khaldia Dussourt"; "CGC", "SNE-CGC"). "Karine" and "Khaldia" Dussourt are two names."""
    words_a, words_b = fold(a).split(), fold(b).split()
    only_a = " ".join(w for w in words_a if w not in words_b)
    only_b = " ".join(w for w in words_b if w not in words_a)
    if not (only_a and only_b) or _part_of(only_a, only_b) or _part_of(only_b, only_a) or _abbreviates(only_a, only_b):
        return True
    return sorted(only_a) == sorted(only_b) or SequenceMatcher(None, only_a, only_b).ratio() >= SPELLING


def _part_of(a: str, b: str) -> bool:
    """Every part of one name is a part of the other ("CGC" of "SNE-CGC"; not "Mali" of "Malawi")."""
    return set(re.split(r"[-\s]+", a)) <= set(re.split(r"[-\s]+", b))


def _abbreviates(a: str, b: str) -> bool:
    """One word a short abbreviation of the other: its letters, the first the same and no vowel after it, in order
    in the longer ("Ctr" and "Center", "Dpt" and "Department")."""
    short, long = sorted((a, b), key=len)
    if " " in short or not 2 <= len(short) <= ABBREVIATION or short[0] != long[0]:
        return False
    if any(letter in "aeiouy" for letter in short[1:]):
        return False  # "Mali" and "Malawi", "Iran" and "Irlande": two names, not an abbreviation
    rest = iter(long)
    return all(letter in rest for letter in short)


def _context(a: _Slot, b: _Slot) -> tuple[int, int, list[_Token]]:
    """The identical words right before and right after the two slots (up to ``_REACH`` each side)."""
    left = 0
    while left < _REACH and _same(a, b, -left - 1):
        left += 1
    right = 0
    while right < _REACH and _same(a, b, right + 1):
        right += 1
    words = [a.tokens[a.token + i] for i in range(-left, right + 1) if i]
    return left, right, words


def _same(a: _Slot, b: _Slot, offset: int) -> bool:
    i, j = a.token + offset, b.token + offset
    return 0 <= i < len(a.tokens) and 0 <= j < len(b.tokens) and a.tokens[i].key == b.tokens[j].key


def _keys(slot: _Slot) -> Iterator[tuple[str, ...]]:
    """Where two slots may share their context: the three words before and the one after, or the reverse."""
    i, tokens = slot.token, slot.tokens
    if i >= 3 and i + 1 < len(tokens):
        yield ("L", *(t.key for t in tokens[i - 3 : i]), tokens[i + 1].key)
    if i >= 1 and i + 3 < len(tokens):
        yield ("R", tokens[i - 1].key, *(t.key for t in tokens[i + 1 : i + 4]))


def variant_conflicts(docs: Sequence[Document]) -> list[Conflict]:
    """Pairs of reports that write the same words around a slot and fill it with two different values of one
    type."""
    if len({doc.id for doc in docs}) < 2:
        return []  # two slots of one report are never compared
    by_key: dict[tuple[str, ...], list[_Slot]] = {}
    for doc in docs:
        for slot in _slots(doc):
            for key in _keys(slot):
                by_key.setdefault(key, []).append(slot)
    found: dict[tuple[str, frozenset[str]], list[tuple[_Slot, _Slot, int]]] = {}
    for slots in by_key.values():
        for a, b in combinations(slots, 2):
            context = _variant(a, b)
            if context is not None:
                found.setdefault((a.kind, frozenset((_shown(a), _shown(b)))), []).append((a, b, context))
    return [_conflict(pairs) for pairs in found.values()]


def _shown(slot: _Slot) -> str:
    return slot.tokens[slot.token].text


def _variant(a: _Slot, b: _Slot) -> int | None:
    """The number of identical words around two slots of different reports holding different values of one type, if
    enough to take them for one statement."""
    if a.doc == b.doc or _shown(a) == _shown(b) or not _differ(a, b):
        return None  # the same word written twice ("mardi" in reports of two weeks) is no disagreement of the texts
    if _holds(a, b) or _holds(b, a):
        return None  # "Paraguay and Uruguay" against "Uruguay and Paraguay": each sentence has both values
    if _values_changed(a, b) > 1:
        return None  # "porte à 41 … tués au Sahel" against "porte à 38 … tués au Mali": two statements
    if a.where is not None and b.where is not None and a.where.apart(b.where, frozenset({a.own, b.own})):
        return None  # a template sentence of one outlet ("abat le 0 à 100 km/h en 4,4 secondes") about two cars
    left, right, words = _context(a, b)
    content = sum(1 for w in words if w.key.isalpha() and len(w.key) >= 4)
    if not (left and right and left + right >= MIN_CONTEXT and content >= _MIN_CONTENT):
        return None
    return left + right


def _values_changed(a: _Slot, b: _Slot) -> int:
    """How many single words that look like values (a number, a capitalised word) the two sentences write
    differently, aligned word by word."""
    first, second = [t.key for t in a.tokens], [t.key for t in b.tokens]
    changed = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, first, second, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1 == 1:
            word, other = a.tokens[i1].text, b.tokens[j1].text
            changed += (word[:1].isupper() or word[:1].isdigit()) and (other[:1].isupper() or other[:1].isdigit())
    return changed


def _holds(a: _Slot, b: _Slot) -> bool:
    """Whether a's sentence also writes b's value."""
    shown = _shown(b).lower()
    return any(token.key == shown for token in a.tokens)


def _conflict(pairs: Sequence[tuple[_Slot, _Slot, int]]) -> Conflict:
    """One conflict for the two values, with every report that gives one of them in the same words."""
    slots = {(s.doc, _shown(s)): s for pair in pairs for s in pair[:2]}
    claims = tuple(Claim(value, slot.span) for (_, value), slot in sorted(slots.items()))
    context = max(pair[2] for pair in pairs)
    a, b = pairs[0][:2]
    backing = {_shown(s): sum(1 for doc, value in slots if value == _shown(s)) for s in (a, b)}
    about = " ".join(t.text for t in a.tokens[max(0, a.token - 3) : a.token]) + " … "
    about += " ".join(t.text for t in a.tokens[a.token + 1 : a.token + 4])
    reason = (
        f"reports write the same {context} words around {_shown(a)} ({backing[_shown(a)]} report(s)) and"
        f" {_shown(b)} ({backing[_shown(b)]})"
    )
    weak = any(s.weak for pair in pairs for s in pair[:2])
    stated = context >= STATED_CONTEXT and not weak
    return Conflict(
        a.kind,
        about,
        claims,
        reason + (" (part of a name, or a year: perhaps a label)" if weak else ""),
        STATED if stated else POSSIBLE,
    )
