"""Issue 4: quote detection and speakers on the hand-made gold sets stay above pinned floors."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, bench_module, shared

#: a little under bench/results/quotes.md: (F1, speaker accuracy) per gold set
FLOORS = {
    "rpm2-quotes.jsonl": (0.89, 0.87),  # first set: F1 0.920, speakers 0.910
    "rpm2-quotes-heldout.jsonl": (0.92, 0.81),  # second set: F1 0.940, speakers 0.851
    "rpm2-quotes-third.jsonl": (0.89, 0.86),  # third set: F1 0.928, speakers 0.894
    "rpm2-quotes-fourth.jsonl": (0.89, 0.92),  # fourth set: F1 0.913, speakers 0.957
    "rpm2-quotes-test-t13.jsonl": (0.95, 0.90),  # test T13: F1 0.974, speakers 0.933
    "rpm2-quotes-test-t17.jsonl": (0.86, 0.87),  # test T17-C1: F1 0.896, speakers 0.907
    "rpm2-quotes-test-t18.jsonl": (0.89, 0.71),  # test T18-C1: F1 0.925, speakers 0.742
    "rpm2-quotes-test-t11.jsonl": (0.87, 0.72),  # test T11-C2: F1 0.900, speakers 0.756
    "rpm2-quotes-test-t15.jsonl": (0.89, 0.77),  # test T15-C1, read in the sixth session: F1 0.917, speakers 0.800
    "rpm2-quotes-test-t15c2.jsonl": (0.86, 0.78),  # test T15-C2, read in the sixth session: F1 0.889, speakers 0.821
    "rpm2-quotes-test-t20c2.jsonl": (0.87, 0.89),  # test T20-C2, read in the sixth session: F1 0.897, speakers 0.923
    "rpm2-quotes-test-t12c1.jsonl": (0.80, 0.80),  # test T12-C1, read in the sixth session: F1 0.831, speakers 0.837
    "rpm2-quotes-test-t16c2.jsonl": (0.86, 0.92),  # test T16-C2, read in the seventh session: F1 0.889, speakers 0.964
    "rpm2-quotes-test-t19c2.jsonl": (0.92, 0.85),  # test T19-C2, read in the seventh session: F1 0.947, speakers 0.887
    "rpm2-quotes-test-t14c2.jsonl": (0.92, 0.82),  # test T14-C2, read in the seventh session: F1 0.953, speakers 0.854
    "rpm2-quotes-test-t11c1.jsonl": (0.85, 0.84),  # test T11-C1, read in the eighth session: F1 0.885, speakers 0.880
    "rpm2-quotes-test-t17c2.jsonl": (0.87, 0.87),  # test T17-C2, read in the eighth session: F1 0.904, speakers 0.904
    "rpm2-quotes-test-t20c1.jsonl": (0.87, 0.69),  # test T20-C1, never read: F1 0.908, speakers 0.722
    "rpm2-quotes-test-t18c2.jsonl": (0.87, 0.80),  # test T18-C2, never read: F1 0.907, speakers 0.837
    "rpm2-quotes-test-t16c1.jsonl": (0.91, 0.76),  # test T16-C1, never read: F1 0.942, speakers 0.796
    "wikinewssum-en-quotes.jsonl": (0.95, 0.83),  # English, 12 WikinewsSum sources: F1 0.984, speakers 0.867
    "wikinewssum-en-quotes-second.jsonl": (0.82, 0.85),  # English, 10 more: F1 0.857, speakers 0.905
    "wikinewssum-de-quotes.jsonl": (0.80, 0.50),  # German, the 2 WikinewsSum sources: F1 0.842, speakers 0.562
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quotes_stay_above_the_floor(name: str) -> None:
    shared("data", "wikinewssum-en" if name.startswith("wikinews") else "rpm2")
    bench = bench_module("quotes")
    gold = bench.load(ROOT / "tests" / "gold" / name)
    result = bench.score(bench.recoupe_quotes, bench.analyse(shared(), gold), gold)
    floor_f1, floor_speaker = FLOORS[name]
    assert result["f1"] >= floor_f1 and result["speaker"] >= floor_speaker, result
