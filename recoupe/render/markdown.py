"""Renderer ``markdown``: per story its title, when and where, the cited article and its sources."""

from __future__ import annotations

from ..model import Span, Story
from ..registry import renderers
from ..report import Report
from .common import describe_source, inline_citations, source_numbers, speaker_names

__all__ = ["to_markdown"]


def _story(report: Report, story: Story) -> list[str]:
    numbers = source_numbers(story)
    lines = [f"## {story.title}", ""]
    lines.append(f"*When:* {story.when or 'unknown'} · *Where:* {', '.join(story.where) or 'unknown'}")
    lines.append("")

    def link(span: Span, number: int) -> str:
        return f'[[{number}]](#{story.id}-{span.doc} "{span.doc} {span.start}-{span.end}")'

    article = []
    for sentence in story.summary:
        if sentence.kind == "conflict":
            article.append(inline_citations(sentence, numbers, link))
        else:
            marks = "".join(link(c, numbers[c.doc]) for c in sentence.citations + sentence.support)
            alone = " *(one source)*" if len(story.documents) > 1 and sentence.independent_sources == 1 else ""
            article.append(f"{sentence.text} {marks}{alone}")
    lines += [" ".join(article), ""]
    if story.quotes:
        names = speaker_names(story)
        lines += ["### Quotes", ""]
        for quote in story.quotes:
            marks = "".join(link(s, numbers[s.doc]) for s in quote.sources)
            words = f"« {quote.text} »" if quote.direct else f"(reported) {quote.text}"
            inferred = " *(speaker inferred)*" if quote.speaker_basis == "inferred" else ""
            lines.append(f"- **{names.get(quote.speaker, '?')}**{inferred}: {words} {marks}")
        lines.append("")
    lines += ["### Sources", ""]
    for doc_id, number in numbers.items():
        doc = report.document(doc_id)
        lines.append(
            f'{number}. <a id="{story.id}-{doc_id}"></a>**{doc.title or doc_id}** — {describe_source(doc)} (`{doc.source}`)'
        )
    if story.copies:
        groups = "; ".join(", ".join(f"[{numbers[d]}]" for d in group) for group in story.copies)
        lines += ["", f"Copies of one wire story, counted as one source: {groups}"]
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
