from datetime import date

from recoupe.stages.crosscheck.conflicts import date_conflicts
from recoupe.stages.dates import find_dates

from ..conftest import make_doc

PUBLISHED = date(2024, 3, 14)  # a Thursday


def _dated(text: str, id: str):  # type: ignore[no-untyped-def]
    return make_doc(text, id=id, dates=tuple(find_dates(id, text, PUBLISHED)))


def test_two_reports_dating_one_event_to_two_days_disagree() -> None:
    a = _dated("Un incendie s'est déclaré mercredi soir dans l'usine.", "a")
    b = _dated("Après l'incendie de mardi soir, l'usine a rouvert.", "b")
    [conflict] = date_conflicts([a, b])
    assert conflict.kind == "date" and conflict.about == "incendie"
    assert sorted(claim.value for claim in conflict.claims) == ["2024-03-12", "2024-03-13"]


def test_a_night_agrees_with_both_its_days() -> None:
    a = _dated("Un incendie s'est déclaré dans la nuit de mardi à mercredi dans l'usine.", "a")
    b = _dated("Un incendie a ravagé mercredi l'usine.", "b")
    c = _dated("Un incendie a ravagé mardi l'usine.", "c")
    assert date_conflicts([a, b]) == [] and date_conflicts([a, c]) == []
    assert len(date_conflicts([b, c])) == 1
