"""Issue 18: two reports writing the same words around one slot and filling it with different values disagree."""

from dataclasses import replace
from datetime import date

from recoupe.model import Document
from recoupe.stages.crosscheck.variants import spellings, variant_conflicts
from recoupe.stages.dates import find_dates
from recoupe.stages.figures import find_figures
from recoupe.stages.summarize.disagreements import state_conflicts

from ..conftest import make_doc, with_mentions


def _doc(text: str, id: str, names: list[tuple[str, str]] | None = None) -> Document:
    doc = with_mentions(text, [(name, label) for name, label in names or [] if name in text], id=id)
    return replace(doc, figures=find_figures(doc))


def test_two_names_in_one_sentence_are_a_conflict_stated_when_the_whole_name_differs() -> None:
    words = "a assuré que le petit garçon avait échappé à la surveillance de la nourrice dans un jardin."
    a = _doc(f"Selon Karine Dussourt, le petit garçon {words}", "a", [("Karine Dussourt", "PER")])
    b = _doc(f"Selon Khaldia Dussourt, le petit garçon {words}", "b", [("Khaldia Dussourt", "PER")])
    [partly] = variant_conflicts([a, b])
    assert partly.kind == "fact" and partly.status == "conflict" and not partly.stated
    assert sorted(c.value for c in partly.claims) == ["Karine", "Khaldia"]
    c = _doc(f"Le maire, Dussourt, {words}", "c", [("Dussourt", "PER")])
    d = _doc(f"Le maire, Martin, {words}", "d", [("Martin", "PER")])
    [whole] = variant_conflicts([c, d])
    assert whole.stated


def test_two_spellings_of_one_name_are_no_conflict() -> None:
    """Tempting (the convention of issue 18's gold sets): "Fatma" and "Fatna" are one woman misspelt, "Jean-Luc" and
    "Jean-Louis" Romero one man."""
    words = "a été entendue par les enquêteurs de la brigade des mineurs mardi soir à Marseille."
    a = _doc(f"La mère, Fatma, {words}", "a", [("Fatma", "PER")])
    b = _doc(f"La mère, Fatna, {words}", "b", [("Fatna", "PER")])
    assert variant_conflicts([a, b]) == []
    c = _doc(f"Le président, Jean-Luc Romero, {words}", "c", [("Jean-Luc Romero", "PER")])
    d = _doc(f"Le président, Jean-Louis Romero, {words}", "d", [("Jean-Louis Romero", "PER")])
    assert variant_conflicts([c, d]) == []


def test_a_duration_given_two_values_in_the_same_words_is_a_possible_conflict() -> None:
    """ "13 jours" says nothing of what it measures (the figure conflicts leave it); the same words around it do."""
    a = _doc("Le problème, c'est que la nounou lui a menti pendant 13 jours.", "a")
    b = _doc("Selon une cousine, la « nounou » lui aurait menti pendant 12 jours, affirmant que tout allait bien.", "b")
    c = _doc("La nounou lui a menti pendant 13 jours.", "c")
    [conflict] = variant_conflicts([a, b, c])
    assert conflict.kind == "figure" and conflict.status == "conflict" and not conflict.stated
    assert sorted(c.span.doc for c in conflict.claims) == ["a", "b", "c"]


def test_the_same_words_with_the_same_value_or_a_rewording_are_no_conflict() -> None:
    """Tempting: one sentence with "treize" for "13", or with its verb reworded, or about another person named in
    a different sentence."""
    a = _doc("Le problème, c'est que la nounou lui a menti pendant 13 jours.", "a")
    b = _doc("Le problème, c'est que la nounou lui a menti pendant treize jours.", "b")
    c = _doc("Le problème, c'est que la nounou lui a caché la vérité pendant 12 jours.", "c")
    d = _doc("Jean Dupont est arrivé hier.", "d", [("Jean Dupont", "PER")])
    e = _doc("Paul Martin est arrivé hier.", "e", [("Paul Martin", "PER")])
    assert variant_conflicts([a, b, c, d, e]) == []


def test_a_year_in_the_same_words_is_only_a_possible_conflict() -> None:
    """A year may label an edition or a season rather than date a fact; two years in the same words are listed as
    possible, never stated (two days in the same words would be)."""
    words = "par le laboratoire de Châtenay-Malabry, qui y avait trouvé de l'EPO."
    a = make_doc(f"Les échantillons ont été analysés en 1999 {words}", id="a")
    b = make_doc(f"Les échantillons ont été analysés en 2005 {words}", id="b")
    a, b = (replace(d, dates=tuple(find_dates(d.id, d.text, None))) for d in (a, b))
    [conflict] = variant_conflicts([a, b])
    assert conflict.kind == "date" and conflict.status == "conflict" and not conflict.stated


def test_a_fact_conflict_is_stated_as_a_disagreement_of_the_sources_not_of_figures() -> None:
    words = "a assuré que le petit garçon avait échappé à la surveillance de la nourrice dans un jardin."
    c = _doc(f"Le maire, Dussourt, {words}", "c", [("Dussourt", "PER")])
    d = _doc(f"Le maire, Martin, {words}", "d", [("Martin", "PER")])
    [sentence] = state_conflicts(variant_conflicts([c, d]), [c, d])
    assert sentence.text == "Les sources divergent (Le maire … assuré que le) : Dussourt selon [1]; Martin selon [2]."


def test_one_weekday_written_in_reports_a_week_apart_is_no_conflict() -> None:
    """Review of issue 18: the same sentence with "mardi", in two reports published a week apart, resolves to two
    dates; the texts do not disagree (a wire story repeated, or two events of one weekday)."""
    words = (
        "les ministres de la coalition se sont réunis mardi à Paris pour préparer l'offensive sur la ville de Raqqa."
    )
    a = _doc(f"Selon le ministère, {words}", "a")
    b = _doc(f"Selon le ministère, {words}", "b")
    a = replace(a, dates=tuple(find_dates("a", a.text, date(2024, 3, 14))))
    b = replace(b, dates=tuple(find_dates("b", b.text, date(2024, 3, 21))))
    assert {d.value for d in a.dates} != {d.value for d in b.dates}
    assert variant_conflicts([a, b]) == []


def test_an_abbreviation_a_reordered_list_or_a_code_is_no_conflict() -> None:
    """Issue 18: "at the Kennedy Center" and "at the Kennedy Ctr"; "Argentina, Ecuador, Paraguay and Uruguay" and
    "Argentina, Ecuador, Uruguay and Paraguay"."""
    words = "and politely asked the director of the programme to explain the new lease of the tankers."
    a = _doc(f"I saw Rudy deLeon at the Kennedy Center {words}", "a", [("Kennedy Center", "LOC")])
    b = _doc(f"I saw Rudy deLeon at the Kennedy Ctr {words}", "b", [("Kennedy Ctr", "LOC")])
    assert variant_conflicts([a, b]) == []
    names = [(n, "LOC") for n in ("Argentina", "Ecuador", "Paraguay", "Uruguay")]
    c = _doc(
        "The leaders of Argentina, Ecuador, Paraguay and Uruguay had already stayed away from the summit.", "c", names
    )
    d = _doc(
        "The leaders of Argentina, Ecuador, Uruguay and Paraguay had already stayed away from the summit.", "d", names
    )
    assert variant_conflicts([c, d]) == []


def test_one_outlet_s_template_sentence_about_two_things_or_two_moments_is_no_conflict() -> None:
    """Issue 18: "permettant d'abattre le 0 à 100 km/h en 4,4 secondes" said of two cars; "ont été placés en
    vigilance orange par Météo France" of Corsica and of Normandy a month apart."""
    words = "permettant d'abattre le 0 à 100 km/h en {} secondes et d'atteindre la vitesse maximale."
    names = [("BMW", "ORG"), ("Mercedes", "ORG")]
    a = _doc("La BMW est animée par un bloc " + words.format("4"), "a", names)
    b = _doc("La Mercedes est animée par un bloc " + words.format("6"), "b", names)
    assert variant_conflicts([a, b]) == []
    c = _doc("La BMW est animée par un bloc " + words.format("6"), "c", names)
    assert len(variant_conflicts([a, c])) == 1
    alert = "département ont été placés en vigilance orange pluie-inondation par Météo France ce week-end."
    regions = [("Corse", "LOC"), ("Normandie", "LOC"), ("Météo France", "ORG")]
    d = _doc(f"Le plus grand de Corse {alert}", "d", regions)
    e = _doc(f"Le plus grand de Normandie {alert}", "e", regions)
    assert len(variant_conflicts([d, e])) == 1
    assert variant_conflicts([replace(d, published="2018-11-03"), replace(e, published="2018-10-06")]) == []


def test_a_short_word_with_vowels_is_no_abbreviation() -> None:
    """Review: "Iran" and "Irlande" are two names; "Ctr" and "Center" one."""
    assert not spellings("Iran", "Irlande")
    assert spellings("Ctr", "Center")


def test_a_title_is_no_name_of_its_own() -> None:
    words = (
        "a écrit sur Twitter que la réforme des retraites devait aller à son terme sans attendre la fin de la grève."
    )
    a = _doc(f"Le patron du Medef, M. Roux de Bézieux, {words}", "a", [("M. Roux de Bézieux", "PER")])
    b = _doc(f"Le patron du Medef, Geoffroy Roux de Bézieux, {words}", "b", [("Geoffroy Roux de Bézieux", "PER")])
    assert variant_conflicts([a, b]) == []
