"""Issue 21: sentence compression (``summarize.compress``): what an article can do without is left out where the rest
of the sentence stands, and a compressed sentence still cites the span every one of its words comes from."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from recoupe.eval.summaries import faithfulness
from recoupe.model import Quote, Span
from recoupe.stages.summarize import summarize_story
from recoupe.stages.summarize.compress import aside, connective, leading_attribution, shorten, stands

from ..conftest import make_doc, with_mentions


@pytest.mark.parametrize(
    ("text", "language", "short"),
    [
        (
            "Les forces irakiennes ont repris trois villages au sud de Mossoul, a indiqué le commandement.",
            "fr",
            "Les forces irakiennes ont repris trois villages au sud de Mossoul.",
        ),
        (
            "La banque va lancer un avertissement sur ses résultats, selon la Tribune.",
            "fr",
            "La banque va lancer un avertissement sur ses résultats.",
        ),
        (
            "More than 100 people were injured in the derailment near Bundaberg, police said.",
            "en",
            "More than 100 people were injured in the derailment near Bundaberg.",
        ),
        (
            "WASHINGTON (CNN) -- Condoleezza Rice is President Bush's choice to succeed Colin Powell.",
            "en",
            "Condoleezza Rice is President Bush's choice to succeed Colin Powell.",
        ),
        (
            "Kmart, which emerged from bankruptcy in 2003, is buying Sears for $11 billion.",
            "en",
            "Kmart is buying Sears for $11 billion.",
        ),
        (
            "Le ministre, qui était à Lyon mardi, a rencontré les syndicats de l'usine.",
            "fr",
            "Le ministre a rencontré les syndicats de l'usine.",
        ),
        (
            "Baudouin Prot et Georges Pauget ont défendu le plan de soutien, estimant que l'Etat ne faisait pas de cadeau.",
            "fr",
            "Baudouin Prot et Georges Pauget ont défendu le plan de soutien.",
        ),
    ],
)
def test_attributions_datelines_and_incidental_clauses_are_left_out(text: str, language: str, short: str) -> None:
    doc = make_doc(text, language=language)
    assert shorten(doc, doc.sentences[0]) == short


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a quote and an opinion keep their speaker (the editor's checklist)
        ('"Nous ne céderons pas", a déclaré le ministre devant les députés réunis.', "fr"),
        ("La France doit agir vite contre la fraude fiscale, a déclaré le ministre.", "fr"),
        ("Les Farc avaient touché quelque 20 millions de dollars pour libérer les otages, a affirmé la radio.", "fr"),
        ("Japan must consider the implications of the vessel's nationality, an official said.", "en"),
        # what is left would not stand: a pronoun without its antecedent, too few words, a cleft sentence
        ("The train derailed near Bundaberg, and officials said it was speeding.", "en"),
        ("Il a démissionné, a indiqué le parti.", "fr"),
        ("Après FO, c'est l'adjoint au maire de Lyon, Etienne Tête, qui fait appel à la juridiction.", "fr"),
        # a preposition is not a participle: the time it gives stays
        ("Two men were arrested in the centre of the city, during the night.", "en"),
        ("Deux hommes ont été interpellés dans le centre de Lyon, pendant la nuit.", "fr"),
        # the closing comma of an apposition would go with the clause
        ("Mr Kostov, 45, who took office in May, survived a vote of no-confidence in September.", "en"),
        # a subject and its aside between dashes is no dateline (a dateline has a credit in brackets or capitals)
        ("Marine Le Pen – déjà affaiblie par la défaite – a perdu les élections régionales.", "fr"),
        ("Le PS – déjà affaibli par la défaite – a perdu les élections régionales de dimanche.", "fr"),
        # a place name is not a participle; a clause that denies what the sentence says stays
        ("The talks were held last week in Shanghai, Beijing and Nanjing with trade officials.", "en"),
        ("Local media reported a second explosion near the station, which police later denied.", "en"),
        ("Les médias ont signalé une seconde explosion près de la gare, qui a été démentie par la police.", "fr"),
        # a forecast keeps its source
        ("Les prix augmenteront de 3 % l'an prochain, selon les prévisions de la Banque de France.", "fr"),
        ("Prices will rise by 3 percent next year, according to the central bank's forecast.", "en"),
    ],
)
def test_what_must_stay_attributed_or_would_not_stand_is_kept(text: str, language: str) -> None:
    doc = make_doc(text, language=language)
    assert shorten(doc, doc.sentences[0]) == text


def test_a_direct_quote_found_by_the_quotes_stage_keeps_its_attribution() -> None:
    text = "Les forces irakiennes ont repris trois villages au sud de Mossoul, a indiqué le commandement."
    doc = make_doc(text)
    quoted = replace(doc, quotes=(Quote(Span("d1", 0, 60), text[:60], direct=True, speaker="commandement"),))
    assert shorten(quoted, quoted.sentences[0]) == text


def test_the_rules_left_out_of_the_default_set_still_do_what_they_say() -> None:
    assert aside("Le trader (échéance au 31 décembre) a perdu.", "fr", False) == "Le trader a perdu."
    assert aside("Reporters sans frontières (RSF) pirate une fréquence.", "fr", False).endswith(
        "(RSF) pirate une fréquence."
    )
    assert leading_attribution("Selon la police, deux hommes ont été interpellés.", "fr", False) == (
        "Deux hommes ont été interpellés."
    )
    assert connective("Par ailleurs, le ministre a rencontré les syndicats.", "fr", False) == (
        "Le ministre a rencontré les syndicats."
    )
    assert stands("Deux hommes ont été interpellés à Lyon.", "fr")
    assert not stands("Deux hommes à Lyon", "fr")


def test_a_compressed_article_sentence_cites_its_span_and_every_content_word_is_in_it() -> None:
    """Issue 21: a compressed sentence cites the span it comes from, and all its words are that span's."""
    text = (
        "Les ministres de la coalition contre l'Etat islamique se sont réunis à Paris, a indiqué le Quai d'Orsay.\n"
        "Les forces irakiennes, qui avancent depuis lundi, ont repris trois villages au sud de Mossoul."
    )
    vectors = np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32)
    doc = replace(with_mentions(text, [("Quai d'Orsay", "ORG")]), vectors=vectors)
    article = summarize_story([doc], 100)
    compressed = [s for s in article if s.kind == "compressed"]
    assert [s.text for s in compressed] == [
        "Les ministres de la coalition contre l'Etat islamique se sont réunis à Paris.",
        "Les forces irakiennes ont repris trois villages au sud de Mossoul.",
    ]
    for sentence in compressed:
        [span] = sentence.citations
        assert span in {s.span for s in doc.sentences}
        cited = {w.lower() for w in re.findall(r"\w+", span.of(doc.text))}
        assert {w.lower() for w in re.findall(r"\w+", sentence.text)} <= cited
        assert faithfulness(sentence, {doc.id: doc.text}) == 1.0


def test_a_capitalised_place_with_a_dash_is_a_dateline() -> None:
    doc = make_doc("PARIS - Le gouvernement a présenté mardi son projet de budget pour l'an prochain.")
    assert shorten(doc, doc.sentences[0]) == "Le gouvernement a présenté mardi son projet de budget pour l'an prochain."
