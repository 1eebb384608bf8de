from dataclasses import replace
from datetime import date

from recoupe.model import Document, Span, StoryEntity, StoryQuote
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


def _in(doc: Document, words: str, speaker: str) -> StoryQuote:
    """The words as a quote of the report, named next to them."""
    span = Span(doc.id, doc.text.index(words), doc.text.index(words) + len(words))
    return StoryQuote(words, speaker, True, span, (span,), 1, "named")


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


def test_an_attribution_conflict_is_stated_only_when_both_speakers_are_likely_right() -> None:
    """Issue 18: two speakers found with confidence 0.85 each are both right about 0.72 of the time: the conflict is
    listed as possible, not stated; two speakers the model is sure of make a stated conflict."""
    words = "il y aura un chevauchement des offensives sur Mossoul et Raqqa"
    pair = [_quote("a", words, "e1"), _quote("b", words.removeprefix("il y aura "), "e2")]
    [unsure] = attribution_conflicts([replace(q, speaker_confidence=0.85) for q in pair], ENTITIES)
    assert unsure.confidence == 0.722 and not unsure.stated and "both speakers right: 0.72" in unsure.reason
    [sure] = attribution_conflicts([replace(q, speaker_confidence=0.95) for q in pair], ENTITIES)
    assert sure.stated and sure.confidence == 0.85


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


def test_reports_with_no_publication_date_disagree_on_an_event_s_weekday_or_day_of_month() -> None:
    """Issue 18: with no publication date "le 5 juillet" and "samedi 4 juillet" stay unresolved, yet cannot be one
    day; such a conflict is only possible (the year, or the week, is not checked)."""
    a = _undated("Le départ sera donné le 5 juillet à Monaco.", "a")
    b = _undated("Le départ, samedi 4 juillet, se fera à Monaco.", "b")
    [conflict] = date_conflicts([a, b])
    assert conflict.about == "départ" and not conflict.stated
    c = _undated("La perquisition a eu lieu vendredi à Neuilly.", "c")
    d = _undated("La perquisition de samedi à Neuilly n'a rien donné.", "d")
    assert [x.about for x in date_conflicts([c, d])] == ["perquisition"]


def test_undated_days_that_may_be_one_day_make_no_conflict() -> None:
    """Tempting: "samedi" and "samedi 4 juillet" (one says less), a night and its second day, "le 5 juillet" and
    "dimanche" (nothing said in common); two weekdays next to a noun most reports do not name (two searches?)."""
    a = _undated("Le départ, samedi 4 juillet, se fera à Monaco.", "a")
    b = _undated("Le départ de samedi se fera à Monaco.", "b")
    c = _undated("Le départ, dans la nuit de vendredi à samedi, se fera à Monaco.", "c")
    d = _undated("Le départ sera donné le 5 juillet à Monaco.", "d")
    e = _undated("Le départ sera donné dimanche à Monaco.", "e")
    assert date_conflicts([a, b, c]) == [] and date_conflicts([d, e]) == []
    f = _undated("La perquisition a eu lieu vendredi à Neuilly.", "f")
    g = _undated("La perquisition de samedi à Neuilly n'a rien donné.", "g")
    others = [_undated(t, i) for t, i in (("Le trader est entendu.", "h"), ("La banque porte plainte.", "i"))]
    assert date_conflicts([f, g, *others, _undated("Il reste en garde à vue.", "j")]) == []


def _undated(text: str, id: str):  # type: ignore[no-untyped-def]
    return make_doc(text, id=id, dates=tuple(find_dates(id, text, None)))


def test_words_given_to_two_spellings_of_one_name_are_no_attribution_conflict() -> None:
    """Issue 18 (the gold sets' convention): "Declerck" and "Deklerk" are one man misspelt; "Karine" and "Khaldia"
    Dussourt are two names."""
    entities = (
        StoryEntity("e1", "Pascal Declerck", "PER", ()),
        StoryEntity("e2", "Pascal Deklerk", "PER", ()),
        StoryEntity("e3", "Karine Dussourt", "PER", ()),
        StoryEntity("e4", "Khaldia Dussourt", "PER", ()),
    )
    words = "le petit garçon aurait échappé à la surveillance de la nounou"
    misspelt = [_quote("a", words, "e1"), _quote("b", words, "e2")]
    assert attribution_conflicts(misspelt, entities) == []
    two = [_quote("a", words, "e3"), _quote("b", words, "e4")]
    assert [c.kind for c in attribution_conflicts(two, entities)] == ["attribution"]


def test_a_resolved_night_agrees_with_the_day_of_the_month_of_either_of_its_days() -> None:
    """A dated report's "nuit de mardi à mercredi" (12-13 March) and an undated report's "le 13 mars" may be one
    day; "le 11 mars" may not."""
    night = _dated("Un incendie s'est déclaré dans la nuit de mardi à mercredi dans l'usine.", "a")
    assert date_conflicts([night, _undated("Un incendie a ravagé le 13 mars l'usine.", "b")]) == []
    assert len(date_conflicts([night, _undated("Un incendie a ravagé le 11 mars l'usine.", "c")])) == 1


def test_an_undated_report_s_day_of_a_month_is_that_month() -> None:
    """ "le 12 mars" in a report with no date and "mardi" (12 March 2024) in a dated one may be one day."""
    dated = _dated("Un incendie a ravagé mardi l'usine.", "a")
    assert date_conflicts([dated, _undated("Un incendie a ravagé le 12 mars l'usine.", "b")]) == []
    assert len(date_conflicts([dated, _undated("Un incendie a ravagé le 12 avril l'usine.", "c")])) == 1


def test_an_undated_night_gives_both_its_days_of_the_month() -> None:
    night = _undated("Un incendie s'est déclaré dans la nuit du mardi 12 mars dans l'usine.", "a")
    assert date_conflicts([night, _dated("Un incendie a ravagé mercredi l'usine.", "b")]) == []  # 13 March 2024
    assert len(date_conflicts([night, _dated("Un incendie a ravagé jeudi l'usine.", "c")])) == 1  # 14 March


def test_an_attribution_conflict_over_a_few_words_is_only_possible() -> None:
    """Issue 18: "l'hydre islamiste", "premières pensées vont aux familles des victimes": a phrase several people use,
    listed as possible however sure both speakers are."""
    pair = [_quote("a", "il y aura un chevauchement", "e1"), _quote("b", "chevauchement", "e2")]
    [short] = attribution_conflicts([replace(q, speaker_confidence=0.99) for q in pair], ENTITIES)
    assert not short.stated and "few" in short.reason


def test_words_that_also_stand_elsewhere_in_the_reports_are_no_attribution_conflict() -> None:
    """Issue 18: a phrase of the story a third report writes too ("droit à l'oubli") is no one speaker's own."""
    words = "il y aura un chevauchement des offensives sur Mossoul et Raqqa"
    pair = [_quote("a", words, "e1"), _quote("b", words, "e2")]
    reports = [make_doc(words, id="a"), make_doc(words, id="b")]
    assert len(attribution_conflicts(pair, ENTITIES, reports)) == 1
    third = make_doc(f"Tous le disent : {words}.", id="c")
    assert attribution_conflicts(pair, ENTITIES, [*reports, third]) == []


def _said_by(
    words: str, texts: tuple[str, ...], names: tuple[str, ...], label: str
) -> tuple[list[StoryQuote], tuple[StoryEntity, ...], list[Document]]:
    """Reports "a", "b", … of these texts, each quoting ``words``, given to the entities e1, e2, … of these names."""
    docs = [make_doc(text, id=chr(ord("a") + n)) for n, text in enumerate(texts)]
    quotes = [_in(doc, words, f"e{n}") for n, doc in enumerate(docs, 1)]
    return quotes, tuple(StoryEntity(f"e{n}", name, label, ()) for n, name in enumerate(names, 1)), docs


def test_words_a_report_relays_from_the_other_speaker_are_no_attribution_conflict() -> None:
    """Issue 18: "says Heise Online, quoting Lycos as saying « … »": Heise relays Lycos's words."""
    words = "the more users download the screen saver, the lower the performance of the spam sites"
    texts = (f'Heise Online says, quoting Lycos as saying: "{words}".', f'"{words}", Lycos explained.')
    quotes, entities, [a, b] = _said_by(words, texts, ("Heise Online", "Lycos"), "ORG")
    assert attribution_conflicts(quotes, entities, [a, b]) == []
    c = make_doc(f'Heise Online says: "{words}".', id="a")
    assert [k.kind for k in attribution_conflicts(quotes, entities, [c, b])] == ["attribution"]


def test_separate_events_of_one_kind_are_not_dated_against_each_other() -> None:
    """Issue 18: "two soldiers were killed Saturday in separate attacks" and "the attacks came after a day of violence
    Friday" (several attacks); a strike on 5 December and a strike on 23 September (two strikes)."""
    a = _dated("Two soldiers were killed Saturday in separate attacks.", "a")
    b = _dated("The attacks came after a day of increased violence Friday.", "b")
    assert date_conflicts([a, b]) == []
    c = _dated("Les syndicats appellent à une grève le 5 décembre.", "c")
    d = _dated("Une grève a eu lieu le 23 septembre.", "d")
    assert date_conflicts([c, d]) == []
    week = _dated("La manifestation du samedi 2 mars a été suivie.", "w1")
    later = _dated("La manifestation du samedi 9 mars a dégénéré.", "w2")
    assert date_conflicts([week, later]) == []  # two Saturdays of one movement
    e = _dated("Une grève a été suivie le 5 décembre.", "e")
    f = _dated("La grève du 6 décembre a été suivie.", "f")
    assert len(date_conflicts([e, f])) == 1


def test_a_date_conflict_is_stated_only_between_days_that_are_the_event_s_own() -> None:
    """Issue 18: "l'auteur de l'attentat de mardi … a été abattu jeudi": Thursday is not the attack's day; a day
    after a comma ("l'attentat, mardi, ...") may date something else, so the conflict stays possible."""
    killed = _dated("L'auteur de l'attentat de mardi contre le marché a été abattu par la police jeudi soir.", "a")
    attack = _dated("L'attentat de mardi a fait cinq morts.", "b")
    assert date_conflicts([killed, attack]) == []
    other = _dated("L'attentat de mercredi a fait cinq morts.", "c")
    [stated] = date_conflicts([attack, other])
    assert stated.stated
    loose = _dated("Après l'attentat, mercredi, la ville a rouvert.", "d")
    [possible] = date_conflicts([attack, loose])
    assert not possible.stated


def test_two_speakers_of_one_surname_are_not_a_relay() -> None:
    """Review: "Marine Le Pen" named in the sentence of words given to "Jean-Marie Le Pen" is no relay."""
    words = "nous ne laisserons pas faire cette réforme des retraites injuste"
    names = ("Marine Le Pen", "Jean-Marie Le Pen")
    quotes, entities, docs = _said_by(words, tuple(f'{name} a déclaré : "{words}".' for name in names), names, "PER")
    assert [c.kind for c in attribution_conflicts(quotes, entities, docs)] == ["attribution"]
