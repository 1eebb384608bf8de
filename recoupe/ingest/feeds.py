"""RSS 2.0 / Atom feeds: one RawDocument per entry, its HTML content cleaned later."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import feedparser

from ..errors import InputError, MalformedRecord
from ..model import RawDocument, SourceKind

__all__ = ["HTML_TAG", "body_kind", "read_feed"]

#: an HTML tag: a body without one is plain text, whatever field or feed element carried it
HTML_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--|/[a-zA-Z])")


def body_kind(body: str, declared: SourceKind) -> SourceKind:
    """``html`` only when the body has a tag: feeds and JSONL ``html`` fields often carry plain text."""
    return "html" if declared == "html" and HTML_TAG.search(body) else "text"


def read_feed(data: bytes, where: str, stem: str) -> Iterator[RawDocument | InputError]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise MalformedRecord(where, f"not a readable RSS/Atom feed with entries ({reason or 'no <item> or <entry>'})")
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        item_where = f"{where}#{entry.get('id') or entry.get('link') or number}"
        body = _entry_html(entry)
        if not body.strip():
            yield MalformedRecord(item_where, "feed entry has no content or summary")
            continue
        yield RawDocument(
            id=f"{stem}-{number}",
            source=item_where,
            kind=body_kind(body, "html"),
            content=body,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            outlet=outlet,
            published=_published(entry),
        )


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(c.get("value", "") for c in contents)
    return str(entry.get("summary") or "")


def _published(entry: Any) -> str | None:
    """feedparser gives the entry's time in UTC."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}T{value.tm_hour:02d}:{value.tm_min:02d}:00+00:00"
    return None
