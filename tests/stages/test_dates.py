from datetime import date

from recoupe.stages.dates import find_dates

PUBLISHED = date(2016, 10, 26)  # a Wednesday


def _values(text: str, anchor: date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in find_dates("d", text, anchor)]


def test_weekdays_resolve_against_the_publication_date() -> None:
    assert _values("une rencontre ce mardi à Paris") == [("mardi", "2016-10-25")]
    assert _values("à Paris, mardi 25, les membres") == [("mardi 25", "2016-10-25")]
    assert _values("Lancée lundi 17, l'offensive") == [("lundi 17", "2016-10-17")]


def test_relative_days_months_and_absolute_dates() -> None:
    assert _values("hier, en août, juin 2014 et le 25 octobre 2016") == [
        ("hier", "2016-10-25"),
        ("en août", "2016-08"),
        ("juin 2014", "2014-06"),
        ("25 octobre 2016", "2016-10-25"),
    ]


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    assert _values("mardi 25 puis le 3 janvier 2014", anchor=None) == [("3 janvier 2014", "2014-01-03")]


def test_spans_point_at_the_expression() -> None:
    text = "Réunion ce mardi."
    [mention] = find_dates("d", text, PUBLISHED)
    assert mention.span.of(text) == mention.text == "mardi"
