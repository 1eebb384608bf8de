"""A test stage that kills the process running it on a document that says POISON (a crash in native code, or a
worker out of memory, stands for it); imported by Dask workers through ``DaskExecutor(preload=...)``."""

from __future__ import annotations

import os

from recoupe.config import Settings
from recoupe.model import Document
from recoupe.pipeline import stage

#: the word that kills
POISON = "POISON"


@stage("poison", version="1", requires=["text"], assigns=[])
def make_poison(settings: Settings):  # type: ignore[no-untyped-def]
    def poison(doc: Document) -> Document:
        if POISON in doc.text:
            os._exit(70)
        return doc

    return poison
