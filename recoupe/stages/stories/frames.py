"""Event frames: how many took part in the gathering a report is about.

Two reports can share every actor and place yet report different events: seed 002's
meeting of seven countries is not the thirteen ministers' meeting the others report.
The participant count of a meeting ("13 ministres", "sept pays", "Treize ministres")
identifies it; an estimate ("5 000 combattants") does not, so only counts of
participants in a sentence that names a gathering are read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from text_to_num import alpha2digit

from ...model import Document

__all__ = ["off_topic", "participant_counts"]

_GATHERING = re.compile(
    r"\b(?:réunion|rencontre|sommet|conférence|réuni[se]?|réunit|réunissent|rassembl\w*|"
    r"meeting|summit|conference|gathered|met\b|treffen|gipfel|konferenz|versammelt)",
    re.IGNORECASE,
)
_PARTICIPANTS = re.compile(
    r"\b(\d{1,3})\s+(?:ministres|pays|chefs d['’]État|dirigeants|délégations|États|nations|"
    r"ministers|countries|leaders|delegations|states|minister|länder|staaten|staats- und regierungschefs)\b",
    re.IGNORECASE,
)
#: a report whose counts all differ from the story's by more than this is about another meeting
TOLERANCE = 1


def participant_counts(doc: Document) -> frozenset[int]:
    counts: set[int] = set()
    for sentence in doc.sentences:
        if not _GATHERING.search(sentence.text):
            continue
        text = alpha2digit(sentence.text, doc.language or "fr") if doc.language in ("fr", "en", "de") else sentence.text
        counts.update(int(m.group(1)) for m in _PARTICIPANTS.finditer(text))
    return frozenset(counts)


def off_topic(docs: Sequence[Document]) -> set[int]:
    """Indices of documents whose meeting has a participant count that the story's majority contradicts."""
    counts = [participant_counts(d) for d in docs]
    votes = Counter(c for cs in counts for c in cs)
    if not votes:
        return set()
    majority, support = votes.most_common(1)[0]
    if support < 2:
        return set()
    return {i for i, cs in enumerate(counts) if cs and all(abs(c - majority) > TOLERANCE for c in cs)}
