"""Fact coverage: how many key facts of a Wikinews article a summary of its sources states.

The key facts are in ``tests/gold/wikinewssum-facts.jsonl`` (listed by hand from the articles, before the summariser
was changed); a fact is stated when each of its ``all_of`` groups has one alternative in the summary, matched
case-insensitively as whole words or phrases. ``states`` is the matcher of ``tests/gold/README.md``, unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Fact", "covered", "load_facts", "states"]


def _norm(s: str) -> str:
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s)


def _pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in _norm(phrase).strip().split(" ")]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def states(text: str, all_of: Sequence[Sequence[str]]) -> bool:
    """Whether ``text`` states the fact: every group has at least one alternative in it."""
    t = _norm(text)
    return all(any(_pattern(alt).search(t) for alt in group) for group in all_of)


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    text: str
    all_of: tuple[tuple[str, ...], ...]


def load_facts(path: Path) -> dict[str, tuple[Fact, ...]]:
    """Article ("W044": the 44th line of the WikinewsSum file) -> its key facts, most important first."""
    articles: dict[str, tuple[Fact, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles[record["article"]] = tuple(
            Fact(f["id"], f["text"], tuple(tuple(group) for group in f["all_of"])) for f in record["facts"]
        )
    return articles


def covered(summary: str, facts: Sequence[Fact]) -> int:
    """How many of ``facts`` the summary states."""
    return sum(states(summary, fact.all_of) for fact in facts)
