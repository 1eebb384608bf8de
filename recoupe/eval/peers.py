"""Peer summarisers, all choosing whole source sentences up to the word budget (one small class each)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from .rouge import rouge

__all__ = ["PEERS", "Sentences", "lead", "oracle", "random_sentences"]

#: each document's sentences, in order
Sentences = Sequence[Sequence[str]]
_SUMY_LANGUAGES = {"fr": "french", "en": "english", "de": "german"}


def _fill(ranked: Sequence[str], words: int) -> str:
    chosen: list[str] = []
    for sentence in ranked:
        if sum(len(s.split()) for s in chosen) >= words:
            break
        chosen.append(sentence)
    return " ".join(chosen)


def random_sentences(docs: Sentences, words: int, language: str, seed: int = 0) -> str:
    pool = [s for d in docs for s in d]
    random.Random(seed).shuffle(pool)
    return _fill(pool, words)


def lead(docs: Sentences, words: int, language: str) -> str:
    """First sentences, round robin over the documents."""
    order = [d[i] for i in range(max((len(d) for d in docs), default=0)) for d in docs if i < len(d)]
    return _fill(order, words)


class _Splitter:
    """Our sentences handed to sumy as they are (sumy's own splitter needs NLTK data)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, text: str) -> list[str]:
        return [s for s in text.split("\n") if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+", sentence)


def _ranked(
    sentences: Sequence[object], count: object, rating: object, *args: object, **kwargs: object
) -> tuple[object, ...]:
    """sumy's sentence selection, keeping every sentence, best rated first."""
    rate = (lambda s: rating[s]) if isinstance(rating, dict) else (lambda s: rating(s, *args, **kwargs))  # type: ignore[operator]
    return tuple(sorted(sentences, key=rate, reverse=True))


def _sumy(factory: Callable[[Stemmer], object]) -> Callable[[Sentences, int, str], str]:
    """A sumy summariser's sentences, best rated first, up to the budget."""

    def summarise(docs: Sentences, words: int, language: str) -> str:
        name = _SUMY_LANGUAGES.get(language, "french")
        parser = PlaintextParser.from_string("\n".join(s for d in docs for s in d), _Splitter(name))
        summarizer = factory(Stemmer(name))
        summarizer.stop_words = get_stop_words(name)  # type: ignore[attr-defined]
        summarizer._get_best_sentences = _ranked  # type: ignore[attr-defined]
        ranked = [str(s) for s in summarizer(parser.document, 1)]  # type: ignore[operator]
        return _fill(ranked, words)

    return summarise


def oracle(docs: Sentences, words: int, language: str, references: Sequence[str]) -> str:
    """Greedy ROUGE-2 oracle over the source sentences: the upper bound of extraction."""
    pool = [s for d in docs for s in d]
    chosen: list[str] = []
    best = 0.0
    while sum(len(s.split()) for s in chosen) < words:
        scored = [
            (rouge(" ".join(chosen + [s]), references, words=words, language=language).r2, s)
            for s in pool
            if s not in chosen
        ]
        if not scored:
            break
        score, sentence = max(scored)
        if score <= best:
            break
        best = score
        chosen.append(sentence)
    return " ".join(chosen)


PEERS: dict[str, Callable[[Sentences, int, str], str]] = {
    "random sentences": random_sentences,
    "lead (round robin)": lead,
    "LexRank (sumy)": _sumy(LexRankSummarizer),
    "TextRank (sumy)": _sumy(TextRankSummarizer),
    "LSA (sumy)": _sumy(LsaSummarizer),
    "Luhn (sumy)": _sumy(LuhnSummarizer),
    "KL (sumy)": _sumy(KLSummarizer),
}
