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
from ..model import Corpus, Document, Mention, Quote, Span
from ..pipeline import stage
from .roles import ROLE, Appositions

__all__ = ["SPEECH", "find_quotes"]

SPEECH = (
    r"déclar\w*|indiqu\w*|affirm\w*|ajout\w*|soulign\w*|précis\w*|annonc\w*|expliqu\w*|assur\w*|estim\w*|"
    r"lanc[ée]\w*|rappel\w*|insist\w*|répond\w*|confirm\w*|dit|dire|disant|sout\w*nu|souten\w*|relev\w*|"
    r"martel\w*|relè\w*|prévenu|prévien\w*|averti\w*|mis en garde|met en garde|appel\w*|jug\w*|ajoute|poursui\w*|"
    r"racont\w*|confi[ea]\w*|écri\w*|s['’]amus\w*|s['’]exclam\w*|rapport\w*|constat\w*|conclu\w*|insist\w*|"
    r"concè\w*|concéd\w*|protest\w*|s['’]insurg\w*|regrett\w*|comment\w*|révél\w*|déplor\w*|dément\w*|"
    r"said|says|told|added|stated|announced|warned|explained|sagte|sagt|erklärte|betonte|fügte"
)
_OPEN_CLOSE = {"«": "»", "“": "”", '"': '"'}
_QUOTE = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|“(?P<b>[^“”]+?)”|\"(?P<c>[^\"\n]+?)\"|„(?P<d>[^„“”]+?)[“”]")
_PRONOUN = r"il|elle|ils|elles|he|she|er|sie"
#: a speaker after the verb: a name, maybe behind a title with a full stop ("M. Carter")
_WHO = r"(?:(?:M|Mme|Dr|Mr|Mrs|Pr)\.\s*)?[^.,;:!?«»\"]{2,80}"
#: ", a-t-il ajouté" / "avait-il souligné" / ", a indiqué M. Carter" / ", a assuré le commandant Paul Mercier"
_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?:a|avait|ont|avaient|aurait)(?:-t)?-(?P<p1>{_PRONOUN})\s+(?:\w+\s+){{0,2}}?(?:{SPEECH})"
    rf"|(?:{SPEECH})-(?:t-)?(?P<p2>{_PRONOUN}|on)\b"
    rf"|(?:a|avait|ont|has|had)?\s*(?:\w+\s+){{0,3}}?(?:{SPEECH})\s+(?P<who>{_WHO}))",
    re.IGNORECASE,
)
#: English order, name before verb: '"…," Carter told reporters' / '"…," said Ashton Carter' is _AFTER
_AFTER_NAME_FIRST = re.compile(
    rf"^\s*,?\s*(?P<who>(?:(?:Mr|Mrs|Ms|Dr)\.\s*)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})\s+(?:{SPEECH})\b"
)
#: an incise later in the sentence: "« … » contrôlés par les jihadistes, a-t-il déclaré."
_LATER = re.compile(
    rf"^[^.«»\"]{{0,200}}?,\s*(?:(?:a|avait)-t-(?P<p1>{_PRONOUN})\s+(?:{SPEECH})|(?:a|avait)\s+(?:{SPEECH})\s+(?P<who>{_WHO}))",
    re.IGNORECASE,
)
#: "« est en place » et « se prépare … », a annoncé M. Carter": the first quote shares the second's speaker
_CHAINED = re.compile(r"^\s*,?\s*(?:et|and|und|ou)\s+[«“\"]")
_BEFORE_SPEECH = re.compile(rf"(?:{SPEECH})\s*(?:que|qu['’])?\s*:?\s*$|:\s*$|\bpour\s+[^,]+,[^,]*:\s*$", re.IGNORECASE)
_INSIDE = re.compile(
    rf",\s*(?:(?:a|avait)\s+)?(?:{SPEECH})(?:\s+encore)?\s+(?P<who>(?:(?:M|Mme|Dr)\.\s*)?[^.,;:!?«»\"]{{2,60}}?)(?:\s+à\s+[^.]*)?\.",
    re.IGNORECASE,
)
#: "… mes enfants, dit-il encore. …" : a pronoun incise inside the quote
_INSIDE_PRONOUN = re.compile(
    rf",\s*(?:(?:a|avait)-t-(?P<p1>{_PRONOUN})\s+(?:{SPEECH})|(?:{SPEECH})-(?:t-)?(?P<p2>{_PRONOUN}))\b", re.IGNORECASE
)
_REPORTED = re.compile(
    rf"(?P<lead>(?:^|[.;]\s+|,\s+))(?P<who>[A-ZÀ-Ý][^,;:.!?«»\"]{{1,80}}?)\s+(?:a|avait|ont|aurait)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{SPEECH})\s+(?:que|qu['’])\s*(?P<what>[^«»\"]+?)(?=[.!?](?:\s|$))",
)
_ACCORDING = re.compile(
    r"(?:^|[.;]\s+)(?:Selon|D['’]après|According to|Laut)\s+(?P<who>[^,;]{2,60}),\s*(?P<what>[^«»\"]+?)(?=[.!?](?:\s|$))"
)
#: a name the tagger missed, written after the verb: "a ajouté Bruyneel", "dit Bordry"
_WRITTEN_NAME = re.compile(r"(?:(?:M|Mme|Dr)\.\s*)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2}")
#: a speaker written as a description, not a name: "le manager d'Astana", "le coureur", "l'Américain"
_DESCRIPTION = re.compile(r"^(?:le|la|l['’]|les|ce|cet|cette|the|der|die)\b", re.IGNORECASE)
#: how far back a pronoun looks for the previous quote's speaker
PRONOUN_REACH = 600
#: a quote opening a sentence this close after the previous quote continues it ("… », a ajouté M. Carter. « … »)
CONTINUATION_REACH = 80


def find_quotes(doc: Document, roles: Appositions) -> tuple[Quote, ...]:
    direct = _direct(doc, roles)
    reported = [q for q in _reported(doc, roles) if not any(_inside(q.span, d.span) for d in direct)]
    return tuple(sorted(direct + reported, key=lambda q: q.span.start))


def _inside(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


def _direct(doc: Document, roles: Appositions) -> list[Quote]:
    found: list[Quote] = []
    chained: list[int] = []
    text = doc.text
    for match in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        before = _clause_before(text, match.start())
        after = text[match.end() : match.end() + 240]
        continues = not before.strip() and bool(found) and match.start() - found[-1].span.end <= CONTINUATION_REACH
        if _CHAINED.match(after):
            chained.append(len(found))
        elif not (
            continues
            or _AFTER.match(after)
            or _AFTER_NAME_FIRST.match(after)
            or _LATER.match(after)
            or _INSIDE.search(text[start:end])
            or _INSIDE_PRONOUN.search(text[start:end])
            or re.search(SPEECH, before, re.IGNORECASE)
            or _BEFORE_SPEECH.search(before)
        ):
            continue
        speaker = _speaker(doc, roles, match.start(), match.end(), before, after, text[start:end], found)
        if speaker is None and continues:
            speaker = found[-1].speaker
        found.append(Quote(Span(doc.id, start, end), text[start:end], True, speaker))
    for index in reversed(chained):
        if index + 1 < len(found) and found[index].speaker is None:
            found[index] = replace(found[index], speaker=found[index + 1].speaker)
    return found


def _clause_before(text: str, position: int) -> str:
    """The text of the sentence before a quote opens (not across an earlier quote)."""
    window = text[max(0, position - 250) : position]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("»"), window.rfind("”"), window.rfind("? "))
    return window[cut + 1 :]


def _speaker(
    doc: Document, roles: Appositions, qstart: int, qend: int, before: str, after: str, words: str, earlier: list[Quote]
) -> str | None:
    named_first = _AFTER_NAME_FIRST.match(after)
    if named_first:
        who = _name_in(doc, roles, qend + named_first.start("who"), qend + named_first.end("who"))
        if who:
            return who
    incise = _AFTER.match(after) or _LATER.match(after)
    if incise:
        pronoun = (incise.groupdict().get("p1") or incise.groupdict().get("p2") or "").lower()
        if pronoun:
            return None if pronoun == "on" else _antecedent(doc, qstart, earlier)
        who = _name_in(doc, roles, qend + incise.start("who"), qend + incise.end("who"))
        if who:
            return who
        if _DESCRIPTION.match(incise.group("who") or ""):  # "a dit le manager d'Astana": the person last named
            return _antecedent(doc, qstart, earlier)
    if _BEFORE_SPEECH.search(before) or re.search(SPEECH, before, re.IGNORECASE):
        who = (
            _last_person(doc, qstart - len(before), qstart)
            or _role_in(roles, before)
            or _last_organisation(doc, qstart - len(before), qstart)
        )
        if who:
            return who
    inside = _INSIDE.search(words)
    if inside:
        offset = doc.text.find(words, qstart)
        return _name_in(doc, roles, offset + inside.start("who"), offset + inside.end("who"))
    if _INSIDE_PRONOUN.search(words):
        return _antecedent(doc, qstart, earlier)
    return None


def _persons(doc: Document, start: int, end: int) -> list[Mention]:
    return [
        m
        for m in doc.mentions
        if m.label == "PER" and start <= m.span.start and m.span.end <= end and not _capital_only(doc, m)
    ]


def _capital_only(doc: Document, mention: Mention) -> bool:
    """A participle or adjective the tagger took for a name because it opens a sentence ("Attentif", "Interrogé")."""
    word = mention.text.lower()
    opens = (
        mention.span.start == 0
        or doc.text[mention.span.start - 1] == "\n"
        or doc.text[max(0, mention.span.start - 2) : mention.span.start] == ". "
    )
    return " " not in word and opens and word.endswith(("é", "ée", "és", "ées", "if", "ive", "ant", "ants"))


def _last_person(doc: Document, start: int, end: int) -> str | None:
    found = _persons(doc, max(0, start), end)
    return found[-1].text if found else None


def _name_in(doc: Document, roles: Appositions, start: int, end: int) -> str | None:
    """A person named in [start, end), else the person a role there stands for."""
    found = _persons(doc, start, end)
    if found:
        return found[0].text
    written = _WRITTEN_NAME.match(doc.text[start:end])
    return (
        _role_in(roles, doc.text[start:end])
        or _organisation(doc, start, end)
        or (written.group(0) if written else None)
    )


def _role_in(roles: Appositions, text: str) -> str | None:
    match = None
    for match in ROLE.finditer(text):
        pass
    return roles.person(match.group("head"), match.group("rest")) if match else None


def _antecedent(doc: Document, position: int, earlier: list[Quote]) -> str | None:
    """A pronoun's speaker: the previous quote's, if near; else the last person named before."""
    if earlier and earlier[-1].speaker and position - earlier[-1].span.end <= PRONOUN_REACH:
        return earlier[-1].speaker
    return _last_person(doc, position - PRONOUN_REACH, position) or _protagonist(doc)


def _protagonist(doc: Document) -> str | None:
    """The person a report names most: who "il" means when no one was named nearby."""
    counts: dict[str, int] = {}
    for mention in doc.mentions:
        if mention.label == "PER" and not _capital_only(doc, mention):
            counts[mention.text] = counts.get(mention.text, 0) + 1
    return max(counts, key=lambda name: (counts[name], len(name))) if counts else None


def _reported(doc: Document, roles: Appositions) -> list[Quote]:
    found = []
    for pattern in (_REPORTED, _ACCORDING):
        for match in pattern.finditer(doc.text):
            speaker = _name_in(doc, roles, match.start("who"), match.end("who"))
            if speaker is None:
                continue
            span = Span(doc.id, match.start("what"), match.end("what"))
            found.append(Quote(span, span.of(doc.text), False, speaker))
    return found


def _last_organisation(doc: Document, start: int, end: int) -> str | None:
    found = [m for m in doc.mentions if m.label == "ORG" and max(0, start) <= m.span.start and m.span.end <= end]
    return found[-1].text if found else None


def _organisation(doc: Document, start: int, end: int) -> str | None:
    for mention in doc.mentions:
        if mention.label == "ORG" and start <= mention.span.start and mention.span.end <= end:
            return mention.text
    return None


@stage("quotes", version="1", scope="corpus", requires=["mentions", "sentences"], assigns=["quotes"])
def make_quotes(settings: Settings):  # type: ignore[no-untyped-def]
    def quotes(corpus: Corpus) -> Corpus:
        roles = Appositions(corpus.documents)
        docs: Sequence[Document] = [replace(d, quotes=find_quotes(d, roles)) for d in corpus.documents]
        return replace(corpus, documents=tuple(docs))

    return quotes
