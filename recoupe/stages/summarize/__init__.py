"""Corpus stage ``summarize``: a first extractive article per story, every sentence cited.

Sentences are scored by centrality (cosine with the story's mean sentence vector)
and cross-document support (how many other reports carry a close sentence). The
lead is the best early sentence that says who, when and where; the rest are chosen by
score (and read in their reports' order), skipping near-repeats (maximal marginal relevance), up to the word budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ...config import Settings
from ...model import Corpus, Document, Sentence, Span, Story, SummarySentence
from ...pipeline import stage
from .disagreements import state_conflicts
from .support import facts, same_fact

__all__ = ["Candidate", "summarize_story"]

MIN_WORDS, MAX_WORDS = 6, 70
#: Weights swept on the 20 RPM2 dev clusters (scripts in bench/summaries.py; R2-F of each setting in
#: the issue 3 note): a strong first-sentences prior (POSITION_WEIGHT 1.0 / (1 + position)) gained most
#: (12.0 -> 13.3), cross-document support and the who/when/where lead bonus a little.
#: Two sentences closer than REDUNDANT say the same thing (USE cosine): paraphrases of one fact in the
#: bundled example scored 0.68-0.72, different facts of one story 0.45-0.55; 0.7 and 0.8 were within
#: 0.2 R2 of each other on dev, 0.7 keeps the example's paraphrases out.
REDUNDANT = 0.7
#: a sentence of another report this close supports the candidate
SUPPORTS = 0.65
LEAD_POSITIONS = 3
SUPPORT_WEIGHT = 0.5
POSITION_WEIGHT = 1.0
LEAD_WWWW_WEIGHT = 0.3
#: the article may run this far past its word budget rather than stop mid-story
OVERSHOOT = 1.2
#: in an update, a sentence loses this much per unit of similarity to what was already said
NOVELTY_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    sentence: Sentence
    vector: np.ndarray
    position: int
    words: int
    score: float
    lead_score: float


def _candidates(docs: Sequence[Document], seen: np.ndarray | None = None) -> list[Candidate]:
    rows = [(d, i, s) for d in docs for i, s in enumerate(d.sentences) if d.vectors is not None]
    rows = [r for r in rows if MIN_WORDS <= len(r[2].text.split()) <= MAX_WORDS and not r[2].text.endswith("?")]
    if not rows:
        return []
    vectors = np.stack([r[0].vectors[r[1]] for r in rows])
    centroid = vectors.mean(axis=0)
    centrality = vectors @ (centroid / max(float(np.linalg.norm(centroid)), 1e-9))
    sims = vectors @ vectors.T
    owners = np.array([id(r[0]) for r in rows])
    found = []
    for k, (doc, position, sentence) in enumerate(rows):
        others = {owners[j] for j in np.nonzero(sims[k] >= SUPPORTS)[0] if owners[j] != owners[k]}
        support = len(others) / max(1, len(docs) - 1)
        score = float(centrality[k]) + SUPPORT_WEIGHT * support + POSITION_WEIGHT / (1 + position)
        if seen is not None and len(seen):
            score -= NOVELTY_WEIGHT * float(np.max(seen @ vectors[k]))
        labels = {m.label for m in doc.mentions if sentence.span.start <= m.span.start < sentence.span.end}
        dated = any(sentence.span.start <= m.span.start < sentence.span.end for m in doc.dates)
        wwww = ("PER" in labels or "ORG" in labels) + ("LOC" in labels) + dated
        lead = score + LEAD_WWWW_WEIGHT * wwww if position < LEAD_POSITIONS else -1.0
        found.append(Candidate(sentence, vectors[k], position, len(sentence.text.split()), score, lead))
    return found


def summarize_story(
    docs: Sequence[Document], words: int, seen: np.ndarray | None = None, groups: dict[str, int] | None = None
) -> tuple[SummarySentence, ...]:
    """The article; with ``seen`` (sentence vectors of what an earlier version said), an update that
    prefers what is new; ``groups`` maps copies of one wire story to one source."""
    candidates = _candidates(docs, seen)
    if not candidates:
        return _fallback(docs)
    chosen = [max(candidates, key=lambda c: c.lead_score)]
    total = chosen[0].words
    for candidate in sorted(candidates, key=lambda c: -c.score):
        if total >= words:
            break
        if any(candidate is c for c in chosen) or total + candidate.words > words * OVERSHOOT:
            continue
        if max(float(candidate.vector @ c.vector) for c in chosen) >= REDUNDANT:
            continue
        chosen.append(candidate)
        total += candidate.words
    ordered = chosen[:1] + sorted(chosen[1:], key=lambda c: (c.position, -c.score))
    by_id = {d.id: d for d in docs}
    return tuple(_with_support(c, candidates, groups, by_id) for c in ordered)


def _with_support(
    chosen: Candidate, candidates: Sequence[Candidate], groups: dict[str, int] | None, docs: dict[str, Document]
) -> SummarySentence:
    """The sentence, cited, with the other reports' sentences that state the same fact (close in meaning, and with
    its names, numbers and days: ``support.same_fact``) and the count of independent sources."""
    own = chosen.sentence.span.doc
    claim = facts(docs[own], chosen.sentence)
    support: dict[str, Span] = {}
    for other in candidates:
        doc = other.sentence.span.doc
        close = doc != own and doc not in support and float(other.vector @ chosen.vector) >= SUPPORTS
        if close and same_fact(claim, facts(docs[doc], other.sentence)):
            support[doc] = other.sentence.span
    group_of = groups or {}
    independent = len({group_of.get(doc, doc) for doc in (own, *support)})
    return SummarySentence(
        chosen.sentence.text, (chosen.sentence.span,), "extract", tuple(support.values()), independent
    )


def _fallback(docs: Sequence[Document]) -> tuple[SummarySentence, ...]:
    """Stories whose sentences are all very short or very long: the first sentence of the first report."""
    for doc in docs:
        if doc.sentences:
            first = doc.sentences[0]
            return (SummarySentence(first.text, (first.span,)),)
    return ()


@stage(
    "summarize",
    version="2",
    scope="corpus",
    requires=[
        "stories",
        "conflicts",
        "copies",
        "text",
        "title",
        "vectors",
        "sentences",
        "mentions",
        "dates",
        "language",
    ],
    assigns=["summary"],
)
def make_summarize(settings: Settings):  # type: ignore[no-untyped-def]
    def summarize(corpus: Corpus) -> Corpus:
        by_id = corpus.by_id()
        stories: list[Story] = []
        for story in corpus.stories:
            docs = [by_id[i] for i in story.documents]
            groups = {doc_id: n for n, group in enumerate(story.copies) for doc_id in group}
            stated = [c for c in story.conflicts if c.stated]
            summary = summarize_story(docs, settings.words, groups=groups) + state_conflicts(stated, docs)
            stories.append(replace(story, summary=summary))
        return replace(corpus, stories=tuple(stories))

    return summarize
