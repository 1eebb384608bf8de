"""Stage ``language``: ISO 639-1 code of the clean text.

A language outside ``languages`` is kept (and the document partly analysed: ``Document.partly_analysed``) when
``other_languages`` is on, else the document fails with E201; a text whose language cannot be identified fails with
E201 either way.
"""

from __future__ import annotations

from dataclasses import replace

from ..config import Settings
from ..errors import UnsupportedLanguage
from ..model import Document
from ..pipeline import stage
from ..resources import language_detector

__all__ = ["detect_language"]

#: characters of clean text the detector reads; more does not change the answer on news
SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    found = language_detector().detect_language_of(text[:SAMPLE_CHARS])
    return found.iso_code_639_1.name.lower() if found is not None else None


@stage("language", version="1", requires=["text"], assigns=["language"])
def make_language(settings: Settings):  # type: ignore[no-untyped-def]
    supported = settings.languages

    def language(doc: Document) -> Document:
        code = detect_language(doc.text)
        if code is None:
            raise UnsupportedLanguage(
                doc.source, f"the language could not be identified; supported: {', '.join(supported)}"
            )
        if code not in supported and not settings.other_languages:
            raise UnsupportedLanguage(
                doc.source, f"the text is in '{code}', not a supported language ({', '.join(supported)})"
            )
        return replace(doc, language=code)

    return language
