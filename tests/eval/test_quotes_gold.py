"""Issue 4: quote detection and speakers on the hand-made gold set stay above pinned floors."""

from __future__ import annotations

import importlib.util
import json

from ..conftest import ROOT, shared

#: a little under bench/results/quotes.md (F1 0.855, speaker accuracy 0.619)
FLOOR_F1, FLOOR_SPEAKER = 0.83, 0.59


def test_quotes_stay_above_the_floor() -> None:
    shared("data", "rpm2", "dev.jsonl")
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "bench" / "quotes.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    gold = [json.loads(line) for line in bench.GOLD.read_text(encoding="utf-8").splitlines()]
    docs = bench.analyse(shared(), gold)
    result = bench.score(bench.recoupe_quotes, docs, gold)
    assert result["f1"] >= FLOOR_F1 and result["speaker"] >= FLOOR_SPEAKER, result
