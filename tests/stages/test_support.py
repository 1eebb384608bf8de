"""Issue 18: a second source backs a sentence only when it states the same fact, not the same topic."""

from recoupe.stages.summarize.support import facts, same_fact

from ..conftest import with_mentions


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
