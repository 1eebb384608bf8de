from recoupe.stages.gender import Genders, pronoun_gender

from ..conftest import with_mentions


def test_titles_articles_and_appositions_mark_a_gender() -> None:
    doc = with_mentions(
        "Mme Yade a parlé. Le petit Mohamed dormait. Ulrika Weiss, porte-parole du parquet, a répondu. "
        "La ministre Christine Lagarde est venue. M. Kerviel se tait. Nora, une voisine, raconte. "
        "Un entretien à Ségolène Royal a eu lieu. La famille Betancourt attend.",
        [("Yade", "PER"), ("Mohamed", "PER"), ("Ulrika Weiss", "PER"), ("Christine Lagarde", "PER"),
         ("Kerviel", "PER"), ("Nora", "PER"), ("Ségolène Royal", "PER"), ("Betancourt", "PER")],
    )  # fmt: skip
    genders = Genders([doc])
    assert [genders.of(n) for n in ("Rama Yade", "Mohamed", "Christine Lagarde", "Jérôme Kerviel", "Nora")] == [
        "f", "m", "f", "m", "f",
    ]  # fmt: skip
    # a preposition ends the noun phrase ("un entretien à"), a family is no woman, "porte-parole" is either
    assert (
        genders.of("Ségolène Royal") is None and genders.of("Betancourt") is None and genders.of("Ulrika Weiss") is None
    )
    assert genders.agrees("Mohamed", "m") and not genders.agrees("Mohamed", "f") and genders.agrees("Betancourt", "f")
    assert pronoun_gender("elle") == "f" and pronoun_gender("He") == "m" and pronoun_gender("on") is None
