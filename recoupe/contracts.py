"""Checked contracts: a stage sees only the fields it declared it requires.

With the setting ``check_contracts`` (for tests and plug-in authors), each stage receives its input with every field it
did not declare replaced by a :class:`Withheld` value: reading one, iterating it, comparing it or testing its truth
raises, and the pipeline then fails with :class:`~recoupe.errors.ContractError` naming the stage and the field, even
if the stage caught the exception. Fields a stage did not touch are given back after it.

A document's fields are named as in :class:`~recoupe.model.Document`; a corpus stage's ``stories`` covers a story's
fields except those later stages assign on their own (:data:`STORY_FIELDS`).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, NoReturn

from .errors import ContractError
from .model import Corpus, Document, Story

__all__ = ["INITIAL", "STORY_FIELDS", "Withheld", "give_back", "withhold"]

#: what a document carries before any stage ran: what its reader gave (``Document.from_raw``)
INITIAL = frozenset({"id", "source", "raw", "title", "outlet", "url", "published"})
#: story fields assigned by a stage after ``stories``, each under its own name
STORY_FIELDS = frozenset({"conflicts", "copies", "summary"})


class Withheld:
    """A field the running stage did not declare: any use of it is recorded and raises."""

    __slots__ = ("_field", "_seen", "_stage")

    def __init__(self, field: str, stage: str, seen: list[str]) -> None:
        object.__setattr__(self, "_field", field)
        object.__setattr__(self, "_stage", stage)
        object.__setattr__(self, "_seen", seen)

    def _read(self, *args: Any, **kwargs: Any) -> NoReturn:
        field = object.__getattribute__(self, "_field")
        object.__getattribute__(self, "_seen").append(field)
        stage = object.__getattribute__(self, "_stage")
        raise ContractError(f"stage '{stage}'", f"reads '{field}', which it does not declare in requires")

    def __getattr__(self, name: str) -> NoReturn:
        self._read()

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = __str__ = __format__ = _read
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __add__ = __radd__ = __float__ = __int__ = _read  # type: ignore[assignment]
    __hash__ = _read  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<withheld {object.__getattribute__(self, '_field')}>"


def withhold(corpus: Corpus, stage: str, requires: frozenset[str], seen: list[str]) -> Corpus:
    """The corpus as the stage may see it."""
    docs = tuple(_document(d, stage, requires, seen) for d in corpus.documents)
    if "stories" not in requires:
        return replace(corpus, documents=docs, stories=Withheld("stories", stage, seen))  # type: ignore[arg-type]
    stories = tuple(_story(s, stage, requires, seen) for s in corpus.stories)
    return replace(corpus, documents=docs, stories=stories)


def give_back(result: Corpus, original: Corpus) -> Corpus:
    """The stage's result with the fields it left withheld restored from its input."""
    before = {d.id: d for d in original.documents}
    docs = tuple(_restore(d, before.get(d.id)) for d in result.documents)
    if isinstance(result.stories, Withheld):
        return replace(result, documents=docs, stories=original.stories)
    earlier = {s.id: s for s in original.stories} if not isinstance(original.stories, Withheld) else {}
    return replace(result, documents=docs, stories=tuple(_restore(s, earlier.get(s.id)) for s in result.stories))


def _document(doc: Document, stage: str, requires: frozenset[str], seen: list[str]) -> Document:
    hidden: dict[str, Any] = {f.name: Withheld(f.name, stage, seen) for f in fields(Document)}
    return replace(doc, **{name: value for name, value in hidden.items() if name not in requires | INITIAL})


def _story(story: Story, stage: str, requires: frozenset[str], seen: list[str]) -> Story:
    hidden: dict[str, Any] = {name: Withheld(name, stage, seen) for name in STORY_FIELDS - requires}
    return replace(story, **hidden)


def _restore(value: Any, before: Any) -> Any:
    if before is None:
        return value
    kept = {f.name: getattr(before, f.name) for f in fields(value) if isinstance(getattr(value, f.name), Withheld)}
    return replace(value, **kept) if kept else value
