"""Who a clause names as its subject, for the quotes stage: the subject a participle continues, a place speaking for
its institution, a definite subject nobody tagged, a name written after a German verb.
"""

from __future__ import annotations

import re

from ...model import Document, Quote
from .gender import pronoun_gender
from .organisations import capital_only, organisations
from .speakers import Speakers, related, sentence_end, sentence_start
from .speech import DEMONYM, OPENING, SUBJECT, SUBJECT_LEAD

__all__ = [
    "NAME_AFTER_VERB",
    "clause_subject",
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
    r"(?:\s*|[^-–—]*[-–—]\s*)(il|elle)\s+(?!y\b|faut\b|faudra\w*|fallait\b|s['’]agi\w*|sembl\w*|para[iî]t\b|reste\b)",
    re.IGNORECASE,
)


def spoke_in_sentence(doc: Document, position: int, earlier: list[Quote]) -> bool:
    """An earlier quote of the sentence of ``position`` has a speaker ("« … », a estimé M. Tête critiquant « … »")."""
    start = sentence_start(doc.text, position)
    return any(quote.span.end > start and quote.speaker for quote in earlier)


def continued_subject(doc: Document, who: Speakers, position: int, earlier: list[Quote]) -> str | None:
    """Who speaks on in a participle, or after an apposition: the speaker of an earlier quote of the same sentence;
    else the first part of the sentence that opens with a name ("Le directeur général, Nicolas Mérindol, a annoncé");
    else the first that opens with a pronoun or a definite subject ("A l'audience, le parquet général a requis …,
    arguant des « … »")."""
    start = sentence_start(doc.text, position)
    for quote in reversed(earlier):
        if quote.span.end > start and quote.speaker:
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
                if m.span.start in opens
                and not capital_only(doc, m)
                and (m.label in ("PER", "ORG") or (m.label == "LOC" and _PLACE_SPEAKS.match(doc.text, m.span.end)))
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
            if inside and related(doc, inside[0]):  # "Le lieutenant de Ségolène Royal … assure": not she
                return None
            if inside:
                return inside[0].text
            named = who.described(doc, chunk, chunk_at, earlier) or subject_phrase(chunk + " ")
            if named:
                return named
    persons = who.persons(doc, start, position)  # "Des analystes comme Tang Wenfang, professeur …, assurent"
    return persons[0].text if persons else None


#: a capital that opens a sentence with a verb speaks for its government: "Pékin s'est défendu en affirmant …"
_PLACE_SPEAKS = re.compile(r"\s+(?:a|avait|s['’]est|s['’]était)\s")


#: where a new clause with its own subject begins inside a sentence: ", tandis que", ", alors que", ", mais", "; ",
#: " - ", "selon qui"
_CLAUSE_BREAK = re.compile(
    r",\s*(?:tandis que|alors que|mais|et|quand|lorsque|pendant que|si bien que|qui|dont)\b|;|\s[-–—]\s|\bselon (?:qui|lui|elle)\b",
    re.IGNORECASE,
)


#: a pronoun after its verb, in an incise before a quote: "avait-il dit", "dit-elle", "a-t-il expliqué"
_INVERTED_PRONOUN = re.compile(r"\w-(?:t-)?(il|elle)\b(?:\s+\w+)?\s*[,:]\s*$", re.IGNORECASE)
#: a present participle opening a sentence ("Appelant", "Jugeant", "Tout en estimant"), not "Pendant", "Avant"
_PARTICIPLE_OPENS = re.compile(
    r"\s*(?:Tout en |En )?(?!(?:Pendant|Durant|Avant|Cependant|Maintenant|Néanmoins|Devant|Suivant|Moyennant)\b)"
    r"[A-ZÀ-Ý][a-zà-ÿ]+ant\b"
)
#: a subject and its verb, after the participle's comma: "le chef de l'Etat a prôné", "Nicolas Sarkozy a jugé"
_MAIN_SUBJECT = re.compile(
    r"(?P<np>(?:(?:le|la|les|l['’])\s*)?[\w'’-]+(?:\s+[\w'’-]+){0,6}?)\s+(?:a|avait|ont|s['’]est|estime|juge|affirme)\b",
    re.IGNORECASE,
)
#: the agent of a passive right before a quote: "résumée ainsi par "
_AGENT = re.compile(r"\bpar\s+(?=[A-ZÀ-Ý][^,;:.]*:?\s*$)")


def clause_subject(doc: Document, who: Speakers, position: int, earlier: list[Quote]) -> str | None:
    """Who speaks in the clause holding ``position`` when no verb of speech says it: the speaker of an earlier quote
    of the clause; the person the pronoun of an incise before the quote stands for ("En France, avait-il dit,
    « … »"); the agent named right before ("résumée par Joe Biden : « … »"); the person or organisation the clause
    opens with as its subject ("Le ministre cambodgien de la Défense Tea Banh a salué ce « … »"), or the person its
    opening pronoun stands for ("- il a assuré … de « … »"). A clause ends at ", tandis que", ", qui", "; " and the
    like; None when none of these is there."""
    start = sentence_start(doc.text, position)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(doc.text, start, position)]
    start = breaks[-1] if breaks else start
    for quote in reversed(earlier):  # "« … », a-t-il indiqué avant de se dire « convaincu »"
        if quote.span.end > start and quote.speaker:
            return quote.speaker
    clause = doc.text[start:position]
    inverted = _INVERTED_PRONOUN.search(clause)  # "En France, avait-il dit, « … »"
    if inverted:
        return who.antecedent(doc, start, earlier, gender=pronoun_gender(inverted.group(1)))
    agent = _AGENT.search(clause)  # "une philosophie, résumée ainsi par Joe Biden : « … »"
    if agent:
        named = [m for m in who.persons(doc, start + agent.end(), position) if m.span.start == start + agent.end()]
        if named:
            return named[0].text
    pronoun = _PRONOUN_SUBJECT.match(clause)
    if pronoun:
        return who.antecedent(doc, start, earlier, gender=pronoun_gender(pronoun.group(1)))
    for mention in doc.mentions:
        if (
            start <= mention.span.start < position
            and mention.label in ("PER", "ORG")
            and not capital_only(doc, mention)
        ):
            return mention.text if SUBJECT_LEAD.fullmatch(doc.text[start : mention.span.start]) else None
    if _PARTICIPLE_OPENS.match(doc.text, start):  # "Appelant la Chine à « … », le chef de l'Etat a prôné …"
        return _main_subject(doc, who, position)
    return None


def _main_subject(doc: Document, who: Speakers, position: int) -> str | None:
    """The subject of the main clause after a participle that opens the sentence: the person named, or the role
    written, right after a comma later in the sentence and before its verb."""
    end = sentence_end(doc.text, position)
    for comma in re.finditer(r",\s*", doc.text[position:end]):
        at = position + comma.end()
        subject = _MAIN_SUBJECT.match(doc.text, at, end)
        if subject is None:
            continue
        named = [m for m in who.persons(doc, at, subject.end("np")) if m.span.start >= at]
        if named:
            return named[0].text
        role = who.role_in(subject.group("np"), doc)
        if role:
            return role
    return None


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
