from datetime import date

from recoupe.model import Span, StoryEntity, StoryQuote
from recoupe.stages.crosscheck.conflicts import attribution_conflicts, date_conflicts
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


def _quote(doc: str, text: str, speaker: str, basis: str = "named") -> StoryQuote:
    span = Span(doc, 0, len(text))
    return StoryQuote(text, speaker, True, span, (span,), 1, basis)


ENTITIES = (
    StoryEntity("e1", "Ashton Carter", "PER", ()),
    StoryEntity("e2", "Jean-Yves Le Drian", "PER", ()),
)


def test_an_attribution_conflict_needs_both_speakers_named_next_to_the_words() -> None:
    """Issue 18: the same words given to two speakers is a conflict only when each report names its speaker there."""
    named = [_quote("a", "il y aura un chevauchement", "e1"), _quote("b", "chevauchement", "e2")]
    assert [c.kind for c in attribution_conflicts(named, ENTITIES)] == ["attribution"]
    inferred = [_quote("a", "il y aura un chevauchement", "e1"), _quote("b", "chevauchement", "e2", "inferred")]
    assert attribution_conflicts(inferred, ENTITIES) == []


def test_a_speaker_named_inside_the_words_makes_no_attribution_conflict() -> None:
    """Issue 18: a person the words are about (or an author quoted in them) is not a second speaker of them."""
    quotes = [
        _quote("a", "Carter a raison sur le calendrier", "e1"),
        _quote("b", "Carter a raison sur le calendrier", "e2"),
    ]
    assert attribution_conflicts(quotes, ENTITIES) == []


def test_a_date_conflict_is_stated_only_when_most_reports_name_the_event() -> None:
    """Issue 18: "réunion" in one report of a story about a fire may be another meeting: listed as possible."""
    a = _dated("Un incendie s'est déclaré mercredi soir dans l'usine.", "a")
    b = _dated("Après l'incendie de mardi soir, l'usine a rouvert.", "b")
    [stated] = date_conflicts([a, b])
    assert stated.stated and "incendie" in stated.reason
    c = _dated("La réunion de mercredi a fixé la reprise.", "c")
    d = _dated("Lors de la réunion de mardi, la reprise a été fixée.", "d")
    e, f = (_dated(t, i) for t, i in (("L'usine a rouvert.", "e"), ("Les pompiers sont partis.", "f")))
    [possible] = date_conflicts([c, d, e, f, _dated("Le feu est éteint.", "g")])
    assert not possible.stated and possible.status == "conflict"
