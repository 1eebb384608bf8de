"""The conflict gold sets (tests/gold/rpm2-conflicts*.jsonl) read, and their claims located in recoupe's clean texts:
the claim's text exactly (the occurrence nearest its raw position), else with whitespace and invisible characters
normalised. Used by bench/conflicts.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.model import Document, Span

__all__ = ["Item", "Location", "gold_items", "load_gold", "locate"]


@dataclass(frozen=True)
class Item:
    """One gold line: a conflict, an update or a tempting non-conflict, its claims located in the clean texts."""

    label: str
    kind: str
    about: str
    claims: tuple[Span, ...]


@dataclass
class Location:
    """How the gold claims were found in the clean texts."""

    exact: int = 0
    normalised: int = 0
    missing: list[str] = field(default_factory=list)

    def add(self, other: Location) -> None:
        self.exact, self.normalised = self.exact + other.exact, self.normalised + other.normalised
        self.missing += other.missing


_BLANK = re.compile(r"[\s\u00a0\u202f]+")
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text with invisible characters dropped and every run of whitespace one space, and for each character kept
    its offset in ``text``."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        if _BLANK.fullmatch(ch):
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        offsets.append(i)
    return "".join(chars), offsets


def _nearest(text: str, needle: str, near: int) -> int | None:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)] if needle else []
    return min(starts, key=lambda s: abs(s - near), default=None)


def locate(claim: str, raw_start: int, raw_length: int, doc: Document) -> tuple[Span | None, str]:
    """The claim's span in the document's clean text, and how it was found ("exact", "normalised" or "missing")."""
    near = round(raw_start * len(doc.text) / max(1, raw_length))
    start = _nearest(doc.text, claim, near)
    if start is not None:
        return Span(doc.id, start, start + len(claim)), "exact"
    text, offsets = _normalised(doc.text)
    needle = _normalised(claim)[0].strip()
    start = _nearest(text, needle, near)
    if start is None:
        return None, "missing"
    return Span(doc.id, offsets[start], offsets[start + len(needle) - 1] + 1), "normalised"


def gold_items(
    lines: Iterable[dict],  # type: ignore[type-arg]
    docs: dict[str, Document],
    raw: dict[str, str],
    found: Location,
) -> list[Item]:
    """The cluster's gold items with their claims in the clean texts (a claim not found is left out)."""
    items = []
    for line in lines:
        spans = []
        for c in line["claims"]:
            span, how = None, "missing"
            if c["doc"] in docs:
                span, how = locate(c["text"], c["start"], len(raw[c["doc"]]), docs[c["doc"]])
            if span is None:
                found.missing.append(f"{c['doc']}:{c['start']}")
                continue
            spans.append(span)
            setattr(found, how, getattr(found, how) + 1)
        items.append(Item(line["label"], line["kind"], line["about"], tuple(spans)))
    return items


def load_gold(path: Path) -> dict[tuple[str, str], list[dict]]:  # type: ignore[type-arg]
    """The gold items of each annotated cluster (a cluster with a `done` line and no item still counts)."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    clusters: dict[tuple[str, str], list[dict]] = {  # type: ignore[type-arg]
        (g["topic"], g["cluster"]): [] for g in lines if g["label"] == "done"
    }
    for g in lines:
        if g["label"] != "done":
            clusters[(g["topic"], g["cluster"])].append(g)
    return clusters
