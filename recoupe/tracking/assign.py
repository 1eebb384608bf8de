"""What online story assignment compares: a document's features against an open story's.

A document's affinity to a story mixes three signals, each in [0, 1] or near it:
the cosine of its embedding with the story's mean embedding, both centred on the mean of
every stored document (so that what all news shares does not count); the cosine of its
TF-IDF word vector with the story's (document frequencies counted in the store as documents
arrive); and the share of its named entities the story already names.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

from ..model import Document
from ..stages.stories.cluster import document_vector, entity_keys
from ..store.features import StoryFeatures, index_terms

__all__ = [
    "JOIN_AFFINITY",
    "DocumentFeatures",
    "StoryFeatures",
    "affinity",
    "features",
    "index_terms",
    "tfidf",
]

#: weights of embedding, words and entities, and the affinity a document needs to join a story.
#: Swept on RPM2 (400 documents one by one, bench/tracking.py; bench/results/tracking.md).
WEIGHTS = (0.4, 0.4, 0.2)
JOIN_AFFINITY = 0.25
#: the corpus mean is trusted in proportion n / (n + CENTRING_PRIOR) while few documents are stored
CENTRING_PRIOR = 20
#: words a story keeps (the heaviest); the candidate index keeps its INDEX_TERMS heaviest (recoupe.store.features)
STORY_TERMS = 300
#: words of a new document looked up in the candidate index
QUERY_TERMS = 25

_STOP = frozenset(w.lower() for w in FR_STOP | EN_STOP | DE_STOP)
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True, slots=True)
class DocumentFeatures:
    vector: np.ndarray
    words: Counter[str]
    keys: frozenset[str]


def features(doc: Document) -> DocumentFeatures:
    """A document's embedding, entities, and words (its title's included: the clean text leaves the title out)."""
    text = f"{doc.title or ''}\n{doc.text}"
    words = Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)
    return DocumentFeatures(document_vector(doc), words, entity_keys(doc))


def tfidf(words: Counter[str], df: dict[str, int], documents: int) -> dict[str, float]:
    """Unit-length TF-IDF weights (1 + log tf) * log((N + 1) / (df + 0.5)); ``df`` counts this document."""
    weights = {w: (1 + math.log(c)) * math.log((documents + 1) / (df.get(w, 1) + 0.5)) for w, c in words.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: x / norm for w, x in weights.items()}


def centre(vector: np.ndarray, corpus_mean: np.ndarray, documents: int) -> np.ndarray:
    shifted = vector - corpus_mean * (documents / (documents + CENTRING_PRIOR))
    return shifted / max(float(np.linalg.norm(shifted)), 1e-9)


def affinity(
    doc: DocumentFeatures, weights: dict[str, float], story: StoryFeatures, corpus_mean: np.ndarray, documents: int
) -> float:
    embedding = float(centre(doc.vector, corpus_mean, documents) @ centre(story.mean, corpus_mean, documents))
    norm = math.sqrt(sum(x * x for x in story.terms.values())) or 1.0
    small, large = (weights, story.terms) if len(weights) <= len(story.terms) else (story.terms, weights)
    lexical = sum(x * large.get(w, 0.0) for w, x in small.items()) / norm
    known = len(doc.keys & story.entity_keys) / len(doc.keys) if doc.keys else 0.0
    w_embedding, w_lexical, w_entities = WEIGHTS
    return w_embedding * embedding + w_lexical * lexical + w_entities * known


def grow(story: StoryFeatures, doc: DocumentFeatures, weights: dict[str, float], day: str) -> StoryFeatures:
    """The story once the document has joined it (its heaviest STORY_TERMS words kept)."""
    mean = (story.mean * story.documents + doc.vector) / (story.documents + 1)
    terms = dict(story.terms)
    for w, x in weights.items():
        terms[w] = terms.get(w, 0.0) + x
    kept = dict(sorted(terms.items(), key=lambda t: (-t[1], t[0]))[:STORY_TERMS])
    return StoryFeatures(
        story.id,
        mean.astype(np.float32),
        story.documents + 1,
        story.entity_keys | doc.keys,
        kept,
        min(story.first_seen, day) if story.first_seen else day,
        max(story.last_seen, day),
    )
