import numpy as np

from recoupe.lexicon.names import fold
from recoupe.stages.stories.cluster import average_link
from recoupe.stages.stories.frames import off_topic, participant_counts

from ..conftest import make_doc


def test_average_link_keeps_loosely_chained_documents_apart() -> None:
    sim = np.array([[1, 0.9, 0.6, 0.1], [0.9, 1, 0.6, 0.1], [0.6, 0.6, 1, 0.55], [0.1, 0.1, 0.55, 1]])
    assert average_link(sim, 0.5) == [[0, 1, 2], [3]]


def test_names_fold_case_accents_and_apostrophes() -> None:
    assert fold("État  Islamique") == fold("etat islamique")
    assert fold("l’EI") == "ei"


def test_participant_counts_come_from_sentences_about_a_gathering() -> None:
    doc = make_doc("Treize ministres de la Défense sont réunis à Paris. Il y aurait 5 000 combattants dans 3 pays.")
    assert participant_counts(doc) == {13}


def test_a_report_of_another_meeting_is_set_apart_but_a_report_without_count_stays() -> None:
    docs = [
        make_doc("Une rencontre de 13 ministres a eu lieu à Paris.", id="a"),
        make_doc("Lors d'une réunion tenue par 13 ministres à Paris.", id="b"),
        make_doc("Une réunion des ministres de sept pays aura lieu mercredi.", id="c"),
        make_doc("Les ministres ont parlé de Raqqa.", id="d"),
    ]
    assert off_topic(docs) == {2}


def test_no_majority_no_verdict() -> None:
    docs = [make_doc("Une réunion de 13 ministres.", id="a"), make_doc("Une réunion de sept pays.", id="b")]
    assert off_topic(docs) == set()
