"""The view-model the templates render: numbering, inline citations, cited passages."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from recoupe.model import Document, Span, SummarySentence
from recoupe.render.view import Citation, inline_parts, passages, story_view

from ..conftest import make_raw
from .builders import extract, make_doc, make_report, make_story, quote, span_of


def test_sources_are_numbered_in_the_story_order_and_citations_carry_their_number() -> None:
    a = make_doc("Un incendie a eu lieu à Lyon.", id="a")
    b = make_doc("Il y a eu un incendie à Lyon.", id="b")
    sentence = extract(a, "Un incendie a eu lieu à Lyon.", span_of(b, "un incendie"), sources=2)
    story = make_story(b, a, summary=(sentence,), quotes=(quote(b, "un incendie", "e1"),))
    view = story_view(make_report([a, b], story), story)
    assert [(s.number, s.doc, s.anchor) for s in view.sources] == [(1, "b", "s1-b"), (2, "a", "s1-a")]
    assert [(c.number, c.span.doc) for c in view.article[0].citations] == [(2, "a"), (1, "b")]
    assert [(c.number, c.anchor) for c in view.quotes[0].citations] == [(1, "s1-b-10")]
    assert view.quotes[0].speaker == "?"  # an entity the story does not list


def test_a_conflicts_own_marks_become_its_citations_and_a_mark_of_no_citation_stays_text() -> None:
    first, second = Span("a", 0, 1), Span("b", 0, 1)
    sentence = SummarySentence("5 selon [1], 7 selon [2] [9].", (first, second), "conflict")
    cite = {1: Citation("s1", 1, first), 2: Citation("s1", 2, second)}
    assert inline_parts(sentence, cite) == ("5 selon ", cite[1], ", 7 selon ", cite[2], " [9].")


def test_a_sentence_citing_two_spans_of_one_report_shows_one_mark() -> None:
    """Issue 21: a sentence whose opening pronoun was written as the name cites the name's span and its own: one
    "[1]", opening the sentence."""
    a = make_doc("Jean Dupont est arrivé. Il a parlé mardi à Lyon.", id="a")
    name, own = span_of(a, "Jean Dupont"), span_of(a, "Il a parlé mardi à Lyon.")
    sentence = SummarySentence("Jean Dupont a parlé mardi à Lyon.", (name, own), "rewritten", added=("Jean Dupont",))
    story = make_story(a, summary=(sentence,))
    assert [c.span for c in story_view(make_report([a], story), story).article[0].citations] == [own]


def test_a_claim_of_one_source_is_alone_only_among_several_reports() -> None:
    a, b = make_doc("Le feu a pris vers 21 heures.", id="a"), make_doc("Trois blessés.", id="b")
    sentence = extract(a, "Le feu a pris vers 21 heures.")
    both, one = make_story(a, b, summary=(sentence,)), make_story(a, summary=(sentence,))
    assert story_view(make_report([a, b], both), both).article[0].alone
    assert not story_view(make_report([a], one), one).article[0].alone


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6))
def test_passages_give_back_the_text_and_mark_spans_that_do_not_overlap(
    text: str, bounds: list[tuple[int, int]]
) -> None:
    doc = Document(id="d", source="test:d", raw=make_raw(text, id="d"), text=text)
    spans = {Span("d", min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds}
    out = passages("s1", doc, [*spans, Span("other", 0, 1)])
    assert "".join(p.text for p in out) == text
    offset, marked = 0, []
    for passage in out:
        if passage.anchor is not None:
            marked.append(Span("d", offset, offset + len(passage.text)))
            assert passage.anchor == f"s1-d-{offset}"
        offset += len(passage.text)
    assert set(marked) <= spans
    assert all(earlier.end <= later.start for earlier, later in pairwise(marked))
