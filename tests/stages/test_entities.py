from recoupe.lexicon.names import phonetic
from recoupe.stages.stories.entities import _find_all, merge_entities

from ..conftest import make_doc, with_mentions

_doc = with_mentions


def _groups(docs) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    by_id = {d.id: d for d in docs}
    return {e.name: {s.of(by_id[s.doc].text) for s in e.mentions} for e in merge_entities(docs)}


def test_spelling_variants_acronyms_and_aliases_are_one_entity() -> None:
    docs = [
        _doc(
            "La lutte contre Daech continue à Raqqa. L'Etat islamique recule.",
            [("Daech", "ORG"), ("Raqqa", "LOC"), ("Etat islamique", "ORG")],
        ),
        _doc("Le groupe EI tient Raqa. Daesh vacille.", [("EI", "ORG"), ("Raqa", "LOC"), ("Daesh", "MISC")], id="d2"),
    ]
    groups = _groups(docs)
    assert groups["État islamique"] == {"Daech", "Etat islamique", "EI", "Daesh"}
    assert groups["Raqqa"] == {"Raqqa", "Raqa"}


def test_typos_short_forms_and_titles_join_the_full_name() -> None:
    docs = [
        _doc(
            "Jean-Yves Le Drian a reçu Ashton Carter. Le Drian a parlé.",
            [("Jean-Yves Le Drian", "PER"), ("Ashton Carter", "PER"), ("Le Drian", "PER")],
        ),
        _doc(
            "Jean-Ybes Le Drian et M. Carter sont à Paris.",
            [("Jean-Ybes Le Drian", "PER"), ("M. Carter", "PER"), ("Paris", "LOC")],
            id="d2",
        ),
    ]
    groups = _groups(docs)
    assert groups["Jean-Yves Le Drian"] == {"Jean-Yves Le Drian", "Le Drian", "Jean-Ybes Le Drian"}
    assert groups["Ashton Carter"] == {"Ashton Carter", "M. Carter"}


def test_different_referents_stay_apart() -> None:
    docs = [
        _doc(
            "François Hollande et Jean-Yves Le Drian parlent de Mossoul et de Raqqa.",
            [("François Hollande", "PER"), ("Jean-Yves Le Drian", "PER"), ("Mossoul", "LOC"), ("Raqqa", "LOC")],
        )
    ]
    assert set(_groups(docs)) == {"François Hollande", "Jean-Yves Le Drian", "Mossoul", "Raqqa"}


def test_capitalised_common_words_are_not_entities_and_missed_mentions_are_found() -> None:
    doc = _doc(
        "Interrogés sur Raqqa, les ministres de la défense ont parlé. La Défense prépare Raqqa.",
        [("Interrogés", "MISC"), ("Raqqa", "LOC"), ("Défense", "ORG")],
    )
    groups = _groups([doc])
    assert set(groups) == {"Raqqa"}
    assert len(next(iter(merge_entities([doc]))).mentions) == 2


def test_phonetic_keys() -> None:
    assert phonetic("Daech") == phonetic("Daesh") and phonetic("Raqqa") == phonetic("Raqa")
    assert phonetic("Mossoul") == phonetic("Mosul") != phonetic("Raqqa")


def test_every_occurrence_of_a_form_is_found_the_longest_first_and_only_whole() -> None:
    doc = make_doc("Jean-Yves Le Drian et Le Drian. Le Driant n'est pas Le Drian; M. Le Drian.")
    [longest, short] = _find_all([["Jean-Yves Le Drian"], ["Le Drian"]], [doc])
    assert [doc.text[s.start : s.end] for s in longest] == ["Jean-Yves Le Drian"]
    assert [s.start for s in short] == [22, 52, 65]  # not inside the full name, not in 'Le Driant'
