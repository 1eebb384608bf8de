"""A document's clean text cut into pieces for the document page: each piece with the kinds of annotation that cover
it (entity, date, figure, quote, claim), and the span a citation points at as its own piece (``cited``)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

__all__ = ["Piece", "annotations_of", "pieces"]


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    kinds: tuple[str, ...] = ()
    cited: bool = False
    #: what the annotations covering it say (shown as the piece's title)
    notes: tuple[str, ...] = ()


Marked = tuple[int, int, str, str]


def annotations_of(data: dict[str, Any]) -> list[Marked]:
    """(start, end, kind, note) of every annotation of a document (``Reading.document_data``)."""
    found: list[Marked] = []
    for m in data.get("mentions") or []:
        found.append((m["span"]["start"], m["span"]["end"], "entity", m["label"]))
    story = data.get("found") or {}
    for d in story.get("dates", []):
        found.append((d["span"]["start"], d["span"]["end"], "date", d["value"]))
    for f in story.get("figures", []):
        found.append((f["span"]["start"], f["span"]["end"], "figure", f.get("subject") or f["unit"]))
    for q in story.get("quotes", []):
        found.append((q["span"]["start"], q["span"]["end"], "quote", "quote"))
    for c in story.get("claims", []):
        found.append((c["span"]["start"], c["span"]["end"], "claim", f"{c['kind']} conflict: {c['about']}"))
    return found


def _cut(text: str, offset: int, marks: list[Marked]) -> list[Piece]:
    """``text`` (which starts at ``offset`` in the document) cut wherever an annotation starts or ends."""
    end = offset + len(text)
    bounds = sorted({offset, end, *(p for s, e, _, _ in marks for p in (s, e) if offset < p < end)})
    out = []
    for start, stop in pairwise(bounds):
        over = [m for m in marks if m[0] <= start and stop <= m[1]]
        kinds = tuple(sorted({m[2] for m in over}))
        out.append(Piece(text[start - offset : stop - offset], kinds, notes=tuple(sorted({m[3] for m in over}))))
    return out


def pieces(text: str, marks: list[Marked], cited: tuple[int, int] | None = None) -> list[Piece]:
    """The whole text in pieces; the cited span, when inside the text, a piece of its own (marked ``cited``)."""
    if cited is None or not 0 <= cited[0] < cited[1] <= len(text):
        return _cut(text, 0, marks)
    start, end = cited
    inner = _cut(text[start:end], start, marks)
    whole = Piece(text[start:end], cited=True, kinds=tuple(sorted({k for p in inner for k in p.kinds})))
    return [*_cut(text[:start], 0, marks), whole, *_cut(text[end:], end, marks)]
