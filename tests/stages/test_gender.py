from recoupe.stages.quotes.gender import Genders, pronoun_gender

from ..conftest import with_mentions


def test_titles_articles_and_appositions_mark_a_gender() -> None:
    doc = with_mentions(
        "Mme Yade a parlé. Le petit Mohamed dormait. Ulli Weiss, porte-parole du parquet, a répondu. "
        "La ministre Christine Lagarde est venue. M. Kerviel se tait. Nora, une voisine, raconte. "
        "Un entretien à Sacha Royal a eu lieu. La famille Betancourt attend.",
        [("Yade", "PER"), ("Mohamed", "PER"), ("Ulli Weiss", "PER"), ("Christine Lagarde", "PER"),
         ("Kerviel", "PER"), ("Nora", "PER"), ("Sacha Royal", "PER"), ("Betancourt", "PER")],
    )  # fmt: skip
    genders = Genders([doc])
    assert [genders.of(n) for n in ("Rama Yade", "Mohamed", "Christine Lagarde", "Jérôme Kerviel", "Nora")] == [
        "f", "m", "f", "m", "f",
    ]  # fmt: skip
    # a preposition ends the noun phrase ("un entretien à"), a family is no woman, "porte-parole" is either
    assert genders.of("Sacha Royal") is None and genders.of("Betancourt") is None and genders.of("Ulli Weiss") is None
    assert genders.agrees("Mohamed", "m") and not genders.agrees("Mohamed", "f") and genders.agrees("Betancourt", "f")
    assert pronoun_gender("elle") == "f" and pronoun_gender("He") == "m" and pronoun_gender("on") is None


def test_a_first_name_outweighs_the_words_around() -> None:
    # the tagger's "la ministre … Nicolas Sarkozy" would make him a woman; his first name says otherwise
    doc = with_mentions(
        "Selon la ministre Nicolas Sarkozy a tranché. Sarkozy a parlé. Cécilia Martin et Paul Martin sont venus.",
        [("Nicolas Sarkozy", "PER"), ("Sarkozy", "PER"), ("Cécilia Martin", "PER"), ("Paul Martin", "PER")],
    )
    genders = Genders([doc])
    assert genders.of("Nicolas Sarkozy") == "m" and genders.of("Sarkozy") == "m"
    # a surname that a man and a woman of the batch share says nothing alone; their first names still do
    assert genders.of("Martin") is None and genders.of("Cécilia Martin") == "f" and genders.of("Paul Martin") == "m"
