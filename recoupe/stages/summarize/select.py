"""Which candidates the article says: the lead and the sentences that cover most of what the reports agree on.

The choice is the concept-coverage program of ``coverage`` (word pairs several independent reports write,
``concepts``); on the 20 RPM2 dev clusters it raised ROUGE-2 from 13.2 to 14.9 over the greedy choice below, which
stays for stories with no shared concept (fewer than ``concepts.MIN_STORY`` reports) and for a solver that finds
nothing in time: the lead, then the best-scored sentences that state no fact already said.

Two sentences state the same fact when they are near-paraphrases (cosine ``REDUNDANT``) or when they are close
(``SAME_FACT_CLOSE``) and each has the other's names, numbers, days and a share of its words (``support.same_fact``
both ways): "Macron a rencontré Merkel à Berlin le 15 mai" and "Macron et Merkel se sont rencontrés à Berlin le
15 mai" are one fact, whatever their cosine.

An earlier concept program (every pair written by two reports, the top 60 sentences by score) did no better than the
greedy choice; what made the difference is a threshold relative to the story's size (``concepts.MIN_SHARE``), every
candidate in the program and a bonus for pairs in the reports' leads.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .candidates import Candidate
from .concepts import Concept
from .coverage import cover
from .support import Facts, facts, same_fact

__all__ = ["BUDGET", "COVERAGE", "OVERSHOOT", "REDUNDANT", "SAME_FACT_CLOSE", "choose", "clashes"]

#: Two sentences closer than REDUNDANT say the same thing (USE cosine): paraphrases of one fact in the bundled
#: example scored 0.68-0.72, different facts of one story 0.45-0.55.
REDUNDANT = 0.7
#: two sentences this close that share their names, numbers, days and words state one fact
SAME_FACT_CLOSE = 0.5
#: the article may run this far past its word budget rather than stop mid-story
OVERSHOOT = 1.2
#: choose by concept coverage (``coverage``) rather than by score
COVERAGE = True
#: the coverage program's word budget, as a share of the article's (1.1 and 1.2 scored lower on RPM2 dev: the
#: sentences past the budget are cut by ROUGE and by a reader)
BUDGET = 1.0


def _same(a: Candidate, b: Candidate, fa: Facts, fb: Facts) -> bool:
    sim = float(a.vector @ b.vector)
    return sim >= REDUNDANT or (sim >= SAME_FACT_CLOSE and same_fact(fa, fb) and same_fact(fb, fa))


def clashes(pool: Sequence[Candidate]) -> list[tuple[int, int]]:
    """The pairs of candidates (by index) that state the same fact."""
    if len(pool) < 2:
        return []
    vectors = np.stack([c.vector for c in pool])
    close = np.argwhere(np.triu(vectors @ vectors.T >= SAME_FACT_CLOSE, k=1))
    stated = [facts(c.doc, c.sentence) for c in pool]
    return [(int(i), int(j)) for i, j in close if _same(pool[i], pool[j], stated[i], stated[j])]


def choose(
    pool: Sequence[Candidate], lead: Candidate, words: int, weights: dict[Concept, float] | None = None
) -> list[Candidate]:
    """With concept ``weights``, the coverage program's choice (``coverage.cover``); without, or when the solver
    finds nothing in time, the greedy choice."""
    if COVERAGE and weights:
        chosen = cover(pool, lead, round(words * BUDGET), weights, clashes)
        if chosen is not None:
            return chosen
    return greedy(pool, lead, words)


def greedy(pool: Sequence[Candidate], lead: Candidate, words: int) -> list[Candidate]:
    """The lead, then the best-scored sentences that state no fact already chosen, up to the budget."""
    chosen, said, total = [lead], [facts(lead.doc, lead.sentence)], lead.words
    for candidate in sorted(pool, key=lambda c: -c.score):
        if total >= words:
            break
        if candidate is lead or total + candidate.words > words * OVERSHOOT:
            continue
        stated = facts(candidate.doc, candidate.sentence)
        if any(_same(candidate, c, stated, f) for c, f in zip(chosen, said, strict=True)):
            continue
        chosen.append(candidate)
        said.append(stated)
        total += candidate.words
    return chosen
