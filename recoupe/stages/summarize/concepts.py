"""Concepts for coverage selection (Gillick and Favre 2009): what several independent reports write alike.

A concept is a pair of adjacent words, lower-cased and stemmed (Snowball), that is not two stop words ("de la",
"of the"). Its weight is the number of independent reports (copies of one wire story count once) that write it
anywhere in their text, plus ``LEAD_BONUS`` for each report that writes it in its first ``LEAD_SENTENCES``
sentences; a concept fewer than ``MIN_REPORTS`` reports, or fewer than ``MIN_SHARE`` of the story's reports, write
weighs nothing; a story of fewer than ``MIN_STORY`` independent reports has no concept. "Bigrams several sources share" is a
close proxy for the facts a reference summary states, and the measure ROUGE-2 counts.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

from ...lexicon.stems import stemmer
from ...model import Document

__all__ = ["LEAD_BONUS", "LEAD_SENTENCES", "MIN_REPORTS", "MIN_SHARE", "MIN_STORY", "Concept", "concepts", "weights"]

#: a pair of stemmed words
Concept = tuple[str, str]
#: Calibrated on the 20 RPM2 dev clusters of 10 reports (ROUGE-2 of the article, bench/summaries.py): a concept counts
#: when at least MIN_REPORTS independent reports, and MIN_SHARE of them, write it (at least 2 of 10 reports gave
#: 14.0, 3 14.6, 4 14.8, 5 14.3, 6 13.8; the greedy choice 13.2); each report writing it in its first LEAD_SENTENCES
#: sentences adds LEAD_BONUS (the news lead states the main facts; at 2 reports, 0 gave 13.6, 0.5 14.0, 1 14.1, the
#: first sentence alone 13.9; at 4 of 10, 0.5 14.8 and 1 14.8).
MIN_REPORTS = 2
MIN_SHARE = 0.4
#: a story of fewer independent reports has no concept (its article is the greedy choice): with the first 2 reports of
#: each RPM2 dev cluster, coverage and greedy tied (ROUGE-2 9.4 and 9.3), with 3 coverage led (11.4, 10.6). Chosen
#: after WikinewsSum's first score (coverage from 2 reports: ROUGE-2 8.9, key facts 34 of 136; greedy 9.0, 44); with
#: it, 8.8 and 35: no gain there
MIN_STORY = 3
LEAD_SENTENCES = 3
LEAD_BONUS = 1.0
_WORD = re.compile(r"\w+")
_STOPS = {"fr": FR_STOP, "en": EN_STOP, "de": DE_STOP}


@lru_cache(maxsize=200_000)
def _stem(word: str, language: str) -> tuple[str, bool]:
    """The word's stem, and whether it is weak (a stop word or a single character)."""
    return stemmer(language).stem(word), word in _STOPS.get(language, FR_STOP) or len(word) < 2


def concepts(text: str, language: str) -> frozenset[Concept]:
    """The text's concepts: adjacent word pairs, stemmed, leaving out pairs of two stop words or characters."""
    kept = [_stem(w, language) for w in _WORD.findall(text.lower())]
    return frozenset((a, b) for (a, weak_a), (b, weak_b) in itertools.pairwise(kept) if not (weak_a and weak_b))


def weights(docs: Sequence[Document], groups: dict[str, int] | None = None) -> dict[Concept, float]:
    """Each concept's weight: the independent reports that write it, more for those that write it in their lead."""
    found: dict[Concept, set[object]] = {}
    early: dict[Concept, set[object]] = {}
    group_of = groups or {}
    independent = len({group_of.get(d.id, d.id) for d in docs})
    if independent < MIN_STORY:
        return {}
    for doc in docs:
        source = group_of.get(doc.id, doc.id)
        for position, sentence in enumerate(doc.sentences):
            for concept in concepts(sentence.text, doc.language or "fr"):
                found.setdefault(concept, set()).add(source)
                if position < LEAD_SENTENCES:
                    early.setdefault(concept, set()).add(source)
    least = max(MIN_REPORTS, math.ceil(MIN_SHARE * independent))
    return {
        concept: len(sources) + LEAD_BONUS * len(early.get(concept, ()))
        for concept, sources in found.items()
        if len(sources) >= least
    }
