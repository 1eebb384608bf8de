"""Organisations that speak: those the tagger found, acronyms it missed, and what a description of one
("la banque", "le parquet général", "la fédération") stands for. Also which tagged names are no names at all.
"""

from __future__ import annotations

import re
from collections import Counter

from ...lexicon.roles import ROLE
from ...lexicon.words import alternation
from ...model import Document, Mention

__all__ = [
    "ACRONYM",
    "ARTICLE",
    "CALENDAR",
    "ORG_NOUN",
    "capital_only",
    "described_organisation",
    "first_organisation",
    "organisations",
    "spelled_out",
]

ARTICLE = r"(?:le|la|l['’]|les|ce|cet|cette|the|der|die|das)\s*"
ORG_NOUN = re.compile(
    rf"^\s*{ARTICLE}(?:\w+\s+){{0,2}}(?P<noun>{alternation('organisation_nouns')})\b",
    re.IGNORECASE,
)
#: institutions that speak for themselves, named as written when the report gives no name that begins with them
_INSTITUTIONS = {
    "parquet", "ministère", "gouvernement", "commission", "syndicat", "parti", "fédération", "comité", "présidence",
    "rectorat", "préfecture", "mairie", "ambassade", "intersyndicale", "académie", "conseil", "tribunal", "cour",
    "collectif", "confédération", "ligue", "observatoire", "institut",
}  # fmt: skip
#: what names an institution after its noun: "général", "de Paris", "de l'Intérieur" (not a verb or an adverb)
_INSTITUTION_REST = re.compile(
    r"(?:\s+(?:(?:(?:de|du|des)\s+|d['’])(?:la\s+|l['’])?[\w-]+|(?!(?:a|avait|est|était|se|s['’]|ne|n['’]|qui|que|et|"
    r"ont|aurait|sera|va|dans|en|sur|lui|pour)\b)[a-zéèêàâîôûç-]+(?:al|ale|aux|ial|ier|ière|ère|ique|el|elle|if|ive|ain|aine|ien|ienne|ais|aise|iste)s?\b)){0,3}",
)
#: what may stand between an organisation's noun and its name: adjectives and a "de" phrase ("le quotidien
#: israélien de gauche Haaretz", "l'agence officielle Chine nouvelle"), not "des Affaires étrangères"
_BETWEEN = r"(?:\s+(?:(?!(?:de|du|des|la|le|les|et|a|est|qui|que)\b)[a-zà-ÿ'’-]+|de\s+[a-zà-ÿ-]+))"
_NAME = r"(?P<name>[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3})"
_NAME_AFTER_NOUN = re.compile(rf"{_BETWEEN}{{0,4}}?\s+{_NAME}\s*$")
#: (not a Roman numeral: "le XV de France", "Benoît XVI")
ACRONYM = re.compile(r"\b(?![IVXLCDM]+\b)[A-Z][A-Z0-9]{1,5}\b(?![-’'])")
CALENDAR = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "mars", "avril",
    "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "toussaint", "noël", "pâques", "pentecôte",
    "il", "elle", "he", "she", "they", "er", "sie", "ndlr",
}  # fmt: skip


def described_organisation(doc: Document, description: str, position: int, reach: int) -> str | None:
    """The organisation a description at ``position`` stands for: the one named before whose name begins with its
    noun; an institution named as written ("le parquet général"); else the one the report names most, else the last
    named within ``reach``."""
    organisation = ORG_NOUN.match(description)
    if organisation is None:
        return None
    noun, rest = organisation.group("noun"), description[organisation.end() :]
    inside = _NAME_AFTER_NOUN.match(rest)  # "le quotidien populaire allemand Bild": the name it gives
    if inside:
        return inside.group("name")
    named = _named_by(doc, noun, rest, position)
    if named is None and noun.lower() in _INSTITUTIONS:  # "le parquet général", "le ministère de l'Intérieur"
        named = noun + _INSTITUTION_REST.match(rest).group(0).rstrip()  # type: ignore[union-attr]
    return named or _main_organisation(doc) or _last_organisation(doc, position - reach, position)


def _named_by(doc: Document, noun: str, rest: str, position: int) -> str | None:
    """The organisation named last before ``position`` whose name begins with the description's noun, or that the
    noun was written before ("la radio RTL"), and has its complement: "la fédération" is the "Fédération bancaire
    française"; "la banque de gros" is no "Banque Populaire"."""
    complement = re.match(r"\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?(\w+)", rest)
    after_noun = re.compile(rf"\b{re.escape(noun)}{_BETWEEN}{{0,3}}\s+$", re.IGNORECASE)
    found = [
        m.text
        for m in doc.mentions
        if m.label in ("ORG", "MISC")
        and m.span.end <= position
        and (
            (m.label == "ORG" and " " in m.text and m.text.split()[0].casefold() == noun.casefold())
            or after_noun.search(doc.text, max(0, m.span.start - 60), m.span.start) is not None
        )
        and (complement is None or complement.group(1).casefold() in m.text.casefold())
    ]
    return found[-1] if found else None


def capital_only(doc: Document, mention: Mention) -> bool:
    """A word the tagger took for a name because it opens a sentence ("Attentif", "Interrogé", "Lundi")."""
    word = mention.text.lower()
    if word in CALENDAR:
        return True
    opens = (
        mention.span.start == 0
        or doc.text[mention.span.start - 1] == "\n"
        or doc.text[max(0, mention.span.start - 2) : mention.span.start] == ". "
    )
    if ROLE.fullmatch("le " + word):  # "Président", "Premier ministre": a role the tagger took for a name
        return True
    return " " not in word and opens and word.endswith(("é", "ée", "és", "ées", "if", "ive", "ant", "ants"))


#: little words an acronym leaves out: "Syndicat de la magistrature" is SM
_UNSPELT = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "of", "the", "and", "für", "der", "die"}


def spelled_out(text: str, acronym: str) -> str | None:
    """What a report spells an acronym out as, where it gives it: "le syndicat de la magistrature (SM, classé à
    gauche)" gives "Syndicat de la magistrature" for SM."""
    if not (acronym.isupper() and 2 <= len(acronym) <= 6):
        return None
    if re.search(rf"\(\s*{re.escape(acronym)}\b", text) is None:  # never in brackets: not spelt out (and fast)
        return None
    for match in re.finditer(rf"((?:[\w’'-]+\s+){{1,{2 * len(acronym) + 2}}})\(\s*{re.escape(acronym)}\b", text):
        words = match.group(1).split()
        for first in range(len(words)):
            kept = [w for w in re.split(r"[\s'’-]+", " ".join(words[first:]).lower()) if w and w not in _UNSPELT]
            if "".join(w[0] for w in kept).upper() == acronym and words[first].lower() not in _UNSPELT:
                name = re.sub(r"^[ldLD]['’]", "", " ".join(words[first:]))
                return name[0].upper() + name[1:]
    return None


def organisations(doc: Document, start: int, end: int) -> list[str]:
    """Organisations the tagger found in [start, end), and acronyms it missed ("l'AFLD", "la CGT"); an acronym the
    report spells out is given spelt out."""
    found = [
        (m.span.start, m.text)
        for m in doc.mentions
        if m.label == "ORG" and max(0, start) <= m.span.start and m.span.end <= end and not capital_only(doc, m)
    ]
    known = {position for position, _ in found}
    for match in ACRONYM.finditer(doc.text, max(0, start), end):
        if match.start() not in known and not any(p <= match.start() < p + len(t) for p, t in found):
            found.append((match.start(), match.group(0)))
    return [spelled_out(doc.text, text) or _full_form(doc, position, text) for position, text in sorted(found)]


def _full_form(doc: Document, position: int, name: str) -> str:
    """A one-word organisation the report named in full before: "le Comité" after the "Comité international
    olympique" is that committee (the last such name, when there are several)."""
    if " " in name:
        return name
    fuller = [
        m.text
        for m in doc.mentions
        if m.label == "ORG"
        and m.span.end <= position
        and " " in m.text
        and m.text.split()[0].casefold() == name.casefold()
    ]
    return fuller[-1] if fuller else name


def _last_organisation(doc: Document, start: int, end: int) -> str | None:
    found = organisations(doc, start, end)
    return found[-1] if found else None


def first_organisation(doc: Document, start: int, end: int) -> str | None:
    found = organisations(doc, start, end)
    return found[0] if found else None


def _main_organisation(doc: Document) -> str | None:
    """The organisation a report names most, a name in its title counting three times; an acronym the report
    spells out counts for its spelt-out form (one organisation, not two)."""
    counts = Counter(m.text for m in doc.mentions if m.label == "ORG")
    for name in list(counts):
        full = spelled_out(doc.text, name)
        if full and full != name and full in counts:
            counts[full] += counts.pop(name)
    for name in counts:
        if re.search(rf"\b{re.escape(name)}\b", doc.title or ""):
            counts[name] += 3
    return max(counts, key=lambda name: (counts[name], len(name))) if counts else None
