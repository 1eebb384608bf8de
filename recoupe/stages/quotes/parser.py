"""The speaker of a quote read from the dependency parse of its sentence, for the quotes stage's last try.

The quote rules read the words around the quote marks. When none of them names a speaker, the sentence is parsed
(spaCy's French parser, loaded only then) and a verb of speech linked to the quote (governing its words, or governed
by them as an incise is) gives its subject: "Dans Les Echos, Dominique Seux pense lui aussi que « … »", after another
speaker's quote, gives Dominique Seux. A subject that names nobody ("un proche") gives None, as the rules do.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Document, Quote
from ...resources import dependency_parser
from .attribution import unnamed
from .organisations import first_organisation
from .speakers import Speakers, sentence_end, sentence_start
from .speech import SPEECH_ANYWHERE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["LONGEST_SENTENCE", "parsed_speaker"]

#: a longer "sentence" is a paragraph the sentence splitter could not cut: not parsed
LONGEST_SENTENCE = 1500
_VERB = SPEECH_ANYWHERE
#: the tagger's part of speech is not trusted for a verb of speech (a participle may be tagged an adjective); the
#: regular expression has already left out the nouns of the same root ("déclaration")
_VERB_TAGS = frozenset({"VERB", "AUX", "ADJ", "NOUN"})
#: an incise's subject comes after its verb, and the parser may take it for the verb's object
_INVERTED = frozenset({"obj", "obl:mod", "nsubj:pass"})
_PRONOUNS = frozenset({"il", "elle"})
#: relations that hang a clause with its own speaker on the verb: adverbial ("tandis que"), relative ("selon qui"),
#: coordinated
_OTHER_CLAUSE = frozenset({"advcl", "acl", "acl:relcl", "conj"})


def parsed_speaker(doc: Document, who: Speakers, qstart: int, qend: int, earlier: list[Quote]) -> str | None:
    """The speaker the parse of the sentence around [qstart, qend) gives, if the language has a parser."""
    text = doc.text
    start, end = sentence_start(text, qstart), sentence_end(text, qend)
    if not 0 < end - start <= LONGEST_SENTENCE:
        return None
    if not _VERB.search(f"{text[start:qstart]} {text[qend:end]}"):  # no verb of speech outside the quote to parse for
        return None
    sentence = _parse(doc.language or "fr", text[start:end])
    if sentence is None:
        return None
    quoted = {t.i for t in sentence if qstart <= start + t.idx < qend}
    if not quoted:
        return None
    first, last = min(quoted), max(quoted)
    verbs = [t for t in sentence if t.i not in quoted and t.pos_ in _VERB_TAGS and _VERB.fullmatch(t.text)]
    for verb in sorted(verbs, key=lambda v: min(abs(v.i - first), abs(v.i - last))):
        if not _linked(verb, quoted):
            continue
        subject = _subject(verb, quoted, last)
        if subject is None:
            continue
        if subject.pos_ == "PRON":
            return who.antecedent(doc, qstart, earlier) if subject.lower_ in _PRONOUNS else None
        left, right = start + subject.left_edge.idx, start + subject.right_edge.idx + len(subject.right_edge.text)
        phrase = text[left:right]
        if unnamed(phrase):
            return None
        people = who.persons(doc, left, right)
        return (
            (people[0].text if people else None)
            or first_organisation(doc, left, right)
            or who.role_in(phrase, doc)
            or who.described(doc, phrase, left, earlier)
        )
    return None


@lru_cache(maxsize=256)
def _parse(language: str, sentence: str) -> Doc | None:
    parser = dependency_parser(language)
    return parser(sentence) if parser is not None else None


def _linked(verb: Token, quoted: set[int]) -> bool:
    """Words of the quote govern the verb (an incise), or the verb governs them through no clause of another
    speaker: "X répond qu'elle aimerait « … », tandis que Le Point cite un conseiller selon qui il faudra « … »"
    does not give the second quote to X."""
    if any(a.i in quoted for a in verb.ancestors):
        return True
    for token in (t for t in verb.subtree if t.i in quoted):
        while token.i != verb.i:
            if token.head.i not in quoted and token.dep_ in _OTHER_CLAUSE:
                break
            token = token.head
        else:
            return True
    return False


def _subject(verb: Token, quoted: set[int], last: int) -> Token | None:
    found = [c for c in verb.children if c.dep_ == "nsubj" and c.i not in quoted]
    if not found and verb.i > last:  # "… », renchérit Olivier Gasnier": the parser may read him as the object
        found = [c for c in verb.children if c.dep_ in _INVERTED and c.i > verb.i and c.pos_ in ("PROPN", "NOUN")]
    if not found or any(t.i in quoted for t in found[0].subtree):
        return None
    return found[0]
