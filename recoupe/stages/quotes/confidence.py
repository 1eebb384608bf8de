"""How a quote's speaker was found, and how far to trust it.

Once the rules have chosen a speaker, the text around the quote says how it was found (``method``):

- ``incise``: the speaker's name right after the quote in its sentence ("», a déclaré Ashton Carter") or in an
  incise inside the quote;
- ``named-next-to-words``: the name in the quote's sentence before it ("Ashton Carter a déclaré : « … »");
- ``previous-sentence``: the name in the sentence before, the quote opening its own;
- ``pronoun``: a pronoun next to the quote ("a-t-il ajouté", "selon lui"), the name further back;
- ``other-report``: another report names the speaker next to the same words;
- ``earlier``: the name only further back (a run of quotes, a description, the report's protagonist).

The confidence is a logistic model over the method and a few cues (``FEATURES``), fitted on the tuning quote
sets by ``bench/speaker_model.py``, which writes its weights to ``recoupe/data/speaker_model.json``. Below the
``speaker_confidence`` setting the speaker is withheld: ``speaker`` becomes None and ``speaker_candidate`` keeps
the guess for a reader who wants it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from ...lexicon.names import fold
from ...model import Document, Mention, Quote
from .names import SpeakerNames, people
from .speakers import complement, related, sentence_end, sentence_start
from .speech import INSIDE, INSIDE_PRONOUN, PRONOUN, SPEECH, SPEECH_ANYWHERE

__all__ = ["FEATURES", "METHODS", "AgreementIndex", "SpeakerModel", "features", "judge", "method_of"]

METHODS = ("incise", "named-next-to-words", "previous-sentence", "pronoun", "other-report", "earlier")
#: the methods that read the speaker's name next to the words (``Quote.speaker_basis`` "named")
NAMED_METHODS = frozenset(METHODS[:3])
FEATURES = (
    *(f"method={m}" for m in METHODS),
    "organisation",  # the speaker is not a person the report names (an organisation, a country, a newspaper)
    "name_inside",  # the speaker's name is inside the quoted words (not in an incise)
    "crowded",  # another person is named in the quote's sentence or the one before
    "speech_verb",  # a verb of speech in the quote's sentence, outside the quote
    "agree",  # another report gives the same words to the same speaker
    "disagree",  # another report gives the same words to someone else
    "short",  # three words or fewer
    "heading",  # the quote stands on a line of its own
    "recent_other",  # another person is named after the speaker's last mention before the quote
    "far",  # the speaker's nearest mention is more than ``FAR`` characters from the quote
    "speaks_elsewhere",  # another quote of the batch is the speaker's by an incise ("», a dit X"): X speaks
    "not_subject",  # every mention of the speaker next to the quote completes a noun or follows a preposition
    "verb_by_name",  # a verb of speech right by a mention of the speaker next to the quote ("X a déclaré", "selon X")
    "complement",  # not a person, and named next to the quote only after "de" or a preposition ("le député du MoDem")
)
#: how far (characters) a speaker's nearest mention may be from the quote before it counts as far
FAR = 250
#: the fewest words two reports' quotes must share to count as the same words
SHARED_WORDS = 5
#: a preposition that makes the name after it no speaker: "a invité X à", "a écrit à X", "told the jury about X"
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:à|au|aux|avec|contre|chez|envers|to|with|against|about)\s+(?:(?:le|la|les|l['’]|the)\s*)?"
    r"(?:(?!(?:a|et|ou|and)\b)[a-zà-ÿ-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
#: a verb of speech after a comma or a quote (an inversion), or "selon", just before a name: "», a déclaré X",
#: ", estime X", "selon X", "said X", "according to X" (not "a reconnu X", where X is the object)
_VERB_THEN_NAME = re.compile(
    rf"(?:[,»”\"]\s*(?:a|avait|has|had)?\s*(?:s['’](?:est|était)\s+)?\b(?:{SPEECH})\w*|\bselon|\baccording to)\s+"
    r"(?:[\w'’.-]+\s+){0,3}\Z",
    re.IGNORECASE,
)
#: a preposition or "de" before a name: the name completes a noun or says where ("du MoDem", "sur BFMTV", "à France
#: Bleu", "de l'ONG"), it is no subject (not "pour": "Pour la CGT, « … »" is the CGT speaking)
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:de|du|des|d['’]|à|au|aux|sur|avec|chez|of|on|to|with|at)\s*(?:(?:le|la|les|l['’]|the)\s*)?\Z",
    re.IGNORECASE,
)
#: "pour X" opening what X thinks, the quote after a colon or a comma: "Enfin, pour X, porte-parole de …: « … »"
_FOR_NAME = re.compile(r"\bpour\s+(?:[\w'’.-]+\s+){0,3}\Z", re.IGNORECASE)
_FOR_NAME_QUOTE = re.compile(r"\A[^.;!?«»“”\"]{0,120}?[,:]\s*[«“\"]")
#: a name then its verb of speech, an apposition between: "X a déclaré", "X, le ministre, a estimé"
_NAME_THEN_VERB = re.compile(rf"\A(?:(?!,\s*(?-i:[A-ZÀ-Ý]))[^.;:!?«»“”\"]){{0,80}}?\b(?:{SPEECH})", re.IGNORECASE)
_PRONOUN_NEAR = re.compile(rf"\b(?:{PRONOUN})\b|selon (?:lui|elle)|according to (?:him|her)", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _surname(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


class AgreementIndex:
    """Who each report gives each quote's words to (quotes of at least ``SHARED_WORDS`` words), each speaker by
    its key (``SpeakerNames``: "CIO" and "Comité international olympique", "Hollande" and "François Hollande" are
    one speaker)."""

    def __init__(self, docs: Iterable[Document], names: SpeakerNames | None = None) -> None:
        docs = list(docs)
        self.names = names or SpeakerNames((d.text for d in docs), people(docs))
        self._speakers: dict[str, dict[str, str]] = {}
        self._incises: dict[str, set[tuple[str, int]]] = {}  # speaker's key -> the quotes it says by an incise
        for doc in docs:
            for quote in doc.quotes:
                key = _key(quote.text)
                if quote.direct and quote.speaker and len(key.split()) >= SHARED_WORDS:
                    self._speakers.setdefault(key, {}).setdefault(doc.id, self.names.key(quote.speaker))
                if quote.direct and quote.speaker and method_of(doc.text, quote, names=self.names) == "incise":
                    self._incises.setdefault(self.names.key(quote.speaker), set()).add((doc.id, quote.span.start))

    def others(self, quote: Quote) -> set[str]:
        """The speakers' keys the other reports give the quote's words to."""
        given = self._speakers.get(_key(quote.text), {})
        return {speaker for doc, speaker in given.items() if doc != quote.span.doc}

    def speaks_elsewhere(self, quote: Quote) -> bool:
        """Another quote of the batch is given to the same speaker by an incise: the text says the speaker speaks."""
        assert quote.speaker is not None
        return bool(self._incises.get(self.names.key(quote.speaker), set()) - {(quote.span.doc, quote.span.start)})


@dataclass(frozen=True, slots=True)
class _Around:
    """The text around a quote: its sentence before it, after it, the sentence before, and the words inside."""

    before: str
    after: str
    previous: str
    inside: str
    incise: str


def _around(text: str, quote: Quote) -> _Around:
    start, end = quote.span.start, quote.span.end
    own = sentence_start(text, start)
    previous = text[sentence_start(text, max(0, own - 2)) : own] if own > 0 else ""
    incise = INSIDE.search(text[start:end]) or INSIDE_PRONOUN.search(text[start:end])
    inside = text[start:end] if incise is None else text[start:end].replace(incise.group(0), " ")
    return _Around(
        text[own:start], text[end : sentence_end(text, end)], previous, inside, incise.group(0) if incise else ""
    )


def _has(word: str, text: str) -> bool:
    return bool(word) and _word(word).search(fold(text)) is not None


@lru_cache(maxsize=1 << 12)
def _word(word: str) -> re.Pattern[str]:
    """The word alone (more words than the ``re`` module's own cache of patterns keeps)."""
    return re.compile(rf"\b{re.escape(word)}\b")


def method_of(text: str, quote: Quote, other_report: bool = False, names: SpeakerNames | None = None) -> str | None:
    """How the speaker of ``quote`` was found (one of ``METHODS``), from where its name stands (its surname, or the
    acronym ``names`` gives an organisation); None without one."""
    if not quote.speaker:
        return None
    if other_report:
        return "other-report"
    around = _around(text, quote)
    forms = {_surname(quote.speaker), fold(names.key(quote.speaker)) if names else ""} - {""}

    def written(stretch: str) -> bool:
        return any(_has(form, stretch) for form in forms)

    if written(around.after[:160]) or written(around.incise):
        return "incise"
    if written(around.before):
        return "named-next-to-words"
    if written(around.previous) and not around.before.strip(' \t«“"'):
        return "previous-sentence"
    if _PRONOUN_NEAR.search(around.after[:80]) or _PRONOUN_NEAR.search(around.incise):
        return "pronoun"
    return "earlier"


def features(doc: Document, quote: Quote, method: str, agreement: AgreementIndex) -> dict[str, float]:
    """The cues ``FEATURES`` names, for a quote with a speaker found by ``method``."""
    assert quote.speaker is not None
    around, surname = _around(doc.text, quote), _surname(quote.speaker)
    persons = {_surname(m.text) for m in doc.mentions if m.label == "PER"}
    window = around.previous + " " + around.before + " " + around.after
    others_near = {
        _surname(m.text)
        for m in doc.mentions
        if m.label == "PER" and _surname(m.text) != surname and fold(m.text) in fold(window)
    }
    others, key = agreement.others(quote), agreement.names.key(quote.speaker)
    line_start = doc.text.rfind("\n", 0, quote.span.start) + 1
    line_end = doc.text.find("\n", quote.span.end)
    line = doc.text[line_start : len(doc.text) if line_end < 0 else line_end]
    values = {
        f"method={method}": 1.0,
        "organisation": float(surname not in persons),
        "name_inside": float(_has(surname, around.inside)),
        "crowded": float(bool(others_near)),
        "speech_verb": float(bool(SPEECH_ANYWHERE.search(around.before + " " + around.after[:160]))),
        "agree": float(key in others),
        "disagree": float(bool(others - {key})),
        "short": float(len(quote.text.split()) <= 3),
        "heading": float(len(line.strip(' \t«»“”"')) <= len(quote.text) + 2),
        **_distances(doc, quote, surname),
        "speaks_elsewhere": float(agreement.speaks_elsewhere(quote)),
        "not_subject": float(_not_subject(doc, quote, surname)),
        "verb_by_name": float(_verb_by_name(doc, quote, surname)),
        "complement": float(surname not in persons and _only_complement(doc, quote, around)),
    }
    return {name: values.get(name, 0.0) for name in FEATURES}


def _only_complement(doc: Document, quote: Quote, around: _Around) -> bool:
    """The speaker's name stands next to the quote (its sentence, the one before, outside the words) and only after
    "de" or a preposition: "a déclaré la direction de la Foire à France Bleu", "assure le député du MoDem"."""
    assert quote.speaker is not None
    name = re.compile(rf"(?<!\w){re.escape(quote.speaker)}(?!\w)")
    start = quote.span.start - len(around.before) - len(around.previous)
    end = quote.span.end + len(around.after)
    found = [
        m.start()
        for m in name.finditer(doc.text, max(0, start), end)
        if not quote.span.start <= m.start() < quote.span.end
    ]
    return bool(found) and all(_COMPLEMENT_BEFORE.search(doc.text, max(0, at - 30), at) is not None for at in found)


def _near_mentions(doc: Document, quote: Quote, surname: str) -> list[Mention]:
    """The speaker's mentions in the quote's sentence (outside the quote) and the sentence before."""
    start, end = quote.span.start, quote.span.end
    first = sentence_start(doc.text, max(0, sentence_start(doc.text, start) - 2))
    last = sentence_end(doc.text, end)
    return [
        m
        for m in doc.mentions
        if m.label == "PER"
        and fold(m.text).split()[-1:] == [surname]
        and (first <= m.span.start < start or end <= m.span.start < last)
    ]


def _verb_by_name(doc: Document, quote: Quote, surname: str) -> bool:
    """A verb of speech right by one of the speaker's mentions next to the quote, the name a subject, or "pour X"
    before the quote: the text says this one speaks."""
    return any(
        _VERB_THEN_NAME.search(doc.text, max(0, m.span.start - 60), m.span.start) is not None
        or _NAME_THEN_VERB.match(doc.text[m.span.end : m.span.end + 120]) is not None
        or (
            _FOR_NAME.search(doc.text, max(0, m.span.start - 40), m.span.start) is not None
            and _FOR_NAME_QUOTE.match(doc.text[m.span.end : m.span.end + 140]) is not None
        )
        for m in _near_mentions(doc, quote, surname)
        if not _no_subject(doc, m)
    )


def _not_subject(doc: Document, quote: Quote, surname: str) -> bool:
    """The speaker is named next to the quote (its sentence, the one before) only where a name is no subject: after
    "de" ("la mère du petit Mohamed"), a relation ("un proche de"), a preposition ("a invité X à"), or as an English
    possessive."""
    near = _near_mentions(doc, quote, surname)
    return bool(near) and all(_no_subject(doc, m) for m in near)


def _no_subject(doc: Document, mention: Mention) -> bool:
    """A name after "de", a relation or a preposition, or an English possessive: no subject of a verb."""
    return (
        complement(doc, mention)
        or related(doc, mention)
        or _PREPOSITION_BEFORE.search(doc.text, max(0, mention.span.start - 40), mention.span.start) is not None
    )


def _distances(doc: Document, quote: Quote, surname: str) -> dict[str, float]:
    """``recent_other`` and ``far``: where the speaker's mentions stand against the quote and other persons'."""
    start, end = quote.span.start, quote.span.end
    persons = [m for m in doc.mentions if m.label == "PER" and fold(m.text).split()]
    own = [m for m in persons if fold(m.text).split()[-1] == surname]
    gaps = [
        start - m.span.end if m.span.end <= start else m.span.start - end
        for m in own
        if not start <= m.span.start < end
    ]
    before = [m.span.end for m in own if m.span.end <= start]
    last = max(before, default=None)
    recent = last is not None and any(
        last < m.span.start and m.span.end <= start and fold(m.text).split()[-1] != surname for m in persons
    )
    named_after = any(0 <= m.span.start - end <= 160 for m in own)
    return {"recent_other": float(recent and not named_after), "far": float(min(gaps, default=FAR + 1) > FAR)}


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """A logistic model: the probability that a speaker found with these features is the right one."""

    bias: float
    weights: Mapping[str, float]

    def confidence(self, values: Mapping[str, float]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in values.items())
        return 1.0 / (1.0 + math.exp(-score))


@cache
def _bundled() -> SpeakerModel:
    data = json.loads(resources.files("recoupe.data").joinpath("speaker_model.json").read_text(encoding="utf-8"))
    return SpeakerModel(float(data["bias"]), dict(data["weights"]))


def judge(
    docs: Sequence[Document],
    found: Sequence[Sequence[Quote]],
    moved: Sequence[Sequence[bool]],
    threshold: float,
    model: SpeakerModel | None = None,
    names: SpeakerNames | None = None,
) -> list[tuple[Quote, ...]]:
    """Each quote with its speaker's method and confidence; a speaker below ``threshold`` withheld (kept as the
    candidate). ``moved`` flags the quotes whose speaker came from another report; ``names``: the batch's, when
    already made."""
    model = model or _bundled()
    agreement = AgreementIndex((replace(d, quotes=tuple(q)) for d, q in zip(docs, found, strict=True)), names)
    return [
        tuple(
            _judged(doc, quote, other, agreement, model, threshold) for quote, other in zip(quotes, flags, strict=True)
        )
        for doc, quotes, flags in zip(docs, found, moved, strict=True)
    ]


def _judged(
    doc: Document, quote: Quote, other_report: bool, agreement: AgreementIndex, model: SpeakerModel, threshold: float
) -> Quote:
    method = method_of(doc.text, quote, other_report, agreement.names)
    if method is None:
        return quote
    confidence = round(model.confidence(features(doc, quote, method, agreement)), 3)
    basis = "named" if method in NAMED_METHODS else "inferred"
    if confidence < threshold:
        return replace(quote, speaker=None, speaker_basis=None, speaker_method=method,
                       speaker_confidence=confidence, speaker_candidate=quote.speaker)  # fmt: skip
    return replace(quote, speaker_basis=basis, speaker_method=method, speaker_confidence=confidence)
