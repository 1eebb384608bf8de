"""Which candidates the article says: the lead, then the set of sentences that covers most of the story's facts.

Facts are approximated by content units, as in concept-coverage summarisation (Gillick and Favre 2009): word bigrams
(stemmed, lower-cased, not both short words) weighted by how many independent reports write them; a unit only one
report writes counts for nothing. An integer linear program (SciPy's ``milp``) chooses the sentences that maximise the
weight of the units they cover, each unit counted once (so saying a fact twice gains nothing), plus a small share of
each sentence's own score (centrality, support, position), under the word budget. Two sentences that state the same
fact (``support.same_fact``) or are near-paraphrases (cosine ``REDUNDANT``) are never both chosen.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from nltk.stem.snowball import SnowballStemmer
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from .candidates import Candidate
from .support import facts, same_fact

__all__ = ["REDUNDANT", "choose", "clashes", "units"]

#: Two sentences closer than REDUNDANT say the same thing (USE cosine): paraphrases of one fact in the bundled
#: example scored 0.68-0.72, different facts of one story 0.45-0.55.
REDUNDANT = 0.7
#: the weight of a sentence's own score against the units it covers (swept on RPM2 dev; bench/summaries.py)
SCORE_WEIGHT = 1.0
#: a unit counts when at least this many independent reports write it
MIN_REPORTS = 2
#: only the best-scored candidates enter the program (a story's few hundred sentences would make it slow)
POOL = 60
#: two sentences this close that share their names, numbers, days and words state one fact
SAME_FACT_CLOSE = 0.5
_WORD = re.compile(r"\w+")
_STEMMERS = {"fr": "french", "en": "english", "de": "german"}


@lru_cache(maxsize=4)
def _stemmer(language: str) -> SnowballStemmer:
    return SnowballStemmer(_STEMMERS.get(language, "french"))


def units(text: str, language: str) -> frozenset[tuple[str, str]]:
    """The sentence's content units: bigrams of stemmed words, leaving out pairs of short words."""
    stem = _stemmer(language).stem
    words = [stem(w) for w in _WORD.findall(text.lower())]
    return frozenset((a, b) for a, b in itertools.pairwise(words) if max(len(a), len(b)) > 3)


def _weights(pool: Sequence[Candidate], groups: dict[str, int]) -> dict[tuple[str, str], int]:
    """Each unit's weight: the number of independent reports whose candidates write it (copies count once)."""
    reports: dict[tuple[str, str], set[object]] = {}
    for c in pool:
        for unit in units(c.sentence.text, c.doc.language or "fr"):
            reports.setdefault(unit, set()).add(groups.get(c.doc.id, c.doc.id))
    return {u: len(r) for u, r in reports.items() if len(r) >= MIN_REPORTS}


def clashes(pool: Sequence[Candidate]) -> list[tuple[int, int]]:
    """Pairs of sentences that state the same fact (both ways, ``support.same_fact``) or are near-paraphrases."""
    stated = [facts(c.doc, c.sentence) for c in pool]
    sims = np.stack([c.vector for c in pool]) @ np.stack([c.vector for c in pool]).T
    return [
        (i, j)
        for i in range(len(pool))
        for j in range(i + 1, len(pool))
        if sims[i, j] >= REDUNDANT
        or (sims[i, j] >= SAME_FACT_CLOSE and same_fact(stated[i], stated[j]) and same_fact(stated[j], stated[i]))
    ]


def choose(
    pool: Sequence[Candidate], lead: Candidate, words: int, groups: dict[str, int] | None = None
) -> list[Candidate]:
    """The lead and the sentences the ILP picks with it, in no particular order."""
    pool = [lead] + [c for c in sorted(pool, key=lambda c: -c.score) if c is not lead][: POOL - 1]
    weights = _weights(pool, groups or {})
    concepts = sorted(weights)
    index = {u: j for j, u in enumerate(concepts)}
    n, m = len(pool), len(concepts)
    cost = np.concatenate([[-SCORE_WEIGHT * c.score for c in pool], [-float(weights[u]) for u in concepts]])
    rows = [_budget(pool, m, words), _coverage(pool, index, n, m), _pairs(pool, m)]
    lower = np.zeros(n + m)
    lower[[k for k, c in enumerate(pool) if c is lead]] = 1
    result = milp(cost, constraints=[r for r in rows if r is not None], integrality=np.ones(n + m),
                  bounds=Bounds(lower, np.ones(n + m)), options={"time_limit": 10})  # fmt: skip
    if result.x is None:
        return [lead]
    return [c for k, c in enumerate(pool) if result.x[k] > 0.5]


def _budget(pool: Sequence[Candidate], m: int, words: int) -> LinearConstraint:
    lengths = np.concatenate([[c.words for c in pool], np.zeros(m)])
    return LinearConstraint(lengths[None, :], 0, words)


def _coverage(pool: Sequence[Candidate], index: dict[tuple[str, str], int], n: int, m: int) -> LinearConstraint | None:
    """A unit counts only when a chosen sentence writes it: unit_j - sum of its sentences <= 0."""
    if not m:
        return None
    matrix = lil_matrix((m, n + m))
    for k, c in enumerate(pool):
        for unit in units(c.sentence.text, c.doc.language or "fr"):
            if unit in index:
                matrix[index[unit], k] = -1
    for j in range(m):
        matrix[j, n + j] = 1
    return LinearConstraint(matrix.tocsr(), -np.inf, 0)


def _pairs(pool: Sequence[Candidate], m: int) -> LinearConstraint | None:
    """Two sentences stating the same fact are not both chosen."""
    pairs = clashes(pool)
    if not pairs:
        return None
    matrix = lil_matrix((len(pairs), len(pool) + m))
    for row, (i, j) in enumerate(pairs):
        matrix[row, i] = matrix[row, j] = 1
    return LinearConstraint(matrix.tocsr(), 0, 1)
