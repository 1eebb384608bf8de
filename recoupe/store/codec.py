"""A document's annotations as the store keeps them: the data model's JSON for the fields, float32 bytes for the
vectors.

Only what the document-scope stages before the first corpus stage assign is kept (clean text,
metadata, language, sentences, entity mentions, sentence embeddings): those depend on the
document alone, so a story's report can be rebuilt from them without analysing its documents
again. Which stages (and versions) produced them is stored too (with ``FORMAT``); annotations from other
versions are not reused.
"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np

from ..model import Document, RawDocument
from ..serialize import from_data, to_data

__all__ = ["ANNOTATED", "FORMAT", "decode", "encode"]

#: the fields kept; the vectors are kept apart, as bytes
ANNOTATED = frozenset(
    {
        "text",
        "removed",
        "title",
        "outlet",
        "url",
        "published",
        "published_month_day",
        "language",
        "sentences",
        "mentions",
    }
)
#: how the fields are written (``recoupe.serialize``); annotations of another format are analysed again
FORMAT = "2"


def encode(doc: Document) -> tuple[str, bytes | None]:
    data = to_data(doc, only=ANNOTATED)
    vectors = None
    if doc.vectors is not None and len(doc.vectors):
        array = np.asarray(doc.vectors, dtype=np.float32)
        data["vectors"] = list(array.shape)
        vectors = array.tobytes()
    return json.dumps(data, ensure_ascii=False), vectors


def decode(raw: RawDocument, encoded: str, vectors: bytes | memoryview | None) -> Document:
    """The stored document; its spans name ``raw.id`` (the id the store gave it)."""
    data = json.loads(encoded)
    shape = data.pop("vectors", None)
    array = None
    if vectors is not None and shape is not None:
        array = np.frombuffer(bytes(vectors), dtype=np.float32).reshape(shape).copy()
    doc = from_data(Document, data, id=raw.id, source=raw.source, raw=raw, vectors=array)
    return replace(
        doc,
        sentences=tuple(replace(s, span=replace(s.span, doc=raw.id)) for s in doc.sentences),
        mentions=tuple(replace(m, span=replace(m.span, doc=raw.id)) for m in doc.mentions),
    )
