"""Issue 4: the speaker read from the dependency parse when no quote rule names one (recoupe/stages/parsed_speaker.py)."""

from recoupe.resources import dependency_parser
from recoupe.stages.quotes import find_quotes
from recoupe.stages.quotes.parser import parsed_speaker
from recoupe.stages.quotes.speakers import Speakers

from ..conftest import with_mentions

#: invented, after an RPM2 report: "pense lui aussi que « … »" after another speaker's incise, which no rule reads
ALSO = (
    "Jean Martin défend le plan.\n« Il s'agit de dépenser pour créer de l'activité », assure-t-il.\n"
    "Dans Les Echos, {who} pense lui aussi que « le choix de l'investissement est un pari intelligent », concédant "
    "tout de même que « la vraie faille de ce plan est qu'il va creuser des déficits. »\nPour Luc Roux, c'est autre "
    "chose."
)
NAMES = [("Jean Martin", "PER"), ("Paul Durand", "PER"), ("Luc Roux", "PER")]


def _speakers(text: str, names: list[tuple[str, str]]) -> list[str | None]:
    doc = with_mentions(text, names)
    return [q.speaker for q in find_quotes(doc, Speakers([doc])) if q.direct]


def test_the_subject_of_a_verb_of_speech_the_parse_links_to_the_quote_speaks() -> None:
    assert _speakers(ALSO.format(who="Paul Durand"), NAMES) == ["Jean Martin", "Paul Durand", "Paul Durand"]


def test_a_parsed_subject_that_names_nobody_gives_no_speaker() -> None:
    text = ALSO.format(who="un proche du ministre")
    assert _speakers(text, [NAMES[0], NAMES[2]]) == ["Jean Martin", None, None]


def test_a_language_without_a_parser_gets_no_parsed_speaker() -> None:
    text = ALSO.format(who="Paul Durand")
    start = text.index("« le choix")
    end = text.index("»", start) + 1
    assert dependency_parser("en") is None
    english = with_mentions(text, NAMES, language="en")
    assert parsed_speaker(english, Speakers([english]), start, end, []) is None
    french = with_mentions(text, NAMES, language="fr")
    assert parsed_speaker(french, Speakers([french]), start, end, []) == "Paul Durand"


def test_the_parser_is_not_run_when_a_rule_names_the_speaker(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def unused(language: str) -> None:
        raise AssertionError("parser loaded")

    monkeypatch.setattr("recoupe.stages.quotes.parser.dependency_parser", unused)
    monkeypatch.setattr("recoupe.stages.quotes.parser._parse", lambda language, sentence: unused(language))
    text = "« Nous restons », a affirmé Paul Durand. « Rien ne changera », a-t-il ajouté."
    assert _speakers(text, [("Paul Durand", "PER")]) == ["Paul Durand", "Paul Durand"]


def test_a_sentence_with_no_verb_of_speech_outside_the_quote_is_not_parsed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parsed: list[str] = []
    monkeypatch.setattr("recoupe.stages.quotes.parser._parse", lambda language, sentence: parsed.append(sentence))
    # after an RPM2 report: the sentence has no verb that could speak the quote, so parsing it can give nobody
    text = (
        "Jean Martin présente le bilan de la loi.\nPas de révolution donc, mais d'abord un constat : la loi de 2005 est "
        "« mal appliquée » et « l'offre de soins contre la douleur reste insuffisante »."
    )
    assert _speakers(text, NAMES[:1]) == [None, None]
    assert parsed == []
