"""Copies of one wire story: reports that share most of their wording count as one source.

Two reports are copies when most of the word 5-grams of the shorter one stand in the other
(containment, so a copy with a paragraph added or cut is still a copy).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Document

__all__ = ["COPY_CONTAINMENT", "shingles", "source_groups"]

#: share of the shorter report's word 5-grams found in the other that makes it a copy; two
#: rewrites of one event by different outlets share well under a tenth (seeds: at most 0.07, 000 and
#: 001 sharing a quote)
COPY_CONTAINMENT = 0.5
SHINGLE = 5


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1)))


def source_groups(docs: Sequence[Document]) -> dict[str, int]:
    """Document id -> number of its independent source (copies share one)."""
    if len(docs) < 2:
        return {doc.id: 0 for doc in docs}
    sets = [shingles(d.text) for d in docs]
    group = list(range(len(docs)))
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            smaller = min(len(sets[i]), len(sets[j]))
            if smaller and len(sets[i] & sets[j]) / smaller >= COPY_CONTAINMENT:
                old, new = group[j], group[i]
                group = [new if g == old else g for g in group]
    return {doc.id: group[i] for i, doc in enumerate(docs)}
