"""Snowball stems (nltk) of the languages recoupe reads fully; another language is stemmed as French."""

from __future__ import annotations

from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

__all__ = ["stemmer"]

_LANGUAGES = {"fr": "french", "en": "english", "de": "german"}


@lru_cache(maxsize=4)
def stemmer(language: str) -> SnowballStemmer:
    """The Snowball stemmer of a language code ("fr", "en", "de")."""
    return SnowballStemmer(_LANGUAGES.get(language, "french"))
