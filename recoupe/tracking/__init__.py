"""The story store's pipeline: what happens to a document from its arrival to its story's published report.

1. ``arrival``: read, analyse (the per-document stages), store once, and assign to a story;
2. ``assign``: the affinity of a document to an open story (embeddings, words, entities);
3. ``regroup``: the stories near a new document clustered again together (documents move, stories merge);
4. ``publishing``: a changed story analysed again (the story stages) and stored as its next version;
5. ``changes``: what changed between two versions of a story, and the update summary.

``commands`` runs them for ``recoupe ingest``, ``recoupe stories`` and ``recoupe story``. All SQL is in
``recoupe.store``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .arrival import IngestResult, ingest, ingest_items
    from .assign import JOIN_AFFINITY
    from .publishing import REPUBLISH_SHARE, analyse_story, current_report, publication_due, publish

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

#: where each name lives; imported on first use (PEP 562), so that ``recoupe stories`` and a published
#: ``recoupe story ID`` reach ``commands`` without importing the analysis (spaCy, the encoder)
_HOME = {
    "IngestResult": "arrival",
    "ingest": "arrival",
    "ingest_items": "arrival",
    "JOIN_AFFINITY": "assign",
    "REPUBLISH_SHARE": "publishing",
    "analyse_story": "publishing",
    "current_report": "publishing",
    "publication_due": "publishing",
    "publish": "publishing",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
