"""Support: another report's sentence that states the same fact as an article's sentence, not only the same topic.

Two sentences close in meaning (their embeddings) state the same fact only when the other one also has the
article sentence's participants (at least two of its names, or its only one), one of its numbers and one of its days
(when both give some) and a good share of its content words (``SHARED_WORDS``). "The resignation was announced on
Monday" does not back "a letter dated last Friday"; "the opposition won 40 seats" does not back "the government
lost 12 seats".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon.names import fold
from ...model import Document, Sentence

__all__ = ["Facts", "facts", "same_fact"]

#: the share of the smaller sentence's content words the other must have (0.25 kept paraphrases of one fact in the
#: bundled example and the seeds, and dropped sentences that only share the story's topic)
SHARED_WORDS = 0.25
_NUMBER = re.compile(r"\d[\d\u00a0\u202f .,]*\d|\d")
_WORD = re.compile(r"[^\W\d_]{5,}")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a sentence states, for comparison: names (last words), numbers, days, content words."""

    names: frozenset[str]
    numbers: frozenset[str]
    days: frozenset[str]
    words: frozenset[str]


def _number(text: str) -> str:
    digits = re.sub(r"[\u00a0\u202f ]", "", text).replace(",", ".")
    return digits.rstrip(".").lstrip("0") or "0"


def facts(doc: Document, sentence: Sentence) -> Facts:
    start, end = sentence.span.start, sentence.span.end
    names = {fold(m.text).split()[-1] for m in doc.mentions if start <= m.span.start < end and fold(m.text).split()}
    days = {d.value for d in doc.dates if start <= d.span.start < end and d.precision == "day"}
    numbers = {_number(n.group(0)) for n in _NUMBER.finditer(sentence.text)}
    words = {fold(w) for w in _WORD.findall(sentence.text)} - names
    return Facts(frozenset(names), frozenset(numbers), frozenset(days), frozenset(words))


def same_fact(claim: Facts, other: Facts) -> bool:
    """Whether ``other`` states the fact ``claim`` states (see the module's docstring)."""
    if claim.names and len(claim.names & other.names) < min(2, len(claim.names)):
        return False
    if claim.numbers and other.numbers and not claim.numbers & other.numbers:
        return False
    if claim.days and other.days and not claim.days & other.days:
        return False
    smaller = min(len(claim.words), len(other.words))
    return smaller == 0 or len(claim.words & other.words) / smaller >= SHARED_WORDS
