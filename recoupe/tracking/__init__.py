"""The story store's pipeline: what happens to a document from its arrival to its story's published report.

1. ``arrival``: read, analyse (the per-document stages), store once, and assign to a story;
2. ``assign``: the affinity of a document to an open story (embeddings, words, entities);
3. ``regroup``: the stories near a new document clustered again together (documents move, stories merge);
4. ``publish``: a changed story analysed again (the story stages) and stored as its next version;
5. ``changes``: what changed between two versions of a story, and the update summary.

``commands`` runs them for ``recoupe ingest``, ``recoupe stories`` and ``recoupe story``. All SQL is in
``recoupe.store``.
"""

from .arrival import IngestResult, ingest, ingest_items
from .assign import JOIN_AFFINITY
from .publish import REPUBLISH_SHARE, analyse_story, current_report, publication_due, publish

__all__ = [
    "JOIN_AFFINITY",
    "REPUBLISH_SHARE",
    "IngestResult",
    "analyse_story",
    "current_report",
    "ingest",
    "ingest_items",
    "publication_due",
    "publish",
]
