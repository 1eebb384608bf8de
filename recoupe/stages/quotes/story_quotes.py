"""A story's quotes: speakers resolved to the story's entities, one quote however many reports carry it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ...lexicon.names import fold, phonetic
from ...model import Document, Quote, StoryEntity, StoryQuote

__all__ = ["Rarity", "SpeakerIndex", "same_words", "story_quotes", "words_of"]

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
    present = set(long_)
    return sum(1 for w in short if w in present) / len(short) >= SAME_QUOTE


class SpeakerIndex:
    """The story's entities by the sound of each of their forms, and persons by surname: the first entity (in the
    story's order) with a form that sounds like the name, else the first person with its surname."""

    def __init__(self, entities: Sequence[StoryEntity], texts: dict[str, str]) -> None:
        self._by_sound: dict[str, str] = {}
        self._by_surname: dict[str, str] = {}
        for entity in entities:
            forms = {texts[s.doc][s.start : s.end] for s in entity.mentions} | {entity.name}
            for form in forms:
                self._by_sound.setdefault(phonetic(form), entity.id)
                words = fold(form).split()
                if entity.type == "PER" and words:
                    self._by_surname.setdefault(words[-1], entity.id)

    def entity(self, name: str | None) -> str | None:
        if not name:
            return None
        words = fold(name).split()
        return self._by_sound.get(phonetic(name)) or (self._by_surname.get(words[-1]) if words else None)


def story_quotes(docs: Sequence[Document], entities: Sequence[StoryEntity]) -> tuple[StoryQuote, ...]:
    speakers = SpeakerIndex(entities, {d.id: d.text for d in docs})
    merged: list[tuple[Quote, str | None, list[Quote]]] = []
    rarity = Rarity(words_of(q.text) for d in docs for q in d.quotes)
    for doc in docs:
        for quote in doc.quotes:
            speaker = speakers.entity(quote.speaker)
            for index in rarity.candidates(quote.text):  # the merged quotes ``_same`` can accept, in order
                first, their_speaker, carriers = merged[index]
                agree = speaker is None or their_speaker is None or speaker == their_speaker
                if first.span.doc != quote.span.doc and agree and first.direct == quote.direct and _same(first, quote):
                    carriers.append(quote)
                    merged[index] = (first, their_speaker or speaker, carriers)
                    break
            else:
                rarity.add(len(merged), quote.text)
                merged.append((quote, speaker, [quote]))
    return tuple(
        StoryQuote(
            first.text,
            speaker,
            first.direct,
            first.span,
            tuple(q.span for q in carriers),
            speaker_basis=_basis(speaker, carriers),
            speaker_method=best.speaker_method if best else None,
            speaker_confidence=best.speaker_confidence if best else None,
        )
        for first, speaker, carriers in merged
        for best in [_most_confident(speaker, carriers)]
    )


def _most_confident(speaker: str | None, carriers: list[Quote]) -> Quote | None:
    """The report that gives the quote a speaker with the most confidence."""
    if speaker is None:
        return None
    given = [q for q in carriers if q.speaker is not None]
    return max(given, key=lambda q: q.speaker_confidence or 0.0, default=None)


def _basis(speaker: str | None, carriers: list[Quote]) -> str | None:
    """ "named" if a report carrying the quote names its speaker next to it."""
    if speaker is None:
        return None
    return "named" if any(q.speaker_basis == "named" for q in carriers) else "inferred"


class Rarity:
    """An index of quotes by their words, so that a quote is compared only with those it may repeat (a story of
    hundreds of reports carries thousands of quotes). Two quotes share at least ``SAME_QUOTE`` of the shorter's
    words only if the longer holds one of the shorter's ``n // 5 + 1`` rarest words (n: its words): the candidates
    of a quote are the indexed quotes that hold one of its rarest words, and those one of whose rarest words it
    holds."""

    def __init__(self, texts: Iterable[tuple[str, ...]]) -> None:
        self._count = Counter(w for words in texts for w in set(words))
        self._holding: dict[str, list[int]] = {}  # word -> indexed quotes that hold it
        self._rare: dict[str, list[int]] = {}  # word -> indexed quotes it is one of the rarest words of

    def _rarest(self, words: tuple[str, ...]) -> list[str]:
        distinct = sorted(set(words), key=lambda w: (self._count[w], w))
        return distinct[: len(words) // 5 + 1]

    def add(self, index: int, text: str) -> None:
        words = words_of(text)
        for word in set(words):
            self._holding.setdefault(word, []).append(index)
        for word in self._rarest(words):
            self._rare.setdefault(word, []).append(index)

    def candidates(self, text: str) -> list[int]:
        words = words_of(text)
        found = {i for w in self._rarest(words) for i in self._holding.get(w, ())}
        found.update(i for w in set(words) for i in self._rare.get(w, ()))
        return sorted(found)


def _same(a: Quote, b: Quote) -> bool:
    wa, wb = words_of(a.text), words_of(b.text)
    return min(len(wa), len(wb)) >= SHORT_QUOTE_WORDS and same_words(a.text, b.text)
