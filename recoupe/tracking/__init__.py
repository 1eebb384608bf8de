"""The story store's pipeline: what happens to a document from its arrival to its story's published report.

1. ``arrival``: read, analyse (the per-document stages), store once, and assign to a story;
2. ``assign``: the affinity of a document to an open story (embeddings, words, entities);
3. ``regroup``: the stories near a new document clustered again together (documents move, stories merge);
4. ``publish``: a changed story analysed again (the story stages) and stored as its next version;
5. ``changes``: what changed between two versions of a story, and the update summary.

``commands`` runs them for ``recoupe ingest``, ``recoupe stories`` and ``recoupe story``. All SQL is in
``recoupe.store``.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: where each name lives; imported on first use (PEP 562), so that ``recoupe stories`` and a published
#: ``recoupe story ID`` reach ``commands`` without importing the analysis (spaCy, the encoder)
_HOME = {
    "IngestResult": "arrival",
    "ingest": "arrival",
    "ingest_items": "arrival",
    "JOIN_AFFINITY": "assign",
    "REPUBLISH_SHARE": "publish",
    "analyse_story": "publish",
    "current_report": "publish",
    "publication_due": "publish",
    "publish": "publish",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Tracking(ModuleType):
    """``recoupe.tracking.publish`` is the function, as when this package imported it eagerly: the import system
    binds each submodule on its package when it first loads it, and would bind the module ``publish`` instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "publish" and isinstance(value, ModuleType):
            value = value.publish
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Tracking
