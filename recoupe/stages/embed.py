"""Stage ``embed``: multilingual sentence embeddings (USE multilingual v3), one row per sentence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

import numpy as np

from ..config import Settings
from ..errors import RecoupeError
from ..model import Document
from ..pipeline import stage
from ..resources import sentence_encoder

__all__ = ["DIMENSIONS", "embed_texts"]

DIMENSIONS = 512
#: sentences sent to the encoder at once; larger batches gained nothing on 2 cores
BATCH_SENTENCES = 256


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(sentence_encoder().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


@stage("embed", version="1", requires=["sentences"], assigns=["vectors"])
def make_embed(settings: Settings):  # type: ignore[no-untyped-def]
    class Embed:
        def __call__(self, doc: Document) -> Document:
            return replace(doc, vectors=embed_texts([s.text for s in doc.sentences]))

        def batch(self, docs: Sequence[Document]) -> Iterator[Document | RecoupeError]:
            texts = [s.text for d in docs for s in d.sentences]
            vectors = np.concatenate(
                [embed_texts(texts[i : i + BATCH_SENTENCES]) for i in range(0, len(texts), BATCH_SENTENCES)]
                or [embed_texts([])]
            )
            offset = 0
            for doc in docs:
                count = len(doc.sentences)
                yield replace(doc, vectors=vectors[offset : offset + count])
                offset += count

    return Embed()
