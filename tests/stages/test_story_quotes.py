from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.stages.quotes.story_quotes import Rarity, contains_words, same_words, words_of

WORDS = st.sampled_from(["le", "la", "de", "nous", "devons", "agir", "vite", "Daech", "vacille", "Raqqa", "paix"])
QUOTES = st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=2, max_size=12)


@settings(max_examples=200, deadline=None)
@given(QUOTES)
def test_the_index_never_misses_two_quotes_that_share_their_words(texts: list[str]) -> None:
    rarity = Rarity(words_of(t) for t in texts)
    for index, text in enumerate(texts):
        rarity.add(index, text)
    found = {(i, j) for i, text in enumerate(texts) for j in rarity.candidates(text)}
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            if i != j and (same_words(a, b) or contains_words(a, b)):
                assert (j, i) in found, (a, b)  # b's candidates hold a, whichever is the shorter
