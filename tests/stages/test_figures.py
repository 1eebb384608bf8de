from dataclasses import replace

import pytest

from recoupe.model import Figure, Span
from recoupe.stages.crosscheck.conflicts import compatible, unit_class
from recoupe.stages.dates import find_dates
from recoupe.stages.figures import find_figures
from recoupe.stages.figures.numbers import find_numbers

from ..conftest import with_mentions


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("5 000 à 6 000", 5000, 6000, "range"),
        ("entre 30 000 et 40 000", 30000, 40000, "range"),
        ("treize", 13, 13, "exact"),
        ("3,5 millions", 3_500_000, 3_500_000, "exact"),
        ("plus de 200", 200, 200, "at_least"),
        ("supérieures à 6", 6, 6, "at_least"),
        ("inférieur à 10", 10, 10, "at_most"),
        ("des dizaines", 20, 90, "about"),
        ("une centaine", 80, 120, "about"),
    ],
)
def test_numbers_in_digits_words_ranges_and_approximations(text: str, low: float, high: float, qualifier: str) -> None:
    [number] = find_numbers(f"Il y a {text} personnes.")
    assert (number.low, number.high, number.qualifier) == (low, high, qualifier)


def test_figures_have_units_subjects_places_and_inherit_a_unit() -> None:
    text = "Il y aurait 5 000 à 6 000 combattants de l'EI dans Mossoul, et 3 000 à 4 000 à Raqqa, depuis juin 2014."
    doc = with_mentions(text, [("EI", "ORG"), ("Mossoul", "LOC"), ("Raqqa", "LOC")])
    doc = replace(doc, dates=tuple(find_dates(doc.id, text, None)))
    figures = find_figures(doc)
    assert [(f.text, f.unit, f.subject, f.place) for f in figures] == [
        ("5 000 à 6 000 combattants", "combattants", "combattants de l'EI dans Mossoul", "Mossoul"),
        ("3 000 à 4 000", "combattants", "combattants à Raqqa", "Raqqa"),
    ]
    assert all(f.span.of(text) == f.text for f in figures)


def test_clock_times_are_not_counts() -> None:
    assert find_figures(with_mentions("Le feu a été maîtrisé vers 23 heures par 60 pompiers.", [])) == (
        Figure(Span("d1", 41, 52), "60 pompiers", 60, 60, "pompiers", "exact", "pompiers", None),
    )


def _figure(low: float, high: float, qualifier: str = "exact") -> Figure:
    return Figure(Span("d", 0, 1), "x", low, high, "combattants", qualifier)


def test_compatibility_of_figures() -> None:
    assert not compatible(_figure(5000, 6000, "range"), _figure(30000, 40000, "range"))
    assert compatible(_figure(5000, 6000, "range"), _figure(5500, 5500))
    assert not compatible(_figure(240, 240), _figure(250, 250))
    assert compatible(_figure(225, 275, "about"), _figure(250, 250))
    assert compatible(_figure(200, 200, "at_least"), _figure(5000, 5000))
    assert unit_class("djihadistes") == unit_class("combattants") != unit_class("civils")


def test_days_of_dates_references_and_names_are_not_figures_ages_and_durations_are() -> None:
    text = (
        "Le dalaï-lama, âgé de 73 ans, arrive le 22 août pour douze jours. Les deux pays en parlent, "
        "tous deux inquiets, comme les Vingt-Sept. L'entrevue a débuté vers 16 h30 devant 1\u00a0500 fidèles."
    )
    figures = find_figures(with_mentions(text, []))
    assert [(f.text, f.low) for f in figures] == [("73 ans", 73), ("douze jours", 12), ("1\u00a0500 fidèles", 1500)]


def test_bare_ages_and_durations_of_different_things_do_not_conflict() -> None:
    from recoupe.stages.crosscheck.conflicts import figure_conflicts

    one = with_mentions("Le dalaï-lama, âgé de 73 ans, reste douze jours.", [])
    two = with_mentions("Après 49 ans d'exil, il enseigne cinq jours à Nantes.", [], id="d2")
    docs = [replace(d, figures=find_figures(d)) for d in (one, two)]
    assert figure_conflicts(docs) == []


def test_minutes_words_beginning_with_de_and_determiners_are_no_units() -> None:
    """ "Posted @ 09:44 GMT": minutes of a clock time; "quatre milliards devant leur écran": not "vant"; "trois de ses
    cousins": not "ses"; "quatre enfants pour assister aux obsèques": children, not of the funeral."""
    assert find_figures(with_mentions("Posted by Katrin @ 09:44 GMT.", [])) == ()
    assert find_figures(with_mentions("Quatre milliards devant leur écran ont vu la cérémonie.", [])) == ()
    assert find_figures(with_mentions("Elle est partie avec trois de ses cousins.", [])) == ()
    [father] = find_figures(with_mentions("Ce père de 4 enfants a perdu 2 de ses frères dans l'accident.", []))
    assert father.text == "4 enfants"  # "2 de ses frères" does not borrow "enfants"
    [children] = find_figures(
        with_mentions("Elle est partie avec quatre enfants pour assister aux obsèques de sa mère.", [])
    )
    assert children.unit == "enfants" and children.subject == "enfants"
