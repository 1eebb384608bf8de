"""Stage ``annotate``: named-entity mentions (spaCy), each with its span in the clean text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from ..config import Settings
from ..errors import RecoupeError
from ..lexicon.names import TITLED, first_names
from ..lexicon.roles import FOLLOWING, ROLE
from ..model import Document, EntityLabel, Mention, Span
from ..pipeline import stage
from ..resources import spacy_model

__all__ = ["LABELS", "PIECE_CHARS", "pieces", "tidy_mention"]

#: spaCy labels of the French (WikiNER) and English (OntoNotes) models, in the report's four types
LABELS: dict[str, EntityLabel] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
}
_ELISION = re.compile(r"^(?:[lLdD]['’]|(?:la|le|les|the|der|die|das)\s+)")
_TRAILING = re.compile(r"[\s\"'«»“”.,;:!?()\-–—]+$")
BATCH_SIZE = 32
#: characters of text spaCy reads at once: far under its nlp.max_length (1,000,000), which a long document
#: (up to max_document_bytes) would pass; the tagger looks no further than a sentence, so pieces cut at a line's
#: end find the same entities (issue 17)
PIECE_CHARS = 100_000
Entity = tuple[int, int, str]
#: a title right before a name: "M. ", "Mme ", "Dr "
_TITLE_BEFORE = re.compile(r"\b(?:M|Mme|Me|Dr|Mr|Mrs|Ms)\.?\s+$")
#: a name of two or three capitalised words ("Khieu Kanharith"), as a place or a thing the tagger took it for
_FULL_NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,2}")
#: words, then a full name ending a mention: "Premier ministre Ehud Olmert"
_LEAD_THEN_NAME = re.compile(r"^(?P<lead>.+?)\s+(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,2})$")


def tidy_mention(doc_id: str, text: str, start: int, end: int, label: EntityLabel) -> Mention | None:
    """Trim elisions, articles and punctuation off a mention; None when nothing name-like is left."""
    piece = text[start:end]
    if "\n" in piece:
        end = start + piece.index("\n")
        piece = text[start:end]
    if lead := _ELISION.match(piece):
        start += lead.end()
    if tail := _TRAILING.search(text[start:end]):
        end = start + tail.start()
    piece = text[start:end]
    if len(piece) < 2 or not (piece[0].isupper() or piece[0].isdigit()):
        return None
    return Mention(Span(doc_id, start, end), piece, label)


def pieces(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """``text`` in pieces of at most ``limit`` (PIECE_CHARS) characters, each with its offset, cut after a line
    (else a space)."""
    limit = limit or PIECE_CHARS
    found: list[tuple[int, str]] = []
    start = 0
    while start < len(text) or not found:
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), -1)
            cut = cut if cut > start else text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        found.append((start, text[start:end]))
        start = end
    return found


def _parse(nlp: Any, docs: Sequence[Document]) -> list[list[Entity]]:
    """Each document's entities (start, end, spaCy label), its long texts parsed in pieces."""
    jobs = [(i, offset, piece) for i, d in enumerate(docs) for offset, piece in pieces(d.text)]
    found: list[list[Entity]] = [[] for _ in docs]
    parsed = nlp.pipe((piece for _, _, piece in jobs), batch_size=BATCH_SIZE)
    for (i, offset, _), result in zip(jobs, parsed, strict=True):
        found[i].extend((offset + e.start_char, offset + e.end_char, e.label_) for e in result.ents)
    return found


def _mentions(doc: Document, entities: Sequence[Entity]) -> tuple[Mention, ...]:
    found = []
    for start, end, spacy_label in entities:
        label = LABELS.get(spacy_label)
        if label is None:
            continue
        mention = tidy_mention(doc.id, doc.text, start, end, label)
        if mention is not None:
            found.append(_person_by_context(doc.text, mention))
    for match in TITLED.finditer(doc.text):
        start, end = match.span("title")
        if not any(m.span.start < end and start < m.span.end for m in found):
            found.append(Mention(Span(doc.id, start, end), match.group("title"), "PER"))
    return tuple(sorted(found, key=lambda m: m.span.start))


def _person_by_context(text: str, mention: Mention) -> Mention:
    """A full name the tagger took for a place or a thing is a person when a role follows it ("Khieu Kanharith,
    porte-parole du gouvernement") or a title comes before it ("M. Sompong Amornvivat"). A mention that runs a role
    into a name ("Premier ministre Ehud Olmert", "[ministre de la] Défense Tea Banh") is the person's name."""
    if mention.label == "PER":
        return mention
    lead = _LEAD_THEN_NAME.match(mention.text)
    if lead:
        start = mention.span.start
        name_at = lead.start("name")
        words = lead.group("name").split()
        if len(words) == 3 and words[0] not in first_names():  # "[Société] Générale Daniel Bouton": two words
            name_at = mention.text.index(words[1], name_at + len(words[0]))
        context = text[max(0, start - 60) : start] + mention.text[:name_at].rstrip()
        role = ROLE.search(context)
        if (role and role.end() == len(context)) or ROLE.fullmatch("le " + mention.text[:name_at].rstrip()):
            return Mention(Span(mention.span.doc, start + name_at, mention.span.end), mention.text[name_at:], "PER")
    if mention.label not in ("LOC", "MISC") or not _FULL_NAME.fullmatch(mention.text):
        return mention
    start, end = mention.span.start, mention.span.end
    role = FOLLOWING.match(text, end) if text[end : end + 1] == "," else None
    if role or _TITLE_BEFORE.search(text[max(0, start - 5) : start]):
        return replace(mention, label="PER")
    return mention


@stage("annotate", version="3", requires=["text", "language"], assigns=["mentions"])
def make_annotate(settings: Settings):  # type: ignore[no-untyped-def]
    class Annotate:
        def __call__(self, doc: Document) -> Document:
            if doc.partly_analysed:  # no entity model for its language
                return replace(doc, mentions=())
            [entities] = _parse(spacy_model(doc.language or "fr"), [doc])
            return replace(doc, mentions=_mentions(doc, entities))

        def batch(self, docs: Sequence[Document]) -> Iterator[Document | RecoupeError]:
            """nlp.pipe per language, in input order."""
            done = {i: replace(d, mentions=()) for i, d in enumerate(docs) if d.partly_analysed}
            for language in sorted({d.language or "fr" for d in docs if not d.partly_analysed}):
                indices = [i for i, d in enumerate(docs) if (d.language or "fr") == language]
                found = _parse(spacy_model(language), [docs[i] for i in indices])
                for i, entities in zip(indices, found, strict=True):
                    done[i] = replace(docs[i], mentions=_mentions(docs[i], entities))
            return iter([done[i] for i in range(len(docs))])

    return Annotate()
