"""Issue 4: quote detection and speakers on the hand-made gold sets stay above pinned floors."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, bench_module, shared

#: a little under bench/results/quotes.md: (F1, speaker accuracy) per gold set
FLOORS = {
    "rpm2-quotes.jsonl": (0.87, 0.77),  # tuning set: F1 0.894, speakers 0.795
    "rpm2-quotes-heldout.jsonl": (0.89, 0.69),  # second set: F1 0.920, speakers 0.718
    "rpm2-quotes-third.jsonl": (0.78, 0.65),  # held out: F1 0.805, speakers 0.682
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quotes_stay_above_the_floor(name: str) -> None:
    shared("data", "rpm2", "dev.jsonl")
    bench = bench_module("quotes")
    gold = bench.load(ROOT / "tests" / "gold" / name)
    result = bench.score(bench.recoupe_quotes, bench.analyse(shared(), gold), gold)
    floor_f1, floor_speaker = FLOORS[name]
    assert result["f1"] >= floor_f1 and result["speaker"] >= floor_speaker, result
