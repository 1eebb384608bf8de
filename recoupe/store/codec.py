"""A document's annotations as the store keeps them: JSON for the fields, float32 bytes for the vectors.

Only what the document-scope stages before the first corpus stage assign is kept (clean text,
metadata, language, sentences, entity mentions, sentence embeddings): those depend on the
document alone, so a story's report can be rebuilt from them without analysing its documents
again. Which stages (and versions) produced them is stored too; annotations from other
versions are not reused.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import numpy as np

from ..model import Document, Mention, RawDocument, Sentence, Span

__all__ = ["decode", "encode"]


def encode(doc: Document) -> tuple[str, bytes | None]:
    data: dict[str, Any] = {
        "text": doc.text,
        "removed": list(doc.removed),
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "published_month_day": list(doc.published_month_day) if doc.published_month_day else None,
        "language": doc.language,
        "sentences": [[s.span.start, s.span.end, s.text] for s in doc.sentences],
        "mentions": [[m.span.start, m.span.end, m.text, m.label] for m in doc.mentions],
    }
    vectors = None
    if doc.vectors is not None and len(doc.vectors):
        array = np.asarray(doc.vectors, dtype=np.float32)
        data["vectors"] = list(array.shape)
        vectors = array.tobytes()
    return json.dumps(data, ensure_ascii=False), vectors


def decode(raw: RawDocument, encoded: str, vectors: bytes | memoryview | None) -> Document:
    data = json.loads(encoded)
    day = data["published_month_day"]
    doc = Document.from_raw(raw)
    array = None
    if vectors is not None and "vectors" in data:
        array = np.frombuffer(bytes(vectors), dtype=np.float32).reshape(data["vectors"]).copy()
    return replace(
        doc,
        text=data["text"],
        removed=tuple(data["removed"]),
        title=data["title"],
        outlet=data["outlet"],
        url=data["url"],
        published=data["published"],
        published_month_day=(day[0], day[1]) if day else None,
        language=data["language"],
        sentences=tuple(Sentence(Span(raw.id, a, b), t) for a, b, t in data["sentences"]),
        mentions=tuple(Mention(Span(raw.id, a, b), t, label) for a, b, t, label in data["mentions"]),
        vectors=array,
    )
