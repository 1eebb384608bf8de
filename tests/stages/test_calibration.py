from __future__ import annotations

from recoupe.model import Claim, Conflict, Span
from recoupe.stages.crosscheck.calibration import CEILING, JUDGED, calibrated, grade

CLAIMS = (Claim("Quatre salariés", Span("a", 0, 15)), Claim("trois salariés", Span("b", 0, 14)))


def test_a_conflict_the_rules_would_state_is_capped_at_the_share_a_judge_found_real() -> None:
    sure = calibrated(Conflict("figure", "salariés", CLAIMS, reason="cannot both hold", confidence=0.85))
    real, judged = JUDGED["figure"]
    assert sure.confidence == round((real + 1) / (judged + 2), 3) and not sure.stated
    assert grade(sure) == 0.85 and grade(Conflict("date", "x", CLAIMS, confidence=0.4)) == 0.4
    assert (
        sure.reason.startswith("cannot both hold (the rules' grade 0.85;")
        and f"{real} of {judged} figure conflicts" in sure.reason
    )


def test_updates_and_conflicts_already_below_the_ceiling_are_left_as_they_are() -> None:
    update = Conflict("figure", "morts", CLAIMS, reason="raised", confidence=0.9, status="update")
    low = Conflict("fact", "nom", CLAIMS, reason="two names", confidence=CEILING["fact"] / 2)
    assert calibrated(update) is update and calibrated(low) is low


def test_calibrating_twice_changes_nothing_and_the_grade_keeps_its_precision() -> None:
    once = calibrated(Conflict("date", "incendie", CLAIMS, reason="two days", confidence=0.7996))
    assert calibrated(once) == once and grade(once) == 0.7996
    sure = calibrated(Conflict("date", "incendie", CLAIMS, reason="two days", confidence=0.95))
    assert calibrated(sure) == sure and sure.reason.count("the rules' grade") == 1 and grade(sure) == 0.95


def test_no_kind_of_conflict_is_stated_until_a_judge_finds_it_right_often_enough() -> None:
    assert all(not calibrated(Conflict(kind, "x", CLAIMS, confidence=1.0)).stated for kind in CEILING)
