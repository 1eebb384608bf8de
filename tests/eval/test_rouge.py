from recoupe.eval.rouge import cut, rouge, tokens


def test_tokens_are_unicode_words_lowercased_and_stemmed() -> None:
    assert tokens("Les Combattants d'Irak") == ["le", "combatt", "d", "irak"]


def test_cut_keeps_the_first_words_as_written() -> None:
    assert cut("Un, deux trois. Quatre", 3) == "Un, deux trois"


def test_rouge_of_a_reference_against_itself_is_100_and_of_unrelated_text_0() -> None:
    reference = "La coalition se réunit à Paris mardi."
    assert rouge(reference, [reference]).r2 == 100.0
    assert rouge("Ballon rond au stade.", [reference]).r1 == 0.0
