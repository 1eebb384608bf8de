"""Issue 18: the conflicts bench's matcher on tiny synthetic data, and its scoring on one RPM2 cluster (slow)."""

from __future__ import annotations

import pytest

from recoupe.model import Claim, Conflict, Span

from ..conftest import bench_module, make_doc, shared

bench = bench_module("conflicts")


def predicted(*spans: tuple[str, int, int], kind: str = "figure") -> Conflict:
    return Conflict(kind, "x", tuple(Claim(str(i), Span(doc, start, end)) for i, (doc, start, end) in enumerate(spans)))


def item(label: str, *spans: tuple[str, int, int], kind: str = "figure") -> object:
    return bench.Item(label, kind, "x", tuple(Span(*s) for s in spans))


GOLD = item("conflict", ("a", 10, 20), ("b", 30, 40))


def test_a_prediction_overlapping_a_gold_conflict_in_two_reports_matches() -> None:
    assert bench.matches(predicted(("a", 15, 25), ("b", 0, 31)), GOLD)


def test_overlap_in_one_report_only_does_not_match() -> None:
    assert not bench.matches(predicted(("a", 15, 25), ("b", 40, 50)), GOLD)
    assert not bench.matches(predicted(("a", 15, 25), ("a", 12, 14)), GOLD)


def test_an_update_matched_is_not_a_true_positive() -> None:
    update = item("update", ("a", 10, 20), ("b", 30, 40))
    s = bench.score([predicted(("a", 10, 20), ("b", 30, 40))], [update])
    assert (s.predicted, s.tp, s.update, s.precision, s.recall) == (1, 0, 1, 0.0, None)


def test_a_prediction_counts_once_for_the_conflict_first() -> None:
    tempting = item("not_conflict", ("a", 10, 20), ("b", 30, 40))
    s = bench.score([predicted(("a", 10, 20), ("b", 30, 40))], [tempting, GOLD])
    assert (s.predicted, s.tp, s.not_conflict, s.unmatched, s.precision, s.recall) == (1, 1, 0, 0, 1.0, 1.0)
    assert s.kinds["figure"].tp == 1


def test_one_prediction_on_two_gold_conflicts_counts_once_and_finds_both() -> None:
    other = item("conflict", ("a", 50, 60), ("b", 70, 80))
    s = bench.score([predicted(("a", 10, 20), ("b", 30, 40), ("a", 55, 56), ("b", 75, 76))], [GOLD, other])
    assert (s.predicted, s.tp, s.found, s.gold) == (1, 1, 2, 2)


def test_unmatched_predictions_count_against_precision() -> None:
    s = bench.score([predicted(("a", 15, 25), ("b", 30, 40)), predicted(("c", 0, 5), ("d", 0, 5))], [GOLD])
    assert (s.tp, s.unmatched, s.precision, s.found, s.gold) == (1, 1, 0.5, 1, 1)


def test_a_claim_is_found_in_the_clean_text_with_its_spacing_normalised() -> None:
    doc = make_doc("Le bilan: 12 morts selon\nla police. 12 morts", id="a")
    span, how = bench.locate("12\u00a0morts selon la police", 10, 60, doc)
    assert how == "normalised" and span and doc.text[span.start : span.end] == "12 morts selon\nla police"
    span, how = bench.locate("12 morts", 40, 44, doc)
    assert how == "exact" and span and span.start == doc.text.rindex("12 morts")
    assert bench.locate("13 morts", 0, 44, doc) == (None, "missing")


@pytest.mark.slow
def test_the_bench_scores_one_cluster_with_well_formed_numbers() -> None:
    gold = bench.load_gold(bench.GOLD)
    root = shared("data", "rpm2", "dev.jsonl").parents[2]
    scores, location, _ = bench.run_cluster(root, "T04", "C2", gold[("T04", "C2")])
    assert location.exact + location.normalised + len(location.missing) == sum(
        len(g["claims"]) for g in gold[("T04", "C2")]
    )
    check = scores.pop(bench.CHECK)
    assert (check.precision, check.recall) == (1.0, 1.0)
    for s in scores.values():
        assert s.predicted == s.tp + s.update + s.not_conflict + s.unmatched
        for ratio in (s.precision, s.recall):
            assert ratio is None or 0 <= ratio <= 1
