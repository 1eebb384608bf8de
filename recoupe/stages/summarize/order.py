"""The article's sentences in the order of events: the lead first, then by the day each tells of, then as the reports
tell them (earlier in a report first)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .candidates import Candidate

__all__ = ["event_day", "in_order"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def event_day(candidate: Candidate) -> str:
    """The first day the sentence names (ISO), else its report's publication day, else "" (undated)."""
    start, end = candidate.sentence.span.start, candidate.sentence.span.end
    days = [m for m in candidate.doc.dates if start <= m.span.start < end and _ISO_DAY.match(m.value)]
    if days:
        return min(days, key=lambda m: m.span.start).value
    return (candidate.doc.published or "")[:10]


def in_order(lead: Candidate, others: Sequence[Candidate]) -> list[Candidate]:
    """The lead, then the others by event day, position in their report and score."""
    return [lead, *sorted(others, key=lambda c: (event_day(c), c.position, -c.score))]
