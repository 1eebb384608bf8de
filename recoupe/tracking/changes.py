"""What changed in a stored story between two published versions of its report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..lexicon.names import phonetic
from ..model import Figure, Story
from ..serialize import from_data, to_data
from ..stages.crosscheck.conflicts import unit_class
from ..stages.embed import embed_texts
from ..stages.summarize import summarize_story

__all__ = ["Changes", "compare", "update_summary"]


@dataclass(frozen=True)
class Changes:
    story: str
    since: int
    version: int
    new_documents: list[str]
    #: documents of the old version no longer in the story (moved to another story by regrouping)
    removed_documents: list[str]
    new_facts: list[dict[str, Any]]
    revised_figures: list[dict[str, Any]]
    new_conflicts: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _story(report: dict[str, Any]) -> Story:
    return from_data(Story, report["stories"][0])


def _published(report: dict[str, Any]) -> dict[str, str | None]:
    return {d["id"]: d.get("published") for d in report["documents"]}


def _figure_key(figure: Figure) -> tuple[str, str]:
    return unit_class(figure.unit), phonetic(figure.place) if figure.place else ""


def compare(story_id: str, old: tuple[int, dict[str, Any]], new: tuple[int, dict[str, Any]]) -> Changes:
    """What changed between two published reports (JSON data) of one story."""
    (old_version, old_report), (new_version, new_report) = old, new
    before, after = _story(old_report), _story(new_report)
    new_docs = [d for d in after.documents if d not in set(before.documents)]
    removed = [d for d in before.documents if d not in set(after.documents)]
    said = {s.text for s in before.summary}
    facts = [to_data(s) for s in after.summary if s.kind == "extract" and s.text not in said]
    return Changes(
        story_id,
        old_version,
        new_version,
        new_docs,
        removed,
        facts,
        _revised(before, after, _published(new_report)),
        _new_conflicts(before, after),
    )


def _revised(before: Story, after: Story, published: dict[str, str | None]) -> list[dict[str, Any]]:
    """A figure of a new document that gives another value for something an earlier figure counted."""
    earlier: dict[tuple[str, str], Figure] = {}
    for figure in before.figures:
        earlier.setdefault(_figure_key(figure), figure)
    known_spans = {(f.span.doc, f.span.start) for f in before.figures}
    revised = []
    for figure in after.figures:
        key = _figure_key(figure)
        if (figure.span.doc, figure.span.start) in known_spans or key not in earlier:
            continue
        old = earlier[key]
        if (old.low, old.high) != (figure.low, figure.high):
            revised.append(
                {
                    "about": figure.subject or figure.unit,
                    "before": _side(old, published),
                    "now": _side(figure, published),
                }
            )
    return revised


def _side(figure: Figure, published: dict[str, str | None]) -> dict[str, Any]:
    return {"value": figure.text, "span": to_data(figure.span), "published": published.get(figure.span.doc)}


def _new_conflicts(before: Story, after: Story) -> list[dict[str, Any]]:
    seen = {(c.kind, c.about) for c in before.conflicts}
    return [to_data(c) for c in after.conflicts if (c.kind, c.about) not in seen]


def update_summary(docs: list[Any], new_ids: list[str], said: list[str], settings: Settings) -> list[dict[str, Any]]:
    """An article of what the new documents add, penalising what the earlier version said."""
    pool = [d for d in docs if d.id in set(new_ids)] or docs
    seen = embed_texts(said) if said else None
    return [
        {"text": s.text, "citations": [to_data(c) for c in s.citations]}
        for s in summarize_story(pool, settings.words, seen)
    ]
