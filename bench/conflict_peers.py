"""The peers of bench/conflicts.py: what a naive cross-checker reports as conflicts (issue 18)."""

from __future__ import annotations

import re
from itertools import combinations

from recoupe.lexicon.names import fold
from recoupe.model import Claim, Conflict, Corpus

__all__ = ["PEER_TOLERANCE", "figure_pairs", "quote_pairs"]

#: the peer's threshold: two values of one unit word conflict when they differ by more than this share (issue 18)
PEER_TOLERANCE = 0.10


def _value(low: float, high: float) -> float:
    return (low + high) / 2


def figure_pairs(corpus: Corpus) -> list[Conflict]:
    """Peer: every pair of figures with the same unit word in two reports whose values differ by more than 10 %."""
    figures = [f for d in corpus.documents for f in d.figures]
    pairs = []
    for a, b in combinations(figures, 2):
        va, vb = _value(a.low, a.high), _value(b.low, b.high)
        if a.span.doc == b.span.doc or fold(a.unit) != fold(b.unit):
            continue
        if abs(va - vb) > PEER_TOLERANCE * max(abs(va), abs(vb)):
            claims = (Claim(a.text, a.span), Claim(b.text, b.span))
            pairs.append(Conflict("figure", a.unit, claims))
    return pairs


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def quote_pairs(corpus: Corpus) -> list[Conflict]:
    """Peer: every quote text given to two different named speakers in two reports."""
    quotes = [q for d in corpus.documents for q in d.quotes if q.speaker]
    pairs = []
    for a, b in combinations(quotes, 2):
        if a.span.doc == b.span.doc or _words(a.text) != _words(b.text):
            continue
        if fold(a.speaker or "") != fold(b.speaker or ""):
            claims = (Claim(a.speaker or "", a.span), Claim(b.speaker or "", b.span))
            pairs.append(Conflict("attribution", a.text, claims))
    return pairs
