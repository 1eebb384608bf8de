"""Corpus stage ``crosscheck``: what a story's independent reports disagree on, and which reports are copies.

Copies of one wire story (``copies``) count as one source: each quote says how many independent sources carry it.
Conflicts (``conflicts``) are figures of one quantity that cannot both hold, words given to two speakers, one
event given two days (``days``: resolved, or a weekday or a day of a month in a report with no publication date), and
the same words around a slot filled with two different values (``variants``). Each conflict's confidence is then
capped at the share of such conflicts a judge found real on stories no rule had read (``calibration``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...config import Settings
from ...model import Corpus, Document, Story
from ...pipeline import stage
from .calibration import calibrated
from .conflicts import attribution_conflicts, date_conflicts, figure_conflicts
from .copies import source_groups
from .variants import variant_conflicts

__all__ = ["cross_check"]


def cross_check(story: Story, docs: Sequence[Document]) -> Story:
    """The story with its copies, its quotes' independent sources, and its conflicts."""
    groups = source_groups(docs)
    quotes = tuple(replace(q, independent_sources=len({groups[s.doc] for s in q.sources})) for q in story.quotes)
    conflicts = figure_conflicts(docs) + attribution_conflicts(quotes, story.entities, docs) + date_conflicts(docs)
    conflicts += variant_conflicts(docs)
    return replace(story, quotes=quotes, conflicts=tuple(calibrated(c) for c in conflicts), copies=_copies(groups))


def _copies(groups: dict[str, int]) -> tuple[tuple[str, ...], ...]:
    members: dict[int, list[str]] = {}
    for doc_id, group in groups.items():
        members.setdefault(group, []).append(doc_id)
    return tuple(tuple(m) for m in members.values() if len(m) > 1)


@stage(
    "crosscheck",
    version="7",
    scope="corpus",
    requires=["stories", "text", "figures", "dates", "mentions", "quotes", "sentences", "published"],
    assigns=["conflicts", "copies"],
)
def make_crosscheck(settings: Settings):  # type: ignore[no-untyped-def]
    def crosscheck(corpus: Corpus) -> Corpus:
        by_id = corpus.by_id()
        checked = tuple(cross_check(s, [by_id[i] for i in s.documents]) for s in corpus.stories)
        return replace(corpus, stories=checked)

    return crosscheck
