"""Who a clause names as its subject, for the quotes stage: the subject a participle continues, a place speaking for
its institution, a definite subject nobody tagged, a name written after a German verb.
"""

from __future__ import annotations

import re

from ..model import Document, Quote
from .gender import pronoun_gender
from .speakers import Speakers, capital_only, organisations, sentence_start
from .speech import DEMONYM, OPENING, SUBJECT

__all__ = [
    "NAME_AFTER_VERB",
    "continued_subject",
    "described_chunk",
    "first_org",
    "metonym",
    "spoke_in_sentence",
    "subject_phrase",
]


#: a name between the verb of speech and the quote (German puts the subject after the verb): "nannte Gusenbauer:"
NAME_AFTER_VERB = re.compile(r"\s+([A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)\s*:?\s*$")


#: a pronoun opening a part of the sentence, or right after a dash ("Sans être avare … - il a assuré"); not the
#: impersonal "il y a", "il faut"
_PRONOUN_SUBJECT = re.compile(
    r"(?:\s*|[^-–—]*[-–—]\s*)(il|elle)\s+(?!y\b|faut\b|s['’]agit\b|semble\b|para[iî]t\b|reste\b)", re.IGNORECASE
)


def spoke_in_sentence(doc: Document, position: int, earlier: list[Quote]) -> bool:
    """An earlier quote of the sentence of ``position`` has a speaker ("« … », a estimé M. Tête critiquant « … »")."""
    start = sentence_start(doc.text, position)
    return any(quote.span.start >= start and quote.speaker for quote in earlier)


def continued_subject(
    doc: Document, who: Speakers, position: int, earlier: list[Quote], *, named_only: bool = False
) -> str | None:
    """Who speaks on in a participle, or after an apposition: the speaker of an earlier quote of the same sentence;
    else the first part of the sentence that opens with a name ("Le directeur général, Nicolas Mérindol, a annoncé");
    else the first that opens with a pronoun or a definite subject ("A l'audience, le parquet général a requis …,
    arguant des « … »"). ``named_only``: a name, a place for its institution or a pronoun's antecedent, never a
    description written as it is."""
    start = sentence_start(doc.text, position)
    for quote in reversed(earlier):
        if quote.span.start >= start and quote.speaker:
            return quote.speaker
    chunks = []
    offset = start
    for chunk in doc.text[start:position].split(","):
        chunks.append((offset, chunk))
        offset += len(chunk) + 1
    for chunk_at, chunk in chunks:
        lead = chunk_at + len(chunk) - len(chunk.lstrip())
        opens = (lead, chunk_at + OPENING.match(chunk).end())  # type: ignore[union-attr]
        named = next(
            (
                m.text
                for m in doc.mentions
                if m.label in ("PER", "ORG") and m.span.start in opens and not capital_only(doc, m)
            ),
            None,
        )
        if named or (named := metonym(doc, who, lead, chunk.lstrip())):
            return named
    for chunk_at, chunk in chunks:
        pronoun = _PRONOUN_SUBJECT.match(chunk)
        if pronoun:
            return who.antecedent(doc, chunk_at, earlier, gender=pronoun_gender(pronoun.group(1)))
        subject = SUBJECT.match(chunk + " ")
        if subject:  # "La ministre Christine Lagarde s'est déclarée …": the name in the subject, else its description
            inside = who.persons(doc, chunk_at + subject.start("np"), chunk_at + subject.end("np"))
            if inside:
                return inside[0].text
            named = None if named_only else who.described(doc, chunk, chunk_at, earlier) or subject_phrase(chunk + " ")
            if named:
                return named
    persons = who.persons(doc, start, position)  # "Des analystes comme Tang Wenfang, professeur …, assurent"
    return persons[0].text if persons else None


def described_chunk(doc: Document, who: Speakers, before: str, qstart: int, earlier: list[Quote]) -> str | None:
    """A pronoun or a description opening a part of the clause: "hier, il a préparé le terrain :",
    "l'Américain a dévoilé ses intentions :"."""
    for chunk in reversed(before.split(",")):
        named = who.described(doc, chunk, qstart, earlier)
        if named:
            return named
    return None


def metonym(doc: Document, who: Speakers, start: int, phrase: str) -> str | None:
    """A place speaking for its institution, right after the verb: "a déclaré l'Elysée", "ajoute le Kremlin"."""
    article = re.match(r"\s*(?i:le|la|l['’]|the)\s*(?=[A-ZÀ-Ý])", phrase)
    if article is None:
        return None
    at = start + article.end()
    found = next((m for m in doc.mentions if m.label in ("LOC", "ORG") and m.span.start == at), None)
    if found is None or (found.label == "LOC" and DEMONYM.search(found.text) and found.text not in who.places):
        return None  # "le Belge" is a person; "le Cambodge" ("au Cambodge") is a place
    return found.text


def subject_phrase(clause: str) -> str | None:
    """A definite subject nobody tagged, as written: "Le dalaï lama a dénoncé", "Le Syndicat de la magistrature
    appelle", "L'ambassade américaine a regretté" (not "une source", not a pronoun or a bare noun)."""
    match = SUBJECT.match(clause)
    if match is None:
        return None
    words = match.group("np").split()
    return " ".join(words) if 1 < len(words) <= 5 and not any(w[0].isdigit() for w in words) else None


def first_org(doc: Document, start: int, end: int) -> str | None:
    found = organisations(doc, start, end)
    return found[-1] if found else None
