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
            cited = []
            for span in sentence.citations:
                text = seeds_report.document(span.doc).text
                assert 0 <= span.start < span.end <= len(text)
                cited.append(span.of(text))
            if sentence.kind == "extract":
                assert all(word in cited[0] for word in re.findall(r"\w+", sentence.text))
            elif sentence.kind == "rewritten":  # issue 21: a relative day written as a date, the date's words added
                dates = {word for added in sentence.added for word in re.findall(r"\w+", added)}
                assert sentence.added and all(
                    word in cited[0] or word in dates for word in re.findall(r"\w+", sentence.text)
                )
            elif sentence.kind == "compressed":  # issue 21: words left out, the rest (but for a first capital) cited
                dates = {word.lower() for added in sentence.added for word in re.findall(r"\w+", added)}
                words = {word.lower() for word in re.findall(r"\w+", cited[0])} | dates
                assert {word.lower() for word in re.findall(r"\w+", sentence.text)} <= words
            else:  # a disagreement: the conflict it states, each side cited where the report says it
                [conflict] = [c for c in story.conflicts if tuple(x.span for x in c.claims) == sentence.citations]
                for claim, words in zip(conflict.claims, cited, strict=True):
                    assert f"{claim.value} selon [" in sentence.text  # one value per report here
                    assert claim.value == words if conflict.kind == "figure" else conflict.about in words


def _main(report):  # type: ignore[no-untyped-def]
    return next(s for s in report.stories if "000_453e026e2b9dbb2c" in s.documents)


def _forms(report, entity) -> set[str]:  # type: ignore[no-untyped-def]
    return {span.of(report.document(span.doc).text) for span in entity.mentions}


def test_entity_variants_are_merged_and_distinct_ones_kept_apart(seeds_report) -> None:  # type: ignore[no-untyped-def]
    story = _main(seeds_report)
    by_name = {e.name: e for e in story.entities}
    assert {"Daech", "Daesh", "EI", "Etat islamique"} <= _forms(seeds_report, by_name["État islamique"])
    assert _forms(seeds_report, by_name["Raqqa"]) == {"Raqqa"}
    assert "Mossoul" not in _forms(seeds_report, by_name["Raqqa"])
    assert by_name["François Hollande"].id != by_name["Jean-Yves Le Drian"].id
    assert {"Jean-Yves Le Drian", "Jean-Yves le Drian"} <= _forms(seeds_report, by_name["Jean-Yves Le Drian"])


def test_raqa_of_002_is_raqqa_and_m_carter_is_ashton_carter() -> None:
    import recoupe

    report = recoupe.analyze([shared("seeds", "002_d249300e3d70f83a.txt"), shared("seeds", "000_453e026e2b9dbb2c.txt")])
    entities = {e.name: e for s in report.stories for e in s.entities}
    assert {"Raqa"} <= _forms(report, entities["Raqqa"])
    assert "M. Carter" in set().union(*(_forms(report, e) for e in entities.values() if e.name == "Ashton Carter"))


def test_quotes_have_the_right_speakers(seeds_report) -> None:  # type: ignore[no-untyped-def]
    story = _main(seeds_report)
    names = {e.id: e.name for e in story.entities}
    said = {(names.get(q.speaker), q.text[:20]) for q in story.quotes}
    assert ("Jean-Yves Le Drian", "Je confirme la conco") in said
    assert ("Ashton Carter", "cela ne peut être fa") in said
    assert ("François Hollande", "la reconquête n'est ") in said
    assert ("Jawad al-Tulaibawi", "Notre mission est d'") in said
    assert ("Jean-Yves Le Drian", "Daech est sur la déf") in said  # "a lancé le ministre français de la Défense"
    assert ("Ashton Carter", "La destruction du gr") in said  # incise inside the quote
    assert (None, "forces locales effic") in said  # said by "les deux responsables": unknown, not guessed
    basis = {q.text[:20]: q.speaker_basis for q in story.quotes}
    assert basis["Notre mission est d'"] == "named" and basis["forces locales effic"] is None
    # "a lancé le ministre français de la Défense", whom the sentence before names: named
    assert basis["Daech est sur la déf"] == "named"


def test_hollandes_quote_carried_by_two_reports_is_one_quote_with_two_sources(seeds_report) -> None:  # type: ignore[no-untyped-def]
    story = _main(seeds_report)
    [quote] = [q for q in story.quotes if q.text.lower().startswith("nous devons donc clairement les identifier")]
    assert sorted(s.doc for s in quote.sources) == ["000_453e026e2b9dbb2c", "001_cadfcfb9a2ab7d45"]
    assert {e.id: e.name for e in story.entities}[quote.speaker] == "François Hollande"


def test_relative_dates_resolve_against_publication(seeds_report) -> None:  # type: ignore[no-untyped-def]
    def values(doc_id: str) -> set[tuple[str, str]]:
        return {(d.text, d.value) for d in seeds_report.document(doc_id).dates}

    assert ("mardi", "2016-10-25") in values("000_453e026e2b9dbb2c")  # "ce mardi"
    assert {("mardi 25", "2016-10-25"), ("lundi 17", "2016-10-17")} <= values("001_cadfcfb9a2ab7d45")


def test_conflicts_fighters_in_mossoul_and_who_spoke_of_chevauchement(seeds_report) -> None:  # type: ignore[no-untyped-def]
    story = _main(seeds_report)
    figure = [c for c in story.conflicts if c.kind == "figure" and "Mossoul" in c.about]
    assert len(figure) == 1
    assert {(c.span.doc[:3], c.value) for c in figure[0].claims} == {
        ("000", "5 000 à 6 000 combattants"),
        ("004", "30 000 à 40 000 djihadistes"),
    }
    [attribution] = [c for c in story.conflicts if c.kind == "attribution"]
    assert attribution.about == "chevauchement"
    assert {(c.span.doc[:3], c.value) for c in attribution.claims} == {
        ("000", "Ashton Carter"),
        ("001", "Jean-Yves Le Drian"),
    }


def test_no_conflict_between_thirteen_ministers_and_seven_countries(seeds_report) -> None:  # type: ignore[no-untyped-def]
    for story in seeds_report.stories:
        for conflict in story.conflicts:
            values = {c.value for c in conflict.claims}
            assert not any("sept" in v or "13" in v or "Treize" in v for v in values), conflict


def test_corroborated_sentences_name_their_support_and_count_independent_sources(seeds_report) -> None:  # type: ignore[no-untyped-def]
    story = _main(seeds_report)
    assert story.copies == ()  # five different outlets' own texts
    # the lead (the Raqqa preparations, announced after a meeting of 13 ministers) is not backed by report 004, which
    # tells of the meeting only: a second source must state the sentence's own fact (issue 18, support.backs)
    assert not story.summary[0].support
    # the article quotes Hollande from the report that names him in the quote's sentence (issue 21: a quote whose
    # sentence does not name its speaker stays out); report 000 gives the same words after "avait-il souligné", with
    # no name, so it does not back the sentence's own fact (its names): the quote itself counts both reports
    backed = [s for s in story.summary if s.support]
    quoted = next(s for s in story.summary if "nous devons donc clairement" in s.text.lower())
    assert "François Hollande" in quoted.text
    assert all(s.independent_sources == 1 + len({x.doc for x in s.support}) for s in backed)
    assert all(x.doc != s.citations[0].doc for s in backed for x in s.support)
    hollande = next(q for q in story.quotes if q.text.lower().startswith("nous devons donc clairement"))
    assert hollande.independent_sources == 2
