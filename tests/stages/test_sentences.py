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
