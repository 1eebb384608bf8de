"""Renderer ``markdown``: per story its title, when and where, the cited article and its sources."""

from __future__ import annotations

from ..model import Story
from ..registry import renderers
from ..report import Report
from .common import describe_source, source_numbers

__all__ = ["to_markdown"]


def _story(report: Report, story: Story) -> list[str]:
    numbers = source_numbers(story)
    lines = [f"## {story.title}", ""]
    lines.append(f"*When:* {story.when or 'unknown'} · *Where:* {', '.join(story.where) or 'unknown'}")
    lines.append("")
    article = []
    for sentence in story.summary:
        refs = "".join(
            f'[[{numbers[c.doc]}]](#{story.id}-{c.doc} "{c.doc} {c.start}-{c.end}")' for c in sentence.citations
        )
        article.append(f"{sentence.text} {refs}")
    lines += [" ".join(article), "", "### Sources", ""]
    for doc_id, number in numbers.items():
        doc = report.document(doc_id)
        lines.append(
            f'{number}. <a id="{story.id}-{doc_id}"></a>**{doc.title or doc_id}** — {describe_source(doc)} (`{doc.source}`)'
        )
    if story.off_topic:
        lines += ["", "Reports given with this story that are about another event: " + ", ".join(story.off_topic)]
    return lines + [""]


def to_markdown(report: Report) -> str:
    lines = ["# recoupe report", ""]
    lines.append(f"{len(report.documents)} documents, {len(report.stories)} stories, {len(report.failures)} failures.")
    lines.append("")
    for story in report.stories:
        lines += _story(report, story)
    if report.failures:
        lines += ["## Inputs that could not be processed", ""]
        lines += [f"- `{f.source}` ({f.stage}, {f.code}): {f.message}" for f in report.failures]
    return "\n".join(lines) + "\n"


renderers.register("markdown", to_markdown)
