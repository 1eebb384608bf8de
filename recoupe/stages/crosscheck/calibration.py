"""Each conflict's confidence, calibrated: no higher than the share of such conflicts a judge found real.

The rules (``figures``, ``conflicts``, ``variants``) grade their evidence: a conflict they would state in the article
(confidence ``model.STATED`` or more) and one they list as possible. Whether that grading holds is measured on
stories no rule had read, by a judge who read the texts (first scores only: tests/gold/README.md,
``orangesum-conflicts-judged.jsonl`` and ``orangesum-conflicts-judged-second.jsonl``; bench/conflicts_judged.py). The
conflicts the rules would state (any of the versions judged: a candidate two versions stated counts once) were real,
by kind:

- figures: 2 of 37 on the first set (codes 43c17d2 and da26b56), 0 of 22 on the second (d546511; 7 were updates);
- dates: 0 of 15 and 0 of 1; variants ("fact"): 0 of 2 and 0 of 1; attributions: 0 of 2 and none stated.

A conflict's confidence is therefore capped at ``CEILING`` of its kind: the share real, (real + 1) / (judged + 2)
(Laplace's rule of succession, so that few verdicts do not give 0). None reaches ``STATED``: the article states no
disagreement until a kind of conflict is shown to be right often enough; the report lists every one as possible,
with its reason and the rules' own grade.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Conflict

__all__ = ["CEILING", "JUDGED", "calibrated", "grade"]

#: (real, judged) among the conflicts the rules would state, on the first scores of the judged sets, by kind
JUDGED = {"figure": (2, 59), "date": (0, 16), "fact": (0, 3), "attribution": (0, 2)}
#: the highest confidence a conflict of each kind may carry: the share real by Laplace's rule of succession
CEILING = {kind: (real + 1) / (judged + 2) for kind, (real, judged) in JUDGED.items()}
#: the rules' own grade, as ``calibrated`` writes it in the reason (at full precision: 0.7996 is not 0.80)
_GRADE = re.compile(r"\(the rules' grade ([\d.]+);")


def calibrated(conflict: Conflict) -> Conflict:
    """The conflict with its confidence capped at its kind's ``CEILING``, the rules' grade kept in its reason; an
    update (a later value, not a disagreement) and a conflict already calibrated are left as they are."""
    ceiling = CEILING.get(conflict.kind)
    if ceiling is None or conflict.status != "conflict" or conflict.confidence <= ceiling:
        return conflict
    if _GRADE.search(conflict.reason) is not None:
        return conflict
    real, judged = JUDGED[conflict.kind]
    note = (
        f" (the rules' grade {conflict.confidence!r}; capped: a judge found {real} of {judged} {conflict.kind} conflicts"
        " the rules would state real)"
    )
    return replace(conflict, confidence=round(ceiling, 3), reason=conflict.reason + note)


def grade(conflict: Conflict) -> float:
    """The rules' own grade of a conflict: its confidence before ``calibrated`` capped it."""
    found = _GRADE.search(conflict.reason)
    return float(found.group(1)) if found else conflict.confidence
