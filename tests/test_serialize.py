"""Issue 16: one (de)serialisation of the data model, for the JSON report, the store and "what changed"."""

from __future__ import annotations

import json

import pytest

from recoupe import analyze
from recoupe.model import DateMention, Document, Figure, Span, Story, StoryQuote
from recoupe.serialize import from_data, to_data
from recoupe.store.codec import decode, encode

from .conftest import EXAMPLE, make_doc, make_raw


def _story() -> Story:
    span = Span("a", 0, 4)
    return Story(
        id="s1",
        documents=("a", "b"),
        title="Titre",
        where=("Lyon",),
        quotes=(StoryQuote("mots", None, True, span, (span, Span("b", 2, 6)), 2, "named"),),
        figures=(Figure(span, "5 000", 5000.0, 5000.0, "personnes", "about", None, "Lyon"),),
        copies=(("a", "b"),),
        dates=(DateMention(span, "mardi", "2016-10-25", "day"), DateMention(span, "soir", "2016-10-25", "day", "EV")),
    )


def test_a_story_goes_to_json_data_and_back_unchanged() -> None:
    story = _story()
    data = json.loads(json.dumps(to_data(story)))
    assert data["quotes"][0]["sources"][1] == {"doc": "b", "start": 2, "end": 6}
    assert "part_of_day" not in data["dates"][0] and data["dates"][1]["part_of_day"] == "EV"
    assert from_data(Story, data) == story


def test_the_report_writes_stories_as_the_model_does() -> None:
    story = _story()
    report_story = json.loads(json.dumps(to_data(story)))
    assert set(report_story) == {f for f in Story.__dataclass_fields__}


@pytest.mark.slow
def test_the_json_report_s_stories_read_back_into_the_model() -> None:
    report = analyze([EXAMPLE])
    data = json.loads(json.dumps(report.to_dict()))
    assert [from_data(Story, s) for s in data["stories"]] == list(report.stories)


def test_stored_annotations_read_back_under_the_id_the_store_gave() -> None:
    doc = make_doc("Une phrase. Une autre phrase.", id="x")
    stored, _ = encode(doc)
    back = decode(make_raw("Une phrase. Une autre phrase.", id="x-2"), stored, None)
    assert isinstance(back, Document) and back.text == doc.text and back.id == "x-2"
    assert [s.text for s in back.sentences] == [s.text for s in doc.sentences]
    assert all(s.span.doc == "x-2" for s in back.sentences)
