"""Which candidates the article says: the lead, then the best-scored sentences that state no fact already said.

Two sentences state the same fact when they are near-paraphrases (cosine ``REDUNDANT``) or when they are close
(``SAME_FACT_CLOSE``) and each has the other's names, numbers, days and a share of its words (``support.same_fact``
both ways): "Macron a rencontré Merkel à Berlin le 15 mai" and "Macron et Merkel se sont rencontrés à Berlin le
15 mai" are one fact, whatever their cosine.

A concept-coverage integer program (word bigrams weighted by how many reports write them, SciPy's ``milp``) was
measured against this selection on the same analyses of RPM2 dev and WikinewsSum: no better on dev, worse on
WikinewsSum (ROUGE and key facts); it is not used.
"""

from __future__ import annotations

from collections.abc import Sequence

from .candidates import Candidate
from .support import Facts, facts, same_fact

__all__ = ["OVERSHOOT", "REDUNDANT", "SAME_FACT_CLOSE", "choose", "clashes"]

#: Two sentences closer than REDUNDANT say the same thing (USE cosine): paraphrases of one fact in the bundled
#: example scored 0.68-0.72, different facts of one story 0.45-0.55.
REDUNDANT = 0.7
#: two sentences this close that share their names, numbers, days and words state one fact
SAME_FACT_CLOSE = 0.5
#: the article may run this far past its word budget rather than stop mid-story
OVERSHOOT = 1.2


def _same(a: Candidate, b: Candidate, fa: Facts, fb: Facts) -> bool:
    sim = float(a.vector @ b.vector)
    return sim >= REDUNDANT or (sim >= SAME_FACT_CLOSE and same_fact(fa, fb) and same_fact(fb, fa))


def clashes(pool: Sequence[Candidate]) -> list[tuple[int, int]]:
    """The pairs of candidates (by index) that state the same fact."""
    stated = [facts(c.doc, c.sentence) for c in pool]
    return [
        (i, j)
        for i in range(len(pool))
        for j in range(i + 1, len(pool))
        if _same(pool[i], pool[j], stated[i], stated[j])
    ]


def choose(pool: Sequence[Candidate], lead: Candidate, words: int) -> list[Candidate]:
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
