"""Roles that stand for a person: "le ministre français de la Défense" is Jean-Yves Le Drian.

A role phrase is linked to the person it stands next to somewhere in the batch
("le secrétaire américain à la Défense Ashton Carter", "Jean-Yves Le Drian, ministre
de la Défense"): the person whose appositions share the role's head and most of its words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..model import Document
from .words import alternation

__all__ = ["FOLLOWING", "ROLE", "Appositions", "role_words"]

#: offices (recoupe/data/offices.txt)
_HEADS = alternation("offices")
#: "le ministre français de la Défense", "la porte-parole du gouvernement" (up to 7 more words, no punctuation)
#: words between the article and the office that do not change who holds it: "le futur président", "le 44e président"
_MODIFIERS = r"(?P<modifier>(?:futur|future|nouveau|nouvel|nouvelle|actuel|actuelle|\d+e|\d+ème|new|former)\s+|ex-)?"
ROLE = re.compile(
    rf"\b(?:le|la|l['’]|du|de la|the)\s*{_MODIFIERS}(?P<head>{_HEADS})(?P<rest>(?:\s+(?!a\b|et\b)[\w'’-]+){{0,7}})",
    re.IGNORECASE,
)
#: a role right after a name: "Jean-Yves Le Drian, ministre de la Défense"
FOLLOWING = re.compile(rf"\s*,?\s*(?:le |la |l['’])?(?P<head>{_HEADS})(?P<rest>(?:\s+[\w'’-]+){{0,6}})", re.IGNORECASE)
#: a role ending on a preposition: the name after it is its complement
_COMPLEMENT_END = re.compile(r"\b(?:de|du|des|d['’]|of|à|au|aux)\s*$", re.IGNORECASE)
#: heads that name the same office
_SAME_HEAD = {
    "chef de l'etat": "president",
    "presidente": "president",
    "chanceliere": "chancelier",
    "prefete": "prefet",
}
_STOP = {"de", "du", "des", "la", "le", "l", "d", "a", "à", "aux", "au", "the", "of", "for", "et", "and", "son", "sa"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def role_words(head: str, rest: str, modifier: str | None = None) -> tuple[str, frozenset[str]]:
    """(office, content words) of a role; adjectives lose their feminine/plural endings. A future holder is the one
    elected: "le futur président" is "le président élu"."""
    office = _SAME_HEAD.get(_fold(head), _fold(head))
    words = {re.sub(r"(?:es|e|s)$", "", w) for w in re.findall(r"[\w]+", _fold(rest)) if w not in _STOP}
    if modifier and _fold(modifier).startswith("futur"):
        words.add("elu")
    return office, frozenset(w for w in words if w)


class Appositions:
    """People and the roles written next to them, read off a batch of documents."""

    def __init__(self, docs: Iterable[Document]) -> None:
        #: (office, words, person, document id)
        self.pairs: list[tuple[str, frozenset[str], str, str]] = []
        for doc in docs:
            for mention in doc.mentions:
                if mention.label == "PER":
                    self._around(doc, mention.span.start, mention.span.end, mention.text)

    def _around(self, doc: Document, start: int, end: int, name: str) -> None:
        before = doc.text[max(0, start - 90) : start]
        after = doc.text[end : end + 90]
        for match in ROLE.finditer(before):
            # (not "l'avocat de Patrick Poivre d'Arvor": the name completes the role, it does not hold it)
            if before[match.end() :].strip(" ,") == "" and not _COMPLEMENT_END.search(match.group(0)):
                office, words = role_words(match.group("head"), match.group("rest"), match.group("modifier"))
                self.pairs.append((office, words, name, doc.id))
        following = FOLLOWING.match(after)
        if following:
            office, words = role_words(following.group("head"), following.group("rest"))
            self.pairs.append((office, words, name, doc.id))

    def person(self, head: str, rest: str, doc_id: str | None = None, modifier: str | None = None) -> str | None:
        """The one person whose roles share the office and most words with this role, first among those the
        document ``doc_id`` writes the role next to, then in the whole batch; None if unsure."""
        office, words = role_words(head, rest, modifier)
        holders = [pair for pair in self.pairs if pair[0] == office]
        here = _best(words, [pair for pair in holders if pair[3] == doc_id]) if doc_id is not None else None
        return here or _best(words, holders)


def _best(words: frozenset[str], pairs: list[tuple[str, frozenset[str], str, str]]) -> str | None:
    scores: dict[str, float] = {}
    longest: dict[str, str] = {}  # "Sarkozy" is "Nicolas Sarkozy" when the batch writes both
    for name in {pair[2] for pair in pairs}:
        last = name.split()[-1] if name.split() else name
        if len(name) > len(longest.get(last, "")):
            longest[last] = name
    for _, their_words, name, _ in pairs:
        full = longest.get(name.split()[-1] if name.split() else name, name)
        name = full if full == name or full.endswith(" " + name) else name
        # the share of the role's words the person's role has ("le ministre cambodgien" fits both Cambodian
        # ministers); a bare office fits a bare office best ("le président" is not "le président du Sénat")
        overlap = len(words & their_words) / len(words) if words else (0.5 if their_words else 1.0)
        scores[name] = max(scores.get(name, 0.0), overlap + 0.01)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]
