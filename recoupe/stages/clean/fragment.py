"""The text of HTML trafilatura finds no article in, when that is because the HTML is not a page: a feed item's
or a JSONL ``html`` field's fragment (one paragraph, a few ``<br>``), or a page nested deeper than lxml parses
(libxml2 stops at 256 levels). Read with the standard library's tolerant parser, which has no depth limit; what
sits in navigation, forms and furniture is left out, so a page of menus still has no article (issue 17)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["LXML_MAX_DEPTH", "fallback_text", "nesting_depth"]

#: nesting libxml2's HTML parser reads without its "huge" option; a page deeper than this loses its article there
LXML_MAX_DEPTH = 256
_PAGE = re.compile(r"<(?:html|body|head)\b", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_SKIP = frozenset(
    ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "menu", "select", "button", "template"]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "tr",
        "pre",
        "dd",
        "dt",
    ]
)


def nesting_depth(html: str) -> int:
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def fallback_text(html: str) -> str | None:
    """The text of a fragment or of a page nested too deep for lxml; None for an ordinary page (trafilatura's
    verdict stands)."""
    if _PAGE.search(html) and nesting_depth(html) <= LXML_MAX_DEPTH:
        return None
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line) or None


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)
