"""Support: another report's sentence that states the same fact as an article's sentence, not only the same topic.

Two sentences close in meaning (their embeddings) state the same fact only when the other one also has the
article sentence's participants (at least two of its names, or its only one), one of its numbers and one of its days
(when both give some) and a good share of its content words (``SHARED_WORDS``). "The resignation was announced on
Monday" does not back "a letter dated last Friday"; "the opposition won 40 seats" does not back "the government
lost 12 seats".

Backing a sentence as a second source (``backs``) asks more than not saying a fact twice (``same_fact``): the other
sentence must carry the article sentence's own content, not only share some of it, so most of the sentence's content
words (``CLAIM_WORDS``, compared by their first letters, ``STEM``) and every number it gives must be in it. "Microsoft
released 5 new security updates" is not backed by "Microsoft releases security updates" (no 5), nor a sentence on
the Supreme Court's ruling and Pinochet's house arrest by one on the ruling alone. It compares words, not their
roles: "the mother was taken into custody" and "the mother's custody was lifted" share enough of them to pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon.names import fold
from ...model import Document, Sentence

__all__ = ["Facts", "backs", "facts", "same_fact"]

#: the share of the smaller sentence's content words the other must have (0.25 kept paraphrases of one fact in the
#: bundled example and the seeds, and dropped sentences that only share the story's topic)
SHARED_WORDS = 0.25
#: the share of the article sentence's content words a second source must have to back it (the tuning links of
#: tests/gold/support-links.jsonl: at 0.5 the links kept state the same fact more often; see bench/results/support.md)
CLAIM_WORDS = 0.5
#: words are compared by their first letters (a truncation stem: "proposé"/"proposition", "libéré"/"libération")
STEM = 6
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


def _stems(words: frozenset[str]) -> set[str]:
    return {w[:STEM] for w in words}


def backs(claim: Facts, other: Facts) -> bool:
    """Whether ``other`` can be cited as a second source of ``claim``: the same fact (``same_fact``), every number of
    the claim, and ``CLAIM_WORDS`` of its content words."""
    if not same_fact(claim, other) or not claim.numbers <= other.numbers:
        return False
    own = _stems(claim.words)
    return not own or len(own & _stems(other.words)) / len(own) >= CLAIM_WORDS
