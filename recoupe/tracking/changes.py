"""What changed in a stored story between two published versions of its report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..stages.crosscheck.conflicts import unit_class
from ..stages.embed import embed_texts
from ..lexicon.names import phonetic
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


def _story(report: dict[str, Any]) -> dict[str, Any]:
    return report["stories"][0]


def _published(report: dict[str, Any]) -> dict[str, str | None]:
    return {d["id"]: d.get("published") for d in report["documents"]}


def _figure_key(figure: dict[str, Any]) -> tuple[str, str]:
    return unit_class(figure["unit"]), phonetic(figure["place"]) if figure.get("place") else ""


def compare(story_id: str, old: tuple[int, dict[str, Any]], new: tuple[int, dict[str, Any]]) -> Changes:
    (old_version, old_report), (new_version, new_report) = old, new
    before, after = _story(old_report), _story(new_report)
    new_docs = [d for d in after["documents"] if d not in set(before["documents"])]
    removed = [d for d in before["documents"] if d not in set(after["documents"])]
    said = {s["text"] for s in before["summary"]}
    facts = [s for s in after["summary"] if s["kind"] == "extract" and s["text"] not in said]
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


def _revised(before: dict[str, Any], after: dict[str, Any], published: dict[str, str | None]) -> list[dict[str, Any]]:
    """A figure of a new document that gives another value for something an earlier figure counted."""
    earlier: dict[tuple[str, str], dict[str, Any]] = {}
    for figure in before["figures"]:
        earlier.setdefault(_figure_key(figure), figure)
    known_spans = {(f["span"]["doc"], f["span"]["start"]) for f in before["figures"]}
    revised = []
    for figure in after["figures"]:
        key = _figure_key(figure)
        if (figure["span"]["doc"], figure["span"]["start"]) in known_spans or key not in earlier:
            continue
        old = earlier[key]
        if (old["low"], old["high"]) != (figure["low"], figure["high"]):
            revised.append({
                "about": figure.get("subject") or figure["unit"],
                "before": {"value": old["text"], "span": old["span"], "published": published.get(old["span"]["doc"])},
                "now": {"value": figure["text"], "span": figure["span"], "published": published.get(figure["span"]["doc"])},
            })  # fmt: skip
    return revised


def _new_conflicts(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    seen = {(c["kind"], c["about"]) for c in before["conflicts"]}
    return [c for c in after["conflicts"] if (c["kind"], c["about"]) not in seen]


def update_summary(docs: list[Any], new_ids: list[str], said: list[str], settings: Settings) -> list[dict[str, Any]]:
    """An article of what the new documents add, penalising what the earlier version said."""
    pool = [d for d in docs if d.id in set(new_ids)] or docs
    seen = embed_texts(said) if said else None
    return [
        {"text": s.text, "citations": [{"doc": c.doc, "start": c.start, "end": c.end} for c in s.citations]}
        for s in summarize_story(pool, settings.words, seen)
    ]
