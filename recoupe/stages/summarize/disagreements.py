"""Disagreements stated in the article, in the story's language, each side cited as [n]."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Conflict, Document, SummarySentence

__all__ = ["state_conflicts"]

_TEMPLATES = {
    "fr": {
        "figure": "Les chiffres divergent ({about}) : {sides}.",
        "attribution": "Les sources divergent sur l'auteur des mots « {about} » : {sides}.",
        "date": "Les sources divergent sur la date ({about}) : {sides}.",
        "fact": "Les sources divergent ({about}) : {sides}.",
        "side": "{value} selon [{n}]",
    },
    "en": {
        "figure": "The figures differ ({about}): {sides}.",
        "attribution": 'The sources disagree on who said "{about}": {sides}.',
        "date": "The sources disagree on the date ({about}): {sides}.",
        "fact": "The sources disagree ({about}): {sides}.",
        "side": "{value} according to [{n}]",
    },
    "de": {
        "figure": "Die Zahlen gehen auseinander ({about}): {sides}.",
        "attribution": "Die Quellen widersprechen sich, wer „{about}“ gesagt hat: {sides}.",
        "date": "Die Quellen nennen verschiedene Daten ({about}): {sides}.",
        "fact": "Die Quellen widersprechen sich ({about}): {sides}.",
        "side": "{value} laut [{n}]",
    },
}


def state_conflicts(conflicts: Sequence[Conflict], docs: Sequence[Document]) -> tuple[SummarySentence, ...]:
    """One sentence per conflict; ``[n]`` is the cited report's number in the story's source list."""
    language = _language(docs)
    words = _TEMPLATES[language]
    numbers = {doc.id: n for n, doc in enumerate(docs, start=1)}
    sentences = []
    for conflict in conflicts:
        grouped: dict[str, list[int]] = {}
        for claim in conflict.claims:
            grouped.setdefault(claim.value, []).append(numbers[claim.span.doc])
        sides = "; ".join(
            words["side"].format(value=value, n="], [".join(str(n) for n in sorted(set(ns))))
            for value, ns in grouped.items()
        )
        template = words.get(conflict.kind, words["figure"])
        text = template.format(about=conflict.about, sides=sides)
        sentences.append(SummarySentence(text, tuple(c.span for c in conflict.claims), kind="conflict"))
    return tuple(sentences)


def _language(docs: Sequence[Document]) -> str:
    languages = [d.language for d in docs if d.language in _TEMPLATES]
    return max(set(languages), key=languages.count) if languages else "fr"
