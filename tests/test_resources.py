"""The models recoupe loads: only the components their stage reads, with the complete model's results."""

from __future__ import annotations

import pytest
import spacy

from recoupe.resources import SPACY_MODELS, spacy_model

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
