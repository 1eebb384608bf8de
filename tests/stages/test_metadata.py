from datetime import date

from recoupe.stages.metadata import header_date, normalise_published
from recoupe.stages.pubyear import infer_year


def test_header_lines_give_dates_with_and_without_year() -> None:
    assert header_date("Mercredi 26 Octobre 2016 - 12:54") == ("2016-10-26T12:54", None)
    assert header_date("Dernière mise à jour à 08h52 le 26/10") == (None, (10, 26))
    assert header_date("Publié le 14/03/2024") == ("2024-03-14", None)
    assert header_date("rien ici") == (None, None)


def test_a_missing_year_is_the_one_closest_to_the_batch() -> None:
    assert infer_year((10, 26), [date(2016, 10, 26)]) == 2016
    assert infer_year((12, 30), [date(2017, 1, 2)]) == 2016


def test_container_dates_are_normalised() -> None:
    assert normalise_published("2016-10-26") == "2016-10-26"
    assert normalise_published("2016-10-26T12:54:00Z") == "2016-10-26T12:54:00+00:00"
    assert normalise_published("26 octobre 2016") == "2016-10-26T00:00:00"
