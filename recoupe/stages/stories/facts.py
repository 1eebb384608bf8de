"""What a story is: its title, when, where and entities, read off its documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from ...lexicon.names import fold
from ...model import DateMention, Document

__all__ = ["story_title", "story_when", "story_where"]

#: an event date is read from a report within this many days before its publication
EVENT_WINDOW_DAYS = 7
TITLE_FALLBACK_CHARS = 120
#: a place named this close to the event's date is where the event happened ("à Paris, mardi 25")
NEAR_DATE_CHARS = 80


def story_title(docs: Sequence[Document], centrality: Sequence[float]) -> str:
    """The title of the most central report that has one, else its first sentence, shortened."""
    ranked = sorted(range(len(docs)), key=lambda i: -centrality[i])
    for i in ranked:
        if docs[i].title:
            return docs[i].title or ""
    lead = docs[ranked[0]].sentences[0].text if docs[ranked[0]].sentences else docs[ranked[0]].id
    return lead if len(lead) <= TITLE_FALLBACK_CHARS else lead[: lead.rfind(" ", 0, TITLE_FALLBACK_CHARS)] + " …"


def _event_dates(doc: Document) -> list[DateMention]:
    if not doc.published:
        return []
    published = date.fromisoformat(doc.published[:10])
    found = []
    for mention in doc.dates:
        if mention.precision != "day":
            continue
        delta = (published - date.fromisoformat(mention.value)).days
        if 0 <= delta <= EVENT_WINDOW_DAYS:
            found.append(mention)
    return found


def story_when(docs: Sequence[Document]) -> str | None:
    """The day most reports name in the week before they were published, by number of reports."""
    votes = Counter(value for d in docs for value in {m.value for m in _event_dates(d)})
    if not votes:
        return None
    return max(votes.items(), key=lambda item: (item[1], item[0]))[0]


def story_where(docs: Sequence[Document], when: str | None) -> tuple[str, ...]:
    """Places named next to the story's date; the most mentioned place otherwise."""
    votes: Counter[str] = Counter()
    names: dict[str, str] = {}
    for doc in docs:
        anchors = [m.span for m in doc.dates if m.value == when] if when else []
        for mention in doc.mentions:
            if mention.label != "LOC":
                continue
            key = fold(mention.text)
            names.setdefault(key, mention.text)
            in_anchor = any(abs(a.start - mention.span.start) <= NEAR_DATE_CHARS for a in anchors)
            votes[key] += 10 if in_anchor else 1
    if not votes:
        return ()
    top = votes.most_common(1)[0][1]
    return tuple(names[k] for k, v in votes.most_common() if v == top)
