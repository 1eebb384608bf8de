"""Issue 18: the names of one speaker are one entity (an acronym and its spelt-out form, a surname and the full
name), in the cross-report agreement and in the choice of a report's protagonist."""

from dataclasses import replace

from recoupe.model import Document, Mention, Quote, Span
from recoupe.stages.quotes.confidence import AgreementIndex, features
from recoupe.stages.quotes.names import SpeakerNames
from recoupe.stages.quotes.organisations import organisations
from recoupe.stages.quotes.speakers import Speakers

from ..conftest import with_mentions


def test_an_acronym_and_its_spelt_out_forms_are_one_speaker() -> None:
    names = SpeakerNames(
        [
            "Le Comité international olympique (CIO) a réagi.",
            "la CNCE (Caisse d'Epargne, ndlr) a porté plainte.",
            "le Parti communiste français (PCF) dénonce le fichier.",
        ]
    )
    assert names.same("CIO", "Comité international olympique")
    assert names.same("CNCE", "Caisse d'Epargne")
    assert names.same("PCF", "Parti communiste") and names.same("PCF", "Parti communiste français")
    assert not names.same("PCF", "Parti socialiste") and not names.same("CIO", "Comité")


def test_initials_count_only_when_the_reports_write_the_acronym() -> None:
    assert SpeakerNames(["La LDH proteste."]).same("Ligue des droits de l'Homme", "LDH")
    assert not SpeakerNames(["Rien ici."]).same("Ligue des droits de l'Homme", "LDH")


def test_a_surname_and_the_full_name_are_one_person() -> None:
    names = SpeakerNames(["François Hollande a parlé. M. Hollande a ajouté."])
    assert names.same("Hollande", "François Hollande") and names.same("M. Hollande", "François Hollande")
    assert not names.same("François Hollande", "François Fillon")


def test_two_people_of_one_surname_are_two_speakers() -> None:
    """Review of issue 18: "Marine Le Pen" and "Jean-Marie Le Pen" in one batch are two people; a title is no first
    name; an acronym's gloss that is a person ("FO (Jean-Claude Mailly)") is no spelt-out form."""
    text = "Marine Le Pen a répondu à Jean-Marie Le Pen. Mme Le Pen a ajouté. FO (Jean-Claude Mailly) proteste."
    names = SpeakerNames([text], ["Marine Le Pen", "Jean-Marie Le Pen", "Mme Le Pen", "Jean-Claude Mailly"])
    assert not names.same("Marine Le Pen", "Jean-Marie Le Pen")
    assert names.same("Marine Le Pen", "Marine Le Pen")
    assert not names.same("Jean-Claude Mailly", "FO")
    alone = SpeakerNames(["Marine Le Pen a répondu. Mme Le Pen a ajouté."], ["Marine Le Pen", "Mme Le Pen"])
    assert alone.same("Le Pen", "Marine Le Pen")


def _quote(doc_id: str, text: str, words: str, speaker: str) -> Quote:
    start = text.index(words)
    return Quote(Span(doc_id, start, start + len(words)), words, True, speaker)


def test_two_reports_naming_one_organisation_two_ways_agree() -> None:
    words = "Le CIO n'est pas une organisation souveraine et nous le savons"
    first = f"Le Comité international olympique (CIO) a parlé. « {words} », a dit le Comité international olympique."
    second = f"« {words} », a indiqué le CIO."
    a = with_mentions(first, [("Comité international olympique", "ORG")], id="a")
    b = with_mentions(second, [("CIO", "ORG")], id="b")
    qa, qb = _quote("a", first, words, "Comité international olympique"), _quote("b", second, words, "CIO")
    index = AgreementIndex([replace(a, quotes=(qa,)), replace(b, quotes=(qb,))])
    values = features(a, qa, "incise", index)
    assert values["agree"] == 1.0 and values["disagree"] == 0.0


def test_the_protagonist_counts_a_surname_with_the_full_name() -> None:
    text = "Jean Dupont est venu. Pierre Martin aussi. Pierre Martin a parlé. Dupont a souri. Dupont est reparti."
    doc = with_mentions(text, [])
    mentions = []
    for name in ("Jean Dupont", "Pierre Martin"):
        start = 0
        while (start := text.find(name, start)) >= 0:
            mentions.append((start, name))
            start += len(name)
    for start in [i for i in range(len(text)) if text.startswith("Dupont", i) and text[i - 5 : i] != "Jean "]:
        mentions.append((start, "Dupont"))
    doc = replace(doc, mentions=tuple(Mention(Span("d1", s, s + len(n)), n, "PER") for s, n in sorted(mentions)))
    assert Speakers([doc]).protagonist(doc) == "Jean Dupont"  # three mentions of Dupont against two of Martin


def test_a_name_that_only_completes_a_noun_is_flagged_and_one_that_speaks_elsewhere_too() -> None:
    text = (
        "La mère adoptive du petit Mohamed a demandé sa garde : « Je demande à la justice de me le rendre ». "
        "« Je suis content », a dit Mohamed."
    )
    doc = with_mentions(text, [("Mohamed", "PER")])
    quote = _quote("d1", text, "Je demande à la justice de me le rendre", "Mohamed")
    other = _quote("d1", text, "Je suis content", "Mohamed")
    values = features(doc, quote, "named-next-to-words", AgreementIndex([replace(doc, quotes=(quote,))]))
    assert values["not_subject"] == 1.0 and values["speaks_elsewhere"] == 0.0
    both: Document = replace(doc, quotes=(quote, other))
    assert features(doc, quote, "named-next-to-words", AgreementIndex([both]))["speaks_elsewhere"] == 1.0
    subject = "Mohamed a demandé : « Je demande à la justice de me le rendre »."
    doc2 = with_mentions(subject, [("Mohamed", "PER")])
    quote2 = _quote("d1", subject, "Je demande à la justice de me le rendre", "Mohamed")
    assert features(doc2, quote2, "named-next-to-words", AgreementIndex([doc2]))["not_subject"] == 0.0


def test_a_verb_of_speech_by_the_name_is_a_cue() -> None:
    said = "« Je suis content », a déclaré Pierre Martin. Jean Dupont était là."
    seen = "Pierre Martin était là. Jean Dupont est venu : « Je suis content »."
    for text, expected in ((said, 1.0), (seen, 0.0)):
        doc = with_mentions(text, [("Pierre Martin", "PER"), ("Jean Dupont", "PER")])
        quote = _quote("d1", text, "Je suis content", "Pierre Martin")
        assert features(doc, quote, "incise", AgreementIndex([doc]))["verb_by_name"] == expected


def test_a_verb_of_someone_named_after_the_name_is_no_cue() -> None:
    text = "Dès qu'elle a reconnu Pierre Martin, Marie Curie a alerté la police : « Je suis contente »."
    doc = with_mentions(text, [("Pierre Martin", "PER"), ("Marie Curie", "PER")])
    quote = _quote("d1", text, "Je suis contente", "Pierre Martin")
    assert features(doc, quote, "named-next-to-words", AgreementIndex([doc]))["verb_by_name"] == 0.0


def test_a_one_word_organisation_is_the_one_the_report_named_in_full() -> None:
    text = "Le Comité international olympique a réagi. Le Comité surveille Internet."
    doc = with_mentions(text, [("Comité international olympique", "ORG")])
    second = text.index("Comité surveille")
    doc = replace(doc, mentions=(*doc.mentions, Mention(Span("d1", second, second + 6), "Comité", "ORG")))
    assert organisations(doc, second - 5, len(text)) == ["Comité international olympique"]


def test_pour_and_the_name_before_a_quote_is_a_cue() -> None:
    text = "Enfin, pour Pierre Martin, porte-parole d'une milice : « Notre mission est claire »."
    doc = with_mentions(text, [("Pierre Martin", "PER")])
    quote = _quote("d1", text, "Notre mission est claire", "Pierre Martin")
    assert features(doc, quote, "named-next-to-words", AgreementIndex([doc]))["verb_by_name"] == 1.0
