"""Issue 18: each speaker says how it was found and how sure recoupe is; below the setting it is withheld."""

import json
from importlib import resources

from recoupe.config import Settings
from recoupe.model import Quote, Span
from recoupe.stages.quotes.confidence import FEATURES, METHODS, AgreementIndex, SpeakerModel, features, judge, method_of

from ..conftest import with_mentions


def _quote(text: str, words: str, speaker: str, doc: str = "d1") -> Quote:
    start = text.index(words)
    return Quote(Span(doc, start, start + len(words)), words, True, speaker)


def test_how_a_speaker_was_found() -> None:
    incise = "« Il y aura un chevauchement », a déclaré Ashton Carter mardi."
    before = "Ashton Carter a déclaré : « Il y aura un chevauchement »."
    previous = "Ashton Carter a parlé mardi. « Il y aura un chevauchement. »"
    pronoun = "Ashton Carter est arrivé mardi. Puis il a parlé longtemps. « Il y aura un chevauchement », a-t-il dit."
    words = "Il y aura un chevauchement"
    assert method_of(incise, _quote(incise, words, "Ashton Carter")) == "incise"
    assert method_of(before, _quote(before, words, "Ashton Carter")) == "named-next-to-words"
    assert method_of(previous, _quote(previous, words, "Ashton Carter")) == "previous-sentence"
    assert method_of(pronoun, _quote(pronoun, words, "Ashton Carter")) == "pronoun"
    assert method_of(incise, _quote(incise, words, "Ashton Carter"), other_report=True) == "other-report"
    assert method_of(incise, Quote(Span("d1", 2, 10), "x", True, None)) is None


def test_a_speaker_below_the_threshold_is_withheld_and_kept_as_the_candidate() -> None:
    text = "Ashton Carter est arrivé mardi. Puis il a parlé longtemps. « Il y aura un chevauchement », a-t-il dit."
    doc = with_mentions(text, [("Ashton Carter", "PER")])
    quote = _quote(text, "Il y aura un chevauchement", "Ashton Carter")
    model = SpeakerModel(bias=0.0, weights={"method=pronoun": -2.0, "method=incise": 3.0})
    [[withheld]] = judge([doc], [[quote]], [[False]], threshold=0.5, model=model)
    assert withheld.speaker is None and withheld.speaker_candidate == "Ashton Carter"
    assert withheld.speaker_method == "pronoun" and withheld.speaker_confidence is not None
    assert withheld.speaker_confidence < 0.5
    [[kept]] = judge([doc], [[quote]], [[False]], threshold=0.0, model=model)
    assert kept.speaker == "Ashton Carter" and kept.speaker_basis == "inferred"


def test_every_feature_is_computed_and_the_bundled_model_is_the_default_setting() -> None:
    text = "« Il y aura un chevauchement », a déclaré Ashton Carter mardi."
    doc = with_mentions(text, [("Ashton Carter", "PER")])
    quote = _quote(text, "Il y aura un chevauchement", "Ashton Carter")
    values = features(doc, quote, "incise", AgreementIndex([doc]))
    assert list(values) == list(FEATURES) and values["method=incise"] == 1.0 and values["far"] == 0.0
    bundled = json.loads(resources.files("recoupe.data").joinpath("speaker_model.json").read_text(encoding="utf-8"))
    assert set(bundled["weights"]) == set(FEATURES) and len(METHODS) == 6
    assert Settings().speaker_confidence == bundled["threshold"]


def test_an_organisation_named_only_as_a_complement_next_to_the_words_is_no_speaker() -> None:
    """The deputy speaks in "le député du MoDem", not the MoDem; "a déclaré à France Bleu" is where, not who."""
    words = "L'objectif n'est pas de faire du débauchage"
    for text, org, expected in (
        (f"« {words} », assure le député du MoDem.", "MoDem", 1.0),
        (f"« {words} », a déclaré la direction à France Bleu.", "France Bleu", 1.0),
        (f"« {words} », assure le MoDem dans un communiqué.", "MoDem", 0.0),
    ):
        doc = with_mentions(text, [(org, "ORG")])
        values = features(doc, _quote(text, words, org), "incise", AgreementIndex([doc]))
        assert values["complement"] == expected, text
