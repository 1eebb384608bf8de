"""The sentences an article may use, each with what selection needs: its vector, position, words and score.

A sentence is a candidate when it is of a readable length, is not a question, and passes the editor's checklist
(``checklist``: no headline, credit or fragment by its form; no opening pronoun or connective; no unattributed
opinion). It is compressed (``compress``) before selection, and counts the words it has once compressed. In a story
with a fully analysed report, a partly analysed one (a language without models: ``Document.partly_analysed``) gives no
candidate: the checklist could not vet its sentences (no entities, no quotes' speakers), and its language is not the
article's (WikinewsSum: Portuguese sentences in English articles; ROUGE-2 8.8 -> 9.0 there, RPM2 dev unchanged). Its score is its centrality (cosine with the story's mean sentence vector), its cross-document support (the
share of other reports with a close sentence) and a prior for the first sentences of a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ...model import Document, Sentence
from .antecedent import antecedent
from .checklist import headline_form, needs_antecedent, unattributed
from .compress import as_written

__all__ = ["Candidate", "candidates"]

MIN_WORDS, MAX_WORDS = 6, 70
#: Weights swept on the 20 RPM2 dev clusters (bench/summaries.py): a strong first-sentences prior
#: (POSITION_WEIGHT / (1 + position)) gained most, cross-document support and the who/when/where lead bonus a little.
#: a sentence of another report this close supports the candidate (USE cosine)
SUPPORTS = 0.65
LEAD_POSITIONS = 3
SUPPORT_WEIGHT = 0.5
POSITION_WEIGHT = 1.0
LEAD_WWWW_WEIGHT = 0.3
#: in an update, a sentence loses this much per unit of similarity to what was already said
NOVELTY_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    doc: Document
    sentence: Sentence
    vector: np.ndarray
    position: int
    words: int
    score: float
    lead_score: float
    #: the sentence as the article would say it (``compress``); "" when it is the sentence as written
    compressed: str = ""

    @property
    def text(self) -> str:
        """What the article says of the sentence: its compressed form, else the sentence."""
        return self.compressed or self.sentence.text


def _eligible(doc: Document, sentence: Sentence) -> str | None:
    """The sentence as the article would say it (compressed: ``compress``), or None when it may not stand in an
    article; an opening connective the compression leaves out no longer asks for the sentence before it, an opening
    pronoun written as the person's name (``antecedent``) neither, and that name says who speaks."""
    words = len(sentence.text.split())
    if not MIN_WORDS <= words <= MAX_WORDS or sentence.text.rstrip().endswith("?"):
        return None
    if headline_form(sentence.text):
        return None
    _, text, _ = as_written(doc, sentence)
    if needs_antecedent(text, doc.language or "fr"):
        return None
    return None if unattributed(doc, sentence) and antecedent(doc, sentence) is None else text


def _vetted(docs: Sequence[Document]) -> Sequence[Document]:
    """The reports whose sentences the checklist can vet: those fully analysed (entities, quotes, dates), or all of
    them when none is."""
    full = [d for d in docs if not d.partly_analysed]
    return full or docs


def _wwww(doc: Document, sentence: Sentence) -> int:
    """How many of who, where and when the sentence names."""
    start, end = sentence.span.start, sentence.span.end
    labels = {m.label for m in doc.mentions if start <= m.span.start < end}
    dated = any(start <= m.span.start < end for m in doc.dates)
    return ("PER" in labels or "ORG" in labels) + ("LOC" in labels) + dated


def candidates(docs: Sequence[Document], seen: np.ndarray | None = None) -> list[Candidate]:
    """The story's candidate sentences, scored; with ``seen``, those close to what was already said score less."""
    docs = _vetted(docs)
    said = {(d.id, i): _eligible(d, s) for d in docs if d.vectors is not None for i, s in enumerate(d.sentences)}
    rows = [(d, i, s) for d in docs if d.vectors is not None for i, s in enumerate(d.sentences) if said[(d.id, i)]]
    if not rows:
        return []
    vectors = np.stack([r[0].vectors[r[1]] for r in rows])
    centroid = vectors.mean(axis=0)
    centrality = vectors @ (centroid / max(float(np.linalg.norm(centroid)), 1e-9))
    close = (vectors @ vectors.T) >= SUPPORTS
    owners = np.array([id(r[0]) for r in rows])
    found = []
    for k, (doc, position, sentence) in enumerate(rows):
        support = len(set(owners[close[k]]) - {owners[k]}) / max(1, len(docs) - 1)
        score = float(centrality[k]) + SUPPORT_WEIGHT * support + POSITION_WEIGHT / (1 + position)
        if seen is not None and len(seen):
            score -= NOVELTY_WEIGHT * float(np.max(seen @ vectors[k]))
        lead = score + LEAD_WWWW_WEIGHT * _wwww(doc, sentence) if position < LEAD_POSITIONS else -1.0
        text = said[(doc.id, position)] or sentence.text
        short = text if text != sentence.text else ""
        found.append(Candidate(doc, sentence, vectors[k], position, len(text.split()), score, lead, short))
    return found
