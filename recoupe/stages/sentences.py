"""Stage ``sentences``: pysbd per paragraph, with character offsets into the clean text; two sentences glued with no
space between them (scraped paragraphs run together) are cut apart."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

import pysbd
from pysbd.languages import LANGUAGE_CODES

from ..config import Settings
from ..model import Document, Sentence, Span
from ..pipeline import stage

__all__ = ["split_sentences"]

_CONTINUES = re.compile(r"^[\s\"'«»“”]*[a-zà-ÿ0-9(,;:]")
#: two sentences glued with no space, as scraped paragraphs often are ("…, ajoute-t-elle.Le village …", "… sa
#: libération.Une grande photo …"): a word of two lower-case letters or more, its full stop (or a quote's closing
#: mark after it), then a capitalised word; not "M.Dupont", "Ph.D", "RTL.Ce", "orange.fr". The clean stage already puts
#: a space back in most of them (``clean/glued.py``, a wider rule); this keeps the sentences apart in a text whose
#: glue is left
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])|(?<=[a-zà-ÿ][.!?][\"»”])(?=[A-ZÀ-Ý][a-zà-ÿ])")


@lru_cache(maxsize=8)
def _segmenter(language: str) -> pysbd.Segmenter:
    """pysbd's rules for the language; a language pysbd has none for is cut by its English rules (full stops,
    question and exclamation marks, common abbreviations)."""
    return pysbd.Segmenter(language=language if language in LANGUAGE_CODES else "en", clean=False)


def _pieces(paragraph: str, language: str) -> list[str]:
    """pysbd's sentences of a paragraph. Its own ``segment`` finds each sentence again in the text through a
    regular expression built from it (one compilation per sentence, a tenth of the analysis time); the offsets are
    found below with ``str.find`` instead."""
    if not paragraph:
        return []
    pieces = [str(s) for s in _segmenter(language).processor(paragraph).process()]
    return [part for piece in pieces for part in _unglued(piece)]


def _unglued(piece: str) -> list[str]:
    """The piece cut where two sentences are glued with no space (``_GLUED``)."""
    cuts = [m.start() for m in _GLUED.finditer(piece)]
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in pairwise(bounds) if piece[a:b].strip()]


def split_sentences(doc_id: str, text: str, language: str) -> tuple[Sentence, ...]:
    found: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        cursor = offset
        for piece in _pieces(paragraph, language):
            start = text.find(piece.strip(), cursor)
            if start < 0 or not piece.strip():
                continue
            end = start + len(piece.strip())
            # pysbd cuts after abbreviations such as "25 oct." : glue a lower-case continuation back
            if found and found[-1][1] >= offset and _CONTINUES.match(piece):
                found[-1] = (found[-1][0], end)
            else:
                found.append((start, end))
            cursor = end
        offset += len(paragraph) + 1
    return tuple(Sentence(Span(doc_id, s, e), text[s:e]) for s, e in found)


@stage("sentences", version="2", requires=["text", "language"], assigns=["sentences"])
def make_sentences(settings: Settings):  # type: ignore[no-untyped-def]
    def sentences(doc: Document) -> Document:
        return replace(doc, sentences=split_sentences(doc.id, doc.text, doc.language or "fr"))

    return sentences
