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


def test_more_relative_expressions() -> None:
    assert _values("mi-octobre, début 2017, il y a trois jours, mercredi prochain, mardi dernier") == [
        ("mi-octobre", "2016-10"),
        ("début 2017", "2017"),
        ("il y a trois jours", "2016-10-23"),
        ("mercredi prochain", "2016-11-02"),
        ("mardi dernier", "2016-10-25"),
    ]
    assert _values("l'an dernier, la semaine dernière, le 8 mars dernier, en 1998.") == [
        ("l'an dernier", "2015"),
        ("la semaine dernière", "2016-W42"),
        ("8 mars dernier", "2016-03-08"),
        ("1998", "1998"),
    ]


def test_a_clock_time_takes_the_day_named_next_to_it() -> None:
    assert _values("Mardi soir, vers 21 h 45, le feu a pris.") == [
        ("Mardi soir", "2016-10-25"),
        ("21 h 45", "2016-10-25T21:45"),
    ]
    # the day named earlier in its paragraph wins over a nearer one after the time
    assert _values("Le mariage aura lieu le samedi 29 octobre à 15 h, et à 17 h 30 le vin d'honneur, dimanche 30.") == [
        ("samedi 29 octobre", "2016-10-29"),
        ("15 h", "2016-10-29T15:00"),
        ("17 h 30", "2016-10-29T17:30"),
        ("dimanche 30", "2016-10-30"),
    ]
    assert _values("Hier, vers midi, une femme est tombée.") == [("Hier", "2016-10-25"), ("midi", "2016-10-25T12:00")]
    assert _values("Un mariage de l'après-midi.") == []


def test_a_part_of_the_day_is_kept_apart_from_the_iso_value() -> None:
    def parts(text: str) -> list[tuple[str, str, str | None]]:
        return [(d.text, d.value, d.part_of_day) for d in find_dates("d", text, PUBLISHED)]

    assert parts("Hier en début d'après-midi, puis ce soir, et mardi matin.") == [
        ("Hier en début d'après-midi", "2016-10-25", "AF"),
        ("ce soir", "2016-10-26", "EV"),
        ("mardi matin", "2016-10-25", "MO"),
    ]
    assert parts("Dans la nuit de lundi à mardi, la voiture a brûlé.") == [
        ("la nuit de lundi à mardi", "2016-10-24", "NI")
    ]
    assert parts("le 25 octobre 2016.") == [("25 octobre 2016", "2016-10-25", None)]


def test_ranges_give_both_ends_and_two_digit_years_their_century() -> None:
    assert _values("Le stage se déroulera du 19 au 23 juillet.") == [("19", "2017-07-19"), ("23 juillet", "2017-07-23")]
    assert _values("La population a baissé entre 1982 et 1990, puis sur la période 1990-1999.") == [
        ("1982", "1982"),
        ("1990", "1990"),
        ("1990", "1990"),
        ("1999", "1999"),
    ]
    assert _values("Le lot coûte entre 1800 et 2000 euros.") == []
    assert _values("le recensement de juillet-août") == [("juillet", "2016-07"), ("août", "2016-08")]
    assert _values("le recensement de mars-avril 2015") == [("mars", "2015-03"), ("avril 2015", "2015-04")]
    assert _values("deux ruptures en 97 (rue de Metz), rien en 98, dès octobre 98.") == [
        ("97", "1997"),
        ("98", "1998"),
        ("octobre 98", "1998-10"),
    ]
    assert _values("Il a marqué en 12 minutes.") == []
    assert _values("rien en 05, tout en 00.", anchor=date(1999, 5, 1)) == [("05", "1905"), ("00", "2000")]
    assert _values("d'ici la fin de l'année, puis une fête de fin d'année") == [("la fin de l'année", "2016")]


def test_the_tense_of_the_sentence_says_which_weekday_or_which_year() -> None:
    # published on Wednesday 26 October 2016
    assert _values("Le village fera la fête dimanche.") == [("dimanche", "2016-10-30")]
    assert _values("Le maire a inauguré la salle dimanche.") == [("dimanche", "2016-10-23")]
    assert _values("Il avait été arrêté le 21 novembre.") == [("21 novembre", "2015-11-21")]
    assert _values("Le sommet se tiendra le 3 février.") == [("3 février", "2017-02-03")]
    assert _values("Le ministre a donné jusqu'au 3 février aux syndicats.") == [("3 février", "2017-02-03")]
    assert _values("Le sommet du 3 février.") == [("3 février", "2016-02-03")]


def test_decades_and_centuries_keep_their_unspecified_digits() -> None:
    assert _values("Au début des années 60, puis dans les années 2000 et à la fin du XIXe siècle.") == [
        ("Au début des années 60", "196X"),
        ("les années 2000", "200X"),
        ("fin du XIXe siècle", "18XX"),
    ]
    assert _values("Louis XIV et le chapitre IX.") == []
