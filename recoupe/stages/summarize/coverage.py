"""Concept-coverage selection: the sentences that, together, write the most weight of concepts within the budget.

The integer program of Gillick and Favre (2009), solved exactly by SciPy's ``milp`` (HiGHS): one binary per
candidate sentence and per concept; maximise the weight of the concepts covered (each counted once, so saying a
fact twice gains nothing) plus ``SCORE_WEIGHT`` times each chosen sentence's own score (centrality, support,
position), subject to the word budget, a concept counting only when
a chosen sentence writes it, the lead being chosen, and two sentences that state the same fact (``select.clashes``)
never both. The solver stops after ``NODE_LIMIT`` nodes of its branch and bound (a count, so the same input gives
the same choice however busy the machine; the articles of RPM2 dev and WikinewsSum are all solved at the root node,
in at most 0.17 s) or, as a last resort, ``TIME_LIMIT`` seconds; without a solution the caller falls back to its
greedy choice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from .candidates import Candidate
from .concepts import Concept, concepts

__all__ = ["NODE_LIMIT", "SCORE_WEIGHT", "TIME_LIMIT", "cover"]

#: the weight of a sentence's own score against the concepts it covers: 0 scored best on RPM2 dev (ROUGE-2 14.8; 1
#: gave 14.5, 3 13.9 at an earlier threshold), so the concepts alone decide; an update still leaves out what the
#: earlier version said (the pool has no sentence close to it)
SCORE_WEIGHT = 0.0
#: branch-and-bound nodes HiGHS may explore: the limit that decides, being the same on every machine
NODE_LIMIT = 2000
#: seconds HiGHS may take, far beyond what the node limit allows on these programs: a guard, not a limit that decides
TIME_LIMIT = 30.0


def cover(
    pool: Sequence[Candidate],
    lead: Candidate,
    budget: int,
    weights: dict[Concept, float],
    clashes: Callable[[Sequence[Candidate]], list[tuple[int, int]]],
) -> list[Candidate] | None:
    """The lead and the sentences chosen with it, or None when the solver found no solution in time."""
    pool = [lead, *(c for c in pool if c is not lead and c.words <= budget)]
    written = [concepts(c.text, c.doc.language or "fr") & weights.keys() for c in pool]
    index = {u: j for j, u in enumerate(sorted(set().union(*written)))}
    n, m = len(pool), len(index)
    gain = np.concatenate([[SCORE_WEIGHT * c.score for c in pool], np.zeros(m)])
    for u, j in index.items():
        gain[n + j] = weights[u]
    constraints = [LinearConstraint(np.concatenate([[c.words for c in pool], np.zeros(m)])[None, :], 0, budget)]
    constraints += _coverage(written, index, n)
    constraints += _apart(clashes(pool), n + m)
    lower = np.zeros(n + m)
    lower[0] = 1
    result = milp(-gain, constraints=constraints, integrality=np.ones(n + m), bounds=Bounds(lower, np.ones(n + m)),
                  options={"node_limit": NODE_LIMIT, "time_limit": TIME_LIMIT})  # fmt: skip
    if result.x is None:
        return None
    return [c for k, c in enumerate(pool) if result.x[k] > 0.5]


def _coverage(written: Sequence[frozenset[Concept]], index: dict[Concept, int], n: int) -> list[LinearConstraint]:
    """A concept counts only when a chosen sentence writes it: concept_j - (sentences writing it) <= 0."""
    if not index:
        return []
    rows, cols, values = [], [], []
    for k, units in enumerate(written):
        for u in units:
            rows.append(index[u])
            cols.append(k)
            values.append(-1.0)
    for j in range(len(index)):
        rows.append(j)
        cols.append(n + j)
        values.append(1.0)
    matrix = coo_matrix((values, (rows, cols)), shape=(len(index), n + len(index))).tocsr()
    return [LinearConstraint(matrix, -np.inf, 0)]


def _apart(pairs: Sequence[tuple[int, int]], size: int) -> list[LinearConstraint]:
    """Two sentences that state the same fact are not both chosen."""
    if not pairs:
        return []
    rows = [r for r in range(len(pairs)) for _ in (0, 1)]
    cols = [k for pair in pairs for k in pair]
    matrix = coo_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(pairs), size)).tocsr()
    return [LinearConstraint(matrix, 0, 1)]
