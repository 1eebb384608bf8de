from recoupe.stages.crosscheck.copies import source_groups

from ..conftest import make_doc

WIRE = (
    "Un incendie a ravagé mercredi soir un entrepôt de solvants de l'usine Chimiflor à Vénissieux, blessant "
    "légèrement trois employés, a annoncé jeudi la préfecture. Une soixantaine de pompiers ont été mobilisés."
)


def test_copies_of_one_wire_story_are_one_source_and_rewrites_are_not() -> None:
    docs = [
        make_doc(WIRE, id="a"),
        make_doc("Par notre correspondant. " + WIRE + " L'enquête est ouverte.", id="b"),
        make_doc(
            "Trois salariés ont été blessés dans le feu de l'usine Chimiflor, selon la préfecture du Rhône.", id="c"
        ),
    ]
    groups = source_groups(docs)
    assert groups["a"] == groups["b"] != groups["c"]
