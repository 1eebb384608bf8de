from hypothesis import given
from hypothesis import strategies as st

from recoupe.pipeline import Pipeline
from recoupe.stages.clean import clean_text, split_title
from recoupe.stages.clean.boilerplate import is_boilerplate

from ..conftest import make_raw

# lines as they stand in scraped reports (seeds 001 and 002), written here by hand
NOISY = """Lutte contre Daech: l'offensive progresse
Lutte contre Daech: l'offensive progresse
Publié le :
Mercredi 26 Octobre 2016 - 12:54
0
154
©Safin Hamed/AFP
PARTAGER :
-A +A
Temps de lecture estimé : 2 minutes
Le ministre, avec les militaires dans la station de RER. (ministère français de la Défense)
Lancée lundi 17, l'offensive de l'armée irakienne progresse rapidement.
→ A (RE)ECOUTER : Irak: «Mossoul, offensive à haut risque»
Le président a appelé à la vigilance.
Commentaires
-
Bravo pour cet article"""


def test_boilerplate_goes_to_removed_and_the_body_stays() -> None:
    kept, removed = clean_text(NOISY)
    assert kept == [
        "Lutte contre Daech: l'offensive progresse",
        "Lancée lundi 17, l'offensive de l'armée irakienne progresse rapidement.",
        "Le président a appelé à la vigilance.",
    ]
    for line in (
        "©Safin Hamed/AFP",
        "PARTAGER :",
        "-A +A",
        "154",
        "Commentaires",
        "Bravo pour cet article",
        "Temps de lecture estimé : 2 minutes",
        "Mercredi 26 Octobre 2016 - 12:54",
    ):
        assert line in removed
    assert removed.count("Lutte contre Daech: l'offensive progresse") == 1


def test_the_first_short_line_is_the_title_and_a_long_sentence_is_not() -> None:
    assert split_title(["Un titre court", "Le corps."]) == ("Un titre court", ["Le corps."])
    lead = "La France, le plus vieil allié des Etats-Unis. Les Etats-Unis fiers d'être au côté de la France."
    assert split_title([lead, "Suite."]) == (None, [lead, "Suite."])


def test_real_sentences_are_not_boilerplate() -> None:
    for line in (
        "Par ailleurs, les ministres ont parlé de Mossoul.",
        "Publié en 2015, le rapport de l'ONU reste la référence sur le sujet des réfugiés.",
    ):
        assert not is_boilerplate(line)


@given(st.lists(st.sampled_from(NOISY.split("\n") + ["Une phrase de fond.", "", "Autre fait établi."]), max_size=30))
def test_cleaning_is_idempotent(lines: list[str]) -> None:
    kept, _ = clean_text("\n".join(lines))
    again, removed_again = clean_text("\n".join(kept))
    assert again == kept and removed_again == []


def test_invisible_characters_that_split_words_are_dropped() -> None:
    kept, _ = clean_text("« J'insiste », a mar\u00adtelé hier Georges\u200b Pauget.\ufeff")
    assert kept == ["« J'insiste », a martelé hier Georges Pauget."]


def test_an_error_page_is_no_article_but_an_article_that_mentions_one_is() -> None:
    long_article = "Le site du ministère affichait « page introuvable » mardi. " + "La panne a duré trois heures. " * 30
    corpus = Pipeline(["clean"]).run(
        [
            make_raw("The page you requested cannot be found. It might have been removed.", id="gone"),
            make_raw("Erreur 404\nLa page que vous recherchez n'existe pas ou a été déplacée.", id="erreur"),
            make_raw(long_article, id="article"),
        ]
    )
    assert [d.id for d in corpus.documents] == ["article"]
    assert [f.code for f in corpus.failures] == ["E106", "E106"]
    assert "error page" in corpus.failures[0].message


def test_sentences_glued_with_no_space_are_cut_apart() -> None:
    kept, _ = clean_text(
        "Il était « fiché S », selon le procureur.L'assaillant a été tué."
        ' "Le touriste avait été vu", a précisé l\'ARS.Le maire a parlé la semaine dernière."Notre hypothèse."'
    )
    expected = (
        'Il était « fiché S », selon le procureur. L\'assaillant a été tué. "Le touriste avait été vu", a précisé'
        ' l\'ARS. Le maire a parlé la semaine dernière. "Notre hypothèse."'
    )
    assert kept == [expected]


def test_a_straight_quote_after_the_full_stop_closes_or_opens_by_how_many_stand_before_it() -> None:
    kept, _ = clean_text('« Merci », dit-il."C\'est fini."Le maire a ajouté : "Rien.""Puis ?"')
    assert kept == ['« Merci », dit-il. "C\'est fini." Le maire a ajouté : "Rien." "Puis ?"']


def test_abbreviations_addresses_and_numbers_are_not_cut() -> None:
    line = "M.Dupont a lu francetvinfo.fr, U.S.Army et 3.5 %, puis Mme.Durand."
    kept, _ = clean_text(line)
    assert kept == [line.replace("Mme.Durand", "Mme. Durand")]
