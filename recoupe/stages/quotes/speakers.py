"""Who said it: a quote's speaker from the names, roles, pronouns and descriptions around it.

A name the tagger found is taken as it is written (not a capitalised participle or a weekday
opening a sentence). A role ("le ministre français de la Défense") is the person that role
stands next to in the batch. A pronoun or a description of a person ("l'Américain", "le
coureur", "ce dernier") is the previous quote's speaker if near, else the last person named,
else the report's protagonist (the person it names most, its title counting). A description
of an organisation ("la banque", "le communiqué", "le groupe") is the last organisation named,
else the one the report names most. Any other description ("la voix off") stays unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ...lexicon.names import fold
from ...lexicon.roles import ROLE, Appositions
from ...lexicon.words import alternation
from ...model import Document, Mention, Quote
from .gender import Genders, pronoun_gender
from .names import merge_surnames
from .organisations import ARTICLE, CALENDAR, ORG_NOUN, capital_only, described_organisation, first_organisation
from .speech import INSIDE, SPEECH, SUBJECT_LEAD

__all__ = [
    "REACH",
    "UNNAMED",
    "Speakers",
    "complement",
    "related",
    "sentence_before",
    "sentence_end",
    "sentence_start",
    "speaker_basis",
]

#: how far back a pronoun or a description looks for the previous quote's speaker or a name
REACH = 600
#: a name the tagger missed, written after the verb: "a ajouté Bruyneel", "dit Bordry"
_WRITTEN_NAME = re.compile(r"(?:(?:M|Mme|Dr)\.\s*)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2}")
_PERSON_NOUN = re.compile(
    rf"^\s*(?:{ARTICLE}(?:\w+\s+){{0,2}}(?:ex-)?(?:{alternation('person_nouns')})"
    r"|ce dernier|cette dernière|celui-ci|celle-ci|celui qui|celle qui|il|elle|lui|he|she|er|sie)\b",
    re.IGNORECASE,
)
#: "l'Américain", "le Belge", "le Texan" (case matters: a capitalised noun of nationality or origin)
_NATIONALITY = re.compile(r"^\s*(?:[Ll]e|[Ll]a|[Ll]['’])\s*[A-ZÀ-Ý][a-zà-ÿ]+\b(?!\s+[A-ZÀ-Ý])")
#: words nobody can be named from: "l'entourage de la ministre", "un proche", "une source judiciaire", "on"
UNNAMED = re.compile(
    r"^\s*(?:(?:l['’]|son\s+|leur\s+|dans\s+son\s+)entourage|(?:un|une|des)\s+(?:proches?|sources?)|on)\b",
    re.IGNORECASE,
)
#: between a verb of speech and the name it has for subject: "a déclaré mercredi à l'AFP Johan Bruyneel"
_VERB_TO_NAME = re.compile(
    r"^\s*(?:(?!(?:par|de|du|des|pour|que|qu|si|avec|contre|sur|dans|en|that|to|of|for|with|by|from|about|if|whether|"
    r"in|on|at)\b)[a-zà-ÿ'’]+\s+){0,4}?(?:(?:M|Mme|Me|Dr|Mr|Mrs|Ms)\.?\s*)?$"
)
#: between a subject and its verb of speech: ", directeur de l'agence, a", " avait", " a ensuite", ", porte-parole de
#: l'UMP a" (the closing comma left out)
_NAME_TO_VERB = re.compile(
    r"^\s*(?:,[^,.;:«»\"]{1,100},|,[^,.;:«»\"]{1,100}?(?=\s+(?:a|avait|ont)\s)|,)?\s*(?P<aux>a|avait|ont|avaient|aurait|s['’]est|s['’]était|se|est|était)?"
    r"(?:\s+[a-zà-ÿ-]+){0,2}\s*$"
)
_SUBJECT_REACH = 80
#: a verb of speech as written (case counts: a capitalised word is a name)
_SPEECH_CASED = re.compile(rf"\b(?:{SPEECH})")
#: a quotation mark right after a name: the quoted words are said of that person
_QUOTE_NEXT = re.compile(r"\s{0,2}[«“\"]")
#: a name that completes a noun is not a subject: "Tenzin Taklha, proche collaborateur du dalaï-lama, a souhaité"
_COMPLEMENT = re.compile(r"\b(?:de|du|des|d['’]|of)\s*(?:(?!(?:a|et|ou)\b)[a-zà-ÿ]+\s+){0,2}\Z")
#: a person's relation before their name: "Ce proche de Lionel Jospin a …", "Le lieutenant de Ségolène Royal assure"
#: (the subject is the relation, not the person named)
_RELATION = re.compile(
    r"\b(?:proches?|lieutenants?|bras\s+droit|fidèles?|conseill(?:er|ère|ers|ères)|porte-parole|entourage|avocats?|"
    r"avocates?|soutiens?|partisans?|amis?|amies?|collaborat(?:eur|rice|eurs|rices)|(?:directeur|directrice|chef)\s+de"
    r"\s+cabinet|camp|clan|équipe)\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])\Z",
    re.IGNORECASE,
)
#: the agent of a participle, right before a name: "Interrogée par Arlette Chabot, elle …" (she is not Chabot)
_AGENT = re.compile(r"\b(?:par|by)\s+$")
_AS_PLACE = re.compile(r"\b(?:au|en|du|à|vers|depuis|dans le)\s+([A-ZÀ-Ý][\w-]+)")
#: "ce dernier", "celle-ci": the person named last, not the previous speaker
_LAST_NAMED = re.compile(r"^\s*(?:ce dernier|cette dernière|celui-ci|celle-ci)\b", re.IGNORECASE)
#: a sentence ends at ". " (not after "M." or an initial), "? ", "! " or a line break
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bMme)(?<!\bMe)[.?!]\s+|\n")
#: a German office written before the name, one word: "US-Verteidigungsminister Ashton Carter"
_GERMAN_OFFICE = re.compile(
    r"^[\w-]*(?:minister|ministerin|präsident|präsidentin|kanzler|kanzlerin|sprecher|sprecherin|chef|chefin|"
    r"bürgermeister|bürgermeisterin|direktor|direktorin|leiter|leiterin)\s+",
    re.IGNORECASE,
)
_NAME_AT_END = re.compile(r"([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,2})\s*$")
#: a title between a description and the name: "Rep. Tom Lantos", "Sen. Norm Coleman", "Me Meyer"
_TITLE_BEFORE_NAME = re.compile(r"(?:M|Mme|Me|Dr|Mr|Mrs|Ms|Rep|Sen|Gov|Gen|Prof|Pr)\.?\s+(?=[A-ZÀ-Ý])")


class Speakers:
    """Speaker resolution for one batch: the roles and person names its documents give."""

    def __init__(self, docs: Iterable[Document]) -> None:
        docs = list(docs)
        self.roles = Appositions(docs)
        self.genders = Genders(docs)
        #: names the batch writes as places ("au Cambodge", "en Belgique"): not demonyms like "le Belge"
        self.places = {m.group(1) for d in docs for m in _AS_PLACE.finditer(d.text)}
        # in the order the batch names them: a tie between two names of one surname breaks the same way every time
        named = dict.fromkeys(m.text for d in docs for m in d.mentions if m.label == "PER" and " " in m.text)
        self.names = set(named)
        self._surnames: dict[str, list[str]] = {}
        for name in named:
            self._surnames.setdefault(name.split()[-1], []).append(name)
        self._protagonists: dict[str, list[str]] = {}

    # -- names in a stretch of text -----------------------------------------------------------------
    def persons(self, doc: Document, start: int, end: int) -> list[Mention]:
        return [
            m
            for m in doc.mentions
            if m.label == "PER" and start <= m.span.start and m.span.end <= end and not capital_only(doc, m)
        ]

    def last_person(self, doc: Document, start: int, end: int) -> str | None:
        found = self.persons(doc, max(0, start), end)
        return found[-1].text if found else None

    def name_in(self, doc: Document, start: int, end: int) -> str | None:
        """A person named in [start, end), else the person a role there stands for, else an organisation."""
        found = self.persons(doc, start, end)
        if found:
            return found[0].text
        stretch = doc.text[start:end]
        office = _GERMAN_OFFICE.match(stretch)
        written = _WRITTEN_NAME.match(stretch, office.end() if office else 0)
        if written and written.group(0).lower() in CALENDAR:
            written = None
        if ROLE.match(stretch.strip()):  # "la vice-présidente du MoDem" is a person, not the MoDem
            return self.role_in(stretch, doc)
        return self.role_in(stretch, doc) or first_organisation(doc, start, end) or (written and written.group(0))

    def surname_in(self, text: str) -> str | None:
        """A surname of the batch's people written alone, the tagger having missed it: "Maathai told", "Hyde said"."""
        for word in re.findall(r"\b[A-ZÀ-Ý][\w'’-]{2,}", text):
            names = self._surnames.get(word)
            if names and word.lower() not in CALENDAR:
                return max(names, key=len)
        return None

    def written_before(self, text: str) -> str | None:
        """Two or three capitalised words ending a clause: a name the tagger missed (German has no tagger)."""
        match = _NAME_AT_END.search(text)
        if match is None:
            return None
        name = match.group(1)
        office = _GERMAN_OFFICE.match(name)
        return name[office.end() :] if office and " " in name[office.end() :] else name

    def role_in(self, text: str, doc: Document | None = None) -> str | None:
        """The person the last role written in ``text`` stands for (the one ``doc`` names with it, when the batch
        has two)."""
        match = None
        for match in ROLE.finditer(text):
            pass
        if match is None:
            return None
        return self.roles.person(
            match.group("head"), match.group("rest"), doc.id if doc else None, match.group("modifier")
        )

    def person_after(self, doc: Document, position: int) -> str | None:
        """A name set off after a description: "le manager de l'équipe Silence Lotto, Roberto Damiani"."""
        gap = re.match(r"[^.,;:!?«»\"]{0,120}?,\s*", doc.text[position : position + 140])
        if gap is None:
            return None
        start = position + gap.end()
        title = _TITLE_BEFORE_NAME.match(doc.text, start)  # "the panel's top Democrat, Rep. Tom Lantos"
        opens = {start, title.end() if title else start}  # the tagger may take the title in ("Me Elisabeth Meyer")
        found = [m for m in self.persons(doc, start, start + 80) if m.span.start in opens]
        return found[0].text if found else None

    # -- what a pronoun or a description stands for -------------------------------------------------
    def antecedent(
        self,
        doc: Document,
        position: int,
        earlier: list[Quote],
        *,
        introduced: bool = False,
        gender: str | None = None,
    ) -> str | None:
        """What a pronoun stands for. For a pronoun in an incise after a quote (``introduced``), the person named first
        in the sentence that introduces the quote ("Puis vint le tour de Rama Yade : « … », a-t-elle déclaré"). Else
        the previous quote's speaker, if near (and a person, unless no person is named since); else the last person
        named before; else the protagonist. A person of the other ``gender`` than the pronoun's is skipped."""
        agrees = self.genders.agrees
        start = max([sentence_start(doc.text, position)] + [q.span.end for q in earlier if q.span.end <= position])
        # (not a name the words go on from: "M. Kerviel « n'a jamais fui », a-t-il fait valoir" is his lawyer's)
        in_sentence = [
            m
            for m in (self.persons(doc, start, position) if introduced else [])
            if agrees(m.text, gender) and not _QUOTE_NEXT.match(doc.text, m.span.end)
        ]
        if in_sentence:
            return in_sentence[0].text
        since = earlier[-1].span.end if earlier else 0
        before = sentence_before(doc.text, position)
        # who spoke last ("…, a annoncé Khieu Kanharith, porte-parole. « … », a-t-il déclaré"), unless the sentence
        # before opens with someone else ("Le Premier ministre Somchai Wongsawat a tenté … « … », a-t-il indiqué")
        spoke = self.spoke(doc, max(since, before, position - REACH), position, gender)
        opens = before < sentence_start(doc.text, position)  # the quote opens its sentence
        subject = None if spoke or not opens or before < since else self.subject_before(doc, before, position, gender)
        spoke = spoke or subject or self.spoke(doc, max(since, position - REACH), position, gender)
        if spoke:
            return spoke
        if earlier and earlier[-1].speaker and position - earlier[-1].span.end <= REACH:
            previous = earlier[-1].speaker
            a_person = (
                previous in self.names
                or previous.split()[-1] in self._surnames  # "Kossatchev", tagged a place, is Konstantin Kossatchev
                or any(m.text == previous for m in doc.mentions if m.label == "PER")
            )
            if agrees(previous, gender) and (a_person or not self.persons(doc, earlier[-1].span.end, position)):
                return previous
        here = sentence_start(doc.text, position)
        named = [
            m
            for m in self.persons(doc, max(0, position - REACH), position)
            if agrees(m.text, gender)
            and not (m.span.start >= here and _AGENT.search(doc.text, max(0, m.span.start - 6), m.span.start))
            and not possessive(doc, m)  # "Laci Peterson's family": not who "he" is
            and not related(doc, m)  # "Ce proche de Lionel Jospin a …": not who "il" is
        ]
        # "elle": a known woman first (a man is no rarer than an unknown name, now that first names say who is one)
        marked = [m for m in named if gender == "f" and self.genders.of(m.text) == gender]
        named = marked or named
        return named[-1].text if named else self.protagonist(doc, gender)

    def subject_before(self, doc: Document, start: int, position: int, gender: str | None) -> str | None:
        """The person the sentence at ``start`` opens with as its subject ("Le Premier ministre thaïlandais Somchai
        Wongsawat a …"), if of the pronoun's ``gender``."""
        first = next(iter(self.persons(doc, start, min(position, start + _SUBJECT_REACH))), None)
        if first is None:  # "Le CIO a fait état de sa neutralité. Il a estimé que « … »": the organisation
            return _organisation_subject(doc, start, position, gender)
        if not SUBJECT_LEAD.fullmatch(doc.text[start : first.span.start]) or possessive(doc, first):
            return None
        if related(doc, first):
            return None
        return first.text if self.genders.agrees(first.text, gender) else None

    def spoke(self, doc: Document, start: int, end: int, gender: str | None = None) -> str | None:
        """The last person in [start, end) that a verb of speech has for its subject: named right after it ("a
        annoncé Khieu Kanharith") or right before it ("Sompong Amornvivat avait affirmé", "Hang Soth, directeur de
        l'agence, a reconnu")."""
        found: list[str] = []
        for verb in _SPEECH_CASED.finditer(doc.text[start:end]):
            if verb.group(0)[0].isupper():
                continue
            at, to = start + verb.start(), start + verb.end()
            word = re.match(r"[\w'’-]+", doc.text[at:]).group(0).lower()  # type: ignore[union-attr]
            if re.search(r"(?:er|ir|re)$", word):  # an infinitive has no subject of its own: "Prié de dire si X"
                continue
            finite = not re.search(r"(?:é|ée|és|ées|ant|u|ue|us|i|is|it)$", word)  # "estime", "précise", "dit"
            subjects, inverted = [], []  # "Dave Harris told the jury that Peterson …": Harris, not Peterson
            for person in self.persons(doc, max(start, at - 160), min(end, to + 60)):
                if not self.genders.agrees(person.text, gender) or complement(doc, person):
                    continue
                gap = _NAME_TO_VERB.match(doc.text[person.span.end : at]) if person.span.end <= at else None
                if gap is not None and (finite or bool(gap.group("aux"))):
                    subjects.append(person.text)
                elif person.span.start >= to and _VERB_TO_NAME.match(doc.text[to : person.span.start]):
                    inverted.append(person.text)
            incise = re.search(r",\s*(?:a|avait|ont|has|had)?\s*$", doc.text[max(0, at - 12) : at])  # ", a dit Y"
            found += (inverted[:1] or subjects[-1:]) if incise else (subjects[-1:] or inverted[:1])
        return found[-1] if found else None

    def described(self, doc: Document, description: str, position: int, earlier: list[Quote]) -> str | None:
        """Who a description at ``position`` stands for (None when it is neither a person nor an organisation)."""
        if UNNAMED.match(description):
            return None
        if ORG_NOUN.match(description):  # (English "committee", "council" … are in ORG_NOUN)
            return described_organisation(doc, description, position, REACH)
        if _LAST_NAMED.match(description):  # the person named last, or the previous speaker if named later
            last = self.persons(doc, max(0, position - REACH), position)
            previous = earlier[-1] if earlier and position - earlier[-1].span.end <= REACH else None
            if previous and previous.speaker and (not last or previous.span.start > last[-1].span.end):
                return previous.speaker
            return last[-1].text if last else self.antecedent(doc, position, earlier)
        if _PERSON_NOUN.match(description) or _NATIONALITY.match(description) or ROLE.match(description.strip()):
            return self.antecedent(doc, position, earlier, gender=_gender_of(description))
        return None

    def protagonist(self, doc: Document, gender: str | None = None) -> str | None:
        """The person a report names most, a name in its title counting three times (of ``gender``, if given)."""
        if doc.id not in self._protagonists:
            counts: Counter[str] = Counter()
            for mention in doc.mentions:
                if mention.label == "PER" and not capital_only(doc, mention):
                    counts[mention.text] += 1
            merge_surnames(counts)
            for word in dict.fromkeys(
                re.findall(r"\w{3,}", doc.title or "")
            ):  # in title order: ties break the same way in every process
                for name in self._surnames.get(word, ()):
                    best = max((n for n in counts if n.split()[-1] == word), key=len, default=name)
                    counts[best] += 3
            self._protagonists[doc.id] = sorted(counts, key=lambda n: (-counts[n], -len(n)))
        ranked = self._protagonists[doc.id]
        return next((name for name in ranked if self.genders.agrees(name, gender)), None)


def _gender_of(description: str) -> str | None:
    """The gender a description's first word marks: "elle", "la coureuse", "le Belge" ("l'" marks none)."""
    first = re.match(r"\s*(\w+)", description)
    word = first.group(1).lower() if first else ""
    return pronoun_gender(word) or {"le": "m", "la": "f", "ce": "m", "cette": "f", "celui": "m", "celle": "f"}.get(word)


def speaker_basis(text: str, start: int, end: int, speaker: str | None) -> str | None:
    """ "named" when the speaker's name (its last word) is written in the sentence of the quote [start, end), or the
    one before if the quote opens its sentence, or in an incise inside the quote; else "inferred". On the four
    French held-out quote sets of the fifth session, named speakers were right 0.79 of the time (104 quotes),
    inferred ones 0.52 (42): bench/quotes.py."""
    if not speaker:
        return None
    close = _SENTENCE_END.search(text, end, end + 200)
    around = text[sentence_before(text, start) : start] + " " + text[end : close.start() if close else end + 200]
    if INSIDE.search(text[start:end]):  # "« … , a rappelé Ashton Carter. … »"
        around += " " + text[start:end]
    last = fold(speaker).split()[-1:] or [""]
    return "named" if re.search(rf"\b{re.escape(last[0])}\b", fold(around)) else "inferred"


def complement(doc: Document, mention: Mention) -> bool:
    """A name that completes a noun is no subject of a verb: after "de", "du", "d'" ("collaborateur du dalaï-lama",
    "la mère du petit Mohamed"), or an English possessive ("Laci Peterson's family")."""
    return _COMPLEMENT.search(doc.text, max(0, mention.span.start - 30), mention.span.start) is not None or possessive(
        doc, mention
    )


#: an organisation opening a sentence as its subject, with the article that gives it a gender: "Le CIO a …"
_ORG_LEAD = re.compile(r"\s*(?P<article>le|la|l['’])\s*$", re.IGNORECASE)


def _organisation_subject(doc: Document, start: int, position: int, gender: str | None) -> str | None:
    """The organisation a sentence opens with as its subject, if its article agrees with the pronoun's gender."""
    first = next(
        (
            m
            for m in doc.mentions
            if (m.label == "ORG" or (m.label == "MISC" and m.text.isupper()))  # "CIO", tagged MISC
            and start <= m.span.start < min(position, start + 40)
        ),
        None,
    )
    lead = _ORG_LEAD.fullmatch(doc.text[start : first.span.start]) if first else None
    if first is None or lead is None or capital_only(doc, first):
        return None
    article = {"le": "m", "la": "f"}.get(lead.group("article").lower())
    return first.text if gender is None or article in (None, gender) else None


def related(doc: Document, mention: Mention) -> bool:
    """A name after a relation ("un proche de", "le lieutenant de"): the relation acts, not the person named."""
    return _RELATION.search(doc.text, max(0, mention.span.start - 40), mention.span.start) is not None


def possessive(doc: Document, mention: Mention) -> bool:
    """An English possessive ("Laci Peterson's family"): no pronoun stands for it."""
    end = mention.span.end
    return mention.text.endswith(("'s", "’s")) or doc.text[end : end + 2] in ("'s", "’s")


def sentence_before(text: str, position: int) -> int:
    """Where the sentence before the one ``position`` opens begins (or the one holding it, if it does not open it)."""
    start = sentence_start(text, position)
    if text[start:position].strip(' \t«“"') == "":
        return sentence_start(text, max(0, start - 2))
    return start


def sentence_end(text: str, position: int) -> int:
    """Where the sentence holding ``position`` ends (at most 400 characters on)."""
    end = _SENTENCE_END.search(text, position, position + 400)
    return end.start() if end else min(len(text), position + 400)


@lru_cache(maxsize=1 << 14)  # asked again and again for the same quote by the rules and the confidence model
def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` begins (at most 400 characters back)."""
    window = max(0, position - 400)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, position)]
    return ends[-1] if ends else window
