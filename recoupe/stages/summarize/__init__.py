"""Corpus stage ``summarize``: the article of each story, every sentence cited, written to an editor's checklist.

1. ``candidates``: the source sentences that may stand alone in an article (no headline, credit, fragment, opening
   pronoun or connective, unattributed opinion: ``checklist``), scored by centrality, support and position, each
   compressed (``compress``: no dateline, closing attribution of a fact or incidental clause where the rest stands);
2. the lead: the best early sentence that says who, when and where and has a verb;
3. ``select``: with the lead, the sentences that cover most of the word pairs several independent reports write
   (``concepts``, an integer program: ``coverage``), no fact said twice (``support.same_fact``), within the word
   budget; the best-scored sentences when no pair is shared;
4. ``order``: the lead, then the order of events; ``when``: relative days written as dates ("mardi 25 octobre
   2016"), the sentence still citing its span; a compressed sentence (kind "compressed") cites the whole span it
   comes from;
5. each sentence with the other reports that state the same fact (``support``); then the disagreements
   (``disagreements``), kind "conflict", which the reports show apart from the running text.

In an update (``seen``: the vectors of what an earlier version said) a sentence that repeats it is left out and one
close to it scores less.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ...config import Settings
from ...model import Corpus, Document, Span, SummarySentence
from ...pipeline import stage
from .antecedent import antecedent
from .candidates import Candidate, candidates
from .checklist import finite_verbs, verbless, verbless_all
from .compress import as_written
from .concepts import Concept, weights
from .disagreements import state_conflicts
from .order import in_order
from .select import REDUNDANT, choose
from .support import backs, facts, same_event

__all__ = ["Candidate", "summarize_stories", "summarize_story"]

#: a sentence of another report this close (and stating the same fact) supports an article's sentence
SUPPORTS = 0.65
#: how many times the selection is redone when a chosen sentence turns out to have no verb
RETRIES = 3


def summarize_story(
    docs: Sequence[Document], words: int, seen: np.ndarray | None = None, groups: dict[str, int] | None = None
) -> tuple[SummarySentence, ...]:
    """The article; with ``seen`` (sentence vectors of what an earlier version said), an update that says what is
    new; ``groups`` maps copies of one wire story to one source."""
    return summarize_stories([(docs, groups)], words, seen)[0]


def summarize_stories(
    stories: Sequence[tuple[Sequence[Document], dict[str, int] | None]], words: int, seen: np.ndarray | None = None
) -> list[tuple[SummarySentence, ...]]:
    """``summarize_story`` of each (documents, groups); the tagger checks the sentences of every story for a verb
    at once: the first selections, then the compressed sentences of the final ones."""
    drafts = [_Draft.of(docs, words, seen, groups) for docs, groups in stories]
    _tag([(c.sentence.text, _language(c)) for draft in drafts for c in draft.chosen])
    finals = [draft.final(words) for draft in drafts]
    _tag([(text, _language(c)) for chosen in finals for c in chosen if (text := _compressed(c))])
    return [draft.article(chosen) for draft, chosen in zip(drafts, finals, strict=True)]


def _tag(texts: list[tuple[str, str]]) -> None:
    """The tagger over these (sentence, language) once, each language in one batch (``finite_verbs`` keeps the
    counts for the checks that follow)."""
    for language in dict.fromkeys(language for _, language in texts):
        finite_verbs([text for text, other in texts if other == language], language)


@dataclass
class _Draft:
    """A story's candidates and its first selection."""

    docs: Sequence[Document]
    groups: dict[str, int] | None
    scored: list[Candidate]
    pool: list[Candidate]
    concepts: dict[Concept, float]
    chosen: list[Candidate]

    @classmethod
    def of(cls, docs: Sequence[Document], words: int, seen: np.ndarray | None, groups: dict[str, int] | None) -> _Draft:
        scored = candidates(docs, seen)
        pool = [c for c in scored if seen is None or not len(seen) or float(np.max(seen @ c.vector)) < REDUNDANT]
        concepts = weights(docs, groups)
        chosen = _select(pool, words, concepts) if pool else []
        return cls(docs, groups, scored, pool, concepts, chosen)

    def final(self, words: int) -> list[Candidate]:
        return _chosen(self.pool, words, self.concepts, self.chosen)

    def article(self, chosen: list[Candidate]) -> tuple[SummarySentence, ...]:
        if not chosen:
            return _fallback(self.docs)
        return tuple(_written(c, self.scored, self.groups) for c in in_order(chosen[0], chosen[1:]))


def _chosen(
    pool: list[Candidate], words: int, concepts: dict[Concept, float], first: list[Candidate]
) -> list[Candidate]:
    """The lead and the selection (``first`` the first time), redone without any chosen sentence that has no verb."""
    chosen = first
    for attempt in range(RETRIES):
        if not pool:
            return []
        bad = _verbless(chosen)
        if not bad:
            return chosen
        pool = [c for c in pool if all(c is not b for b in bad)]
        if pool and attempt + 1 < RETRIES:
            chosen = _select(pool, words, concepts)
    return [c for c in chosen if all(c is not b for b in bad)]


def _select(pool: list[Candidate], words: int, concepts: dict[Concept, float]) -> list[Candidate]:
    """The best lead of the pool and the sentences chosen with it."""
    return choose(pool, max(pool, key=lambda c: c.lead_score), words, concepts)


def _language(candidate: Candidate) -> str:
    return candidate.doc.language or "fr"


def _verbless(chosen: list[Candidate]) -> list[Candidate]:
    """The chosen sentences that have no verb, each language's tagged in one batch."""
    bad: set[int] = set()
    for language in dict.fromkeys(_language(c) for c in chosen):
        these = [c for c in chosen if _language(c) == language]
        found = verbless_all([c.sentence.text for c in these], language)
        bad.update(id(c) for c, no in zip(these, found, strict=True) if no)
    return [c for c in chosen if id(c) in bad]


def _written(chosen: Candidate, scored: Sequence[Candidate], groups: dict[str, int] | None) -> SummarySentence:
    """The sentence, its relative days written as dates, cited, with the other reports' sentences that state the same
    fact (close in meaning, with its names, numbers, days and most of its words: ``support.backs``; in a report of the
    same event: ``support.same_event``) and the count of independent sources."""
    own = chosen.doc.id
    claim = facts(chosen.doc, chosen.sentence)
    support: dict[str, Span] = {}
    for other in scored:
        doc = other.doc.id
        close = doc != own and doc not in support and float(other.vector @ chosen.vector) >= SUPPORTS
        if close and backs(claim, facts(other.doc, other.sentence)) and same_event(chosen.doc, other.doc):
            support[doc] = other.sentence.span
    group_of = groups or {}
    independent = len({group_of.get(doc, doc) for doc in (own, *support)})
    text, kind, added = _said(chosen)
    person = antecedent(chosen.doc, chosen.sentence)
    cited = (
        (chosen.sentence.span,) if person is None or person.name not in added else (person.span, chosen.sentence.span)
    )
    return SummarySentence(text, cited, kind, tuple(support.values()), independent, added)


def _compressed(chosen: Candidate) -> str | None:
    """The sentence compressed after its relative days are written as dates, if compression changes it."""
    dated, text, _ = as_written(chosen.doc, chosen.sentence)
    return text if text != dated else None


def _said(chosen: Candidate) -> tuple[str, str, tuple[str, ...]]:
    """The sentence as the article says it, its kind and the dates and name it wrote out: relative days written as
    dates (``when``), an opening pronoun as the person's name (``antecedent``), then compressed
    (``compress.as_written``, as it was selected) where the result still has a verb by the tagger (the lead says
    when)."""
    dated, text, added = as_written(chosen.doc, chosen.sentence)
    if text != dated and not verbless(text, chosen.doc.language or "fr"):
        return text, "compressed", added
    return dated, "rewritten" if added else "extract", added


def _fallback(docs: Sequence[Document]) -> tuple[SummarySentence, ...]:
    """Stories whose sentences are all very short or very long: the first sentence of the first report."""
    for doc in docs:
        if doc.sentences:
            first = doc.sentences[0]
            return (SummarySentence(first.text, (first.span,)),)
    return ()


@stage(
    "summarize",
    version="10",
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
        "figures",
        "quotes",
        "language",
        "published",
    ],
    assigns=["summary"],
)
def make_summarize(settings: Settings):  # type: ignore[no-untyped-def]
    def summarize(corpus: Corpus) -> Corpus:
        by_id = corpus.by_id()
        inputs = [
            ([by_id[i] for i in story.documents], {d: n for n, group in enumerate(story.copies) for d in group})
            for story in corpus.stories
        ]
        articles = summarize_stories(inputs, settings.words)
        stories = [
            replace(story, summary=article + state_conflicts([c for c in story.conflicts if c.stated], docs))
            for story, article, (docs, _) in zip(corpus.stories, articles, inputs, strict=True)
        ]
        return replace(corpus, stories=tuple(stories))

    return summarize
