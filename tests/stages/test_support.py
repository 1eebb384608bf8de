"""Issue 18: a second source backs a sentence only when it states the same fact, not the same topic."""

from recoupe.stages.summarize.support import backs, facts, same_event, same_fact

from ..conftest import make_doc, with_mentions


def _facts(text: str, names: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    doc = with_mentions(text, [(n, label) for n, label in names if n in text])
    return facts(doc, doc.sentences[0])


NAMES = [("Colin Powell", "PER"), ("Powell", "PER"), ("Condoleezza Rice", "PER"), ("Bush", "PER")]


def test_the_same_fact_in_other_words_supports() -> None:
    claim = _facts("Colin Powell a présenté sa démission au président Bush lundi.", NAMES)
    other = _facts("Le président Bush a accepté lundi la démission de Colin Powell.", NAMES)
    assert same_fact(claim, other)


def test_other_numbers_or_other_people_do_not_support() -> None:
    claim = _facts("Colin Powell a quitté le gouvernement après 4 années au département d'Etat.", NAMES)
    numbers = _facts("Colin Powell a quitté le gouvernement après 40 années de service public.", NAMES)
    people = _facts("Condoleezza Rice va remplacer Colin Powell au gouvernement, selon Bush.", NAMES)
    claim_two = _facts("Condoleezza Rice a été choisie par Bush pour le département d'Etat.", NAMES)
    assert not same_fact(claim, numbers)
    assert not same_fact(claim_two, _facts("Colin Powell a démissionné, a annoncé Bush.", NAMES))
    assert same_fact(_facts("Bush a choisi Condoleezza Rice.", NAMES), people)


def test_numbers_written_in_words_must_agree() -> None:
    """ "Onze départements" is not backed by "Dix départements": the figures stage reads numbers written in words."""
    from recoupe.model import Figure, Span

    def with_figure(text: str, words: str, value: float):  # type: ignore[no-untyped-def]
        start = text.index(words)
        figure = Figure(Span("d1", start, start + len(words)), words, value, value, "départements")
        doc = with_mentions(text, [("Météo France", "ORG")], figures=(figure,))
        return facts(doc, doc.sentences[0])

    claim = with_figure(
        "Onze départements ont été placés en vigilance orange par Météo France.", "Onze départements", 11
    )
    other = with_figure("Dix départements ont été placés en vigilance orange par Météo France.", "Dix départements", 10)
    same = with_figure("Onze départements sont placés en vigilance orange par Météo France.", "Onze départements", 11)
    assert "11" in claim.numbers
    assert not backs(claim, other)
    assert backs(claim, same)


def test_a_second_source_reports_the_same_event() -> None:
    """Two reports that share fewer than two names may tell two events: a stock phrase backs nothing across them."""
    sentence = "La police judiciaire a été saisie de l'enquête."
    first = with_mentions(f"Un homme a été tué à Marseille par Karim Benali. {sentence}",
                          [("Marseille", "LOC"), ("Karim Benali", "PER")])  # fmt: skip
    other_crime = with_mentions(f"Une femme a été agressée à Lille par Paul Durand. {sentence}",
                                [("Lille", "LOC"), ("Paul Durand", "PER")], id="d2")  # fmt: skip
    same_crime = with_mentions(f"A Marseille, Karim Benali est suspecté du meurtre. {sentence}",
                               [("Marseille", "LOC"), ("Karim Benali", "PER")], id="d3")  # fmt: skip
    untagged = make_doc(f"Um homem foi morto. {sentence}", id="d4")
    assert not same_event(first, other_crime)
    assert same_event(first, same_crime)
    assert same_event(first, untagged)  # no names to compare: the sentence alone decides


def test_reports_published_weeks_apart_do_not_back_each_other() -> None:
    """The same names a month later are another moment of the story (a strike in January and in February)."""
    text = "La grève à la SNCF continue, selon la CGT."
    names = [("SNCF", "ORG"), ("CGT", "ORG")]
    january = with_mentions(text, names, published="2020-01-10")
    days_later = with_mentions(text, names, id="d2", published="2020-01-20")
    month_later = with_mentions(text, names, id="d3", published="2020-02-10")
    undated = with_mentions(text, names, id="d4")
    assert same_event(january, days_later) and same_event(january, undated)
    assert not same_event(january, month_later)


def test_a_number_must_count_the_same_thing() -> None:
    """ "La barre des 1.000 morts" is not backed by "la barre des 1.000 cas"."""
    from recoupe.model import Figure, Span

    def counted(text: str, words: str, unit: str):  # type: ignore[no-untyped-def]
        start = text.index(words)
        doc = with_mentions(text, [("France", "LOC")], figures=(Figure(Span("d1", start, start + len(words)), words,
                                                                          1000, 1000, unit),))  # fmt: skip
        return facts(doc, doc.sentences[0])

    claim = counted("La France a franchi la barre des 1.000 morts.", "1.000 morts", "morts")
    assert not backs(claim, counted("La France a franchi la barre des 1.000 cas.", "1.000 cas", "cas"))
    assert backs(claim, counted("La France a franchi la barre des 1.000 morts dimanche.", "1.000 morts", "morts"))
