"""The editor's checklist: which source sentences may not stand in an article as they are.

- a headline, deck, credit or byline, or a verbless fragment (``fragment``): it ends without a sentence's
  punctuation, names a source or a photo credit, is written in capitals, or has no verb (no finite verb by the tagger's
  part of speech and morphology where the language has a tagger, else by the absence of any common finite verb form);
- a sentence that opens on a pronoun or a connective whose antecedent is in the sentence before it
  (``needs_antecedent``): "Il", "Cette", "Ce dernier", "He", "This", "Décidément", "En effet", "However", ...; not an
  impersonal "il" ("Il y a", "Il faut", "Il est probable que"), which refers to nothing;
- an opinion with no named speaker (``unattributed``): a quote whose speaker the sentence does not name outside the
  words (unknown, or named only in a sentence before it, which the article may not keep: "« Nous irons jusqu'au
  bout. »" alone; a speaker the quotes stage withheld as unsure still counts when the sentence names it: the reader
  sees who says them), or a verb of speech with no person named in the sentence; unless the sentence says who speaks in a
  description that needs no sentence before it (``described_speaker``: "a indiqué une porte-parole du groupe", "police
  said", "selon une source judiciaire"; not "selon son avocat"), as a news article may.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ...lexicon.names import fold
from ...model import Document, Quote, Sentence
from ...resources import article_parser, dependency_parser
from ..quotes.speech import QUOTE, SPEECH_WORD

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "described_speaker",
    "finite_verbs",
    "fragment",
    "headline_form",
    "needs_antecedent",
    "unattributed",
    "verbless",
    "verbless_all",
]

_OPENERS = {
    "fr": (
        r"il|elle|ils|elles|celui-ci|celle-ci|ceux-ci|celles-ci|cette|ces|cet|ce dernier|cette derni[eè]re|"
        r"ces derniers|ces derni[eè]res|ce|c'|[cç]a|cela|lui|leur|d[eé]cid[eé]ment|en effet|par ailleurs|"
        r"de plus|en outre|mais|pourtant|cependant|toutefois|n[eé]anmoins|or|donc|ainsi|aussi|alors|"
        r"du coup|d'ailleurs|quant [aà]|au contraire|en revanche|enfin|[eé]galement|l[aà] encore|lui aussi|"
        r"il est vrai|de son c[oô]t[eé]|pour sa part|et"
    ),
    "en": (
        r"he|she|it|they|his|her|its|their|this|that|these|those|the latter|the former|such|however|but|"
        r"also|moreover|furthermore|meanwhile|nevertheless|still|yet|so|thus|therefore|indeed|instead|"
        r"and|or|in addition|besides|likewise|similarly|then|first|second|third|finally|"
        r"after all|of course|in fact|as a result|for example|for instance|otherwise"
    ),
    "de": r"er|sie|es|dies|diese|dieser|dieses|jedoch|aber|auch|außerdem|zudem|dennoch|trotzdem|deshalb|und",
}
#: "ce mardi", "cette semaine", "this morning": a time, not a reference to what came before
_TIME = (
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|week-end|semaine|mois|année|an|jour|nuit|"
    r"après-midi|printemps|été|automne|hiver|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|"
    r"evening|week|weekend|month|year|afternoon|spring|summer|autumn|fall|winter"
)
#: an impersonal "il" refers to nothing before it: "Il y a", "Il faut", "Il a fallu", "Il s'agit", "Il pourrait
#: s'agir", "Il n'empêche que", "Il est probable que", "Il existe" (not "Il est vrai que", a connective), after a
#: negation, an auxiliary or a modal, an adverb, a quotation mark
_IMPERSONAL_VERB = (
    r"(?:y\s+(?:a|avait|aura|aurait|avoir|eut)|s['’]\s*agi(?:t|ssait|ra|rait|r)|fau(?:t|dra|drait)|"
    r"fall(?:ait|u|ut))(?![\w-])|(?<=n['’])\s*empêche\b|suffi(?:t|sait|ra|rait)\s+(?:de|d['’]|que|qu['’])|"
    r"existe\s+(?:un|une|des|d['’]|de|plusieurs|peu|beaucoup)\b|(?:semble|paraît)\s+(?:que|qu['’]|s['’]\s*agir|"
    r"falloir|y\s+avoir)|(?:importe|convient)\s+(?:de|d['’]|que|qu['’])|vaut\s+mieux|arrive\s+que|"
    r"(?:est|était|sera)\s+(?:probable|possible|impossible|peu\s+probable|important|nécessaire|essentiel|difficile|"
    r"urgent|prévu|interdit|question)\s+(?:de|d['’]|que|qu['’])"
)
_IMPERSONAL = (
    r"il\s+[«\"“]?\s*(?:ne\s+|n['’]\s*)?(?:(?:a|avait|aurait|aura|pourrait|devrait|doit|peut|va|allait)\s+)?(?:\w+ment\s+)?"
    rf"[«\"“]?\s*(?:{_IMPERSONAL_VERB})"
)
_OPENER = {
    lang: re.compile(rf"^\W*(?!{_IMPERSONAL})(?:{words})(?![\w-])(?!\s+(?:{_TIME})\b)", re.IGNORECASE)
    for lang, words in _OPENERS.items()
}
_END = re.compile(r"[.!?…»\"”]\W*$")
#: a teaser: a headline cut short ("Armstrong et le Tour : on discute…"), alone or glued to the next sentence
#: ("… n'est pas le bienvenu sur... Le cycliste américain …")
_TEASER = re.compile(r"(?:\.\.\.|…)\s*$|(?:\.\.\.|…)\s+[A-ZÉÀ]")
#: a headline in title case: nearly all its longer words capitalised (a sentence full of names has 0.6-0.75) ("The Newly Adopted Torino Impact Hazard Scale")
_TITLE_CASE = 0.8
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_CREDIT = re.compile(
    r"\b(?:source|sources|photo|photos|cr[eé]dit|copyright|©|lire aussi|read more|voir aussi|related|"
    r"advertisement|publicit[eé])\b\s*:|^\W*(?:photo|video|vid[eé]o)\b|\((?:afp|reuters|ap|ansa|dpa)\)|"
    r"^\W*(?:par|by|von)\s+[A-ZÉ][\w'-]+(?:\s+[A-ZÉ][\w'-]+)?\s*$|\b(?:afp|reuters)\s*/",
    re.IGNORECASE,
)
#: finite verb forms common enough that a sentence with none of them and no verb-like ending is a fragment
_FINITE = {
    "fr": re.compile(
        r"\b(?:est|sont|était|étaient|sera|seront|a|ont|avait|avaient|aura|auront|fait|font|va|vont|doit|doivent|"
        r"peut|peuvent|dit|selon|semble|reste|restent|faut)\b|\w(?:ait|aient|era|eront|ent|é|és|ée|ées)\b"
    ),
    "en": re.compile(
        r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|did|does|do|"
        r"says|said)\b|\w(?:ed|es)\b"
    ),
    "de": re.compile(r"\b(?:ist|sind|war|waren|hat|haben|hatte|wird|werden|wurde|wurden|kann|soll|sagte)\b"),
}
_SPEECH = re.compile(
    r"\b(?:a (?:déclaré|affirmé|estimé|assuré|jugé|souligné|dénoncé|ajouté|expliqué|indiqué|confié)|"
    r"estime|affirme|juge|dénonce|selon (?:lui|elle|eux)|said|says|claimed|believes|argued|told)\b",
    re.IGNORECASE,
)
_VERB_TAGS = frozenset({"VERB", "AUX"})
#: a subject's dependency labels (French, English)
_SUBJECTS = frozenset({"nsubj"})
#: a speaker's head word: a noun or a name, not a pronoun
_SPEAKER_TAGS = frozenset({"NOUN", "PROPN"})
#: determiners that point back to what the text said before ("le texte", "son avocat", "the company")
_REFERRING = frozenset({"le", "la", "les", "l'", "l’", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                        "the", "this", "that", "these", "those", "his", "her", "its", "their"})  # fmt: skip
#: the dependency labels of a noun's complement ("du groupe", "of the group")
_COMPLEMENTS = frozenset({"nmod", "prep", "acl"})
#: the word that gives a source before its noun ("selon un avocat"; "d'après" is read apart: ``_according``)
_ACCORDING = frozenset({"selon"})
#: the components that give a word its part of speech and morphology
_TAGGING = frozenset({"tok2vec", "morphologizer", "tagger", "attribute_ruler"})
#: sentences tagged at once
TAGGED_BATCH = 64
#: finite-verb counts remembered, by language and sentence (cleared when full)
COUNTED_MAX = 1 << 16
_COUNTED: dict[tuple[str, str], int | None] = {}


def needs_antecedent(text: str, language: str) -> bool:
    """Whether the sentence opens on a pronoun or connective that refers to what came before it."""
    opener = _OPENER.get(language, _OPENER["fr"])
    return bool(opener.match(text))


def fragment(text: str, language: str) -> bool:
    """Whether the sentence is a headline, deck, credit, byline or verbless fragment (see the module)."""
    return headline_form(text) or verbless(text, language)


def headline_form(text: str) -> bool:
    """A headline, deck, credit or byline by its form: no closing punctuation, a credit's words, capitals."""
    letters = [c for c in text if c.isalpha()]
    if not _END.search(text.strip()) or _CREDIT.search(text) or _TEASER.search(text):
        return True
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    words = _LONG_WORD.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > _TITLE_CASE * len(words)


def verbless(text: str, language: str) -> bool:
    """No verb: by the tagger where the language has one (spaCy's parser, loaded on first use), else by word forms."""
    return verbless_all([text], language)[0]


def verbless_all(texts: Sequence[str], language: str) -> list[bool]:
    """``verbless`` of each text, the tagger run once over those it has not seen (in batches: a sentence alone
    costs three times as much)."""
    counts = finite_verbs(texts, language)
    forms = _FINITE.get(language)
    return [
        (not count) if count is not None else (forms is not None and not forms.search(text.lower()))
        for text, count in zip(texts, counts, strict=True)
    ]


def finite_verbs(texts: Sequence[str], language: str) -> list[int | None]:
    """How many finite verbs (a verb or auxiliary whose form is finite) the tagger finds in each text; None without
    a tagger. Only the tagger runs (its tags do not depend on the parser after it); counts are remembered."""
    parser = dependency_parser(language)
    if parser is None:
        return [None] * len(texts)
    counts = {text: _COUNTED[language, text] for text in texts if (language, text) in _COUNTED}
    todo = [text for text in dict.fromkeys(texts) if text not in counts]
    if todo:
        with parser.select_pipes(enable=[name for name in parser.pipe_names if name in _TAGGING]):
            for text, tagged in zip(todo, parser.pipe(todo, batch_size=TAGGED_BATCH), strict=True):
                counts[text] = sum(t.pos_ in _VERB_TAGS and "Fin" in t.morph.get("VerbForm", []) for t in tagged)
        if len(_COUNTED) + len(todo) > COUNTED_MAX:
            _COUNTED.clear()
        _COUNTED.update(((language, text), counts[text]) for text in todo[:COUNTED_MAX])
    return [counts[text] for text in texts]


def unattributed(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence gives words or an opinion without saying who holds them."""
    start, end = sentence.span.start, sentence.span.end
    quotes = [q for q in doc.quotes if start <= q.span.start < end]
    if any(not _named_beside(doc, sentence, q) for q in quotes):
        return not described_speaker(sentence.text, doc.language or "fr")
    named = any(m.label in ("PER", "ORG") and start <= m.span.start < end for m in doc.mentions)
    if quotes or named or not _SPEECH.search(sentence.text):
        return False
    return not described_speaker(sentence.text, doc.language or "fr")


def _noun(token: Token) -> bool:
    """A noun or a name: by the universal part of speech, or the English tagger's own tags (the English parser runs
    without the rules that map them)."""
    return token.pos_ in _SPEAKER_TAGS or token.tag_.startswith("NN")


def _says_who(token: Token) -> bool:
    """A description that says who it is without the sentence before it: a name, a bare or indefinite noun ("police",
    "une porte-parole"), or a definite one with its complement ("le porte-parole du groupe"); not "le texte", "son
    avocat", "the company", which stand for someone named before."""
    if token.pos_ == "PROPN" or token.tag_.startswith("NNP"):
        return True
    back = any(c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in _REFERRING for c in token.children)
    return not back or any(c.dep_ in _COMPLEMENTS for c in token.children)


@lru_cache(maxsize=1 << 12)
def described_speaker(text: str, language: str) -> bool:
    """Whether the sentence says who speaks with a noun outside the quoted words: the subject of a verb of speech
    ("a indiqué une porte-parole du groupe", "police said") or the object of "selon", "d'après", "according to"
    ("selon une source judiciaire"); not a pronoun ("a-t-il dit", "selon lui"), nor a description that stands for
    someone named before (``_says_who``: "le texte dénonce", "selon son avocat"). By the dependency parser; False in
    a language without one."""
    parser = article_parser(language)
    if parser is None:
        return False
    quoted = [(m.start(), m.end()) for m in QUOTE.finditer(text)]
    for token in parser(text):
        if any(a <= token.idx < b for a, b in quoted) or not _noun(token) or not _says_who(token):
            continue
        head = token.head
        if token.dep_ in _SUBJECTS and SPEECH_WORD.match(head.text) and not any(a <= head.idx < b for a, b in quoted):
            return True
        if any(_according(c) for c in token.children) or (head.lower_, head.head.lower_) == ("to", "according"):
            return True
    return False


def _according(token: Token) -> bool:
    """ "selon", or "d'après" (the parser reads "D'" as the noun's case marker, "après" fixed to it)."""
    if token.lower_ in _ACCORDING:
        return True
    return token.lower_ in ("d'", "d’") and any(c.lower_ == "après" for c in token.children)


def _named_beside(doc: Document, sentence: Sentence, quote: Quote) -> bool:
    """Whether the sentence itself names the quote's speaker (or withheld candidate) outside any quoted words ("Le
    Parti communiste a demandé …, dénonçant un « inacceptable » instrument"): the reader sees who holds them, whatever
    the speaker model's confidence (a speaker it withheld stays out of the story's quotes and conflicts). A person or an
    organisation the tagger found names the speaker when one name ends the other ("Hollande", "François Hollande";
    not "Marine Le Pen" for "Jean-Marie Le Pen")."""
    candidate = _name_key(quote.speaker or quote.speaker_candidate or "")
    if not candidate:
        return False
    start, end = sentence.span.start, sentence.span.end
    quoted = [q.span for q in doc.quotes if q.span.start < end and start < q.span.end]
    for mention in doc.mentions:
        if mention.label not in ("PER", "ORG") or not start <= mention.span.start < end:
            continue
        if any(s.start <= mention.span.start < s.end for s in quoted):
            continue
        name = _name_key(mention.text)
        if name and (f" {candidate}".endswith(f" {name}") or f" {name}".endswith(f" {candidate}")):
            return True
    return False


def _name_key(name: str) -> str:
    """A name compared: folded, its words only, no elided article ("l'Elysée", "L’Elysée" -> "elysee")."""
    words = re.findall(r"\w+", fold(name).replace("’", "'"))
    while words and words[0] in ("l", "d"):
        words = words[1:]
    return " ".join(words)
