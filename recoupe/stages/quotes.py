"""Stage ``quotes``: direct quotations and reported speech, each with its speaker.

Direct quotes are the words between « », “ ” or " " in a passage that has a verb of
speech (or a colon) next to them. The speaker is read, in this order, from an incise
after the quote (", a indiqué M. Carter", "a-t-il ajouté"), from the clause before it
("François Hollande a déclaré : « … »"), or from an incise inside it. A pronoun is the
previous quote's speaker, or the last person named; a role ("le ministre français de la
Défense") is the person that role stands next to in the batch (``roles``). Unknown stays
None. Reported speech: "X a déclaré que …", "selon X, …", "d'après X, …".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..config import Settings
from ..model import Corpus, Document, Quote, Span
from ..pipeline import stage
from .entities import fold
from .gender import pronoun_gender
from .roles import ROLE
from .speakers import UNNAMED, Speakers, complement, sentence_before, speaker_basis
from .speech import (
    ACCORDING,
    ACCORDING_INSIDE,
    AFTER,
    AFTER_NAME_FIRST,
    APPOSITION_VERB,
    ATTRIBUTED,
    BEFORE_SPEECH,
    CHAINED,
    CHARGE_LEAD,
    CHARGE_LIST,
    CHARGE_WORDS,
    CONNECTOR,
    CONTINUATION_REACH,
    CONTINUED,
    DESCRIPTION,
    HEADING_QUOTE,
    INDEFINITE,
    INSIDE,
    INSIDE_PRONOUN,
    INVERTED_BEFORE,
    JUDICIAL,
    LATER,
    NAME_CONTEXT,
    NAME_WORDS,
    NARRATIVE_INFINITIVE,
    NO_SUBJECT,
    QUOTE,
    QUOTE_LIST,
    RELATIVE,
    REPORTED,
    SLOGAN,
    SOURCE_AFTER,
    SPEECH,
    STANDALONE_WORDS,
    SUBJECT_START,
    TIME_WORDS,
    TOLD_WHERE,
    UNNAMED_INSIDE,
    UNNAMED_NEAR,
    WHO_AFTER,
)
from .subjects import (
    NAME_AFTER_VERB,
    clause_subject,
    continued_subject,
    described_chunk,
    first_org,
    metonym,
    spoke_in_sentence,
    subject_phrase,
)

__all__ = ["find_quotes"]


def find_quotes(doc: Document, who: Speakers) -> tuple[Quote, ...]:
    direct = _direct(doc, who)
    reported = [q for q in _reported(doc, who) if not any(_inside(q.span, d.span) for d in direct)]
    found = sorted(direct + reported, key=lambda q: q.span.start)
    return tuple(replace(q, speaker_basis=speaker_basis(doc.text, q.span.start, q.span.end, q.speaker)) for q in found)


def _inside(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


def _direct(doc: Document, who: Speakers) -> list[Quote]:
    found: list[Quote] = []
    chained: list[int] = []
    text = doc.text
    charge_end = -1
    for match in QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        if _is_a_charge(text, match.start(), text[start:end], charge_end):
            charge_end = match.end()
            continue
        if SLOGAN.search(text, max(0, match.start() - 60), match.start()) or SLOGAN.match(_rest_of_list(text, end)):
            continue  # "aux cris de « … »", "« … », tels étaient les slogans": nobody's words
        before = _clause_before(text, match.start())
        after = text[match.end() : match.end() + 240]
        if re.match(r"[ \t\u00a0]*\n", after):  # an incise never opens the next paragraph ("Autrement dit, ...")
            after = ""
        continues = (
            bool(CONNECTOR.match(before)) and bool(found) and match.start() - found[-1].span.end <= CONTINUATION_REACH
        )
        #: a paragraph of its own that is a sentence: said by whoever the report was quoting or talking about
        standalone = _opens_paragraph(text, match.start()) and len(text[start:end].split()) >= STANDALONE_WORDS
        incise = AFTER.match(after)
        if _is_a_name(text, match.start(), text[start:end]) and not (incise and _names_someone(incise)):
            continue
        if CHAINED.match(after):
            chained.append(len(found))
        elif not (
            continues
            or standalone
            or AFTER.match(after)
            or AFTER_NAME_FIRST.match(after)
            or LATER.match(after)
            or INSIDE.search(text[start:end])
            or INSIDE_PRONOUN.search(text[start:end])
            or ATTRIBUTED.search(text, max(0, sentence_before(text, match.start()) - 2), match.start())
            or re.search(rf"{SPEECH}|\bselon\b|\bd['’]après\b", before, re.IGNORECASE)
            or BEFORE_SPEECH.search(before)
        ):
            continue
        speaker = _speaker(doc, who, match.start(), match.end(), before, after, text[start:end], found)
        #: an incise of its own that names nobody: unnamed (not a verb with its object after it: "…», a réaffirmé
        #: jeudi soir vouloir « … »" goes on from a subject before the quote)
        later = LATER.match(after)
        inside = INSIDE.search(text[start:end])  # "« …, rapporte un proche. … »": someone left unnamed
        own_incise = any(found_incise and not _object_after(found_incise) for found_incise in (incise, later)) or bool(
            inside and _unnamed(inside.group("who"))
        )
        if speaker is None and continues and not own_incise:
            gap = found[-1].span.end
            speaker = who.last_person(doc, gap, match.start()) or found[-1].speaker
        elif speaker is None and standalone and not own_incise:  # who spoke in the sentence before, or it names
            before_start = sentence_before(text, match.start())
            speaker = who.spoke(doc, before_start, match.start()) or who.last_person(doc, before_start, match.start())
        source_after = SOURCE_AFTER.match(text, match.end())
        said = any(  # a verb of speech, not an infinitive ("devrait trancher"), in the sentence before the quote
            not re.search(r"(?:er|ir|re)$", verb.group(0))
            for verb in re.finditer(SPEECH, text[sentence_before(text, match.start()) : match.start()], re.IGNORECASE)
        )
        if source_after and (speaker is None or not said):  # "« … ». C'est ce qu'explique le site de La Tribune."
            at, to = source_after.span("who")
            speaker = who.name_in(doc, at, to) or who.described(doc, source_after.group("who"), at, found)
        if speaker is None and not own_incise and not UNNAMED_NEAR.search(before):  # the subject of its clause
            speaker = clause_subject(doc, who, match.start(), found)  # "Tea Banh a salué ce « bon résultat »"
        found.append(Quote(Span(doc.id, start, end), text[start:end], True, speaker))
    for index in reversed(chained):
        if index + 1 < len(found) and found[index].speaker is None:
            found[index] = replace(found[index], speaker=found[index + 1].speaker)
    return _headings_from_text(text, found)


def _headings_from_text(text: str, found: list[Quote]) -> list[Quote]:
    """A heading that is only a quote ("« Ces nominations n'inspirent aucun optimisme »" on a line of its own) is
    said by whoever says its words further on in the report."""
    keys = [" ".join(re.findall(r"\w+", fold(quote.text))) for quote in found]
    for index, quote in enumerate(found):
        line_start = text.rfind("\n", 0, quote.span.start) + 1
        line_end = text.find("\n", quote.span.end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if not HEADING_QUOTE.fullmatch(line) or len(keys[index].split()) < 2:
            continue
        later = next(
            (other for other, key in zip(found[index + 1 :], keys[index + 1 :], strict=True) if keys[index] in key),
            None,
        )
        if later is not None and later.speaker:
            found[index] = replace(quote, speaker=later.speaker)
    return found


def _rest_of_list(text: str, end: int) -> str:
    """What follows a quote and the quotes listed after it: "« A », « B », tels étaient les slogans" -> ", tels …"."""
    rest = QUOTE_LIST.match(text, end)
    return text[rest.end() : rest.end() + 60] if rest else text[end : end + 60]


def _unnamed(phrase: str) -> bool:
    """ "un proche", "son porte-parole": someone the report does not name (not "son amie Anne-Colombe")."""
    return bool(UNNAMED_INSIDE.match(phrase)) and not re.search(r"\s[A-ZÀ-Ý]", phrase)


def _object_after(incise: re.Match[str]) -> bool:
    """A verb and what follows it, no subject: ", a réaffirmé jeudi soir à la télévision vouloir" (no article, no
    title, no capital after the days and times)."""
    phrase = incise.groupdict().get("who")
    if not phrase:
        return False
    rest = TIME_WORDS.sub("", phrase)
    return bool(rest) and not SUBJECT_START.match(rest)


def _names_someone(incise: re.Match[str]) -> bool:
    """An incise that gives a speaker ("a-t-il ajouté", "a dit M. Carter"), not an impersonal "a-t-on précisé"."""
    return (incise.group("p1") or incise.group("p2") or "").lower() != "on"


def _is_a_charge(text: str, position: int, words: str, previous_charge_end: int) -> bool:
    """A legal charge between quotation marks: "mis en examen pour « abus de confiance »", and the charges listed
    after it ("« faux et usage de faux », « introduction dans des systèmes … » et « abus de confiance »")."""
    if len(words.split()) > CHARGE_WORDS:
        return False
    if previous_charge_end >= 0 and CHARGE_LIST.match(text, previous_charge_end, position):
        return True
    return bool(CHARGE_LEAD.search(text[max(0, position - 20) : position])) and bool(
        JUDICIAL.search(text[max(0, position - 150) : position])
    )


def _opens_paragraph(text: str, position: int) -> bool:
    return text[max(0, position - 80) : position].rsplit("\n", 1)[-1].strip() == ""


def _is_a_name(text: str, position: int, words: str) -> bool:
    """A title or a name between quotation marks: "dans le « Nid d'oiseau »", "au « Guardian »"."""
    return len(words.split()) <= NAME_WORDS and bool(NAME_CONTEXT.search(text[max(0, position - 30) : position]))


def _clause_before(text: str, position: int) -> str:
    """The text of the sentence before a quote opens (not across an earlier quote)."""
    window = text[max(0, position - 250) : position]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("»"), window.rfind("”"), window.rfind("? "))
    return window[cut + 1 :]


def _speaker(
    doc: Document, who: Speakers, qstart: int, qend: int, before: str, after: str, words: str, earlier: list[Quote]
) -> str | None:
    named_first = AFTER_NAME_FIRST.match(after)
    if named_first:
        name = who.name_in(doc, qend + named_first.start("who"), qend + named_first.end("who"))
        if name:
            return name
    incise = AFTER.match(after) or LATER.match(after)
    if incise:
        return _from_incise(doc, who, incise, qstart, qend, earlier)
    attributed = ATTRIBUTED.search(doc.text, max(0, qstart - len(before) - 2), qstart)
    #: "Selon des médias, Ashton Carter a expliqué qu'il y aurait un « chevauchement »": the verb's subject speaks
    if attributed and not re.search(rf"\b(?:{SPEECH})", doc.text[attributed.end() : qstart], re.IGNORECASE):
        start, end = attributed.span("who")
        return who.name_in(doc, start, end) or who.described(doc, attributed.group("who"), qstart, earlier)
    according = list(ACCORDING_INSIDE.finditer(before))
    if according and not re.search(SPEECH, before[according[-1].end() :], re.IGNORECASE):
        at = qstart - len(before) + according[-1].start("who")  # "Cette révélation avait été, selon Me Meyer, « … »"
        phrase = according[-1].group("who")
        return who.name_in(doc, at, at + len(phrase)) or who.described(doc, phrase, at, earlier)
    if BEFORE_SPEECH.search(before) or re.search(SPEECH, before, re.IGNORECASE):
        name = _from_clause(doc, who, before, qstart, earlier)
        if name:
            return name
    inside = INSIDE.search(words)
    if inside:  # "« Ici, elle a laissé un souvenir, rapporte un proche. … »": nobody named
        offset = doc.text.find(words, qstart)
        if _unnamed(inside.group("who")):
            return None
        return who.name_in(doc, offset + inside.start("who"), offset + inside.end("who"))
    if INSIDE_PRONOUN.search(words):
        return who.antecedent(doc, qstart, earlier)
    return None


def _from_incise(
    doc: Document, who: Speakers, incise: re.Match[str], qstart: int, qend: int, earlier: list[Quote]
) -> str | None:
    """ ", a-t-il ajouté" / ", a indiqué M. Carter" / ", a déclaré le manager de l'équipe, Roberto Damiani"."""
    groups = incise.groupdict()
    if groups.get("so"):  # German: "…", so Häupl
        return who.name_in(doc, qend + incise.start("so"), qend + incise.end("so"))
    pronoun = (groups.get("p1") or groups.get("p2") or groups.get("p3") or groups.get("p4") or "").lower()
    if pronoun:
        if pronoun in ("on", "man"):
            return None
        return who.antecedent(doc, qstart, earlier, introduced=True, gender=pronoun_gender(pronoun))
    start, end = qend + incise.start("who"), qend + incise.end("who")
    phrase = incise.group("who") or ""
    if re.match(r"(?:que|qu['’])", phrase):  # "« … », précisant que …": the sentence's subject goes on
        return continued_subject(doc, who, qstart, earlier)
    relative = RELATIVE.search(phrase)  # "selon la radio qui connaît bien Laurence Ferrari": the radio speaks
    if relative:
        phrase, end = phrase[: relative.start()], start + relative.start()
    where = TOLD_WHERE.match(phrase)  # "a déclaré sur France 2 le président de la CNIL": not France 2
    speaker = WHO_AFTER.match(doc.text, end)  # "a indiqué à l'AFP, Sonam, 32 ans": the speaker after the comma
    named = where is not None and phrase[where.end() :][:1].isupper()  # "à l'AFP Hang Soth"
    if speaker and not named and TOLD_WHERE.fullmatch(phrase.rstrip() + " ") and not who.persons(doc, start, end):
        start, end, phrase = speaker.start("who"), speaker.end("who"), speaker.group("who")
    elif where and where.end() < len(phrase):  # (a name the place's capitals ran into: "à l'AFP Christophe Reille")
        inside = [m.span.start for m in who.persons(doc, start, end) if start < m.span.start < start + where.end()]
        cut = inside[0] - start if inside else where.end()
        start, phrase = start + cut, phrase[cut:]
    place = metonym(doc, who, start, phrase)
    if place:
        return place
    described = DESCRIPTION.match(phrase) or re.match(r"^\s*(?:\w+\s+)?(?:le|la|l['’]|son|sa|leur)\b", phrase)
    if described:
        named = who.person_after(doc, end)
        if named:
            return named
    if INDEFINITE.match(phrase):  # "indique un ancien haut fonctionnaire du ministère": someone left unnamed
        return who.person_after(doc, end)
    name = who.name_in(doc, start, end)
    if name:
        return name
    description = re.sub(
        r"^\s*(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|encore|ainsi)\s+", "", phrase
    )
    return who.described(doc, description, qstart, earlier)


def _from_clause(doc: Document, who: Speakers, before: str, qstart: int, earlier: list[Quote]) -> str | None:
    """The speaker in the clause that introduces a quote: the subject of its verb of speech if it has one
    ("Interrogé sur X, il répond :", "Eddy Merckx se déclare « certain » que ..."), else its first name."""
    start = qstart - len(before)
    #: a capitalised word is a name, not a verb: "Lance Armstrong" is not "lancé"
    verbs = [v for v in re.finditer(rf"\b(?:{SPEECH})", before, re.IGNORECASE) if not v.group(0)[0].isupper()]
    if not verbs:
        persons = who.persons(doc, start, qstart)
        if persons:
            return persons[0].text
        return (
            who.role_in(before, doc)
            or first_org(doc, start, qstart)
            or described_chunk(doc, who, before, qstart, earlier)
        )
    subject_end = start + verbs[-1].start()
    subject = before[: subject_end - start]
    inverted = INVERTED_BEFORE.match(before, verbs[-1].end())  # "Ces poids lourds, dit le 44e président, « … »"
    if inverted and subject.rstrip().endswith(","):
        at = start + inverted.start("who")
        phrase = inverted.group("who")
        named = who.name_in(doc, at, at + len(phrase)) or who.described(doc, phrase, at, earlier)
        if named:
            return named
    participle = verbs[-1].group(0).lower().endswith("ant")
    if participle and (CONTINUED.search(subject) or spoke_in_sentence(doc, start + len(subject), earlier)):
        return continued_subject(doc, who, subject_end, earlier)  # ", estimant que « … »"
    if NARRATIVE_INFINITIVE.search(subject):
        return who.antecedent(doc, subject_end, earlier)  # "Et de conclure : « … »"
    clause_start = start + max(subject.rfind(mark) for mark in (",", '"', "”", "»")) + 1
    clause = doc.text[clause_start:subject_end]
    if UNNAMED.match(clause):
        return None
    if NO_SUBJECT.match(clause):  # "Jean-Luc Romero, président de l'ADMD, a estimé …": the subject is further back
        return continued_subject(doc, who, subject_end, earlier)
    stripped = len(clause) - len(clause.lstrip())
    role = ROLE.match(clause.lstrip())  # "le président de l'ADMD a ajouté": not the ADMD
    # (a name completing a role is not its holder: "L'avocat de Patrick Poivre d'Arvor a qualifié")
    persons = [p for p in who.persons(doc, clause_start, subject_end) if not (role and complement(doc, p))]
    if persons:
        return persons[-1].text
    if role:
        return who.role_in(clause, doc) or who.described(doc, clause, clause_start + stripped, earlier)
    if APPOSITION_VERB.match(clause):  # "Dominique Paillé, porte-parole de l'UMP a déclaré": the name before it
        named_before = [m for m in who.persons(doc, clause_start - 80, clause_start) if m.span.end >= clause_start - 2]
        if named_before:
            return named_before[-1].text
    organisation = first_org(doc, clause_start, subject_end)
    if organisation:
        return organisation
    named = (
        metonym(doc, who, clause_start + stripped, clause.lstrip())
        or who.role_in(clause, doc)
        or who.described(doc, clause, clause_start + stripped, earlier)
        or subject_phrase(clause)
    )
    if named is None and not doc.mentions:  # no tagger for this language: "Als Ziel nannte Gusenbauer: « … »",
        inverted = NAME_AFTER_VERB.match(doc.text, start + verbs[-1].end(), qstart)  # "Präsident Hollande erklärte"
        named = inverted.group(1) if inverted else who.written_before(clause)
    if named:
        return named
    persons = who.persons(doc, start, subject_end)
    if persons:
        return persons[-1].text
    return (
        who.surname_in(doc.text[start:subject_end])  # "Maathai told Norway's TV2, « … »": not TV2
        or who.last_person(doc, start, qstart)
        or who.role_in(before, doc)
        or first_org(doc, start, qstart)
    )


#: the fewest words two reports must share for one quote's named speaker to stand for the other's guess
SHARED_WORDS = 5


def _key(quote: Quote) -> str:
    return " ".join(re.findall(r"\w+", fold(quote.text)))


def _named_elsewhere(found: list[tuple[Quote, ...]]) -> dict[str, dict[str, str]]:
    """For each quote's words (at least SHARED_WORDS of them): the speaker each report names next to them."""
    speakers: dict[str, dict[str, str]] = {}
    for quotes in found:
        for quote in quotes:
            if quote.direct and quote.speaker and quote.speaker_basis == "named":
                key = _key(quote)
                if len(key.split()) >= SHARED_WORDS:
                    speakers.setdefault(key, {}).setdefault(quote.span.doc, quote.speaker)
    return speakers


def _as_named(quote: Quote, named: dict[str, dict[str, str]]) -> Quote:
    """A quote whose speaker was inferred takes the speaker that other reports name next to the same words, when
    they all name the same one."""
    if quote.speaker_basis == "named" or not quote.direct:
        return quote
    others = {speaker for doc, speaker in named.get(_key(quote), {}).items() if doc != quote.span.doc}
    if len(others) != 1:
        return quote
    other = others.pop()
    if quote.speaker and quote.speaker.split()[-1] == other.split()[-1]:  # the same person: keep the longer name
        other = max(quote.speaker, other, key=len)
    return replace(quote, speaker=other, speaker_basis="inferred")


def _reported(doc: Document, who: Speakers) -> list[Quote]:
    found = []
    for pattern in (REPORTED, ACCORDING):
        for match in pattern.finditer(doc.text):
            speaker = who.name_in(doc, match.start("who"), match.end("who"))
            if speaker is None:
                continue
            span = Span(doc.id, match.start("what"), match.end("what"))
            found.append(Quote(span, span.of(doc.text), False, speaker))
    return found


@stage("quotes", version="1", scope="corpus", requires=["mentions", "sentences"], assigns=["quotes"])
def make_quotes(settings: Settings):  # type: ignore[no-untyped-def]
    def quotes(corpus: Corpus) -> Corpus:
        who = Speakers(corpus.documents)
        found = [find_quotes(d, who) for d in corpus.documents]
        named = _named_elsewhere(found)
        docs: Sequence[Document] = [
            replace(d, quotes=tuple(_as_named(q, named) for q in quotes))
            for d, quotes in zip(corpus.documents, found, strict=True)
        ]
        return replace(corpus, documents=tuple(docs))

    return quotes
