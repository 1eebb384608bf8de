"""Issue 4: figures on the hand-made gold set stay above pinned floors."""

from __future__ import annotations

import importlib.util

from ..conftest import ROOT, shared

#: a little under bench/results/figures.md (F1 0.920, value accuracy 1.000, unit accuracy 0.917)
FLOOR_F1, FLOOR_VALUE, FLOOR_UNIT = 0.89, 0.95, 0.88


def test_figures_stay_above_the_floor() -> None:
    shared("data", "rpm2", "dev.jsonl")
    spec = importlib.util.spec_from_file_location("bench_figures", ROOT / "bench" / "figures.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    gold = bench.load()
    docs, raws = bench.analyse(shared(), gold)
    result = bench.score(bench.recoupe_figures, docs, raws, gold)
    assert result["f1"] >= FLOOR_F1 and result["value"] >= FLOOR_VALUE and result["unit"] >= FLOOR_UNIT, result
