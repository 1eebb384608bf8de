"""Issue 16: word lists are data files (recoupe/data/*.txt), read in file order without comments."""

from __future__ import annotations

from importlib.resources import files

import pytest

from recoupe.lexicon.words import alternation, words
from recoupe.stages.quotes.speech import SPEECH_WORD

LISTS = ("speech_verbs", "person_nouns", "organisation_nouns", "things_before_names", "offices")


@pytest.mark.parametrize("name", LISTS)
def test_each_word_list_is_a_data_file_of_entries_without_comments(name: str) -> None:
    entries = words(name)
    text = files("recoupe.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    assert entries and len(entries) == len(set(entries))
    assert all(not e.startswith("#") and e == e.strip() for e in entries)
    assert text.startswith("#"), "each list says what it is for"
    assert alternation(name) == "|".join(entries)


def test_the_verbs_of_speech_come_from_their_list_in_each_language() -> None:
    assert {"déclar\\w*", "said"} <= set(words("speech_verbs"))
    assert SPEECH_WORD.search("a-t-il déclaré") and SPEECH_WORD.search("she said")
    assert not SPEECH_WORD.search("sa déclaration")
