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

A second source must also report the same event (``same_event``): two reports that share fewer than two names may
be two crimes, two storms or two strikes a story holds together, where a stock phrase ("La police judiciaire a été
saisie de l'enquête") backs nothing; nor do two reports published more than ``SUPPORT_DAYS`` apart, which tell two
moments of a story under the same names (a strike in January and in February, two polls a month apart with the same
note on their method).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon.names import fold
from ...model import Document, Sentence
from ..dates import publication_day
from ..stories.cluster import entity_keys

__all__ = ["SAME_EVENT_NAMES", "SUPPORT_DAYS", "Facts", "backs", "facts", "same_event", "same_fact"]

#: the share of the smaller sentence's content words the other must have (0.25 kept paraphrases of one fact in the
#: bundled example and the seeds, and dropped sentences that only share the story's topic)
SHARED_WORDS = 0.25
#: the share of the article sentence's content words a second source must have to back it (the tuning links of
#: tests/gold/support-links.jsonl: at 0.5 the links kept state the same fact more often; see bench/results/support.md)
CLAIM_WORDS = 0.5
#: the fewest names (persons, organisations, places) two reports must share to tell one event: a story that holds
#: two events ("La police judiciaire a été saisie de l'enquête" in two reports of two crimes) gives no support
#: across them (chosen on the tuning links, bench/support.py --similarity)
SAME_EVENT_NAMES = 2
#: two reports published further apart (days) do not back each other: on the judged links of the tuning sets
#: (tests/gold/support-links*.jsonl), 144 of 170 links (0.85) of reports up to 14 days apart state the same fact, 12
#: of 25 further apart (the others: the same names at another moment of a long story); 8 to 14 days apart still give
#: 12 of 13, so the cut is where the "no" links begin, not a week
SUPPORT_DAYS = 14
#: words are compared by their first letters (a truncation stem: "proposé"/"proposition", "libéré"/"libération")
STEM = 6
_NUMBER = re.compile(r"\d[\d\u00a0\u202f .,]*\d|\d")
_WORD = re.compile(r"[^\W\d_]{5,}")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a sentence states, for comparison: names (last words), numbers, days, content words, and the figures with
    what they count (value, the unit's stem: "1.000 morts" is (1000.0, "morts"))."""

    names: frozenset[str]
    numbers: frozenset[str]
    days: frozenset[str]
    words: frozenset[str]
    counted: frozenset[tuple[float, str]] = frozenset()


def _number(text: str) -> str:
    digits = re.sub(r"[\u00a0\u202f ]", "", text).replace(",", ".")
    return digits.rstrip(".").lstrip("0") or "0"


def _value(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def facts(doc: Document, sentence: Sentence) -> Facts:
    """The sentence's names, numbers (in digits, and those written in words: "onze départements" gives 11), days
    and content words."""
    start, end = sentence.span.start, sentence.span.end
    names = {fold(m.text).split()[-1] for m in doc.mentions if start <= m.span.start < end and fold(m.text).split()}
    days = {d.value for d in doc.dates if start <= d.span.start < end and d.precision == "day"}
    numbers = {_number(n.group(0)) for n in _NUMBER.finditer(sentence.text)}
    numbers |= {
        _value(f.low)
        for f in doc.figures
        if start <= f.span.start < end and f.low == f.high and not any(c.isdigit() for c in f.text)
    }
    words = {fold(w) for w in _WORD.findall(sentence.text)} - names
    counted = {(f.low, fold(f.unit)[:STEM]) for f in doc.figures if start <= f.span.start < end and f.unit}
    return Facts(frozenset(names), frozenset(numbers), frozenset(days), frozenset(words), frozenset(counted))


def _counts_other_things(claim: Facts, other: Facts) -> bool:
    """A number of the claim that the other sentence gives as the count of something else only ("la barre des 1.000
    morts" against "la barre des 1.000 cas")."""
    return any(
        any(v == value and u != unit for v, u in other.counted) and (value, unit) not in other.counted
        for value, unit in claim.counted
    )


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


def same_event(a: Document, b: Document) -> bool:
    """Whether two reports can back each other: published at most ``SUPPORT_DAYS`` apart (when both give a date), and
    they share ``SAME_EVENT_NAMES`` names, or one of them has no name the tagger found (a language without models:
    nothing to compare)."""
    first_day, second_day = publication_day(a.published), publication_day(b.published)
    if first_day and second_day and abs((first_day - second_day).days) > SUPPORT_DAYS:
        return False
    first, second = entity_keys(a), entity_keys(b)
    return not first or not second or len(first & second) >= SAME_EVENT_NAMES


def _stems(words: frozenset[str]) -> set[str]:
    return {w[:STEM] for w in words}


def backs(claim: Facts, other: Facts) -> bool:
    """Whether ``other`` can be cited as a second source of ``claim``: the same fact (``same_fact``), every number of
    the claim (counting the same things), and ``CLAIM_WORDS`` of its content words."""
    if not same_fact(claim, other) or not claim.numbers <= other.numbers or _counts_other_things(claim, other):
        return False
    own = _stems(claim.words)
    return not own or len(own & _stems(other.words)) / len(own) >= CLAIM_WORDS
