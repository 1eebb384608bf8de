import pytest

from recoupe.config import Settings
from recoupe.errors import UnsupportedLanguage
from recoupe.model import Mention, Span
from recoupe.registry import stages
from recoupe.stages.annotate import _person_by_context, tidy_mention
from recoupe.stages.language import detect_language

from ..conftest import make_doc


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Les ministres de la Défense se sont réunis mardi à Paris pour parler de Mossoul.", "fr"),
        ("The defence ministers met in Paris on Tuesday to discuss the battle for Mosul.", "en"),
        ("Die Verteidigungsminister trafen sich am Dienstag in Paris, um über Mossul zu sprechen.", "de"),
        ("I ministri della Difesa si sono riuniti martedì a Parigi per parlare di Mosul.", "it"),
    ],
)
def test_languages_are_told_apart(text: str, code: str) -> None:
    assert detect_language(text) == code


ITALIAN = "I ministri della Difesa si sono riuniti martedì a Parigi per parlare di Mosul."


def test_an_unsupported_language_names_the_document_and_the_language_when_others_are_refused() -> None:
    stage = stages.get("language")(Settings(other_languages=False))  # type: ignore[operator]
    with pytest.raises(UnsupportedLanguage, match=r"test:d1: the text is in 'it'"):
        stage(make_doc(ITALIAN))


def test_another_language_is_kept_and_marked_partly_analysed() -> None:
    """Issue 17: a language outside fr/en/de was refused (E201); it is analysed with what needs no model."""
    doc = stages.get("language")(Settings())(make_doc(ITALIAN))  # type: ignore[operator]
    assert doc.language == "it" and doc.partly_analysed
    assert not make_doc("Un texte.", language="fr").partly_analysed


def test_mentions_lose_elisions_and_punctuation_and_keep_exact_spans() -> None:
    text = "Selon l'Etat islamique, Raqqa."
    mention = tidy_mention("d", text, 6, 22, "ORG")
    assert mention is not None and mention.text == "Etat islamique" and mention.span.of(text) == "Etat islamique"
    assert tidy_mention("d", "interrogés sur", 0, 10, "MISC") is None


def test_french_entities_come_with_spans_into_the_clean_text() -> None:
    stage = stages.get("annotate")(Settings())  # type: ignore[operator]
    doc = stage(make_doc("Jean-Yves Le Drian a reçu Ashton Carter à Paris."))
    assert {(m.text, m.label) for m in doc.mentions} >= {("Jean-Yves Le Drian", "PER"), ("Paris", "LOC")}
    assert all(m.span.of(doc.text) == m.text for m in doc.mentions)


def test_a_full_name_with_a_role_after_it_is_a_person_whatever_the_tagger_said() -> None:
    text = "a annoncé Khieu Kanharith, porte-parole du gouvernement, puis Phnom Penh, la capitale, et M. Sompong Amornvivat."

    def mention(name: str) -> Mention:
        start = text.index(name)
        return Mention(Span("d", start, start + len(name)), name, "LOC")

    assert _person_by_context(text, mention("Khieu Kanharith")).label == "PER"
    assert _person_by_context(text, mention("Sompong Amornvivat")).label == "PER"
    assert _person_by_context(text, mention("Phnom Penh")).label == "LOC"


def test_people_a_title_names_alone_are_persons() -> None:
    stage = stages.get("annotate")(Settings())  # type: ignore[operator]
    doc = stage(make_doc("Le dalaï-lama a reçu Ségolène Royal. Le pape Benoît XVI est venu, puis le pape est reparti."))
    persons = [(m.text, m.span.of(doc.text)) for m in doc.mentions if m.label == "PER"]
    assert ("dalaï-lama", "dalaï-lama") in persons and ("pape", "pape") in persons
    assert [m.span.start for m in doc.mentions] == sorted(m.span.start for m in doc.mentions)
    assert sum(1 for name, _ in persons if name == "pape") == 1  # "le pape Benoît XVI" is Benoît XVI's mention


def test_a_mention_that_runs_a_role_into_a_name_is_the_persons_name() -> None:
    text = "a déclaré le Premier ministre Ehud Olmert. Le ministre cambodgien de la Défense Tea Banh a salué. Le Conseil Jean Dupont."

    def mention(name: str, label: str = "MISC") -> Mention:
        start = text.index(name)
        return Mention(Span("d", start, start + len(name)), name, label)  # type: ignore[arg-type]

    olmert = _person_by_context(text, mention("Premier ministre Ehud Olmert"))
    banh = _person_by_context(text, mention("Défense Tea Banh"))
    assert (olmert.text, olmert.label, olmert.span.of(text)) == ("Ehud Olmert", "PER", "Ehud Olmert")
    assert (banh.text, banh.label, banh.span.of(text)) == ("Tea Banh", "PER", "Tea Banh")
    assert _person_by_context(text, mention("Conseil Jean Dupont", "ORG")).label == "ORG"  # no role: left alone


def test_a_title_is_a_person_but_no_name_to_group_stories_by() -> None:
    from recoupe.lexicon.names import is_title
    from recoupe.stages.stories.cluster import entity_keys

    stage = stages.get("annotate")(Settings())  # type: ignore[operator]
    doc = stage(make_doc("Le dalaï-lama a reçu Ségolène Royal à Paris."))
    assert is_title("dalaï-lama") and is_title("Dalaï Lama") and not is_title("Ségolène Royal")
    assert "dalai-lama" not in entity_keys(doc) and any("royal" in key for key in entity_keys(doc))


def test_a_role_run_into_three_capitalised_words_keeps_a_first_name_with_the_last_two() -> None:
    text = (
        "le PDG de la Société Générale Daniel Bouton a dit, et le président du Front national Jean-Marie Le Pen aussi."
    )

    def mention(name: str) -> Mention:
        start = text.index(name)
        return Mention(Span("d", start, start + len(name)), name, "ORG")

    assert _person_by_context(text, mention("Société Générale Daniel Bouton")).text == "Daniel Bouton"
    assert _person_by_context(text, mention("Front national Jean-Marie Le Pen")).text == "Jean-Marie Le Pen"
