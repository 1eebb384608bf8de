"""Issue 21: the editor's checklist (``summarize.checklist``), days written as dates (``summarize.when``), the order of
events and fact-level redundancy (``summarize.order``, ``summarize.select``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from recoupe.eval.summaries import faithfulness
from recoupe.model import Document, Quote, Span, SummarySentence
from recoupe.stages.dates import find_dates
from recoupe.stages.summarize import summarize_story
from recoupe.stages.summarize.candidates import candidates
from recoupe.stages.summarize.checklist import fragment, needs_antecedent, unattributed
from recoupe.stages.summarize.order import in_order
from recoupe.stages.summarize.select import clashes
from recoupe.stages.summarize.when import absolute_days, written_date

from ..conftest import make_doc, with_mentions


def _dated(text: str, published: str, *, id: str = "d1", language: str = "fr") -> Document:
    doc = make_doc(text, id=id, language=language, published=published)
    return replace(doc, dates=tuple(find_dates(id, text, date.fromisoformat(published))))


def _vectors(doc: Document, rows: list[list[float]]) -> Document:
    vectors = np.array(rows, dtype=np.float32)
    return replace(doc, vectors=vectors / np.linalg.norm(vectors, axis=1, keepdims=True))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Il a ensuite quitté la salle sous les huées.", "fr"),
        ("Ce dernier a démenti toute implication.", "fr"),
        ("Décidément, la coalition peine à avancer.", "fr"),
        ("En effet, les forces irakiennes progressent.", "fr"),
        ("Par ailleurs, le ministre a rencontré son homologue.", "fr"),
        ("This was the first visit since 2001.", "en"),
        ("However, the vote was delayed.", "en"),
        ("He resigned on Monday.", "en"),
    ],
)
def test_a_sentence_opening_on_a_pronoun_or_connective_needs_its_antecedent(text: str, language: str) -> None:
    assert needs_antecedent(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les ministres de la coalition se sont réunis mardi à Paris.", "fr"),
        ("Ilan Halimi a été enlevé en janvier.", "fr"),
        ("Elisabeth Borne a présenté le texte.", "fr"),
        ("Theresa May met the Irish prime minister in London.", "en"),
        ("Thousands marched in Paris on Saturday.", "en"),
    ],
)
def test_a_sentence_naming_its_subject_stands_alone(text: str, language: str) -> None:
    assert not needs_antecedent(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rice replacing Powell; Hadley to head NSC-officials Source: Reuters", "en"),
        ("Would be first black woman ever tapped as secretary of state", "en"),
        ("La France, le plus vieil allié des Etats-Unis.", "fr"),
        ("PARIS (AFP) - Les ministres se sont réunis.", "fr"),
        ("LA COALITION SE RÉUNIT À PARIS.", "fr"),
        ("Photo : les ministres à Paris.", "fr"),
        ("Par Jean Dupont", "fr"),
    ],
)
def test_headlines_credits_and_verbless_fragments_are_not_sentences(text: str, language: str) -> None:
    assert fragment(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La France, le plus vieil allié des Etats-Unis, a voté contre la résolution.", "fr"),
        ("Les ministres se sont réunis mardi à Paris.", "fr"),
        ("Condoleezza Rice will replace Colin Powell as secretary of state.", "en"),
    ],
)
def test_a_full_sentence_is_not_a_fragment(text: str, language: str) -> None:
    assert not fragment(text, language)


def test_an_opinion_is_kept_only_with_its_speaker() -> None:
    text = "Il s'agit d'une erreur, a estimé un responsable. Jean Dupont a estimé que c'était une erreur."
    doc = with_mentions(text, [("Jean Dupont", "PER")])
    first, second = doc.sentences
    assert unattributed(doc, first) and not unattributed(doc, second)
    unknown = Quote(Span("d1", 0, 24), "Il s'agit d'une erreur", direct=False, speaker=None)
    named = replace(unknown, span=Span("d1", second.span.start, second.span.end), speaker="Jean Dupont")
    assert unattributed(replace(doc, quotes=(named, unknown)), first)
    assert not unattributed(replace(doc, quotes=(named,)), second)


def test_words_whose_speaker_was_withheld_stay_attributed_when_the_sentence_names_the_speaker() -> None:
    text = (
        "Le Parti communiste a demandé jeudi la saisine du Parlement, dénonçant un « inacceptable » fichage. "
        "Le texte dénonce un « fichage inacceptable des Communistes »."
    )
    doc = with_mentions(text, [("Parti communiste", "ORG")])
    first, second = doc.sentences
    start = text.index("inacceptable »")
    withheld = Quote(Span("d1", start, start + 12), "inacceptable", True, None, speaker_candidate="Parti communiste")
    assert not unattributed(replace(doc, quotes=(withheld,)), first)
    inside = text.index("fichage inacceptable des")
    named_inside = Quote(Span("d1", inside, inside + 36), text[inside : inside + 36], True, None, None, None, None,
                         "Les Communistes")  # fmt: skip
    assert unattributed(replace(doc, quotes=(named_inside,)), second)  # the name only inside the words
    unknown = replace(withheld, speaker_candidate=None)
    assert unattributed(replace(doc, quotes=(unknown,)), first)


def test_words_whose_speaker_only_the_sentence_before_names_are_unattributed() -> None:
    """Issue 21: "Jean Dupont a pris la parole. « Nous irons jusqu'au bout. »": the article may keep the second
    sentence alone; the reader would not know who speaks."""
    text = "Jean Dupont a pris la parole mardi. « Nous irons jusqu'au bout de cette réforme des retraites. »"
    doc = with_mentions(text, [("Jean Dupont", "PER")])
    _, second = doc.sentences
    start = text.index("Nous")
    words = Quote(Span("d1", start, second.span.end - 2), text[start : second.span.end - 2], True, "Jean Dupont")
    assert unattributed(replace(doc, quotes=(words,)), second)
    beside = with_mentions(text.replace(" »", " », a dit Jean Dupont."), [("Jean Dupont", "PER")])
    _, said = beside.sentences
    assert not unattributed(replace(beside, quotes=(replace(words, span=Span("d1", start, start + 10)),)), said)


def test_words_whose_sentence_names_a_speaker_by_its_verb_of_speech_are_attributed() -> None:
    text = "« Villepin a menti », a lancé Marine Le Pen, « c'est inacceptable »."
    doc = with_mentions(text, [("Villepin", "PER"), ("Marine Le Pen", "PER")])
    second = text.index("c'est inacceptable")
    withheld = Quote(Span("d1", second, second + 18), text[second : second + 18], True, None,
                     speaker_candidate="Dominique de Villepin")  # fmt: skip
    # the reader sees who says the words, whatever candidate the quotes stage withheld
    assert not unattributed(replace(doc, quotes=(withheld,)), doc.sentences[0])


def test_a_withheld_speaker_is_named_beside_the_words_only_by_a_name_of_that_speaker_outside_every_quote() -> None:
    text = "Marine Le Pen ne décolère pas : « Villepin a menti », « c'est inacceptable »."
    doc = with_mentions(text, [("Marine Le Pen", "PER"), ("Villepin", "PER")])
    first = text.index("Villepin a menti")
    second = text.index("c'est inacceptable")
    other = Quote(Span("d1", first, first + 16), text[first : first + 16], True, "Marine Le Pen")
    withheld = Quote(Span("d1", second, second + 18), text[second : second + 18], True, None,
                     speaker_candidate="Dominique de Villepin")  # fmt: skip
    sentence = doc.sentences[0]
    assert unattributed(replace(doc, quotes=(other, withheld)), sentence)  # "Villepin" only inside the other quote
    father = replace(withheld, speaker_candidate="Jean-Marie Le Pen")
    assert unattributed(replace(doc, quotes=(other, father)), sentence)  # another person of that surname
    assert not unattributed(replace(doc, quotes=(other, replace(withheld, speaker_candidate="Le Pen"))), sentence)


def test_dates_are_written_in_the_story_language() -> None:
    assert written_date("2016-10-25", "fr") == "mardi 25 octobre 2016"
    assert written_date("2016-10-24", "en") == "Monday 24 October 2016"


def test_a_relative_day_of_the_lead_is_written_as_a_date_and_still_cites_its_span() -> None:
    text = "Les ministres de la coalition se sont réunis ce mardi à Paris pour parler de Mossoul."
    doc = _dated(text, "2016-10-25")
    rewritten, added = absolute_days(doc, doc.sentences[0])
    assert (
        rewritten
        == "Les ministres de la coalition se sont réunis mardi 25 octobre 2016 à Paris pour parler de Mossoul."
    )
    assert added == ("mardi 25 octobre 2016",)
    sentence = SummarySentence(rewritten, (doc.sentences[0].span,), "rewritten", added=added)
    assert faithfulness(sentence, {doc.id: doc.text}) == 1.0
    cited = set(re.findall(r"\w+", doc.sentences[0].span.of(doc.text))) | set(re.findall(r"\w+", added[0]))
    assert set(re.findall(r"\w+", rewritten)) <= cited


def test_yesterday_becomes_on_a_weekday_in_english_and_an_absolute_date_stays() -> None:
    doc = _dated(
        "Yesterday the minister resigned in London. On 3 March 2015 he was elected.", "2016-10-25", language="en"
    )
    assert absolute_days(doc, doc.sentences[0])[0] == "On Monday 24 October 2016 the minister resigned in London."
    assert absolute_days(doc, doc.sentences[1]) == (doc.sentences[1].text, ())


def test_the_part_of_the_day_stays_when_the_day_is_written_as_a_date() -> None:
    doc = _dated("Un incendie a ravagé mercredi soir l'usine de Vénissieux.", "2024-03-14")
    rewritten, added = absolute_days(doc, doc.sentences[0])
    assert rewritten == "Un incendie a ravagé mercredi 13 mars 2024 au soir l'usine de Vénissieux."
    assert added == ("mercredi 13 mars 2024 au soir",)


def test_without_a_publication_date_nothing_is_rewritten() -> None:
    doc = replace(_dated("Les ministres se sont réunis hier à Paris.", "2016-10-25"), published=None)
    assert absolute_days(doc, doc.sentences[0]) == (doc.sentences[0].text, ())


def test_the_article_lead_carries_the_date_and_the_faithfulness_check_counts_only_added_dates() -> None:
    text = (
        "Les ministres de la coalition contre l'Etat islamique se sont réunis ce mardi à Paris.\n"
        "Les forces irakiennes ont repris trois villages au sud de Mossoul selon le commandement."
    )
    doc = _vectors(_dated(text, "2016-10-25"), [[1, 0, 0], [0, 1, 0]])
    lead = summarize_story([doc], 100)[0]
    assert "mardi 25 octobre 2016" in lead.text and lead.kind == "rewritten"
    assert faithfulness(lead, {doc.id: doc.text}) == 1.0
    assert faithfulness(replace(lead, added=()), {doc.id: doc.text}) < 1.0


def test_candidates_leave_out_what_the_checklist_rejects() -> None:
    text = (
        "Les ministres de la coalition se sont réunis mardi à Paris.\n"
        "Il a ensuite quitté la salle sous les huées.\n"
        "Rice replacing Powell; Hadley to head NSC-officials Source: Reuters"
    )
    doc = _vectors(make_doc(text), [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    assert [c.position for c in candidates([doc])] == [0]


def test_an_article_says_what_the_checklist_could_vet_the_reports_in_its_languages() -> None:
    """Issue 21: a partly analysed report (a language without models: no entities, no quotes' speakers) gives the
    article no sentence when a fully analysed one is in the story, and all of them when none is."""
    english = _vectors(
        make_doc("The president of China met Brazil's president in Brasilia on Friday.", id="en", language="en"),
        [[1, 0, 0]],
    )
    portuguese = _vectors(
        make_doc("O presidente da China almoçou hoje com o presidente Lula em Brasília.", id="pt", language="pt"),
        [[0.9, 0.1, 0]],
    )
    assert {c.doc.id for c in candidates([english, portuguese])} == {"en"}
    assert {c.doc.id for c in candidates([portuguese])} == {"pt"}


def test_two_sentences_of_one_fact_clash_and_the_article_keeps_one() -> None:
    texts = [
        "Emmanuel Macron a rencontré Angela Merkel à Berlin le 15 mai pour parler de l'Europe.",
        "Emmanuel Macron et Angela Merkel se sont rencontrés à Berlin le 15 mai au sujet de l'Europe.",
    ]
    names = [("Emmanuel Macron", "PER"), ("Angela Merkel", "PER"), ("Berlin", "LOC")]
    docs = [_vectors(with_mentions(t, names, id=f"d{i}"), [[1, 0.3 * i, 0]]) for i, t in enumerate(texts)]
    assert clashes(candidates(docs)) == [(0, 1)]
    assert len(summarize_story(docs, 100)) == 1


def test_sentences_follow_the_order_of_events_after_the_lead() -> None:
    text = (
        "Le président a été élu dimanche 6 mai 2012 avec 51,6 % des voix.\n"
        "Le candidat avait remporté le premier tour le dimanche 22 avril 2012 à Paris.\n"
        "Le nouveau gouvernement a été nommé le mercredi 16 mai 2012 à l'Elysée."
    )
    doc = _vectors(_dated(text, "2012-05-20"), [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    lead, *others = candidates([doc])
    ordered = in_order(others[1], [lead, others[0]])
    assert [c.position for c in ordered] == [2, 1, 0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ce mardi, les ministres se sont réunis à Paris.", "fr"),
        ("Cette semaine, la coalition a repris trois villages.", "fr"),
        ("This morning the minister resigned in London.", "en"),
    ],
)
def test_a_sentence_opening_on_a_time_does_not_need_an_antecedent(text: str, language: str) -> None:
    assert not needs_antecedent(text, language)


def test_a_headline_in_title_case_or_ending_on_a_credit_is_not_a_sentence() -> None:
    assert fragment(
        "The Newly Adopted Torino Impact Hazard Scale Helps Risk Communication (NASA - July 22, 1999)", "en"
    )
    assert fragment("Torino Impact Scale Created To Assess Earth-Asteroid Close Approaches.", "en")
    assert not fragment("NASA said the asteroid 2004 MN4 will not hit the Earth in 2029.", "en")


@pytest.mark.parametrize(
    "text",
    [
        "Armstrong et le Tour : on discute…",
        "Cyclisme - Armstrong n'est pas le bienvenu sur... Le cycliste américain Lance Armstrong a parlé jeudi.",
    ],
)
def test_a_teaser_cut_short_or_under_its_section_name_is_a_headline(text: str) -> None:
    assert fragment(text, "fr")


def test_counted_verbs_survive_the_memory_being_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    from recoupe.stages.summarize import checklist

    monkeypatch.setattr(checklist, "COUNTED_MAX", 2)
    monkeypatch.setattr(checklist, "_COUNTED", {})
    first = checklist.finite_verbs(["Il est parti.", "Elle mange."], "fr")
    again = checklist.finite_verbs(["Il est parti.", "Ils dorment."], "fr")  # the memory is full: cleared
    assert first[0] == again[0] and all(count is not None and count >= 1 for count in first + again)
    assert len(checklist._COUNTED) <= 2


def test_the_selection_is_redone_three_times_at_most_and_keeps_no_verbless_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from recoupe.stages import summarize

    pool = [SimpleNamespace(name=f"C{k}", lead_score=float(-k)) for k in range(4)]
    monkeypatch.setattr(summarize, "choose", lambda pool, lead, words, concepts: [lead])
    monkeypatch.setattr(summarize, "_verbless", lambda chosen: list(chosen))  # every sentence lacks a verb
    assert summarize._chosen(pool, 100, {}, [pool[0]]) == []  # type: ignore[arg-type]
