"""Where a story's reports disagree: figures about one thing, and words given to two speakers.

- ``figure``: figures of one kind of thing about one place (or none) whose ranges cannot
  both hold, from different reports ("5 000 à 6 000 combattants" in Mossoul against
  "30 000 à 40 000 djihadistes" in the same city).
- ``attribution``: the same words quoted with two different known speakers.
- ``date``: one kind of event ("incendie", "réunion") dated to different days by different
  reports, reading the day named next to the event's noun (a night, "dans la nuit de mardi à
  mercredi", agrees with both its days).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from ...lexicon.names import fold
from ...model import STATED, Claim, Conflict, Document, Span, StoryEntity, StoryQuote
from ..quotes.story_quotes import Rarity, contains_words, words_of
from .days import EVENTS, Day, days_of, disagree
from .figures import compatible, figure_conflicts, unit_class
from .variants import spellings

__all__ = ["attribution_conflicts", "compatible", "date_conflicts", "figure_conflicts", "unit_class"]

EVENT_REACH = 60
#: a date read next to an event's noun may date another event of the same kind: listed as possible, not stated;
#: unless most of the story's reports name that event (then the noun names the story's one event) and every side is
#: a resolved date. A weekday or a day of a month alone (a report with no publication date) is read only next to the
#: story's event, and stays possible
DATE_CONFIDENCE = 0.6
#: an attribution conflict is real only if both speakers are right: its confidence is the product of the two
#: speakers' calibrated confidences (``speaker_confidence``), at most this (the same words may still be both people's)
ATTRIBUTION_CONFIDENCE = 0.85
#: the fewest words of the shorter quote for a stated conflict: fewer may be a phrase anyone uses ("l'hydre
#: islamiste", "premières pensées vont aux familles des victimes"), a possible conflict
ATTRIBUTION_WORDS = 8
#: confidence of an attribution conflict over fewer than ``ATTRIBUTION_WORDS`` words
SHARED_PHRASE_CONFIDENCE = 0.5
STORY_EVENT_CONFIDENCE = 0.8
#: a day is an event's own when it follows the event's noun with at most this many words and no punctuation between
#: ("l'attentat de mardi", "un incendie s'est déclaré mercredi soir"); a date conflict is stated only between own days
ATTACHED_WORDS = 5
_CLAUSE_BREAK = re.compile(r"[,;:.!?()«»\"“”]")
#: resolved days further apart than this (days) date two events of one kind, not one event two ways (the Saturdays of
#: a protest movement, two earthquakes a week apart); a misdated event is off by a day or two
DATE_SPREAD = 3
#: the methods that read the speaker's name in the quote's own sentence (``quotes.confidence``); a name in the
#: sentence before, a pronoun or a report further back is not next to the words
_NEXT_TO_WORDS = frozenset({"incise", "named-next-to-words", None})
#: event nouns whose plural names one event ("les élections législatives"); another plural ("separate attacks", "des
#: incendies") names several, which may fall on different days
_ONE_EVENT_PLURALS = frozenset({"élection", "election"})


def _sure(quote: StoryQuote) -> float:
    """How likely the quote's speaker is right (1 when no model judged it: a quote made by hand or a plug-in)."""
    return 1.0 if quote.speaker_confidence is None else quote.speaker_confidence


def attribution_conflicts(
    quotes: Sequence[StoryQuote], entities: Sequence[StoryEntity], docs: Sequence[Document] = ()
) -> list[Conflict]:
    """The same words given to two speakers, each named next to them, whose names are not two spellings of one
    ("Declerck" and "Deklerk": one man, misspelt; ``spellings``). None when the shorter quote's words stand elsewhere
    in the reports than in the two quotes (a phrase of the story that several people use, "droit à l'oubli", "aller
    plus loin"). Confident only when the words are long enough to be one speaker's own (``ATTRIBUTION_WORDS``) and
    both speakers are likely right (the product of their confidences: two speakers of 0.85 each make 0.72, a
    possible conflict)."""
    names = {e.id: e.name for e in entities}
    rarity = Rarity(words_of(q.text) for q in quotes)  # only the pairs that may share words are compared
    for index, quote in enumerate(quotes):
        rarity.add(index, quote.text)
    pairs = sorted({(min(i, j), max(i, j)) for i, a in enumerate(quotes) for j in rarity.candidates(a.text) if i != j})
    texts = [" ".join(words_of(d.text)) for d in docs]
    by_id = {d.id: d for d in docs}
    conflicts = []
    for a, b in ((quotes[i], quotes[j]) for i, j in pairs):
        if (
            a.speaker
            and b.speaker
            and a.speaker != b.speaker
            and not spellings(names[a.speaker], names[b.speaker])
            and a.span.doc != b.span.doc
            and _checkable(a, names[a.speaker])
            and _checkable(b, names[b.speaker])
            and contains_words(a.text, b.text)
            and not _relayed(a, names[a.speaker], names[b.speaker], by_id)
            and not _relayed(b, names[b.speaker], names[a.speaker], by_id)
        ):
            shorter = a if len(a.text) <= len(b.text) else b
            if _used_elsewhere(shorter, a, b, texts):
                continue  # a phrase of the story that several people use ("droit à l'oubli", "aller plus loin")
            claims = (Claim(names[a.speaker], a.span), Claim(names[b.speaker], b.span))
            shared = len(words_of(shorter.text)) < ATTRIBUTION_WORDS
            reason = f"the same words are given to {names[a.speaker]} and to {names[b.speaker]}" + (
                ", but they are few (a phrase several people may use)" if shared else ""
            )
            both_right = round(_sure(a) * _sure(b), 3)
            if not shared and both_right < STATED:
                reason += f" (both speakers right: {both_right:.2f})"
            confidence = SHARED_PHRASE_CONFIDENCE if shared else min(ATTRIBUTION_CONFIDENCE, both_right)
            conflicts.append(Conflict("attribution", shorter.text, claims, reason, confidence))
    return conflicts


def _used_elsewhere(shorter: StoryQuote, a: StoryQuote, b: StoryQuote, texts: Sequence[str]) -> bool:
    """The shorter quote's words stand in the reports more often than the two quotes carry them."""
    words = f" {' '.join(words_of(shorter.text))} "
    carried = len({(s.doc, s.start) for s in a.sources + b.sources})
    return sum(f" {text} ".count(words) for text in texts) > carried


def _relayed(quote: StoryQuote, speaker: str, other: str, by_id: dict[str, Document]) -> bool:
    """Whether a report that gives the words names the other speaker in their sentence: one relays the other ("says
    Heise Online, quoting Lycos as saying « … »", "a déclaré X, cité par Y"). Not told when both names end in the same
    word ("Marine Le Pen", "Jean-Marie Le Pen")."""
    surname = fold(other.split()[-1]) if other.split() else ""
    if not surname or surname == (fold(speaker.split()[-1]) if speaker.split() else ""):
        return False
    for span in quote.sources or (quote.span,):
        doc = by_id.get(span.doc)
        if doc is None:
            continue
        start = max((s.span.start for s in doc.sentences if s.span.start <= span.start), default=0)
        end = min((s.span.end for s in doc.sentences if s.span.end >= span.end), default=len(doc.text))
        if re.search(rf"\b{re.escape(surname)}\b", fold(doc.text[start:end])):
            return True
    return False


def _checkable(quote: StoryQuote, speaker: str) -> bool:
    """A speaker a reader can check: named next to the words (not inferred from a pronoun, a description or a
    sentence further back), and not a name the words themselves contain (an author the speaker quotes, a person the
    words are about)."""
    surname = speaker.split()[-1] if speaker.split() else speaker
    inside = re.search(rf"\b{re.escape(fold(surname))}\b", fold(quote.text)) is not None
    return quote.speaker_basis == "named" and quote.speaker_method in _NEXT_TO_WORDS and not inside


def _event_dates(doc: Document) -> dict[str, tuple[Day, bool]]:
    """Event noun -> the first day named next to it in this report (resolved, or only a weekday or a day of a
    month in a report with no publication date), and whether the day is the noun's own (``_attached``)."""
    found: dict[str, tuple[Day, bool]] = {}
    days = days_of(doc)
    starts = [d.span.start for d in days]
    for match in EVENTS.finditer(doc.text):
        plural = len(match.group(0)) > len(match.group("event"))
        if plural and match.group("event").lower() not in _ONE_EVENT_PLURALS:
            continue  # "separate attacks": several events, each its own day
        low, high = bisect_left(starts, match.start() - EVENT_REACH), bisect_right(starts, match.start() + EVENT_REACH)
        near = days[low:high]
        if near:
            own = [d for d in near if _attached(doc.text, match.start(), match.end(), d)]
            closest = min(own or near, key=lambda d: abs(d.span.start - match.start()))
            found.setdefault(match.group("event").lower(), (closest, bool(own)))
    return found


def _attached(text: str, start: int, end: int, day: Day) -> bool:
    """Whether the day stands by the event's noun in its clause: "l'attentat de mardi", "un incendie s'est déclaré
    mercredi", "blessés mercredi soir dans l'incendie" (at most ``ATTACHED_WORDS`` words between, no punctuation);
    not "l'attentat de mardi … a été abattu par la police jeudi"."""
    between = text[end : day.span.start] if day.span.start >= end else text[day.span.end : start]
    return not _CLAUSE_BREAK.search(between) and len(between.split()) <= ATTACHED_WORDS


def date_conflicts(docs: Sequence[Document]) -> list[Conflict]:
    if len({doc.id for doc in docs}) < 2:
        return []  # a report dates each event once
    by_event: dict[str, list[Day]] = {}
    own: set[tuple[str, Span]] = set()
    for doc in docs:
        for event, (day, attached) in _event_dates(doc).items():
            by_event.setdefault(event, []).append(day)
            if attached:
                own.add((event, day.span))
    conflicts = []
    for event, found in by_event.items():
        story_event = _the_story_s_event(event, docs)
        days = found if story_event else [d for d in found if d.iso]  # an unresolved day: the story's event only
        days = _closest_together(days)
        if any(disagree(a, b) for i, a in enumerate(days) for b in days[i + 1 :]):
            claims = tuple(Claim(d.iso or d.text, d.span) for d in days)
            values = sorted({c.value for c in claims})
            reason = f"the {event} is dated {' and '.join(values)} by different reports"
            stated = story_event and all(d.iso and (event, d.span) in own for d in days)
            conflicts.append(
                Conflict("date", event, claims, reason, STORY_EVENT_CONFIDENCE if stated else DATE_CONFIDENCE)
            )
    return conflicts


def _closest_together(days: list[Day]) -> list[Day]:
    """The days that may date one event: resolved days more than ``DATE_SPREAD`` apart date two events of one kind
    (the strike of 23 September and the strike of 5 December), so only those within the spread of the most common
    day are kept; unresolved days (a weekday, a day of a month) stay."""
    resolved = [d for d in days if d.iso]
    if not resolved:
        return days
    isos = [date.fromisoformat(d.iso or "") for d in resolved]
    centre = max(Counter(isos).items(), key=lambda item: (item[1], -item[0].toordinal()))[0]  # the earliest of ties
    return [d for d in days if not d.iso or abs((date.fromisoformat(d.iso) - centre).days) <= DATE_SPREAD]


def _the_story_s_event(event: str, docs: Sequence[Document]) -> bool:
    """Most of the story's reports name the event (the fire of a story about a fire): its noun names one event."""
    naming = sum(1 for d in docs if event in _events(d.text))
    return naming * 2 > len(docs)


@lru_cache(maxsize=1 << 10)
def _events(text: str) -> frozenset[str]:
    """The event nouns a report writes (asked once per event of its story)."""
    return frozenset(m.group("event").lower() for m in EVENTS.finditer(text))
