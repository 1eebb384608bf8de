"""A story's quotes: speakers resolved to the story's entities, one quote however many reports carry it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Document, Quote, StoryEntity, StoryQuote
from .entities import fold, phonetic

__all__ = ["same_words", "speaker_entity", "story_quotes", "words_of"]

#: two reports carry one quote when this share of the shorter one's words is in the longer one
SAME_QUOTE = 0.8
#: a quote shorter than this many words is matched only when the whole of it is in the other
SHORT_QUOTE_WORDS = 4


@lru_cache(maxsize=1 << 14)
def words_of(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(text)))


def contains_words(a: str, b: str) -> bool:
    """The shorter quote's words stand, in order and together, in the longer one."""
    wa, wb = words_of(a), words_of(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and f" {' '.join(short)} " in f" {' '.join(long_)} "


def same_words(a: str, b: str) -> bool:
    """One quote's words are (nearly) all in the other: the same words, maybe cut differently."""
    wa, wb = words_of(a), words_of(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short:
        return False
    if len(short) < SHORT_QUOTE_WORDS:
        return contains_words(a, b)
    return sum(1 for w in short if w in set(long_)) / len(short) >= SAME_QUOTE


def speaker_entity(name: str | None, entities: Sequence[StoryEntity], texts: dict[str, str]) -> str | None:
    """The entity a speaker's name is one of the mentions of (spelling folded, surname alone allowed)."""
    if not name:
        return None
    key = phonetic(name)
    surname = fold(name).split()[-1:] if name else []
    fallback = None
    for entity in entities:
        forms = {texts[s.doc][s.start : s.end] for s in entity.mentions} | {entity.name}
        if any(phonetic(f) == key for f in forms):
            return entity.id
        if entity.type == "PER" and surname and any(fold(f).split()[-1:] == surname for f in forms):
            fallback = fallback or entity.id
    return fallback


def story_quotes(docs: Sequence[Document], entities: Sequence[StoryEntity]) -> tuple[StoryQuote, ...]:
    texts = {d.id: d.text for d in docs}
    merged: list[tuple[Quote, str | None, list[Quote]]] = []
    for doc in docs:
        for quote in doc.quotes:
            speaker = speaker_entity(quote.speaker, entities, texts)
            for index, (first, their_speaker, carriers) in enumerate(merged):
                agree = speaker is None or their_speaker is None or speaker == their_speaker
                if first.span.doc != quote.span.doc and agree and first.direct == quote.direct and _same(first, quote):
                    carriers.append(quote)
                    merged[index] = (first, their_speaker or speaker, carriers)
                    break
            else:
                merged.append((quote, speaker, [quote]))
    return tuple(
        StoryQuote(first.text, speaker, first.direct, first.span, tuple(q.span for q in carriers))
        for first, speaker, carriers in merged
    )


def _same(a: Quote, b: Quote) -> bool:
    wa, wb = words_of(a.text), words_of(b.text)
    return min(len(wa), len(wb)) >= SHORT_QUOTE_WORDS and same_words(a.text, b.text)
