"""One key for the several names of one speaker in a batch of reports (issue 18).

Two names are one speaker when the reports make it checkable:

- a person's full name and its surname ("François Hollande", "Hollande", "M. Hollande") share the surname;
- an acronym and its spelt-out form ("CIO", "Comité international olympique") share the acronym when a report
  spells it out ("le Comité international olympique (CIO)", "la CNCE (Caisse d'Epargne, ndlr)"), or when the
  acronym is written in the reports and is the name's initials (three letters or more: two-letter initials are too
  easily someone else's);
- the first two words or more of one spelt-out form ("Parti communiste" for the "Parti communiste français (PCF)").

What the reports do not link stays apart: "Parti socialiste" is not the "PCF".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ...lexicon.names import fold
from ...model import Document
from .organisations import ACRONYM, spelled_out

__all__ = ["SpeakerNames", "merge_surnames", "people"]

#: little words an acronym leaves out
_UNSPELT = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "of", "the", "and", "für", "der", "die", "m", "mme"}
#: words before a surname that are no first name
_TITLES = {
    "m",
    "mme",
    "mlle",
    "me",
    "dr",
    "mr",
    "mrs",
    "ms",
    "herr",
    "frau",
    "pr",
    "mgr",
    "van",
    "von",
    "di",
    "da",
    "al",
    "el",
}
#: an acronym followed by what it stands for: "la CNCE (Caisse nationale des Caisses d'Épargne)"
_GLOSS = re.compile(r"\b([A-Z][A-Z0-9]{1,5})\s*\(\s*([A-ZÀ-Ý][^()\n,;]{3,80}?)\s*(?:[,;][^()]*)?\)")
#: the fewest letters of initials that, with the acronym written in the reports, make a name that acronym
_INITIALS_MIN = 3


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", fold(name))


def _initials(name: str) -> str:
    return "".join(w[0] for w in _words(name) if w not in _UNSPELT).upper()


class SpeakerNames:
    """The acronyms a batch of reports writes and spells out; ``key`` maps each speaker's name to one key."""

    def __init__(self, texts: Iterable[str], people: Iterable[str] = ()) -> None:
        """``texts``: the batch's reports; ``people``: the persons' names they write (the tagger's), so that two people
        of one surname ("Marine Le Pen", "Jean-Marie Le Pen") keep two keys."""
        self._first_names: dict[str, set[str]] = {}  # surname -> the first names written before it
        for person in people:
            words = _words(person)
            if len(words) > 1 and len(words[0]) > 1 and words[0] not in _TITLES | _UNSPELT:
                self._first_names.setdefault(words[-1], set()).add(words[0])
        self._acronyms: set[str] = set()
        self._expansions: dict[str, str] = {}  # folded spelt-out form -> its acronym
        for text in texts:
            written = set(ACRONYM.findall(text))
            self._acronyms |= written
            for acronym in written:
                full = spelled_out(text, acronym)
                if full:
                    self._expansions[" ".join(_words(full))] = acronym
            for gloss in _GLOSS.finditer(text):
                if _initials(gloss.group(2))[:1] == gloss.group(1)[:1]:  # not "FO (Jean-Claude Mailly)"
                    self._expansions.setdefault(" ".join(_words(gloss.group(2))), gloss.group(1))
        self._keys: dict[str, str] = {}

    def key(self, name: str) -> str:
        """The speaker's key: its acronym for an organisation the reports abbreviate, else the last word of its name
        (a person's surname), folded; the whole name when the reports write two people of that surname."""
        known = self._keys.get(name)
        if known is None:
            known = self._keys[name] = self._key(name)
        return known

    def _key(self, name: str) -> str:
        words = _words(name)
        if not words:
            return ""
        stripped = name.strip()
        if stripped.isupper() and " " not in stripped:
            return stripped
        acronym = self._expansions.get(" ".join(words)) or self._shortened(words)
        if acronym:
            return acronym
        initials = _initials(name)
        if len(words) > 1 and len(initials) >= _INITIALS_MIN and initials in self._acronyms:
            return initials
        if len(words) > 1 and len(self._first_names.get(words[-1], ())) > 1:
            return " ".join(words)  # two people of this surname in the batch: the full name
        return words[-1]

    def _shortened(self, words: list[str]) -> str | None:
        """The acronym of the one spelt-out form that begins with these two words or more ("Parti communiste" for
        the "Parti communiste français", PCF)."""
        if len(words) < 2:
            return None
        start = " ".join(words) + " "
        found = {acronym for full, acronym in self._expansions.items() if full.startswith(start)}
        return found.pop() if len(found) == 1 else None

    def same(self, a: str, b: str) -> bool:
        return self.key(a) == self.key(b)


def people(docs: Iterable[Document]) -> list[str]:
    """The persons' names the reports write (the tagger's PER mentions)."""
    return [m.text for d in docs for m in d.mentions if m.label == "PER"]


def merge_surnames(counts: Counter[str]) -> None:
    """A surname written alone counts for the one full name the report gives with it ("Hollande" for "François
    Hollande"): one person, not two rivals; with two full names of that surname it stays apart."""
    full: dict[str, list[str]] = {}
    for name in counts:
        if " " in name:
            full.setdefault(name.split()[-1], []).append(name)
    for name in [n for n in counts if " " not in n and len(full.get(n, ())) == 1]:
        counts[full[name][0]] += counts.pop(name)
