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


def test_reports_published_weeks_apart_are_not_one_story() -> None:
    """A batch of one outlet's quarter: the same strike's first day and its sixth week are two stories, as in the
    store (``story_window_days``); undated reports are grouped on their words alone."""
    from recoupe.stages.stories import group_documents

    vector = np.ones((1, 512), dtype=np.float32)
    text = "La grève contre la réforme des retraites se poursuit à la SNCF et à la RATP."

    def report(id: str, published: str | None):  # type: ignore[no-untyped-def]
        return make_doc(text, id=id, vectors=vector, published=published)

    dated = [report("a", "2020-01-05"), report("b", "2020-01-20"), report("c", "2020-02-28")]
    assert sorted(members for members, _ in group_documents(dated, 0.375)) == [[0, 1, 2]]
    assert sorted(members for members, _ in group_documents(dated, 0.375, 30)) == [[0, 1], [2]]
    undated = [report("a", None), report("b", None), report("c", "2020-02-28")]
    assert sorted(members for members, _ in group_documents(undated, 0.375, 30)) == [[0, 1, 2]]
