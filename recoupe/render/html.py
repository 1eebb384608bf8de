"""Renderer ``html``: one self-contained page; each citation links to the passage it cites."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape

from ..model import Document, Span, Story, SummarySentence
from ..registry import renderers
from ..report import Report
from .common import describe_source, inline_citations, source_numbers, speaker_names

__all__ = ["to_html"]

_STYLE = """
body{font:17px/1.55 Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fdfcf9}
h1{font:600 1.1rem system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#8a4b08;border-bottom:2px solid #8a4b08}
h2{font-size:1.6rem;line-height:1.25;margin:2.2rem 0 .3rem}
h3{font:600 .85rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:#555;margin-top:1.4rem}
.meta{font:.9rem system-ui,sans-serif;color:#555}
.article p{margin:.6rem 0}
sup a{font:600 .7rem system-ui,sans-serif;text-decoration:none;color:#8a4b08;padding:0 .1rem}
ol.sources{font:.9rem system-ui,sans-serif;padding-left:1.4rem}
ol.sources li{margin:.4rem 0}
details{margin:.2rem 0 .6rem}
details div{white-space:pre-wrap;font:.85rem/1.5 Georgia,serif;background:#f3f0e8;padding:.6rem;border-radius:4px}
mark{background:#ffe08a}
mark:target{background:#ffb02e;outline:2px solid #8a4b08}
.alone{text-decoration:underline dotted #b0862f}
ul.quotes{font:.95rem/1.5 Georgia,serif;padding-left:1.2rem}
ul.quotes li{margin:.35rem 0}
.apart,.failures{font:.9rem system-ui,sans-serif;color:#7a2a2a}
"""
#: opens the source text a citation points into, so the cited passage shows
_SCRIPT = """
function reveal(){var t=document.getElementById(decodeURIComponent(location.hash.slice(1)));
for(var e=t;e;e=e.parentElement){if(e.tagName==='DETAILS'){e.open=true;}}
if(t){t.scrollIntoView({block:'center'});}}
window.addEventListener('hashchange',reveal);window.addEventListener('load',reveal);
"""


def _anchor(story: Story, span: Span) -> str:
    return f"{story.id}-{span.doc}-{span.start}"


def _marked_text(story: Story, doc: Document, spans: list[Span]) -> str:
    out, cursor = [], 0
    for span in sorted({s for s in spans if s.doc == doc.id}):
        if span.start < cursor:
            continue
        out.append(escape(doc.text[cursor : span.start]))
        out.append(f'<mark id="{_anchor(story, span)}">{escape(span.of(doc.text))}</mark>')
        cursor = span.end
    out.append(escape(doc.text[cursor:]))
    return "".join(out)


def _extract(sentence: SummarySentence, story: Story, numbers: dict[str, int], link: Callable[[Span, int], str]) -> str:
    """A source sentence with its citation and the other reports that say the same; a claim only one
    independent source makes is marked."""
    marks = "".join(link(c, numbers[c.doc]) for c in sentence.citations + sentence.support)
    if len(story.documents) > 1 and sentence.independent_sources == 1:
        return f'<span class="alone" title="only one source says this">{escape(sentence.text)}</span>{marks}'
    return escape(sentence.text) + marks


def _story(report: Report, story: Story) -> str:
    numbers = source_numbers(story)
    cited = [c for s in story.summary for c in s.citations + s.support] + [c for q in story.quotes for c in q.sources]

    def link(span: Span, number: int) -> str:
        return f'<sup><a href="#{_anchor(story, span)}" title="{escape(span.doc)} {span.start}-{span.end}">[{number}]</a></sup>'

    sentences = "".join(
        (
            inline_citations(replace(s, text=escape(s.text)), numbers, link)
            if s.kind == "conflict"
            else _extract(s, story, numbers, link)
        )
        + " "
        for s in story.summary
    )
    names = speaker_names(story)
    quotes = "".join(
        f"<li><strong>{escape(names.get(q.speaker, '?'))}</strong>"
        + (
            ' <em title="read from a pronoun, a description or an earlier sentence">(speaker inferred)</em>'
            if q.speaker_basis == "inferred"
            else ""
        )
        + ": "
        + (f"« {escape(q.text)} »" if q.direct else f"<em>(reported)</em> {escape(q.text)}")
        + "".join(link(s, numbers[s.doc]) for s in q.sources)
        + "</li>"
        for q in story.quotes
    )
    quotes = f'<h3>Quotes</h3><ul class="quotes">{quotes}</ul>' if quotes else ""
    sources = []
    for doc_id, number in numbers.items():
        doc = report.document(doc_id)
        sources.append(
            f'<li value="{number}"><strong>{escape(doc.title or doc_id)}</strong> — {escape(describe_source(doc))}'
            f"<details><summary>text of {escape(doc_id)}</summary><div>{_marked_text(story, doc, cited)}</div></details></li>"
        )
    apart = (
        f'<p class="apart">Given with this story but about another event: {escape(", ".join(story.off_topic))}</p>'
        if story.off_topic
        else ""
    )
    return (
        f'<section id="{story.id}"><h2>{escape(story.title)}</h2>'
        f'<p class="meta">When: {escape(story.when or "unknown")} · Where: {escape(", ".join(story.where) or "unknown")}'
        f" · {len(story.documents)} reports</p>"
        f'<div class="article"><p>{sentences}</p></div>{apart}{quotes}'
        f'<h3>Sources</h3><ol class="sources">{"".join(sources)}</ol></section>'
    )


def to_html(report: Report) -> str:
    failures = ""
    if report.failures:
        items = "".join(
            f"<li><code>{escape(f.source)}</code> ({f.code}): {escape(f.message)}</li>" for f in report.failures
        )
        failures = f'<h3>Inputs that could not be processed</h3><ul class="failures">{items}</ul>'
    body = "".join(_story(report, s) for s in report.stories)
    return (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>recoupe report</title><style>{_STYLE}</style><script>{_SCRIPT}</script></head><body>"
        f"<h1>recoupe · {len(report.stories)} stories from {len(report.documents)} reports</h1>{body}{failures}</body></html>\n"
    )


renderers.register("html", to_html)
