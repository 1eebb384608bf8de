import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoupe.stages.sentences import split_sentences


def test_abbreviations_do_not_cut_a_sentence() -> None:
    text = "Le 25 oct. 2016 à Paris, M. Carter a parlé. Puis il est parti."
    assert [s.text for s in split_sentences("d", text, "fr")] == [
        "Le 25 oct. 2016 à Paris, M. Carter a parlé.",
        "Puis il est parti.",
    ]


WORDS = st.sampled_from(["Le", "ministre", "a", "dit", "« oui »", "M.", "Carter", "5 000", "à", "Paris"])


@given(
    st.lists(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=6),
    st.sampled_from([". ", ".\n", "! "]),
)
def test_every_sentence_span_points_at_its_text(parts: list[str], sep: str) -> None:
    text = sep.join(parts) + "."
    for sentence in split_sentences("d", text, "fr"):
        assert 0 <= sentence.span.start < sentence.span.end <= len(text)
        assert sentence.span.of(text) == sentence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les secours ont été appelés, ajoute-t-elle.Le village se veut un lieu ouvert.",
            ["Les secours ont été appelés, ajoute-t-elle.", "Le village se veut un lieu ouvert."],
        ),
        (
            'Il a dit "non."Puis il est parti sans un mot.',
            ['Il a dit "non."', "Puis il est parti sans un mot."],
        ),
        ("M.Dupont est venu hier soir.", ["M.Dupont est venu hier soir."]),
        ("Il a parlé sur RTL.Ce principe est ancien.", ["Il a parlé sur RTL.Ce principe est ancien."]),
        ("Le site orange.fr a publié la liste.", ["Le site orange.fr a publié la liste."]),
    ],
)
def test_two_sentences_glued_with_no_space_are_cut_apart(text: str, expected: list[str]) -> None:
    sentences = split_sentences("d1", text, "fr")
    assert [s.text for s in sentences] == expected
    assert all(text[s.span.start : s.span.end] == s.text for s in sentences)
