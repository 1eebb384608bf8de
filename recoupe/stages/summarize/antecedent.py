"""An opening personal pronoun written as the person it stands for, so that the sentence can stand in an article.

"Il a ajouté que …", "He said the plan would fail": the editor's checklist keeps such a sentence out, its "il" being
someone the sentence before named. When the pronoun is the active subject of a verb of speech or will (which a thing
does not have: not "Il a été soutenu par 180 pays", where "il" is an appeal), the sentence before has a person the
tagger found as its subject ("Jérôme Kerviel a été entendu …"; by the dependency parser: the subject of its main verb
lies in the person's name), and nothing says the pronoun is of the other gender (``quotes.gender``, a first name),
the article writes the name in the pronoun's place ("Jérôme Kerviel a ajouté que …") and cites both spans. Only "il",
"elle", "he", "she" opening the sentence; never an impersonal "il" (the checklist's ``needs_antecedent`` does not ask
for one), nor a pronoun whose sentence before has some other subject, a thing, or two people. Judged blind on
OrangeSum: right 47 times in 50 (``bench/antecedents.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicon.names import first_names
from ...model import Document, Mention, Sentence, Span
from ...resources import article_parser
from ..quotes.gender import Genders, pronoun_gender
from ..quotes.speech import SPEECH_WORD
from .checklist import needs_antecedent

__all__ = ["Antecedent", "antecedent", "named", "opening_pronoun"]

#: an opening subject pronoun; not a stressed one set off by a comma ("Elle, participer à un atelier ?")
_PRONOUN = re.compile(r"^(?P<space>\s*)(?P<pronoun>Il|Elle|He|She)\b(?![-'’])(?!\s*,)")
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "the", "a", "an"})
#: verbs of will and intention, whose subject is a person or a body, like a verb of speech's (with an infinitive or a
#: clause: ``_WILLED``); the ones the judged rewrites of tests/gold/antecedents-*.jsonl had
_WILL = re.compile(
    r"(?:veu[tx]|voulai[st]|voulu|compt\w*|demand\w*|jur\w*|esp[èée]r\w*|entend\w*|ambitionn\w*|refus\w*|promi\w*|"
    r"promet\w*|cit\w*|sollicit\w*|wants?|wanted|hopes?|hoped|plans?|planned|intends?|intended|refused|promised)",
    re.IGNORECASE,
)
#: what a verb of will governs: an infinitive or a clause ("compte mettre", "demande que", "wants to")
_WILLED = frozenset({"xcomp", "ccomp"})
#: the parsers' labels of a clause's subject (French, English)
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Antecedent:
    """The person an opening pronoun stands for: the name written, and the span of the sentence before it names
    them in."""

    name: str
    span: Span


def antecedent(doc: Document, sentence: Sentence) -> Antecedent | None:
    """The person the sentence's opening "il", "elle", "he" or "she" stands for, when the sentence before it has that
    person as its subject (see the module); None otherwise."""
    language = doc.language or "fr"
    found = _PRONOUN.match(sentence.text)
    if found is None or not opening_pronoun(doc, sentence) or not _speaks(sentence.text, language):
        return None
    before = _previous(doc, sentence)
    if before is None:
        return None
    people = [m for m in doc.mentions if m.label == "PER" and before.span.start <= m.span.start < before.span.end]
    if not _one_person([m.text for m in people]):
        return None  # no one, or two people: "il" may be either
    starts = [before.span.start + offset for offset in _subjects(before.text, language)]
    person = next((m for m in people for start in starts if m.span.start <= start < m.span.end), None)
    if person is None or not _a_name(person.text) or _cut(doc, person):
        return None
    gender = pronoun_gender(found.group("pronoun"))
    given = first_names().get(person.text) if len(person.text.split()) == 1 else None
    if (given and gender and given != gender) or not Genders([doc]).agrees(person.text, gender):
        return None
    return Antecedent(person.text, person.span)


def opening_pronoun(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence opens on a personal "il", "elle", "he" or "she" (not an impersonal "il y a")."""
    return _PRONOUN.match(sentence.text) is not None and needs_antecedent(sentence.text, doc.language or "fr")


def named(doc: Document, sentence: Sentence, text: str) -> tuple[str, Antecedent | None]:
    """``text`` (the sentence as the article would write it) with its opening pronoun written as the person's name,
    and the antecedent; the text as it is and None when there is none."""
    found = antecedent(doc, sentence)
    opening = _PRONOUN.match(text)
    if found is None or opening is None:
        return text, None
    return text[: opening.start("pronoun")] + found.name + text[opening.end("pronoun") :], found


def _a_name(text: str) -> bool:
    """A person's name as an article may write it: capitalised words ("Jérôme Kerviel", "M. Bouton"), the last of
    two letters or more; not a description the tagger took for a name ("le pape", "Le garçon", "Boris P"), nor a
    name with a full stop inside ("RTL.Ce")."""
    words = text.split()
    if not words or words[0].lower() in _ARTICLES or any("." in w.rstrip(".") for w in words):
        return False  # "RTL.Ce": two sentences run together
    return all(w[0].isupper() for w in words) and len(words[-1]) > 1


def _one_person(names: list[str]) -> bool:
    """Whether the names are one person's: each the longest or its end ("Kerviel", "Jérôme Kerviel"; not "Marine Le
    Pen" and "Jean-Marie Le Pen")."""
    if not names:
        return False
    longest = max(names, key=len)
    return all(name == longest or longest.endswith(f" {name}") for name in names)


def _cut(doc: Document, person: Mention) -> bool:
    """A name the tagger cut out of a longer one ("Pierre Pernaut" of "Jean-Pierre Pernaut"): a letter or a hyphen
    right before it."""
    before = doc.text[person.span.start - 1 : person.span.start] if person.span.start else ""
    return bool(before) and (before.isalpha() or before in "-‐")


def _previous(doc: Document, sentence: Sentence) -> Sentence | None:
    earlier = [s for s in doc.sentences if s.span.end <= sentence.span.start]
    return earlier[-1] if earlier else None


@lru_cache(maxsize=1 << 12)
def _speaks(text: str, language: str) -> bool:
    """Whether the opening pronoun is the subject (active) of a verb of speech or of will, which only a person or a
    body has ("Il a ajouté", "Elle compte", "He said"; not "Il a été soutenu par 180 pays", "Elle avait provoqué des
    inondations"), by the parser."""
    parser = article_parser(language)
    if parser is None:
        return False
    parsed = parser(text)
    pronoun = next((t for t in parsed if not t.is_space and not t.is_punct), None)
    if pronoun is None or pronoun.dep_ != "nsubj":
        return False
    verb = pronoun.head
    if SPEECH_WORD.fullmatch(verb.text):
        return True
    # a verb of will with what is willed ("Elle compte mettre en valeur", not "Elle compte 300 habitants")
    return _WILL.fullmatch(verb.text) is not None and any(c.dep_ in _WILLED for c in verb.children)


@lru_cache(maxsize=1 << 12)
def _subjects(text: str, language: str) -> tuple[int, ...]:
    """Where the subjects of the sentence's main verb start (character offsets), by the parser; none without one.
    Remembered: a candidate's sentence is written out several times."""
    parser = article_parser(language)
    if parser is None:
        return ()
    return tuple(t.idx for t in parser(text) if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT")
