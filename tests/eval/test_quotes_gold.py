"""Issue 4: quote detection and speakers on the hand-made gold sets stay above pinned floors."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, bench_module, shared

#: a little under bench/results/quotes.md, per gold set: (quote F1, speakers right when recoupe names one, coverage:
#: quotes given a speaker / quotes whose speaker the text names); the comment gives the measured values
FLOORS = {
    "rpm2-quotes.jsonl": (0.89, 0.95, 0.69),  # 0.920, 0.989, 0.748
    "rpm2-quotes-heldout.jsonl": (0.92, 0.92, 0.65),  # 0.940, 0.962, 0.716
    "rpm2-quotes-third.jsonl": (0.89, 0.94, 0.68),  # 0.928, 0.988, 0.741
    "rpm2-quotes-fourth.jsonl": (0.89, 0.94, 0.92),  # 0.913, 0.978, 0.979
    "orangesum-quotes.jsonl": (0.82, 0.77, 0.65),  # 0.857, 0.815, 0.706
    "rpm2-quotes-fifth.jsonl": (0.84, 0.87, 0.63),  # 0.873, 0.912, 0.683
    "rpm2-quotes-test-t13.jsonl": (0.95, 0.94, 0.79),  # 0.974, 0.984, 0.847
    "rpm2-quotes-test-t17.jsonl": (0.86, 0.93, 0.76),  # 0.896, 0.970, 0.821
    "rpm2-quotes-test-t18.jsonl": (0.89, 0.96, 0.44),  # 0.925, 1.000, 0.500
    "rpm2-quotes-test-t11.jsonl": (0.87, 0.82, 0.75),  # 0.900, 0.861, 0.800
    "rpm2-quotes-test-t15.jsonl": (0.89, 0.85, 0.74),  # 0.917, 0.882, 0.795
    "rpm2-quotes-test-t15c2.jsonl": (0.86, 0.79, 0.58),  # 0.889, 0.833, 0.643
    "rpm2-quotes-test-t20c2.jsonl": (0.87, 0.88, 0.69),  # 0.897, 0.921, 0.750
    "rpm2-quotes-test-t12c1.jsonl": (0.80, 0.90, 0.63),  # 0.831, 0.941, 0.694
    "rpm2-quotes-test-t16c2.jsonl": (0.86, 0.96, 0.76),  # 0.889, 1.000, 0.818
    "rpm2-quotes-test-t19c2.jsonl": (0.92, 0.91, 0.74),  # 0.947, 0.945, 0.797
    "rpm2-quotes-test-t14c2.jsonl": (0.92, 0.89, 0.72),  # 0.953, 0.932, 0.776
    "rpm2-quotes-test-t11c1.jsonl": (0.85, 0.93, 0.56),  # 0.885, 0.967, 0.612
    "rpm2-quotes-test-t17c2.jsonl": (0.87, 0.91, 0.67),  # 0.904, 0.943, 0.729
    "rpm2-quotes-test-t20c1.jsonl": (0.87, 0.72, 0.54),  # 0.908, 0.760, 0.600
    "rpm2-quotes-test-t18c2.jsonl": (0.87, 0.97, 0.68),  # 0.907, 1.000, 0.733
    "rpm2-quotes-test-t16c1.jsonl": (0.91, 0.93, 0.69),  # 0.942, 0.967, 0.750
    "wikinewssum-en-quotes.jsonl": (0.95, 0.94, 0.73),  # 0.984, 0.978, 0.763
    "wikinewssum-en-quotes-second.jsonl": (0.82, 0.97, 0.76),  # 0.857, 1.000, 0.810
    "wikinewssum-de-quotes.jsonl": (0.80, 0.71, 0.69),  # 0.842, 0.750, 0.750
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
