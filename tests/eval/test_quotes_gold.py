"""Issue 4: quote detection and speakers on the hand-made gold sets stay above pinned floors."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, bench_module, shared

#: a little under bench/results/quotes.md, per gold set: (quote F1, speakers right when recoupe names one, coverage:
#: quotes given a speaker / quotes whose speaker the text names); the comment gives the measured values
FLOORS = {
    "rpm2-quotes.jsonl": (0.90, 0.94, 0.71),  # 0.920, 0.978, 0.756
    "rpm2-quotes-heldout.jsonl": (0.92, 0.92, 0.67),  # 0.940, 0.954, 0.710
    "rpm2-quotes-third.jsonl": (0.91, 0.95, 0.73),  # 0.932, 0.989, 0.779
    "rpm2-quotes-fourth.jsonl": (0.89, 0.94, 0.89),  # 0.913, 0.977, 0.936
    "orangesum-quotes.jsonl": (0.84, 0.85, 0.67),  # 0.863, 0.889, 0.710
    "orangesum-quotes-second.jsonl": (0.88, 0.84, 0.64),  # 0.901, 0.874, 0.680
    "orangesum-quotes-third.jsonl": (0.81, 0.84, 0.67),  # 0.835, 0.879, 0.716
    "orangesum-quotes-fourth.jsonl": (0.88, 0.87, 0.72),  # 0.905, 0.902, 0.762
    "orangesum-quotes-fifth.jsonl": (0.86, 0.81, 0.68),  # 0.888, 0.842, 0.727
    "orangesum-quotes-sixth.jsonl": (0.74, 0.82, 0.61),  # 0.768, 0.857, 0.657
    "orangesum-quotes-seventh.jsonl": (0.84, 0.87, 0.69),  # 0.862, 0.900, 0.718
    "rpm2-quotes-fifth.jsonl": (0.85, 0.88, 0.64),  # 0.874, 0.913, 0.687
    "rpm2-quotes-test-t13.jsonl": (0.95, 0.95, 0.84),  # 0.974, 0.984, 0.889
    "rpm2-quotes-test-t17.jsonl": (0.87, 0.94, 0.78),  # 0.896, 0.970, 0.821
    "rpm2-quotes-test-t18.jsonl": (0.90, 0.89, 0.50),  # 0.925, 0.923, 0.542
    "rpm2-quotes-test-t11.jsonl": (0.88, 0.84, 0.67),  # 0.900, 0.875, 0.711
    "rpm2-quotes-test-t15.jsonl": (0.89, 0.78, 0.85),  # 0.917, 0.816, 0.897
    "rpm2-quotes-test-t15c2.jsonl": (0.86, 0.82, 0.67),  # 0.889, 0.850, 0.714
    "rpm2-quotes-test-t20c2.jsonl": (0.87, 0.91, 0.68),  # 0.897, 0.944, 0.729
    "rpm2-quotes-test-t12c1.jsonl": (0.81, 0.94, 0.67),  # 0.831, 0.971, 0.714
    "rpm2-quotes-test-t16c2.jsonl": (0.86, 0.91, 0.77),  # 0.889, 0.947, 0.818
    "rpm2-quotes-test-t19c2.jsonl": (0.92, 0.92, 0.85),  # 0.947, 0.952, 0.899
    "rpm2-quotes-test-t14c2.jsonl": (0.93, 0.91, 0.68),  # 0.953, 0.945, 0.724
    "rpm2-quotes-test-t11c1.jsonl": (0.86, 0.93, 0.55),  # 0.885, 0.966, 0.592
    "rpm2-quotes-test-t17c2.jsonl": (0.88, 0.88, 0.71),  # 0.904, 0.917, 0.750
    "rpm2-quotes-test-t20c1.jsonl": (0.88, 0.79, 0.53),  # 0.908, 0.826, 0.575
    "rpm2-quotes-test-t18c2.jsonl": (0.88, 0.97, 0.71),  # 0.907, 1.000, 0.756
    "rpm2-quotes-test-t16c1.jsonl": (0.92, 0.90, 0.73),  # 0.942, 0.938, 0.775
    "wikinewssum-en-quotes.jsonl": (0.97, 0.89, 0.81),  # 0.992, 0.922, 0.850
    "wikinewssum-en-quotes-second.jsonl": (0.86, 0.97, 0.81),  # 0.880, 1.000, 0.857
    "wikinewssum-de-quotes.jsonl": (0.82, 0.72, 0.71),  # 0.842, 0.750, 0.750
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
