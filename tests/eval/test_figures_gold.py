"""Issue 4: figures on the hand-made gold sets stay above pinned floors."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, bench_module, shared

#: a little under bench/results/figures.md: (F1, value accuracy, unit accuracy) per gold set
FLOORS = {
    "rpm2-figures.jsonl": (0.89, 0.95, 0.88),  # tuning set: 0.920, 1.000, 0.917
    "rpm2-figures-heldout.jsonl": (0.87, 0.95, 0.95),  # held out: 0.901, 0.988, 1.000
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figures_stay_above_the_floor(name: str) -> None:
    shared("data", "rpm2", "dev.jsonl")
    bench = bench_module("figures")
    gold = bench.load(ROOT / "tests" / "gold" / name)
    docs, raws = bench.analyse(shared(), gold)
    result = bench.score(bench.recoupe_figures, docs, raws, gold)
    floor_f1, floor_value, floor_unit = FLOORS[name]
    assert result["f1"] >= floor_f1 and result["value"] >= floor_value and result["unit"] >= floor_unit, result
