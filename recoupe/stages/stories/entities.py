"""One entity per real-world referent across a story's reports.

Surface forms are linked by rules, each a reason two names are one referent:

- spelling: the same letters once case, accents, doubled letters, ``sh``/``ch`` and
  ``ou``/``u`` are folded (Daech/Daesh, Raqqa/Raqa, Mossoul/Mosul);
- aliases: a short curated list (``recoupe/data/aliases.tsv``) for what no spelling rule
  links (EI/Daech/Etat islamique);
- acronyms: an all-capitals form made of another form's initials (ONU, EI);
- typos: two person names of 8+ letters that differ by a letter or two (Jean-Ybes/Jean-Yves);
- short forms: a person's surname alone, or with a title (Carter, M. Carter, Le Drian).

What no rule links stays apart (Mossoul is not Raqqa; Hollande is not Le Drian).
Every form is then looked for again in the story's texts, so a name the tagger
missed in one sentence is still a mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib.resources import files

from ...lexicon.names import fold, phonetic
from ...model import Document, EntityLabel, Span, StoryEntity

__all__ = ["aliases", "merge_entities"]

#: two person names at least this alike (difflib ratio) are one name mistyped; 'Jean-Ybes Le Drian'
#: against 'Jean-Yves Le Drian' is 0.94, 'François Hollande' against 'François Fillon' 0.69
TYPO_RATIO = 0.9
TYPO_MIN_CHARS = 8
_STOP = {"de", "des", "du", "la", "le", "les", "l", "d", "of", "the", "and", "et", "für", "der", "die"}


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, EntityLabel]]:
    """Phonetic key of every listed variant -> (canonical name, type)."""
    table: dict[str, tuple[str, EntityLabel]] = {}
    for line in files("recoupe.data").joinpath("aliases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, canonical, *variants = line.split("\t")
        for variant in (canonical, *variants):
            table[phonetic(variant)] = (canonical, label)  # type: ignore[assignment]
    return table


@dataclass
class _Form:
    text: str
    label: EntityLabel
    count: int


class _Groups:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.parent[self.root(a)] = self.root(b)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-']+", fold(name)) if w and w not in _STOP).upper()


def _link(forms: dict[str, _Form], groups: _Groups) -> None:
    keys = list(forms)
    by_phonetic: dict[str, str] = {}
    for key in keys:
        for sound in (phonetic(key), aliases().get(phonetic(key), ("",))[0]):
            if sound:
                sound = phonetic(sound)
                if sound in by_phonetic:
                    groups.join(key, by_phonetic[sound])
                by_phonetic.setdefault(sound, key)
    for a, b in _candidate_pairs(forms):
        if _same_referent(forms[a], forms[b]):
            groups.join(a, b)


def _candidate_pairs(forms: dict[str, _Form]) -> Iterator[tuple[str, str]]:
    """The ordered pairs ``_same_referent`` can accept, without trying every pair (a story of 400 reports has
    thousands of names): an acronym and the names with its initials; two names of persons with the same first letter
    and lengths at most 2 apart (a typo); two with the same last word (a surname alone)."""
    by_initials: dict[str, list[str]] = {}
    by_start: dict[tuple[str, int], list[str]] = {}
    by_last: dict[str, list[str]] = {}
    for key, form in forms.items():
        by_initials.setdefault(_initials(form.text), []).append(key)
        if form.label == "PER":
            folded = fold(form.text)
            by_start.setdefault((folded[:1], len(folded)), []).append(key)
            by_last.setdefault(_last_word(folded), []).append(key)
    for a, form in forms.items():
        near: set[str] = set()
        if form.text.isupper() and 2 <= len(form.text) <= 6:
            near.update(by_initials.get(form.text, ()))
        if form.label == "PER":
            folded = fold(form.text)
            for length in range(len(folded) - 2, len(folded) + 3):
                near.update(by_start.get((folded[:1], length), ()))
            near.update(by_last.get(_last_word(folded), ()))
        near.discard(a)
        yield from ((a, b) for b in sorted(near))


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


def _same_referent(a: _Form, b: _Form) -> bool:
    if a.text.isupper() and 2 <= len(a.text) <= 6 and a.text == _initials(b.text):
        return True
    if a.label != "PER" or b.label != "PER":
        return False
    fa, fb = fold(a.text), fold(b.text)
    if (
        abs(len(fa) - len(fb)) <= 2
        and fa[:1] == fb[:1]
        and len(fa) >= TYPO_MIN_CHARS
        and len(fb) >= TYPO_MIN_CHARS
        and SequenceMatcher(None, fa, fb).ratio() >= TYPO_RATIO
    ):
        return True
    short, long_ = fa.split(), fb.split()
    return 0 < len(short) < len(long_) and long_[-len(short) :] == short


def _sentence_initial(doc: Document, mention_start: int) -> bool:
    return any(sentence.span.start == mention_start for sentence in doc.sentences)


def _common_word(text: str, words: set[str]) -> bool:
    """One capitalised word the texts also write in lower case is a word, not a name ('Défense')."""
    if " " in text or "-" in text or text.isupper() or phonetic(text) in aliases():
        return False
    return text.lower() in words


def _weak(mentions: list[tuple[Document, int, str]], words: set[str]) -> bool:
    """A common word, or a form seen once opening a sentence (one word, or holding a digit or an
    elision), is a capital letter, not a name ('Interrogés', 'Lancée lundi 17')."""
    if _common_word(mentions[0][2], words):
        return True
    if len(mentions) != 1:
        return False
    doc, start, text = mentions[0]
    shaped = " " not in text or any(ch.isdigit() for ch in text) or "'" in text or "’" in text
    return shaped and _sentence_initial(doc, start) and phonetic(text) not in aliases()


def merge_entities(docs: Sequence[Document]) -> tuple[StoryEntity, ...]:
    seen: dict[str, list[tuple[Document, int, str]]] = {}
    labels: dict[str, Counter[EntityLabel]] = {}
    for doc in docs:
        for mention in doc.mentions:
            seen.setdefault(mention.text, []).append((doc, mention.span.start, mention.text))
            labels.setdefault(mention.text, Counter())[mention.label] += 1
    lower_words = {w for d in docs for w in re.findall(r"\b[a-zà-ÿ][\w’'-]*", d.text)}
    forms = {
        text: _Form(text, labels[text].most_common(1)[0][0], len(found))
        for text, found in seen.items()
        if not _weak(found, lower_words)
    }
    groups = _Groups(forms)
    _link(forms, groups)
    members: dict[str, list[_Form]] = {}
    for key, form in forms.items():
        members.setdefault(groups.root(key), []).append(form)
    named = [(*_name(group), [f.text for f in group]) for group in members.values()]
    spans = _find_all([forms for _, _, forms in named], docs)
    entities = sorted(
        ((name, label, spans[i]) for i, (name, label, _) in enumerate(named) if spans[i]),
        key=lambda e: (-len(e[2]), e[0]),
    )
    return tuple(
        StoryEntity(id=f"e{n}", name=name, type=label, mentions=found)
        for n, (name, label, found) in enumerate(entities, start=1)
    )


def _name(group: list[_Form]) -> tuple[str, EntityLabel]:
    """The listed canonical name, else the fullest, most frequent spelling; the type most mentions have."""
    listed = next((aliases()[phonetic(f.text)] for f in group if phonetic(f.text) in aliases()), None)
    if listed:
        return listed
    votes: Counter[EntityLabel] = Counter()
    for form in group:
        votes[form.label] += form.count
    best = max(group, key=lambda f: (len(fold(f.text).split()), f.count, -len(f.text)))
    return best.text, votes.most_common(1)[0][0]


#: where a word starts, and what a word is made of (as ``\w`` in a regular expression)
_WORD_START = re.compile(r"(?<!\w)\w")
_WORD_CHAR = re.compile(r"\w")


def _find_all(groups: list[list[str]], docs: Sequence[Document]) -> list[tuple[Span, ...]]:
    """Every occurrence of every group's forms, the longest form winning where two start together (a form is
    looked for only where a word starts with its first two characters: one pass per text however many forms)."""
    owner = {form: g for g, forms in enumerate(groups) for form in forms}
    found: list[list[Span]] = [[] for _ in groups]
    if not owner:
        return []
    by_start: dict[str, list[str]] = {}
    for form in sorted(owner, key=len, reverse=True):
        by_start.setdefault(form[:2], []).append(form)
    for doc in docs:
        text, resume = doc.text, 0
        for word in _WORD_START.finditer(text):
            at = word.start()
            if at < resume:
                continue
            for form in by_start.get(text[at : at + 2], ()):
                end = at + len(form)
                if text.startswith(form, at) and not (end < len(text) and _WORD_CHAR.match(text[end])):
                    found[owner[form]].append(Span(doc.id, at, end))
                    resume = end
                    break
    return [tuple(spans) for spans in found]
