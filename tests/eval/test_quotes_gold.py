"""Issue 4: quote detection and speakers on the hand-made gold sets stay above pinned floors."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, bench_module, shared

#: a little under bench/results/quotes.md, per gold set: (quote F1, speakers right when recoupe names one, coverage:
#: quotes given a speaker / quotes whose speaker the text names); the comment gives the measured values
FLOORS = {
    "rpm2-quotes.jsonl": (0.89, 0.95, 0.66),  # 0.920, 0.988, 0.714
    "rpm2-quotes-heldout.jsonl": (0.92, 0.90, 0.64),  # 0.940, 0.938, 0.699
    "rpm2-quotes-third.jsonl": (0.89, 0.94, 0.80),  # 0.928, 0.979, 0.857
    "rpm2-quotes-fourth.jsonl": (0.89, 0.94, 0.92),  # 0.913, 0.978, 0.979
    "orangesum-quotes.jsonl": (0.82, 0.73, 0.68),  # 0.857, 0.769, 0.733
    "rpm2-quotes-fifth.jsonl": (0.84, 0.86, 0.65),  # 0.873, 0.891, 0.708
    "rpm2-quotes-test-t13.jsonl": (0.95, 0.93, 0.85),  # 0.974, 0.969, 0.903
    "rpm2-quotes-test-t17.jsonl": (0.86, 0.93, 0.74),  # 0.896, 0.969, 0.795
    "rpm2-quotes-test-t18.jsonl": (0.89, 0.90, 0.57),  # 0.925, 0.933, 0.625
    "rpm2-quotes-test-t11.jsonl": (0.87, 0.80, 0.75),  # 0.900, 0.833, 0.800
    "rpm2-quotes-test-t15.jsonl": (0.89, 0.78, 0.82),  # 0.917, 0.811, 0.872
    "rpm2-quotes-test-t15c2.jsonl": (0.86, 0.87, 0.73),  # 0.889, 0.909, 0.786
    "rpm2-quotes-test-t20c2.jsonl": (0.87, 0.91, 0.72),  # 0.897, 0.947, 0.771
    "rpm2-quotes-test-t12c1.jsonl": (0.80, 0.86, 0.72),  # 0.831, 0.895, 0.776
    "rpm2-quotes-test-t16c2.jsonl": (0.86, 0.90, 0.63),  # 0.889, 0.938, 0.682
    "rpm2-quotes-test-t19c2.jsonl": (0.92, 0.90, 0.79),  # 0.947, 0.931, 0.841
    "rpm2-quotes-test-t14c2.jsonl": (0.92, 0.91, 0.72),  # 0.953, 0.949, 0.776
    "rpm2-quotes-test-t11c1.jsonl": (0.85, 0.93, 0.52),  # 0.885, 0.964, 0.571
    "rpm2-quotes-test-t17c2.jsonl": (0.87, 0.84, 0.76),  # 0.904, 0.872, 0.812
    "rpm2-quotes-test-t20c1.jsonl": (0.87, 0.75, 0.62),  # 0.908, 0.786, 0.675
    "rpm2-quotes-test-t18c2.jsonl": (0.87, 0.97, 0.68),  # 0.907, 1.000, 0.733
    "rpm2-quotes-test-t16c1.jsonl": (0.91, 0.90, 0.67),  # 0.942, 0.933, 0.725
    "wikinewssum-en-quotes.jsonl": (0.95, 0.91, 0.84),  # 0.984, 0.943, 0.898
    "wikinewssum-en-quotes-second.jsonl": (0.82, 0.97, 0.76),  # 0.857, 1.000, 0.810
    "wikinewssum-de-quotes.jsonl": (0.80, 0.85, 0.51),  # 0.842, 0.889, 0.562
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quotes_stay_above_the_floor(name: str) -> None:
    shared(
        "data", "wikinewssum-en" if name.startswith("wikinews") else "orangesum" if name[:9] == "orangesum" else "rpm2"
    )
    bench = bench_module("quotes")
    gold = bench.load(ROOT / "tests" / "gold" / name)
    result = bench.score(bench.recoupe_quotes, bench.analyse(shared(), gold), gold)
    floor_f1, floor_named, floor_coverage = FLOORS[name]
    assert result["f1"] >= floor_f1 and result["named"] >= floor_named and result["coverage"] >= floor_coverage, result
