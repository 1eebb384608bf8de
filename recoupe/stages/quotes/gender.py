"""The grammatical gender of the people a batch names, read off the words written next to their names.

French writes it around a name: a title ("M. Kerviel", "Mme Yade"), an article with a noun before it ("le petit
Mohamed", "la ministre Christine Lagarde"), or a noun set off after it ("Ulrika Weiss, porte-parole", "Cécile
Bernaille, avocate du trader"). A pronoun that speaks ("a-t-elle ajouté") then skips a person of the other gender.
Unknown stays unknown: a name nothing marks agrees with both pronouns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ...lexicon.names import first_names
from ...lexicon.words import words
from ...model import Document

__all__ = ["Genders", "pronoun_gender"]

_TITLE = re.compile(r"(?:\b(?P<m>M|Mr|Monsieur)\.?|\b(?P<f>Mme|Mlle|Mrs|Ms|Madame|Mademoiselle)\.?)\s*$")
#: words between an article and a name that end the noun phrase: "un entretien à X", "le dalaï-lama a été X"
_NOT_A_NOUN = (
    r"de|du|des|au|aux|à|avec|pour|par|sur|chez|contre|entre|sans|vers|selon|dans|en|a|ont|est|sont|été|était|et|ou|"
    r"qui|que|mais|donc|puis|comme|face|devant|derrière"
)
#: an article and up to three lower-case words right before the name ("le petit Mohamed", "la ministre Christine
#: Lagarde"); not across "de" ("la décision de X" says nothing of X)
_ARTICLE_NOUN = re.compile(
    rf"\b(?P<article>[Ll]e|[Ll]a|[Uu]ne?|[Dd]u|[Aa]u)\s+(?P<words>(?:(?!(?:{_NOT_A_NOUN})\b|d['’])[a-zà-ÿ-]+\s+){{1,3}})$"
)
#: nouns whose article speaks for a thing, not for the person named after it: "la famille Betancourt"
_THINGS = frozenset(words("things_before_names"))
#: a noun set off after the name, up to a comma, a full stop or its complement: "X, avocate du trader", "X, une
#: voisine, ..." (not "X, le petit garçon aurait ...", a new clause)
_APPOSITION = re.compile(
    r"^\s*,\s*(?:(?P<article>le|la|une|un)\s+|l['’]\s*)?(?P<noun>[a-zà-ÿ-]+)(?:\s+[\w'’-]+){0,4}?\s*(?:,|\.|\bd[eu]\b|\bd['’])"
)
_FEMININE = re.compile(
    r"(?:trice|ienne|euse|ière|esse)$|"
    r"^(?:avocate|députée|mère|fille|femme|sœur|soeur|épouse|veuve|tante|cousine|voisine|amie|maman|présidente|"
    r"candidate|militante|patronne|championne|reine|princesse|sénatrice|élue|salariée|employée)$"
)
_MASCULINE = re.compile(
    r"(?:teur|ier|ien)$|"
    r"^(?:avocat|député|père|fils|frère|mari|époux|oncle|cousin|voisin|ami|papa|président|candidat|militant|"
    r"patron|champion|roi|prince|trader|pape|coureur|entraîneur|manager|petit|jeune|élu|salarié|employé)$"
)


def pronoun_gender(pronoun: str) -> str | None:
    """ "m" for il/he/er, "f" for elle/she/sie, None for anything else."""
    return {"il": "m", "he": "m", "er": "m", "elle": "f", "she": "f", "sie": "f"}.get(pronoun.lower())


def _by_first_name(name: str) -> str | None:
    words = name.split()
    return first_names().get(words[0]) if len(words) > 1 else None


class Genders:
    """Gender votes for every surname a batch's people carry, from the words around each mention of them, and the
    gender of their first names: a first name, when the batch writes one, outweighs the words around."""

    def __init__(self, docs: Iterable[Document]) -> None:
        self._votes: dict[str, Counter[str]] = {}
        self._given: dict[str, Counter[str]] = {}
        for doc in docs:  # one look around each name the tagger found: linear in the batch's mentions
            for mention in doc.mentions:
                if mention.label != "PER" or len(mention.text) <= 2:
                    continue
                surname = mention.text.split()[-1]
                given = _by_first_name(mention.text)
                if given:
                    self._given.setdefault(surname, Counter())[given] += 1
                vote = _vote(doc.text, mention.span.end - len(surname), mention.span.end)
                if vote:
                    self._votes.setdefault(surname, Counter())[vote] += 1

    def of(self, name: str) -> str | None:
        """ "m", "f", or None when the batch does not say (or says both as often)."""
        given = _by_first_name(name)
        if given:
            return given
        surname = name.split()[-1] if name.split() else name
        for votes in (self._given.get(surname), self._votes.get(surname)):
            if votes and votes["m"] != votes["f"]:
                return "m" if votes["m"] > votes["f"] else "f"
        return None

    def agrees(self, name: str, gender: str | None) -> bool:
        known = self.of(name)
        return gender is None or known is None or known == gender


def _vote(text: str, start: int, end: int) -> str | None:
    """What the words next to one occurrence of a name say of its gender."""
    before = text[max(0, start - 60) : start]
    first = re.search(r"([A-ZÀ-Ý][\w'’-]+\s+)$", before)  # a first name before the surname: look before it
    if first and not _TITLE.search(before):
        before = before[: first.start()]
    title = _TITLE.search(before)
    if title:
        return "m" if title.group("m") else "f"
    article = _ARTICLE_NOUN.search(before)
    if article and not _THINGS.intersection(article.group("words").split()):
        return _of_article(article.group("article"))
    apposition = _APPOSITION.match(text[end : end + 60])
    if apposition:
        return _of_article(apposition.group("article") or "") or _of_noun(apposition.group("noun"))
    return None


def _of_article(article: str) -> str | None:
    return {"le": "m", "un": "m", "du": "m", "au": "m", "la": "f", "une": "f"}.get(article.lower())


def _of_noun(noun: str) -> str | None:
    if _FEMININE.search(noun):
        return "f"
    return "m" if _MASCULINE.search(noun) else None
