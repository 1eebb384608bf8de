"""What the API and the pages read from the store, shaped once: a story's latest report, its summary in a list,
what changed between two versions, a stored document with what the story's report found in it.

A published version never changes, so what is read from one (the parsed report, its page) is kept by (story,
version) in a small cache shared by the server's threads.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import NotFound
from ..store import Store
from ..store.listing import StoredDocument, StoryRow
from .state import Readers

__all__ = ["Reading", "VersionCache", "story_summary"]

T = TypeVar("T")
#: parsed reports and rendered pages kept (a story page's parts are a few tens of kB)
CACHED_VERSIONS = 512


class VersionCache:
    """Values computed from one published version of a story, least recently used dropped first."""

    def __init__(self, size: int = CACHED_VERSIONS) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[no-any-return]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


class Reading:
    def __init__(self, readers: Readers, cache: VersionCache | None = None) -> None:
        self.readers = readers
        self.cache = cache or VersionCache()

    def store(self) -> Store:
        return self.readers.store()

    def missing_story(self, story_id: str) -> NotFound:
        known = ", ".join(row.id for row in self.store().story_page(limit=10)[0]) or "none"
        return NotFound(f"story '{story_id}'", f"not in the store; latest stories: {known}")

    def latest(self, story_id: str) -> tuple[int, str]:
        """The story's last published version and its report (JSON text)."""
        found = self.store().latest_report(story_id)
        if found is None:
            raise self.missing_story(story_id)
        return found

    def report(self, story_id: str, version: int | None = None) -> tuple[int, dict[str, Any]]:
        """A version of a story's report (the last without ``version``), parsed; read from the store once."""
        number = self.store().latest_version(story_id) if version is None else version
        if number is None:
            raise self.missing_story(story_id)
        return number, self.cache.get(("report", story_id, str(number)), lambda: self._parse(story_id, number))

    def _parse(self, story_id: str, version: int) -> dict[str, Any]:
        found = self.store().report_version(story_id, version)
        if found is None:
            last = self.store().latest_version(story_id)
            if last is None:
                raise self.missing_story(story_id)
            raise NotFound(f"story '{story_id}' version {version}", f"no such version (versions 1-{last})")
        return json.loads(found)  # type: ignore[no-any-return]

    def changes(self, story_id: str, since: int | None, version: int | None = None) -> dict[str, Any]:
        """What changed from version ``since`` (default: the one before) to ``version`` (default: the last), as
        ``recoupe story ID --changes --json`` gives it without its ``update_summary`` (which needs the models)."""
        from ..tracking.changes import compare

        version, new = self.report(story_id, version)
        if since is None and version == 1:
            raise NotFound(f"story '{story_id}'", "has one version only: nothing to compare it with")
        old_version, old = self.report(story_id, version - 1 if since is None else since)
        return compare(story_id, (old_version, old), (version, new)).to_dict()

    def document_data(self, found: StoredDocument) -> dict[str, Any]:
        """A document's metadata, clean text and annotations, and what its story's last report found in it."""
        notes = found.annotations
        data = {name: getattr(found, name) for name in found.__slots__ if name != "annotations"}  # type: ignore[attr-defined]
        data.update({k: notes.get(k) for k in ("language", "text", "removed", "sentences", "mentions")})
        data.update({k: notes[k] for k in ("title", "outlet", "published", "url") if notes.get(k)})  # as cleaned
        data["found"] = self._found_in(found)
        return _own_spans(data, found.id)

    def _found_in(self, found: StoredDocument) -> dict[str, Any]:
        if found.story is None or self.store().latest_version(found.story) is None:
            return {}
        _, report = self.report(found.story)
        story = report["stories"][0]
        mine = found.id

        def here(items: list[dict[str, Any]], key: str = "span") -> list[dict[str, Any]]:
            return [i for i in items if i[key]["doc"] == mine]

        quotes = [{**q, "span": s} for q in story.get("quotes", []) for s in q["sources"] if s["doc"] == mine]
        claims = [
            {"kind": c["kind"], "about": c["about"], **claim}
            for c in story.get("conflicts", [])
            for claim in c["claims"]
            if claim["span"]["doc"] == mine
        ]
        return {
            "dates": here(story.get("dates", [])),
            "figures": here(story.get("figures", [])),
            "quotes": quotes,
            "claims": claims,
        }


def _own_spans(data: dict[str, Any], doc_id: str) -> dict[str, Any]:
    """Stored annotations name the id the document was analysed under: the stored id instead."""
    for key in ("sentences", "mentions"):
        for item in data.get(key) or []:
            item["span"] = {**item["span"], "doc": doc_id}
    return data


def story_summary(reading: Reading, row: StoryRow) -> dict[str, Any]:
    """A story in a list: ``when`` and ``where`` from its last report, its documents and outlets, its conflicts."""
    story: dict[str, Any] = {}
    if row.version is not None:
        story = reading.report(row.id, row.version)[1]["stories"][0]
    return {
        "id": row.id,
        "title": row.title,
        "when": story.get("when", row.when),
        "where": story.get("where", []),
        "documents": len(row.documents),
        "outlets": list(row.outlets),
        "conflicts": len(story.get("conflicts", [])),
        "updated": row.updated,
        "version": row.version,
    }
