"""The models recoupe loads: only the components their stage reads, with the complete model's results."""

from __future__ import annotations

import pytest
import spacy

from recoupe.resources import SPACY_MODELS, dependency_parser, spacy_model

TEXTS = {
    "fr": "Jean-Yves Le Drian a reçu mardi à Paris ses homologues américain et irakien, Ashton Carter et Khaled "
    "al-Obeidi, pour parler de Mossoul et de Raqqa avec l'Organisation des Nations unies.",
    "en": "Ashton Carter met Jean-Yves Le Drian in Paris on Tuesday to discuss Mosul, Raqqa and the United Nations.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_entity_model_runs_the_entity_recogniser_alone(language: str) -> None:
    # the shared tok2vec layer feeds only the tagger and parser, which are excluded: running it was wasted time
    assert spacy_model(language).pipe_names == ["ner"]


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_entity_model_finds_what_the_complete_model_finds(language: str) -> None:
    name = SPACY_MODELS[language]
    assert name is not None
    complete = spacy.load(name)(TEXTS[language])
    entities = spacy_model(language)(TEXTS[language])
    expected = [(e.start_char, e.end_char, e.label_) for e in complete.ents]
    assert len(expected) >= 4
    assert [(e.start_char, e.end_char, e.label_) for e in entities.ents] == expected


def test_the_models_multiply_through_numpy_not_blis() -> None:
    """Issue 20: thinc's BLIS has only generic kernels on PyPI; NumPy's OpenBLAS is about four times faster."""
    from thinc.api import NumpyOps

    for nlp in (spacy_model("fr"), dependency_parser("fr")):
        assert nlp is not None
        layers = [node for _, pipe in nlp.pipeline for node in pipe.model.walk()]
        assert layers and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in layers)


def test_the_parser_shares_the_entity_models_vocabulary_and_parses_as_the_complete_model() -> None:
    """Issue 20: the parser's model was read from disk a second time, vectors included (1.5 s a process)."""
    parser = dependency_parser("fr")
    assert parser is not None and parser.vocab is spacy_model("fr").vocab
    complete = spacy.load("fr_core_news_md")(TEXTS["fr"])
    assert [(t.dep_, t.head.i, t.pos_) for t in parser(TEXTS["fr"])] == [(t.dep_, t.head.i, t.pos_) for t in complete]
