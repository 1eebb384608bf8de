"""The Markdown report of stories built with the builders."""

from __future__ import annotations

from recoupe.model import Failure, StoryEntity, SummarySentence
from recoupe.render import render

from .builders import extract, make_doc, make_report, make_story, quote, span_of

ECHO = make_doc(
    "Un incendie a touché l'usine Chimiflor. Trois employés sont blessés.",
    id="a",
    outlet="L'Écho",
    published="2024-03-14",
)
RADIO = make_doc("L'usine Chimiflor a brûlé mercredi. Quatre employés sont blessés.", id="b", title="Incendie")


def _story(**fields: object):  # type: ignore[no-untyped-def]
    conflict = SummarySentence(
        "Les chiffres divergent : trois selon [1]; quatre selon [2].",
        (span_of(ECHO, "Trois employés"), span_of(RADIO, "Quatre employés")),
        "conflict",
    )
    summary = (
        extract(
            ECHO, "Un incendie a touché l'usine Chimiflor.", span_of(RADIO, "L'usine Chimiflor a brûlé"), sources=2
        ),
        extract(ECHO, "Trois employés sont blessés."),
        conflict,
    )
    quotes = (quote(RADIO, "Quatre employés sont blessés", "e1", speaker_basis="inferred"),)
    entities = (StoryEntity("e1", "Paul Mercier", "PER", ()),)
    return make_story(
        ECHO, RADIO, title="Incendie à Vénissieux", when="2024-03-13", where=("Vénissieux", "Lyon"),
        summary=summary, quotes=quotes, entities=entities, **fields,
    )  # fmt: skip


def test_a_story_in_markdown() -> None:
    """Issue 21: the disagreements under their own heading, in the story's language, one line each."""
    assert render(make_report([ECHO, RADIO], _story()), "markdown") == (
        "# recoupe report\n"
        "\n"
        "2 documents, 1 stories, 0 failures.\n"
        "\n"
        "## Incendie à Vénissieux\n"
        "\n"
        "*When:* 2024-03-13 · *Where:* Vénissieux, Lyon\n"
        "\n"
        "Un incendie a touché l'usine Chimiflor. "
        '[[1]](#s1-a "a 0-39")[[2]](#s1-b "b 0-25") '
        'Trois employés sont blessés. [[1]](#s1-a "a 40-68") *(one source)*\n'
        "\n"
        "### Divergences entre les sources\n"
        "\n"
        '- Les chiffres divergent : trois selon [[1]](#s1-a "a 40-54"); quatre selon [[2]](#s1-b "b 36-51").\n'
        "\n"
        "### Quotes\n"
        "\n"
        '- **Paul Mercier** *(speaker inferred)*: « Quatre employés sont blessés » [[2]](#s1-b "b 36-64")\n'
        "\n"
        "### Sources\n"
        "\n"
        '1. <a id="s1-a"></a>**a** — L\'Écho, 2024-03-14, fr (`test:a`)\n'
        '2. <a id="s1-b"></a>**Incendie** — outlet unknown, date unknown, fr (`test:b`)\n'
        "\n"
    )


def test_copies_reports_about_another_event_and_failures_close_their_sections() -> None:
    story = _story(copies=(("a", "b"),), off_topic=("c", "d"))
    failure = Failure("vide.txt", "read", "E_EMPTY", "the input is empty")
    markdown = render(make_report([ECHO, RADIO], story, failures=(failure,)), "markdown")
    assert markdown.endswith(
        "\n\nCopies of one wire story, counted as one source: [1], [2]\n"
        "\nReports given with this story that are about another event: c, d\n"
        "\n## Inputs that could not be processed\n"
        "\n- `vide.txt` (read, E_EMPTY): the input is empty\n"
    )


def test_a_story_without_quotes_when_or_where() -> None:
    story = make_story(ECHO, summary=(extract(ECHO, "Trois employés sont blessés."),))
    markdown = render(make_report([ECHO], story), "markdown")
    assert "*When:* unknown · *Where:* unknown\n" in markdown
    assert "### Quotes" not in markdown and "(one source)" not in markdown


def test_possible_conflicts_and_updates_are_listed_apart_with_their_reason() -> None:
    """Issue 18: the article states only the confident conflicts; the report lists the others with the reason."""
    from recoupe.model import Claim, Conflict

    sides = (
        Claim("Trois employés", span_of(ECHO, "Trois employés")),
        Claim("Quatre employés", span_of(RADIO, "Quatre employés")),
    )
    possible = Conflict("figure", "employés", sides, "Trois employés and Quatre employés cannot both hold", 0.55)
    update = Conflict("figure", "employés", sides, "a later report raises the count", 0.9, "update")
    stated = Conflict("figure", "employés", sides, "stated elsewhere", 0.9)
    markdown = render(make_report([ECHO, RADIO], _story(conflicts=(possible, update, stated))), "markdown")
    section = markdown.split("### Possible disagreements and updates (not stated in the article)")[1].split("###")[0]
    assert "- figure: Trois employés [[1]](" in section and "; Quatre employés [[2]](" in section
    assert "— Trois employés and Quatre employés cannot both hold (confidence 0.55)" in section
    assert "- update: " in section and "(confidence 0.55)" in section and "stated elsewhere" not in section
    html = render(make_report([ECHO, RADIO], _story(conflicts=(possible,))), "html")
    assert "Possible disagreements and updates" in html and "cannot both hold (confidence 0.55)" in html
