"""Issue 21: an opening pronoun written as the person it stands for (``summarize.antecedent``), an impersonal "il"
that needs no antecedent, and words attributed by a description ("police said", "a indiqué une porte-parole")."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from recoupe.eval.summaries import faithfulness
from recoupe.model import Document, Quote, Span
from recoupe.stages.summarize import summarize_story
from recoupe.stages.summarize.antecedent import _speaks, antecedent
from recoupe.stages.summarize.candidates import candidates
from recoupe.stages.summarize.checklist import described_speaker, needs_antecedent, unattributed

from ..conftest import make_doc, with_mentions


def _vectors(doc: Document, rows: list[list[float]]) -> Document:
    vectors = np.array(rows, dtype=np.float32)
    return replace(doc, vectors=vectors / np.linalg.norm(vectors, axis=1, keepdims=True))


@pytest.mark.parametrize(
    "text",
    [
        "Il y a une centaine d'agences fermées en Ile-de-France.",
        "« Il y a une centaine d'agences fermées », a affirmé Catherine Vinet-Larie.",
        "Il faut désormais attendre la décision du juge.",
        "Il est probable que le procès se tienne en juin.",
        "Il pourrait y avoir d'autres rebondissements.",
        "Il s'agit « d'éviter que les patients arrivent trop vite en réanimation ».",
        "Il a notamment fallu accéder au dernier étage de la cathédrale.",
        "Il pourrait s'agir d'aides-soignants ou d'infirmiers.",
        "Il n'empêche que le locataire de Matignon a perdu de son crédit.",
        'Il "faut maintenant s\'asseoir à la table des négociations".',
    ],
)
def test_an_impersonal_il_refers_to_nothing_before_it(text: str) -> None:
    assert not needs_antecedent(text, "fr")


@pytest.mark.parametrize(
    "text", ["Il est vrai que la coalition peine.", "Il est parti mardi.", "Il reste le favori du scrutin."]
)
def test_a_personal_il_or_a_connective_still_needs_its_antecedent(text: str) -> None:
    assert needs_antecedent(text, "fr")


@pytest.mark.parametrize(
    ("text", "language", "says"),
    [
        ("All 157 passengers had been freed from the train, police said.", "en", True),
        ("But aid agencies said the resolution was weak.", "en", True),
        ("According to police, the man fled on foot.", "en", True),
        ("« Des perquisitions ont eu lieu hier soir », a indiqué une porte-parole du groupe.", "fr", True),
        ("Le porte-parole du ministère a indiqué que rien n'était décidé.", "fr", True),
        ("He said the plan would fail.", "en", False),
        ("The company said profits fell.", "en", False),
        ("« Ca va susciter de la colère », a-t-il estimé.", "fr", False),
        ("Selon lui, la situation est grave.", "fr", False),
        ("Selon son avocat, la situation est grave.", "fr", False),
        ("Le texte dénonce un « fichage inacceptable ».", "fr", False),
    ],
)
def test_a_description_says_who_speaks_when_it_needs_no_sentence_before_it(
    text: str, language: str, says: bool
) -> None:
    assert described_speaker(text, language) is says


def test_words_given_by_a_description_are_attributed() -> None:
    text = "« Des perquisitions ont eu lieu hier soir », a indiqué une porte-parole du groupe."
    doc = make_doc(text)
    quote = Quote(Span("d1", 2, 41), text[2:41], True, None)
    assert not unattributed(replace(doc, quotes=(quote,)), doc.sentences[0])
    alone = make_doc("« Des perquisitions ont eu lieu hier soir », a-t-elle indiqué.")
    assert unattributed(replace(alone, quotes=(replace(quote, span=Span("d1", 2, 41)),)), alone.sentences[0])


def test_an_opening_pronoun_is_written_as_the_subject_named_before_and_cited() -> None:
    text = (
        "Jérôme Kerviel a été entendu mardi par les juges du pôle financier.\n"
        "Il a reconnu avoir pris des positions sans couverture sur les marchés."
    )
    doc = _vectors(with_mentions(text, [("Jérôme Kerviel", "PER")]), [[1, 0, 0], [0, 1, 0]])
    found = antecedent(doc, doc.sentences[1])
    assert found is not None and found.name == "Jérôme Kerviel" and found.span.start == 0
    assert [c.text for c in candidates([doc])][1].startswith("Jérôme Kerviel a reconnu avoir pris")
    written = [s for s in summarize_story([doc], 100) if s.text.startswith("Jérôme Kerviel a reconnu")]
    assert written and written[0].kind == "rewritten" and written[0].added == ("Jérôme Kerviel",)
    assert written[0].citations == (found.span, doc.sentences[1].span)
    assert faithfulness(written[0], {doc.id: doc.text}) == 1.0
    alone = replace(written[0], added=(), citations=(doc.sentences[1].span,))
    assert faithfulness(alone, {doc.id: doc.text}) < 1.0  # the name is in the span cited for it


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # two people in the sentence before: "il" may be either
        (
            "Daniel Bouton a reçu Jérôme Kerviel mardi au siège.\nIl a reconnu des erreurs de contrôle.",
            [("Daniel Bouton", "PER"), ("Jérôme Kerviel", "PER")],
        ),
        # two people of one surname
        (
            "Jean-Marie Le Pen a répondu mardi à Pierre Le Pen.\nIl a ajouté que le parti devait changer.",
            [("Jean-Marie Le Pen", "PER"), ("Pierre Le Pen", "PER")],
        ),
        # the subject before is a thing, not the person it names
        (
            "Le fichier voulu par Michel Dupont recense les militants.\nIl a ajouté que la police y aurait accès.",
            [("Michel Dupont", "PER")],
        ),
        # a pronoun of the other gender
        (
            "Mme Lagarde a présenté le plan mardi.\nIl a ajouté que le conseil l'adopterait.",
            [("Mme Lagarde", "PER")],
        ),
        # a description the tagger took for a name
        ("Le pape a reçu les évêques mardi.\nIl a appelé à la paix au Proche-Orient.", [("Le pape", "PER")]),
        # a first name alone, of the other gender
        ("Julien a répété la chorégraphie mardi.\nElle a expliqué que la chaîne hésitait.", [("Julien", "PER")]),
        # a name the tagger cut out of a longer one
        (
            "Jean-Pierre Pernaut a présenté le journal pendant trente ans.\nIl a annoncé qu'il quittait le 13H.",
            [("Pierre Pernaut", "PER")],
        ),
        # a name with a full stop inside: two sentences run together
        ("Il a parlé sur RTL.Ce principe a été défendu.\nIl a ajouté que rien n'était décidé.", [("RTL.Ce", "PER")]),
    ],
)
def test_no_name_is_written_when_the_sentence_before_does_not_have_one_person_as_its_subject(
    text: str, names: list[tuple[str, str]]
) -> None:
    doc = with_mentions(text, names)
    assert _speaks(doc.sentences[1].text, "fr")  # the pronoun speaks: another check leaves the name out
    assert antecedent(doc, doc.sentences[1]) is None


@pytest.mark.parametrize(
    ("text", "name", "speaking"),
    [
        # not the subject of a verb of speech or will: "il" may stand for a thing the sentence before names
        (
            "Antonio Guterres a lancé un appel au cessez-le-feu le 23 mars.\nIl a été soutenu par près de 180 pays.",
            "Antonio Guterres",
            "Il a ajouté que rien n'était décidé.",
        ),
        # a verb of will with nothing willed: "compte 300 habitants"
        (
            "Marie Dupont dirige la commune de Bourg depuis 2014.\nElle compte aujourd'hui 300 habitants.",
            "Marie Dupont",
            "Elle compte briguer un nouveau mandat.",
        ),
        # a stressed pronoun set off by a comma
        (
            "Yasmina Benali a hésité longtemps.\nElle, participer à un atelier de Sciences-po ?",
            "Yasmina Benali",
            "Elle a expliqué qu'elle hésitait.",
        ),
    ],
)
def test_no_name_is_written_for_a_pronoun_that_does_not_speak_or_will(text: str, name: str, speaking: str) -> None:
    doc = with_mentions(text, [(name, "PER")])
    assert antecedent(doc, doc.sentences[1]) is None
    said = antecedent(doc, replace(doc.sentences[1], text=speaking))  # the same place, a pronoun that speaks
    assert said is not None and said.name == name
