"""Who said a direct quote, from the words around it: an incise after it (", a indiqué M. Carter", "a-t-il
ajouté", ", selon la radio RTL"), the clause before it ("François Hollande a déclaré : « … »", "Ces poids lourds, dit
le président, « … »"), a source the sentence gives first ("Selon le magistrat, … « … »") or an incise inside it.
``quote_speaker`` is the quotes stage's first try; the stage falls back on the sentence's subject when it says None,
then on the dependency parse of the sentence (``recoupe.stages.quotes.parser``).
"""

from __future__ import annotations

import re

from ...lexicon.roles import ROLE
from ...model import Document, Quote
from .gender import pronoun_gender
from .organisations import described_organisation
from .speakers import REACH, UNNAMED, Speakers, complement, sentence_start
from .speech import (
    ACCORDING_INSIDE,
    AFTER,
    AFTER_NAME_FIRST,
    APPOSITION_VERB,
    ATTRIBUTED,
    BEFORE_SPEECH,
    CONTINUED,
    DESCRIPTION,
    FRONTED,
    INDEFINITE,
    INSIDE,
    INSIDE_PRONOUN,
    INVERTED_BEFORE,
    LATER,
    NARRATIVE_INFINITIVE,
    NO_SUBJECT,
    RELATIVE,
    SPEECH,
    SPEECH_ANYWHERE,
    SPEECH_WORD,
    TIME_WORDS,
    TOLD_WHERE,
    UNNAMED_INSIDE,
    WHEN,
    WHO_AFTER,
)
from .subjects import (
    NAME_AFTER_VERB,
    continued_subject,
    described_chunk,
    first_org,
    metonym,
    spoke_in_sentence,
    subject_phrase,
)

__all__ = ["quote_speaker", "unnamed"]


#: someone described by their relation to a person or a group: "un proche de James Michel", "un membre du PS"
_UNNAMED_RELATION = re.compile(
    r"^\s*(?:un|une)\s+(?:proche|porte-parole|conseill\w+|ami|amie|collaborat\w+|membre|responsable|dirigeant\w*|"
    r"cadre|militant\w*|fidèle|partisan\w*|soutien|collègue|ancien|ancienne)\s+(?:de|du|des|d['’])",
    re.IGNORECASE,
)


def unnamed(phrase: str) -> bool:
    """ "un proche", "son porte-parole", "un proche de James Michel": someone the report does not name (not "son
    amie Anne-Colombe")."""
    return bool(UNNAMED_INSIDE.match(phrase)) and (
        not re.search(r"\s[A-ZÀ-Ý]", phrase) or bool(_UNNAMED_RELATION.match(phrase))
    )


def quote_speaker(
    doc: Document, who: Speakers, qstart: int, qend: int, before: str, after: str, words: str, earlier: list[Quote]
) -> str | None:
    named_first = AFTER_NAME_FIRST.match(after)
    if named_first:
        name = who.name_in(doc, qend + named_first.start("who"), qend + named_first.end("who"))
        if name:
            return name
    incise = _incise(after)
    if incise:
        return _from_incise(doc, who, incise, qstart, qend, earlier)
    agent = _AGENT.match(after)  # "qualifiée « d'amicale » par la porte-parole Dana Perino"
    if agent and _PASSIVE_SPEECH.search(before):
        start, end = qend + agent.start("who"), qend + agent.end("who")
        return who.name_in(doc, start, end) or who.described(doc, agent.group("who"), start, earlier)
    attributed = ATTRIBUTED.search(doc.text, max(0, qstart - len(before) - 2), qstart)
    #: "Selon des médias, Ashton Carter a expliqué qu'il y aurait un « chevauchement »": the verb's subject speaks
    if attributed and not SPEECH_WORD.search(doc.text[attributed.end() : qstart]):
        start, end = attributed.span("who")
        apposed = _apposed(doc, who, end) if DESCRIPTION.match(attributed.group("who")) else None
        # ("Pour l'avocate de Kerviel, Caroline Wassermann, « … »": the name in apposition)
        return apposed or who.name_in(doc, start, end) or who.described(doc, attributed.group("who"), qstart, earlier)
    opening = sentence_start(doc.text, qstart)
    fronted = FRONTED.match(doc.text[opening:qstart])  # "Sur le fond, résume un responsable syndical, X est …"
    if fronted:
        at = opening + fronted.start("who")
        phrase = fronted.group("who")
        return None if INDEFINITE.match(phrase) else who.name_in(doc, at, at + len(phrase))
    according = list(ACCORDING_INSIDE.finditer(before))
    if according and not SPEECH_ANYWHERE.search(before[according[-1].end() :]):
        at = qstart - len(before) + according[-1].start("who")  # "Cette révélation avait été, selon Me Meyer, « … »"
        phrase = according[-1].group("who")
        return who.name_in(doc, at, at + len(phrase)) or who.described(doc, phrase, at, earlier)
    if BEFORE_SPEECH.search(before) or SPEECH_ANYWHERE.search(before):
        name = _from_clause(doc, who, before, qstart, earlier)
        if name:
            return name
    inside = INSIDE.search(words)
    if inside:  # "« Ici, elle a laissé un souvenir, rapporte un proche. … »": nobody named
        offset = doc.text.find(words, qstart)
        if unnamed(inside.group("who")):
            return None
        start = offset + inside.start("who")  # ("s'insurgeait l'académie des Sciences": an institution as written)
        return who.name_in(doc, start, offset + inside.end("who")) or described_organisation(
            doc, inside.group("who"), start, REACH
        )
    if INSIDE_PRONOUN.search(words):
        return who.antecedent(doc, qstart, earlier)
    return None


def _incise(after: str) -> re.Match[str] | None:
    """The incise after a quote that names its speaker, if there is one."""
    if _COORDINATED.match(after):  # "« … » et confirme l'intention du camp": the same subject's second verb
        return None
    found = AFTER.match(after)
    if found and _ADJECTIVAL.match(after):  # "« … » promis lors de sa campagne, écrit le Yomiuri Shimbun"
        found = None
    found = found or LATER.match(after)
    # (", souligne un « avant et un après »": the verb's object opens the next quote, no speaker)
    who = found.groupdict().get("who") if found else None
    if (
        found
        and who
        and re.fullmatch(r"\s*(?:un|une|des|le|la|les|son|sa|ses|leur|leurs)\s*", who, re.IGNORECASE)
        and re.match(r"\s*[«“\"]", after[found.end("who") :])
    ):
        return None
    return found


def _from_incise(
    doc: Document, who: Speakers, incise: re.Match[str], qstart: int, qend: int, earlier: list[Quote]
) -> str | None:
    """ ", a-t-il ajouté" / ", a indiqué M. Carter" / ", a déclaré le manager de l'équipe, Roberto Damiani"."""
    groups = incise.groupdict()
    if groups.get("so"):  # German: "…", so Häupl
        return who.name_in(doc, qend + incise.start("so"), qend + incise.end("so"))
    pronoun = (groups.get("p1") or groups.get("p2") or groups.get("p3") or groups.get("p4") or "").lower()
    if pronoun:
        if pronoun in ("on", "man") or _unnamed_before(doc, who, qstart, earlier):
            return None
        return who.antecedent(doc, qstart, earlier, introduced=True, gender=pronoun_gender(pronoun))
    start, end = qend + incise.start("who"), qend + incise.end("who")
    phrase = incise.group("who") or ""
    if re.match(r"(?:que|qu['’])", phrase):  # "« … », précisant que …": the sentence's subject goes on
        return continued_subject(doc, who, qstart, earlier)
    relative = RELATIVE.search(phrase)  # "selon la radio qui connaît bien Laurence Ferrari": the radio speaks
    if relative and not re.fullmatch(r"\s*(?:celui|celle)", phrase[: relative.start()]):  # ("celui qui est …")
        phrase, end = phrase[: relative.start()], start + relative.start()
    around = _CIRCUMSTANCE.search(phrase)  # "l'ancien ministre à son arrivée au siège du PS": not the PS
    if around and around.start() > 0:
        phrase, end = phrase[: around.start()], start + around.start()
    where = TOLD_WHERE.match(phrase)  # "a déclaré sur France 2 le président de la CNIL": not France 2
    speaker = WHO_AFTER.match(doc.text, end)  # "a indiqué à l'AFP, Sonam, 32 ans": the speaker after the comma
    named = where is not None and phrase[where.end() :][:1].isupper()  # "à l'AFP Hang Soth"
    if speaker and not named and TOLD_WHERE.fullmatch(phrase.rstrip() + " ") and not who.persons(doc, start, end):
        start, end, phrase = speaker.start("who"), speaker.end("who"), speaker.group("who")
    elif where and where.end() < len(phrase):  # (a name the place's capitals ran into: "à l'AFP Christophe Reille")
        inside = [m.span.start for m in who.persons(doc, start, end) if start < m.span.start < start + where.end()]
        cut = inside[0] - start if inside else where.end()
        start, phrase = start + cut, phrase[cut:]
    past = _past_time(phrase)  # "accusait hier soir un proche de Martine Aubry": the speaker after the time
    start, phrase = start + past, phrase[past:]
    related = _RELATED.match(phrase)  # "avertit son concurrent le Nikkei": the name in apposition
    if related:
        return related.group("name")
    place = metonym(doc, who, start, phrase)
    if place:
        return place
    described = DESCRIPTION.match(phrase) or re.match(r"^\s*(?:\w+\s+)?(?:le|la|l['’]|son|sa|leur)\b", phrase)
    apposed = _apposed(doc, who, start + len(phrase)) if described else None
    if apposed:  # "a déclaré le président de cette commission, le député Daniel Vaillant, en arrivant"
        return apposed
    if described:
        named = who.person_after(doc, end)
        if named:
            return named
    if INDEFINITE.match(phrase):  # "indique un ancien haut fonctionnaire du ministère": someone left unnamed
        return who.person_after(doc, end)
    name = who.name_in(doc, start, end)
    if name:
        return name
    description = _LEADING_WHEN.sub("", phrase)
    return who.described(doc, description, qstart, earlier)


#: a participle right after a quote (no comma) describes its words: "le changement » promis lors de sa campagne"
#: (not a verb in the present: "« … » précise le ministre")
_ADJECTIVAL = re.compile(r"\s*(?:[a-zà-ÿ]+(?:é|ée|és|ées)|(?:prom|adm|m)is(?:e|es)?)\b")
#: "qualifiée « d'amicale » par …": a passive verb of speech before the quote
_PASSIVE_SPEECH = re.compile(rf"(?<![’'])\b(?:été|est|sont|était|fut)\s+(?:{SPEECH})\W*$", re.IGNORECASE)
#: a day or an adverb before the speaker an incise describes: "a déclaré mardi le ministre"
_LEADING_WHEN = re.compile(rf"^\s*(?:{WHEN})\s+")
#: the agent of a passive verb of speech, after the quote: "« … » par la porte-parole de la Maison Blanche Dana Perino"
_AGENT = re.compile(r"\s*par\s+(?P<who>[^,.;:«»“”\"()]{2,90})")
#: a verb coordinated with the one before the quote: "« … » et confirme", "» mais ajoute"
_COORDINATED = re.compile(r"\s*(?:et|mais|puis|ou)\s+(?![«“\"])", re.IGNORECASE)
#: a clause whose subject is a pronoun, up to its verb of speech: "Il ", "Elle a ensuite ", "Mais il avait "
_PRONOUN_CLAUSE = re.compile(
    r"\s*(?:(?:et|mais|puis|alors|ensuite|enfin|or)\s+)?(il|elle)\s+(?:(?:a|avait|aurait|s['’]est|s['’]était|"
    r"lui|leur|y|en|ne|n['’]a|n['’]avait|pas|ensuite|aussi|également|encore|notamment|toutefois|cependant)\s+){0,3}",
    re.IGNORECASE,
)
#: a pronoun subject coordinated to the sentence's clause, just before the verb of speech: "… et il a "
_PRONOUN_COORDINATED = re.compile(r"\b(?:et|mais|puis)\s+(?:il|elle)\s+(?:(?:a|avait|aurait)\s+)?(?:\w+\s+)?$")
#: a relation followed by the name it stands for: "son concurrent le Nikkei", "son rival l'UMP"
_RELATED = re.compile(
    r"\s*(?:son|sa|leur)\s+[a-zà-ÿ-]+\s+(?:le|la|l['’])\s*(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3})"
)
#: when or how the speaker spoke, after the speaker: " à son arrivée au siège du PS", " en quittant l'Elysée"
_CIRCUMSTANCE = re.compile(
    r"\s+(?:à\s+(?:son|sa|leur)\s+(?:arrivée|sortie|départ|retour)|en\s+(?:arrivant|sortant|quittant|marge)|"
    r"lors\s+d|à\s+l['’]issue\s+d|au\s+cours\s+d|avant\s+(?:de|d['’]|son|sa|leur)|après\s+(?:avoir|être|son|sa|leur)|"
    r"pendant\s+(?:son|sa|leur))\b",
    re.IGNORECASE,
)
#: between a description and the name in apposition to it: ", le député ", ", "
_APPOSED = re.compile(
    r"\s*,\s*(?!(?:qui|que|qu['’]|dont|où|lequel|laquelle|lesquels)\b)(?:(?:le|la|l['’])\s*)?(?:[a-zà-ÿ'’-]+\s+){0,3}"
)


def _apposed(doc: Document, who: Speakers, end: int) -> str | None:
    """The person named in apposition right after a description ("le président de la commission, le député Daniel
    Vaillant")."""
    gap = _APPOSED.match(doc.text, end)
    if gap is None or "," not in gap.group(0):
        return None
    found = [m for m in who.persons(doc, gap.end(), gap.end() + 60) if m.span.start == gap.end()]
    return found[0].text if found else None


def _past_time(phrase: str) -> int:
    """Where a speaker's phrase begins after the time words that may open it ("hier soir un proche"); 0 if it has
    none or nothing follows them."""
    when = TIME_WORDS.match(phrase)
    return when.end() if when and when.end() < len(phrase) else 0


def _unnamed_before(doc: Document, who: Speakers, qstart: int, earlier: list[Quote]) -> bool:
    """Whether a pronoun stands for the unnamed speaker of the quote just before ("« … », assure un jeune dirigeant.
    « … », ajoute-t-il"): that quote's incise leaves its speaker unnamed and nobody is named since."""
    if not earlier or earlier[-1].speaker is not None or qstart - earlier[-1].span.end > REACH:
        return False
    closed = re.match(r"\s*[»”\"]?", doc.text[earlier[-1].span.end : qstart])
    after = earlier[-1].span.end + (closed.end() if closed else 0)
    incise = AFTER.match(doc.text[after:qstart])
    if incise is None or not incise.group("who"):
        return False
    phrase = incise.group("who")
    head = phrase[_past_time(phrase) :]
    # ("un porte-parole du parquet de Marseille": unnamed, though a capital follows)
    return bool(UNNAMED_INSIDE.match(head)) and not who.persons(doc, after + incise.start("who"), qstart)


def _from_clause(doc: Document, who: Speakers, before: str, qstart: int, earlier: list[Quote]) -> str | None:
    """The speaker in the clause that introduces a quote: the subject of its verb of speech if it has one
    ("Interrogé sur X, il répond :", "Eddy Merckx se déclare « certain » que ..."), else its first name."""
    start = qstart - len(before)
    #: a capitalised word is a name, not a verb: "Lance Armstrong" is not "lancé"
    verbs = [v for v in SPEECH_WORD.finditer(before) if not v.group(0)[0].isupper()]
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
    if re.search(r"\bqui\s*(?:\w+\s+)?$", clause):  # "Frédéric Oudéa, patron de la Société générale qui affirmait"
        antecedents = [p for p in who.persons(doc, start, clause_start) if not complement(doc, p)]
        if antecedents and clause_start - antecedents[-1].span.end <= 2:
            return antecedents[-1].text
    stripped = len(clause) - len(clause.lstrip())
    pronoun = _PRONOUN_CLAUSE.fullmatch(clause)  # "Il précise qu'il demande un nouveau vote « … »"
    # (unless the sentence gave its source first: "Selon Jacques Dallest, elle avait confié l'enfant à « … »")
    if pronoun and not ATTRIBUTED.search(doc.text, max(0, start - 2), clause_start):
        return who.antecedent(doc, clause_start, earlier, gender=pronoun_gender(pronoun.group(1)))
    if _PRONOUN_COORDINATED.search(clause):  # "Lindsey Graham a rappelé qu'il avait négocié avec X et il a salué"
        return continued_subject(doc, who, subject_end, earlier)
    role = ROLE.match(clause.lstrip())  # "le président de l'ADMD a ajouté": not the ADMD
    # (a name completing a role is not its holder: "L'avocat de Patrick Poivre d'Arvor a qualifié")
    persons = [p for p in who.persons(doc, clause_start, subject_end) if not complement(doc, p)]
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
    persons = [p for p in who.persons(doc, start, subject_end) if not complement(doc, p)]
    if persons:
        return persons[-1].text
    return (
        who.surname_in(doc.text[start:subject_end])  # "Maathai told Norway's TV2, « … »": not TV2
        or who.last_person(doc, start, qstart)
        or who.role_in(before, doc)
        or first_org(doc, start, qstart)
    )
