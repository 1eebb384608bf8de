from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.model import Document
from recoupe.stages.summarize import summarize_story

from ..conftest import make_doc

WORDS = [
    "la",
    "coalition",
    "ministres",
    "Paris",
    "Mossoul",
    "a",
    "annoncé",
    "mardi",
    "« forces »",
    "5 000",
    "combattants",
]


def _with_vectors(doc: Document, seed: int) -> Document:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(len(doc.sentences), 512)).astype(np.float32)
    return replace(doc, vectors=vectors / np.linalg.norm(vectors, axis=1, keepdims=True))


sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=30).map(lambda ws: " ".join(ws).capitalize() + ".")
document = st.lists(sentence, min_size=1, max_size=8).map(lambda ss: "\n".join(ss))


@settings(max_examples=60, deadline=None)
@given(st.lists(document, min_size=1, max_size=4), st.integers(10, 200), st.integers(0, 1000))
def test_every_citation_points_inside_its_document_and_carries_the_sentence(
    texts: list[str], words: int, seed: int
) -> None:
    docs = [_with_vectors(make_doc(t, id=f"d{i}"), seed + i) for i, t in enumerate(texts)]
    by_id = {d.id: d for d in docs}
    summary = summarize_story(docs, words)
    assert summary
    for sentence in summary:
        assert sentence.citations
        for span in sentence.citations:
            text = by_id[span.doc].text
            assert 0 <= span.start < span.end <= len(text)
            assert span.of(text) == sentence.text


def test_the_budget_is_kept_and_near_repeats_are_dropped() -> None:
    text = "\n".join(f"Phrase numéro {n} de la coalition à Paris mardi." for n in range(30))
    doc = _with_vectors(make_doc(text), 1)
    doc = replace(doc, vectors=np.tile(doc.vectors[:1], (len(doc.sentences), 1)))  # all sentences say the same
    assert len(summarize_story([doc], 100)) == 1
