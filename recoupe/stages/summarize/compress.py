"""Sentence compression: a source sentence with the words an article can do without left out, so that the word
budget holds more facts (issue 21).

Each rule deletes one stretch of the sentence and is kept only where what remains still stands (``stands``): a
sentence's closing punctuation, at least ``MIN_WORDS`` words, a finite verb form, no opening pronoun or connective
whose antecedent would be missing. Nothing is ever added or reordered (but for the capital of a new first word), so
every content word of a compressed sentence is in the span it cites.

- ``dateline``: a wire dateline before the sentence ("WASHINGTON (CNN) -- ", "PARIS (AFP) - ");
- ``trailing_attribution``: a closing attribution of a statement of fact (", a indiqué le parquet.", ", selon
  l'AFP.", ", police said.", ", according to the BBC.");
- ``incidental``: a non-restrictive relative clause (", qui ...,", ", which ...,") or a closing participial clause
  (", estimant que ...", ", raising the possibility ...").

Also written, and left out of ``RULES`` by measurement (see there): ``aside``, a short parenthetical aside
("(AEST, 1.06am AEDT)"); ``leading_attribution``, an opening one ("Selon la police, ", "Police said the train ..."
-> "The train ..."); ``connective``, an opening connective ("Par ailleurs, ", "However, ").

Attributions stay on a sentence that quotes (quotation marks, or a direct quote the quotes stage found) and on one
that gives an opinion (a verb of opinion, or a modal: "must", "should", "devrait"): the editor's checklist wants
words and opinions attributed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Document, Sentence
from .antecedent import named
from .checklist import needs_antecedent
from .when import absolute_days

__all__ = ["MIN_WORDS", "RULES", "as_written", "shorten", "stands"]

#: a compressed sentence keeps at least this many words (candidates.MIN_WORDS for a whole sentence)
MIN_WORDS = 6
#: a dateline has at most this many words
DATELINE_WORDS = 7
#: the fewest letters of a dateline's place written in capitals with no credit in brackets ("PARIS -", not "PS -")
DATELINE_CAPITALS = 5
#: an aside of more words is part of the sentence's content, not an aside
ASIDE_WORDS = 12

#: verbs that report a fact (not an opinion, nor a claim: "a affirmé", "a assuré", "a déclaré" stay): their
#: attribution may go
_FR_REPORT = (
    r"indiqu[ée]|pr[ée]cis[ée]|annonc[ée]|expliqu[ée]|ajout[ée]|confirm[ée]|rapport[ée]|rappel[ée]|signal[ée]|"
    r"relev[ée]|not[ée]|racont[ée]|fait savoir|communiqu[ée]|appris"
)
_EN_REPORT = r"said|says|told|reported|announced|added|confirmed|stated|explained|reports|announces|adds"
_QUOTE_MARKS = re.compile(r"[\"«»“”„]|''|``")
#: words that make a statement an opinion or a forecast, which must stay attributed
_OPINION = {
    "fr": re.compile(
        r"\b(?:estim\w*|jug\w*|d[ée]non\w*|regrett\w*|critiqu\w*|consid[èée]r\w*|crain\w*|pens\w*|croi\w*|"
        r"devr\w*|doi\w*|faut|faudr\w*|pourr\w*|selon (?:lui|elle|eux)|inacceptable|scandal\w*|"
        # a forecast: the future or the conditional, or a word that says one
        r"\w+(?:era|eront|ira|iront|rait|raient)|pr[ée]vi\w*|pr[ée]voi\w*|pr[ée]vu\w*|pronosti\w*|anticip\w*|"
        r"projection\w*|estimation\w*|attendu\w*)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:believ\w*|think\w*|thought|argu\w*|claim\w*|warn\w*|feel\w*|fear\w*|hope\w*|must|should|would|"
        r"could|might|may|ought|unacceptable|will|shall|expect\w*|forecast\w*|predict\w*|estimat\w*|projected|"
        r"projection\w*|likely)\b",
        re.IGNORECASE,
    ),
}
#: a closing attribution: ", a indiqué le parquet." / ", indique le parquet." / ", selon l'AFP." / ", a-t-il précisé."
_FR_TRAILING = re.compile(
    rf",\s+(?:(?:a|ont|avait|avaient)(?:-t-(?:il|elle|on|ils|elles))?\s+(?:{_FR_REPORT})|"
    r"(?:indique|pr[ée]cise|annonce|explique|ajoute|confirme|rapporte|rappelle|souligne)"
    r"(?:-t-(?:il|elle|on))?|selon|d'apr[èe]s)\b(?P<tail>[^,;:\"«»“”]{0,80})(?P<end>[.!])\s*$",
    re.IGNORECASE,
)
_EN_TRAILING = re.compile(
    rf",\s+(?P<who>(?:[^\s,\"“”]+\s+){{0,7}})(?:{_EN_REPORT}|according to)\b(?P<tail>[^,;:\"“”]{{0,80}})"
    r"(?P<end>[.!])\s*$"
)
#: words that open a clause: an attribution holding one is more than an attribution ("..., and police said it was")
_JOINS = r"and|but|or|which|who|whom|that|as|while|when|after|before|because|if|qui|que|qu'|et|mais|lorsque|quand"
_CLAUSE = re.compile(
    rf"\b(?:{_JOINS}|it|he|she|they|we|il|elle|ils|elles|on)\b|\b(?:is|was|were|are|has|had|have|will|est|sont|"
    r"était|ont)\b",
    re.IGNORECASE,
)
#: a clause that denies or disputes what the sentence says is not incidental
_DENIAL = re.compile(
    r"\b(?:deni\w*|deny\w*|dispute\w*|contest\w*|contradict\w*|refut\w*|reject\w*|retract\w*|false|untrue|"
    r"d[ée]ment\w*|d[ée]menti\w*|ni[ée]\w*|nie|nient|contredi\w*|r[ée]fut\w*|rejet\w*|faux|fausse\w*|erron\w*)\b",
    re.IGNORECASE,
)
_JOIN = re.compile(rf"\b(?:{_JOINS})\b", re.IGNORECASE)
#: an opening attribution: "Selon la police, ..." / "According to officials, ..."
_LEADING = {
    "fr": re.compile(r"^(?:Selon|D'apr[èe]s|D’apr[èe]s)\s+[^,;:\"«»“”]{2,60},\s+(?P<rest>.+)$", re.DOTALL),
    "en": re.compile(r"^According to\s+[^,;:\"“”]{2,60},\s+(?P<rest>.+)$", re.DOTALL),
}
#: "Police said the train ..." / "Le parquet a indiqué que deux hommes ...": a short subject, the verb, the clause
_REPORTED = {
    "fr": re.compile(
        rf"^[^,;:\"«»“”]{{2,60}}?\s+(?:a|ont)\s+(?:{_FR_REPORT})(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|"
        r"samedi|dimanche|hier|aujourd'hui))?\s+qu(?:e\s+|')(?P<rest>.+)$",
        re.DOTALL,
    ),
    "en": re.compile(
        r"^(?:[^\s,;:\"“”]+\s+){1,7}?(?:said|says)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday|yesterday|today))?(?:\s+that)?\s+(?P<rest>[a-zA-Z].+)$",
        re.DOTALL,
    ),
}
#: a dateline: capitalised words, numbers and a credit in parentheses, then a dash ("Santiago, Chile, Jan. 5 (UPI) --")
_DATELINE = re.compile(
    r"^\W*(?P<where>[A-ZÉÈ][\w'.]*(?:,?\s+(?:[A-ZÉÈ\d][\w'.]*|\([^()]{1,30}\)))*)\s*(?:--|[-–—])\s+(?P<rest>\S.+)$",
    re.DOTALL,
)
_ASIDE = re.compile(r"\s+\((?P<inside>[^()\"«»“”]{1,120})\)(?=[\s,.;:])")
#: ", which ...," (or at the end ", which ....") and ", raising ...." / ", qui ...," and ", estimant que ....";
#: not a preposition or adverb of the same ending (", during the night.", ", pendant la nuit.")
_RELATIVE = {
    "en": re.compile(
        r",\s+(?:(?:which|who|whose)\s[^,;:()]{3,120}?(?P<mid>,\s)|(?:which|who|whose|(?!(?:during|according|"
        r"morning|evening|nothing|something|anything|spring|king)\b)[a-z]\w*ing)\s[^,;:()]{3,160}?(?=[.!]$))"
        r"(?P<end>(?<=,\s)|[.!]$)"
    ),
    "fr": re.compile(
        r",\s+(?:(?:qui|dont|lequel|laquelle|lesquels|lesquelles)\s[^,;:()]{3,120}?(?P<mid>,\s)|"
        r"(?:qui|dont|(?!(?:pendant|durant|avant|devant|maintenant|cependant|pourtant|tant|quant|auparavant|"
        r"suivant|concernant|moyennant|nonobstant|dorénavant)\b)(?-i:[a-zà-ÿ])\w*ant)\s[^,;:()]{3,160}?(?=[.!]$))"
        r"(?P<end>(?<=,\s)|[.!]$)",
        re.IGNORECASE,
    ),
}
_CONNECTIVES = {
    "fr": r"par ailleurs|en outre|de plus|d'ailleurs|en effet|cependant|toutefois|pourtant|n[ée]anmoins|enfin|ainsi|"
    r"en revanche|de son c[ôo]t[ée]|de leur c[ôo]t[ée]|pour sa part|pour leur part|d[ée]cid[ée]ment|[ée]galement|"
    r"du coup|au contraire|or|mais|donc|aussi|alors",
    "en": r"however|meanwhile|moreover|furthermore|also|in addition|besides|nevertheless|still|indeed|instead|"
    r"as a result|in fact|of course|after all|likewise|similarly|finally|but|so|yet|then|additionally",
}
#: a connective and its comma at the opening of a sentence
_CONNECTIVE = {
    lang: re.compile(rf"^(?:{words}),\s+(?P<rest>\S.+)$", re.IGNORECASE | re.DOTALL)
    for lang, words in _CONNECTIVES.items()
}
#: "c'est l'adjoint au maire, Etienne Tête, qui fait appel": the relative clause is the sentence's point
_CLEFT = re.compile(r"\b(?:c'est|c’est|ce sont|it is|it was)\b", re.IGNORECASE)
_FINITE = {
    "fr": re.compile(
        r"\b(?:est|sont|était|étaient|sera|seront|a|ont|avait|avaient|aura|auront|fait|font|va|vont|doit|doivent|"
        r"peut|peuvent|dit|reste|restent)\b|\w(?:ait|aient|era|eront|ent|é|és|ée|ées)\b"
    ),
    "en": re.compile(
        r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|did|does|do)\b"
        r"|\w(?:ed|es|s)\b"
    ),
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _attributable(text: str, language: str, quoted: bool) -> bool:
    """Whether the sentence's attribution may go: no quote, no opinion."""
    opinion = _OPINION.get(language, _OPINION["fr"])
    return not quoted and not _QUOTE_MARKS.search(text) and not opinion.search(text)


def dateline(text: str, language: str, quoted: bool) -> str:
    """ "WASHINGTON (CNN) -- Lawmakers are ..." -> "Lawmakers are ..."; a dateline gives a credit in brackets or
    its place in capitals ("PARIS -"), so that a subject and its aside ("Marine Le Pen – déjà affaiblie – a perdu")
    is not taken for one."""
    found = _DATELINE.match(text)
    if not found or len(found.group("where").split()) > DATELINE_WORDS:
        return text
    where = found.group("where")
    letters = [c for c in where if c.isalpha()]
    if "(" not in where and not (len(letters) >= DATELINE_CAPITALS and all(c.isupper() for c in letters)):
        return text
    return found.group("rest")


def aside(text: str, language: str, quoted: bool) -> str:
    """A parenthetical aside of at most ``ASIDE_WORDS`` words left out, each one on its own, unless it names (an
    acronym or a name: "(Farc)", "(BNP Paribas)", which a reader needs later) or is in a quote."""
    if quoted or _QUOTE_MARKS.search(text):
        return text
    for found in reversed(list(_ASIDE.finditer(text))):
        words = found.group("inside").split()
        if len(words) <= ASIDE_WORDS and not all(w[:1].isupper() for w in words):
            text = text[: found.start()] + text[found.end() :]
    return text


def trailing_attribution(text: str, language: str, quoted: bool) -> str:
    """ "Trois villages ont été repris, a indiqué le commandement." -> "Trois villages ont été repris."."""
    pattern = _EN_TRAILING if language == "en" else _FR_TRAILING
    found = pattern.search(text)
    if not found or not _attributable(text, language, quoted):
        return text
    if _JOIN.search(found.groupdict().get("who") or "") or _CLAUSE.search(found.group("tail")):
        return text
    return text[: found.start()] + found.group("end")


def leading_attribution(text: str, language: str, quoted: bool) -> str:
    """ "Selon la police, deux hommes ..." / "Police said two men ..." -> "Deux hommes ..." / "Two men ..."."""
    if not _attributable(text, language, quoted):
        return text
    for pattern in (_LEADING.get(language), _REPORTED.get(language)):
        found = pattern.match(text) if pattern else None
        if found and not _named_apposition(found.group("rest")):
            return _capital(found.group("rest"))
    return text


def incidental(text: str, language: str, quoted: bool) -> str:
    """A non-restrictive relative clause between commas (", which ...,", ", qui ...,") or a closing participial
    clause (", raising the possibility ...", ", estimant que ...") left out; not in a sentence that quotes, nor in a
    cleft sentence ("c'est X, qui ..."), nor after a short apposition ("Mr Kostov, 45, who ..., survived": the
    apposition's closing comma would go with the clause)."""
    pattern = _RELATIVE.get(language)
    found = pattern.search(text) if pattern and not _QUOTE_MARKS.search(text) and not _CLEFT.search(text) else None
    if not found or (found.group("mid") and "," in text[max(0, found.start() - 12) : found.start()]):
        return text
    if _DENIAL.search(found.group(0)):  # ", which police later denied.": the clause says whether the rest holds
        return text
    return text[: found.start()] + (" " if found.group("mid") else found.group("end")) + text[found.end() :]


def connective(text: str, language: str, quoted: bool) -> str:
    """ "Par ailleurs, le ministre a ..." / "However, the vote ..." -> "Le ministre a ..." / "The vote ...": a
    connective that links the sentence to the one before it in its report, which the article does not follow."""
    found = _CONNECTIVE.get(language, _CONNECTIVE["fr"]).match(text)
    return _capital(found.group("rest")) if found else text


def _named_apposition(rest: str) -> bool:
    """ "Selon le ministre, Bernard Cazeneuve, ...": what follows the comma is the speaker's name, not the clause."""
    head = rest.split(",", 1)[0].split()
    return "," in rest and len(head) <= 4 and all(w[:1].isupper() for w in head)


#: the rules, in the order they are tried. Measured on RPM2 dev and WikinewsSum (ROUGE-2 of the article, key facts of
#: tests/gold/wikinewssum-facts.jsonl): no compression 14.9 / 8.8 / 34 facts; these three 15.0 / 8.9 / 37 (dateline
#: and incidental alone 15.0 / 8.8). Left out: ``aside`` (with it 14.7 / 8.8: it drops what references keep, "(échéance
#: au 31 décembre)"); ``connective`` (14.7 / 8.8 / 38: more candidates, not better ones); ``leading_attribution``
#: (15.0 / 8.9, within noise, and "The agency said the intrusion was a highly provocative act" would state an
#: opinion as a fact: no rule here tells an evaluation from a fact)
RULES: tuple[Callable[[str, str, bool], str], ...] = (dateline, trailing_attribution, incidental)


def stands(text: str, language: str) -> bool:
    """Whether a compressed sentence still stands: closing punctuation, ``MIN_WORDS`` words, a finite verb form, no
    opening pronoun or connective."""
    finite = _FINITE.get(language)
    return (
        bool(re.search(r"[.!?…»\"”]\W*$", text.strip()))
        and len(text.split()) >= MIN_WORDS
        and (finite is None or bool(finite.search(text)))
        and not needs_antecedent(text, language)
    )


def shorten(doc: Document, sentence: Sentence, text: str | None = None) -> str:
    """The sentence (or ``text``, the sentence as already rewritten) with what each rule leaves out, where the rest
    still stands."""
    language = doc.language or "fr"
    start, end = sentence.span.start, sentence.span.end
    quoted = any(q.direct and start <= q.span.start < end for q in doc.quotes)
    text = sentence.text if text is None else text
    for rule in RULES:
        shorter = rule(text, language, quoted)
        if shorter != text and stands(shorter, language):
            text = shorter
    return text


def as_written(doc: Document, sentence: Sentence) -> tuple[str, str, tuple[str, ...]]:
    """What an article would write of the sentence: (its relative days written as dates, ``when``; that compressed,
    where every date and name it wrote survives, else the same; the dates and name written). Candidates are counted
    and selected on the second; the article writes it where the tagger still finds a verb in it. An opening pronoun is
    written as the person it stands for (``antecedent.named``), the name counted with the dates written."""
    dated, added = absolute_days(doc, sentence)
    dated, person = named(doc, sentence, dated)
    added = (*added, person.name) if person else added
    text = shorten(doc, sentence, dated)
    return dated, (text if all(a in text for a in added) else dated), added
