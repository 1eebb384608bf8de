"""What every renderer shares: source numbering and the registry look-up."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document, Story
from ..registry import renderers
from ..report import Report

__all__ = ["describe_source", "render", "source_numbers", "speaker_names"]


def render(report: Report, fmt: str) -> str:
    renderer: Callable[[Report], str] = renderers.get(fmt)  # type: ignore[assignment]
    return renderer(report)


def source_numbers(story: Story) -> dict[str, int]:
    """Citation number of each of the story's documents: [1], [2], ... in the story's order."""
    return {doc_id: number for number, doc_id in enumerate(story.documents, start=1)}


def describe_source(doc: Document) -> str:
    language = f"{doc.language or 'und'} (partly analysed)" if doc.partly_analysed else doc.language or "und"
    return ", ".join([doc.outlet or "outlet unknown", doc.published or "date unknown", language])


def speaker_names(story: Story) -> dict[str | None, str]:
    names: dict[str | None, str] = {e.id: e.name for e in story.entities}
    names[None] = "?"
    return names
