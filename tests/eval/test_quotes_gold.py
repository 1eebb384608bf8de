"""Issue 4: quote detection and speakers on the hand-made gold sets stay above pinned floors."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, bench_module, shared

#: a little under bench/results/quotes.md, per gold set: (quote F1, speakers right when recoupe names one, coverage:
#: quotes given a speaker / quotes whose speaker the text names); the comment gives the measured values
FLOORS = {
    "rpm2-quotes.jsonl": (0.89, 0.93, 0.74),  # 0.920, 0.968, 0.790
    "rpm2-quotes-heldout.jsonl": (0.91, 0.92, 0.69),  # 0.940, 0.956, 0.738
    "rpm2-quotes-third.jsonl": (0.90, 0.95, 0.70),  # 0.928, 0.988, 0.750
    "rpm2-quotes-fourth.jsonl": (0.88, 0.94, 0.93),  # 0.913, 0.978, 0.979
    "orangesum-quotes.jsonl": (0.83, 0.79, 0.64),  # 0.857, 0.835, 0.690
    "rpm2-quotes-fifth.jsonl": (0.84, 0.86, 0.64),  # 0.873, 0.899, 0.693
    "rpm2-quotes-test-t13.jsonl": (0.94, 0.94, 0.84),  # 0.974, 0.984, 0.889
    "rpm2-quotes-test-t17.jsonl": (0.87, 0.93, 0.80),  # 0.896, 0.971, 0.846
    "rpm2-quotes-test-t18.jsonl": (0.90, 0.89, 0.53),  # 0.925, 0.929, 0.583
    "rpm2-quotes-test-t11.jsonl": (0.87, 0.83, 0.66),  # 0.900, 0.875, 0.711
    "rpm2-quotes-test-t15.jsonl": (0.89, 0.85, 0.77),  # 0.917, 0.886, 0.821
    "rpm2-quotes-test-t15c2.jsonl": (0.86, 0.81, 0.66),  # 0.889, 0.850, 0.714
    "rpm2-quotes-test-t20c2.jsonl": (0.87, 0.88, 0.68),  # 0.897, 0.919, 0.729
    "rpm2-quotes-test-t12c1.jsonl": (0.80, 0.91, 0.70),  # 0.831, 0.946, 0.755
    "rpm2-quotes-test-t16c2.jsonl": (0.86, 0.91, 0.81),  # 0.889, 0.950, 0.864
    "rpm2-quotes-test-t19c2.jsonl": (0.92, 0.91, 0.82),  # 0.947, 0.950, 0.870
    "rpm2-quotes-test-t14c2.jsonl": (0.92, 0.91, 0.71),  # 0.953, 0.948, 0.763
    "rpm2-quotes-test-t11c1.jsonl": (0.85, 0.93, 0.54),  # 0.885, 0.966, 0.592
    "rpm2-quotes-test-t17c2.jsonl": (0.87, 0.90, 0.68),  # 0.904, 0.943, 0.729
    "rpm2-quotes-test-t20c1.jsonl": (0.88, 0.77, 0.60),  # 0.908, 0.808, 0.650
    "rpm2-quotes-test-t18c2.jsonl": (0.88, 0.96, 0.71),  # 0.907, 1.000, 0.756
    "rpm2-quotes-test-t16c1.jsonl": (0.91, 0.93, 0.70),  # 0.942, 0.967, 0.750
    "wikinewssum-en-quotes.jsonl": (0.95, 0.90, 0.76),  # 0.984, 0.938, 0.814
    "wikinewssum-en-quotes-second.jsonl": (0.83, 0.96, 0.85),  # 0.857, 1.000, 0.905
    "wikinewssum-de-quotes.jsonl": (0.81, 0.71, 0.70),  # 0.842, 0.750, 0.750
    "orangesum-quotes-second.jsonl": (0.86, 0.81, 0.60),  # 0.888, 0.848, 0.647
    "orangesum-quotes-third.jsonl": (0.78, 0.79, 0.64),  # 0.807, 0.832, 0.695
    "orangesum-quotes-fourth.jsonl": (0.86, 0.82, 0.71),  # 0.889, 0.849, 0.746
    "orangesum-quotes-fifth.jsonl": (0.84, 0.86, 0.65),  # 0.865, 0.889, 0.684
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
