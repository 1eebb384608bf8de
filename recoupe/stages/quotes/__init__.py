"""Stage ``quotes``: direct quotations and reported speech, each with its speaker.

Direct quotes are the words between « », “ ” or " " in a passage that has a verb of
speech (or a colon) next to them. The speaker is read, in this order, from an incise
after the quote (", a indiqué M. Carter", "a-t-il ajouté"), from the clause before it
("François Hollande a déclaré : « … »"), or from an incise inside it (``attribution``);
else from the sentence's subject (``subjects``). A pronoun is the previous quote's speaker,
or the last person named; a role ("le ministre français de la Défense") is the person that
role stands next to in the batch (``roles``). A heading that is only a quote is said by
whoever says its words later in the report, and a speaker guessed in one report gives way
to the one other reports name next to the same words. Unknown stays None. Reported speech:
"X a déclaré que …", "selon X, …", "d'après X, …".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...config import Settings
from ...lexicon.names import fold
from ...model import Corpus, Document, Quote, Span
from ...pipeline import stage
from .attribution import quote_speaker, unnamed
from .confidence import judge
from .names import SpeakerNames, people
from .parser import parsed_speaker
from .speakers import Speakers, sentence_before, sentence_start, speaker_basis
from .speech import (
    ACCORDING,
    AFTER,
    AFTER_NAME_FIRST,
    ATTRIBUTED,
    BEFORE_SPEECH,
    CHAINED,
    CHARGE_LEAD,
    CHARGE_LIST,
    CHARGE_WORDS,
    CONNECTOR,
    CONTINUATION_REACH,
    DEMONYM,
    DESCRIBED_SUBJECT,
    HEADING_QUOTE,
    INSIDE,
    INSIDE_PRONOUN,
    JUDICIAL,
    LATER,
    NAME_CONTEXT,
    NAME_WORDS,
    QUOTE,
    QUOTE_LIST,
    REPORTED,
    SLOGAN,
    SOURCE_AFTER,
    SPEECH,
    SPEECH_ANYWHERE,
    STANDALONE_WORDS,
    SUBJECT_START,
    TIME_WORDS,
    UNNAMED_NEAR,
)
from .subjects import clause_subject

#: a verb of speech or a source ("selon", "d'après") before a quote
_SPEECH_OR_SOURCE = re.compile(rf"{SPEECH}|\bselon\b|\bd['’]après\b", re.IGNORECASE)

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
        elif re.search(r"[.!?]\s*$", text[start:end]) and re.match(r"\s+[A-ZÀ-Ý][\w'’-]*,", after):
            after = ""  # nor the next sentence: "« … besoin. » Hier, Christian Noyer, …, a insisté"
        continues = (
            bool(CONNECTOR.match(before)) and bool(found) and match.start() - found[-1].span.end <= CONTINUATION_REACH
        )
        #: a paragraph of its own that is a sentence: said by whoever the report was quoting or talking about
        #: or a sentence right after one that says who speaks ("…, explique Alberto Martinez. « … »")
        standalone = (_opens_paragraph(text, match.start()) or _after_speech(text, match.start())) and len(
            text[start:end].split()
        ) >= STANDALONE_WORDS
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
            or _SPEECH_OR_SOURCE.search(before)
            or BEFORE_SPEECH.search(before)
        ):
            continue
        speaker = quote_speaker(doc, who, match.start(), match.end(), before, after, text[start:end], found)
        #: an incise of its own that names nobody: unnamed (not a verb with its object after it: "…», a réaffirmé
        #: jeudi soir vouloir « … »" goes on from a subject before the quote)
        later = LATER.match(after)
        inside = INSIDE.search(text[start:end])  # "« …, rapporte un proche. … »": someone left unnamed
        own_incise = any(found_incise and not _object_after(found_incise) for found_incise in (incise, later)) or bool(
            inside and unnamed(inside.group("who"))
        )
        if speaker is None and continues and not own_incise:
            gap = found[-1].span.end
            speaker = who.last_person(doc, gap, match.start()) or found[-1].speaker
        elif speaker is None and standalone and not own_incise:  # who spoke in the sentence before, or it names
            before_start = sentence_before(text, match.start())
            speaker = (
                who.spoke(doc, before_start, match.start())
                or who.last_person(doc, before_start, match.start())
                or _described_subject(doc, who, before_start, found)  # "l'Américain émet des doutes … ¶ « … »"
            )
        speaker = _source_after(doc, who, match.start(), match.end(), speaker, found)
        if speaker is None and not own_incise and not UNNAMED_NEAR.search(before):  # the subject of its clause
            speaker = clause_subject(doc, who, match.start(), found)  # "Tea Banh a salué ce « bon résultat »"
            if speaker is None:  # the subject of a verb of speech the sentence's parse links to the quote
                speaker = parsed_speaker(doc, who, match.start(), match.end(), found)
        found.append(Quote(Span(doc.id, start, end), text[start:end], True, speaker))
    for index in reversed(chained):
        if index + 1 < len(found) and found[index].speaker is None:
            found[index] = replace(found[index], speaker=found[index + 1].speaker)
    return _headings_from_text(text, found)


def _source_after(
    doc: Document, who: Speakers, qstart: int, qend: int, speaker: str | None, found: list[Quote]
) -> str | None:
    """The source the sentence after a quote names ("« … ». C'est ce qu'explique le site de La Tribune."), when no
    speaker was found or no verb of speech (an infinitive does not count: "devrait trancher") introduced the quote."""
    source = SOURCE_AFTER.match(doc.text, qend)
    if source is None:
        return speaker
    if speaker is not None:
        sentence = doc.text[sentence_before(doc.text, qstart) : qstart]
        verbs = SPEECH_ANYWHERE.finditer(sentence)
        if any(not re.search(r"(?:er|ir|re)$", verb.group(0)) for verb in verbs):
            return speaker
    at, to = source.span("who")
    return who.name_in(doc, at, to) or who.described(doc, source.group("who"), at, found)


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


def _described_subject(doc: Document, who: Speakers, start: int, earlier: list[Quote]) -> str | None:
    """Who the description opening the sentence at ``start`` stands for: "l'Américain émet des doutes", "la ministre
    a répondu"."""
    subject = DESCRIBED_SUBJECT.match(doc.text, start)
    if subject is None:
        return None
    noun = re.sub(r"^(?:le|la|l['’])\s*", "", subject.group("description"), flags=re.IGNORECASE).split()[0]
    if noun[:1].isupper() and not DEMONYM.match(noun):  # "la Caisse nationale …" is a name, not a description
        return None
    return who.described(doc, subject.group("description"), start, earlier)


def _rest_of_list(text: str, end: int) -> str:
    """What follows a quote and the quotes listed after it: "« A », « B », tels étaient les slogans" -> ", tels …"."""
    rest = QUOTE_LIST.match(text, end)
    return text[rest.end() : rest.end() + 60] if rest else text[end : end + 60]


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


def _after_speech(text: str, position: int) -> bool:
    """The quote opens its sentence, and the sentence before has a verb of speech outside quotation marks."""
    before, own = sentence_before(text, position), sentence_start(text, position)
    if before >= own:  # the quote does not open its sentence
        return False
    return SPEECH_ANYWHERE.search(QUOTE.sub(" ", text[before:own])) is not None


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


def _as_named(quote: Quote, named: dict[str, dict[str, str]], names: SpeakerNames) -> tuple[Quote, bool]:
    """A quote whose speaker was inferred takes the speaker that other reports name next to the same words, when
    they all name the same one, however each writes it ("Hollande", "François Hollande"; "CIO", "Comité
    international olympique"), and says whether it did."""
    if quote.speaker_basis == "named" or not quote.direct:
        return quote, False
    others = [speaker for doc, speaker in named.get(_key(quote), {}).items() if doc != quote.span.doc]
    if len({names.key(other) for other in others}) != 1:
        return quote, False
    other = max(others, key=len)
    if quote.speaker and names.same(quote.speaker, other):  # the same speaker: keep the longer name
        other = max(quote.speaker, other, key=len)
    return replace(quote, speaker=other, speaker_basis="inferred"), True


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


@stage(
    "quotes", version="3", scope="corpus", requires=["text", "language", "mentions", "sentences"], assigns=["quotes"]
)
def make_quotes(settings: Settings):  # type: ignore[no-untyped-def]
    threshold = settings.speaker_confidence

    def quotes(corpus: Corpus) -> Corpus:
        who = Speakers(corpus.documents)
        found = [find_quotes(d, who) for d in corpus.documents]
        named = _named_elsewhere(found)
        names = SpeakerNames((d.text for d in corpus.documents), people(corpus.documents))
        moved = [[_as_named(q, named, names) for q in quotes] for quotes in found]
        given, flags = [[q for q, _ in m] for m in moved], [[flag for _, flag in m] for m in moved]
        judged = judge(corpus.documents, given, flags, threshold, names=names)
        docs: Sequence[Document] = [replace(d, quotes=q) for d, q in zip(corpus.documents, judged, strict=True)]
        return replace(corpus, documents=tuple(docs))

    return quotes
