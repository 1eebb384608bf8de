"""The canonical input: the five real seed reports of ../shared/seeds (issue 2's "done means")."""

from __future__ import annotations

import json
import re

import jsonschema

from recoupe.render import render

from .conftest import shared


def test_the_report_validates_against_the_schema(seeds_report) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(shared("spec", "report.schema.json").read_text())
    jsonschema.validate(json.loads(render(seeds_report, "json")), schema)


def test_001_is_dated_from_its_header(seeds_report) -> None:  # type: ignore[no-untyped-def]
    doc = seeds_report.document("001_cadfcfb9a2ab7d45")
    assert doc.published.startswith("2016-10-26")
    assert doc.outlet == "FranceSoir.fr"
    assert seeds_report.document("000_453e026e2b9dbb2c").published == "2016-10-26"


def test_boilerplate_of_001_and_002_is_removed_and_kept_aside(seeds_report) -> None:  # type: ignore[no-untyped-def]
    expected = {
        "001_cadfcfb9a2ab7d45": [
            "PARTAGER :",
            "-A +A",
            "©Safin Hamed/AFP",
            "Publié le :",
            "Mise à jour :",
            "Commentaires",
        ],
        "002_d249300e3d70f83a": ["Temps de lecture estimé : 2 minutes", "0", "154"],
    }
    for doc_id, lines in expected.items():
        doc = seeds_report.document(doc_id)
        for line in lines:
            assert line in doc.removed, line
            assert not re.search(rf"^{re.escape(line)}$", doc.text, re.MULTILINE), line
    caption = "avec les militaires de Sentinelle dans la station de RER Auber"
    assert caption not in seeds_report.document("002_d249300e3d70f83a").text


def test_002_is_apart_from_the_story_of_the_four_others(seeds_report) -> None:  # type: ignore[no-untyped-def]
    main = next(s for s in seeds_report.stories if "000_453e026e2b9dbb2c" in s.documents)
    assert sorted(main.documents) == [
        "000_453e026e2b9dbb2c",
        "001_cadfcfb9a2ab7d45",
        "003_42a4d4a9a107ba5d",
        "004_de7ecb39300f6164",
    ]
    assert main.off_topic == ("002_d249300e3d70f83a",)
    assert any(s.documents == ("002_d249300e3d70f83a",) for s in seeds_report.stories)


def test_the_story_is_the_paris_meeting_of_tuesday_25_october_2016(seeds_report) -> None:  # type: ignore[no-untyped-def]
    main = next(s for s in seeds_report.stories if "000_453e026e2b9dbb2c" in s.documents)
    assert main.when == "2016-10-25"
    assert main.where[0] == "Paris"


def test_every_summary_sentence_is_cited_by_spans_that_contain_its_words(seeds_report) -> None:  # type: ignore[no-untyped-def]
    for story in seeds_report.stories:
        assert story.summary
        for sentence in story.summary:
            assert sentence.citations
            for span in sentence.citations:
                text = seeds_report.document(span.doc).text
                assert 0 <= span.start < span.end <= len(text)
                cited = span.of(text)
                assert all(word in cited for word in re.findall(r"\w+", sentence.text))
