"""ROUGE-1, ROUGE-2 and ROUGE-L F1, one setting for every system.

Words are Unicode ``\\w+`` tokens, lower-cased and stemmed with NLTK's French (or English)
Snowball stemmer; each summary is cut to ``words`` words; a summary is scored against each
reference and the scores are averaged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rouge_score import rouge_scorer

from ..lexicon.stems import stemmer

__all__ = ["Scores", "cut", "rouge", "tokens"]

_WORD = re.compile(r"\w+")


def tokens(text: str, language: str = "fr") -> list[str]:
    stem = stemmer(language).stem
    return [stem(w) for w in _WORD.findall(text.lower())]


def cut(text: str, words: int) -> str:
    """The summary's first ``words`` words (as ``\\w+`` tokens count them), the text kept as written."""
    matches = list(_WORD.finditer(text))
    return text if len(matches) <= words else text[: matches[words - 1].end()]


class _Tokenizer:
    def __init__(self, language: str) -> None:
        self.language = language

    def tokenize(self, text: str) -> list[str]:
        return tokens(text, self.language)


@dataclass(frozen=True, slots=True)
class Scores:
    r1: float
    r2: float
    rl: float


@lru_cache(maxsize=4)
def _scorer(language: str) -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=_Tokenizer(language))


def rouge(summary: str, references: Sequence[str], *, words: int = 100, language: str = "fr") -> Scores:
    """F1 (in %) averaged over the references."""
    scorer = _scorer(language)
    results = [scorer.score(cut(reference, words), cut(summary, words)) for reference in references]
    r1, r2, rl = (
        100 * sum(r[key].fmeasure for r in results) / max(1, len(results)) for key in ("rouge1", "rouge2", "rougeL")
    )
    return Scores(r1, r2, rl)
