"""Care programs follow their dates, and ΔFS at diagnosis and the latest slope: hand-computed cases at each edge."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from alsdesk.services import scoring
from alsdesk.services.programs import enrollment_last_day, enrollment_state, items_for_patient

START = date(2025, 7, 1)  # a 15-day program: 1 to 15 July


def state(on: date, status: str = "active", death: date | None = None) -> str:
    return enrollment_state(status=status, start_date=START, duration_days=15, on=on, death_date=death)


def test_a_fifteen_day_program_runs_from_its_start_to_start_plus_fourteen() -> None:
    assert enrollment_last_day(START, 15) == date(2025, 7, 15)
    assert enrollment_last_day(START, 1) == START  # a one-day program ends the day it starts
    assert state(date(2025, 6, 30)) == "upcoming"
    assert state(START) == "current"
    assert state(date(2025, 7, 15)) == "current"  # its last day
    assert state(date(2025, 7, 16)) == "ended"  # the day after


def test_a_death_date_inside_the_program_is_its_last_day() -> None:
    death = date(2025, 7, 10)
    assert enrollment_last_day(START, 15, death) == death
    assert state(death, death=death) == "current"
    assert state(death + timedelta(days=1), death=death) == "ended"
    assert enrollment_last_day(START, 15, date(2025, 8, 1)) == date(2025, 7, 15)  # a later death changes nothing


def test_a_stored_status_wins_over_the_dates() -> None:
    assert state(START, status="stopped") == "stopped"
    assert state(date(2025, 7, 20), status="completed") == "completed"


def test_items_that_need_an_intervention_are_kept_only_with_it() -> None:
    items = json.dumps([{"en": "Breathing check", "zh": ""}, {"en": "Ventilator used", "zh": "", "needs": "niv"}])
    assert [i["en"] for i in json.loads(items_for_patient(items, set()))] == ["Breathing check"]
    assert items_for_patient(items, {"niv"}) == items
    assert [i["en"] for i in json.loads(items_for_patient(items, {"gastrostomy"}))] == ["Breathing check"]


ONSET, DIAGNOSIS = date(2025, 1, 1), date(2025, 6, 1)


def test_delta_fs_at_diagnosis_uses_an_assessment_30_days_away_but_not_31() -> None:
    # 2025-07-01 is 30 days after diagnosis and 181 days (5.947 months) after onset: (48 − 41) / 5.947 = 1.18.
    found = scoring.delta_fs_at_diagnosis([(date(2025, 7, 1), 41)], ONSET, DIAGNOSIS)
    assert found is not None and found[0] == date(2025, 7, 1) and found[1] == pytest.approx(7 / (181 / 30.4375))
    assert round(found[1], 2) == 1.18
    assert scoring.delta_fs_at_diagnosis([(date(2025, 7, 2), 41)], ONSET, DIAGNOSIS) is None  # 31 days after
    # 30 days before diagnosis counts too (2025-05-02, 121 days after onset): (48 − 44) / 3.975 = 1.01.
    before = scoring.delta_fs_at_diagnosis([(date(2025, 5, 2), 44)], ONSET, DIAGNOSIS)
    assert before is not None and round(before[1], 2) == 1.01
    assert scoring.delta_fs_at_diagnosis([(date(2025, 5, 1), 44)], ONSET, DIAGNOSIS) is None  # 31 days before


def test_delta_fs_at_diagnosis_takes_the_nearest_and_on_a_tie_the_earlier() -> None:
    visits = [(date(2025, 5, 22), 45), (date(2025, 6, 11), 40), (date(2025, 6, 5), 42)]
    found = scoring.delta_fs_at_diagnosis(visits, ONSET, DIAGNOSIS)
    assert found is not None and found[0] == date(2025, 6, 5)  # 4 days away
    tie = [(date(2025, 6, 11), 40), (date(2025, 5, 22), 45)]  # 10 days after, 10 days before
    found = scoring.delta_fs_at_diagnosis(tie, ONSET, DIAGNOSIS)
    assert found is not None and found[0] == date(2025, 5, 22)
    assert scoring.delta_fs_at_diagnosis(visits, None, DIAGNOSIS) is None
    assert scoring.delta_fs_at_diagnosis(visits, ONSET, None) is None


def test_latest_slope_is_points_lost_per_month_between_the_two_latest_visits() -> None:
    # 41 on 2025-07-01, 38 on 2025-08-20: 3 points in 50 days = 3 / (50 / 30.4375) = 1.82625 per month.
    assert scoring.alsfrs_slope(41, date(2025, 7, 1), 38, date(2025, 8, 20)) == pytest.approx(1.82625)
    assert scoring.alsfrs_slope(38, date(2025, 7, 1), 40, date(2025, 8, 20)) < 0  # a gain is negative
    visits = [(date(2025, 8, 20), 38), (date(2025, 4, 1), 46), (date(2025, 7, 1), 41)]
    assert scoring.latest_slope(visits) == (date(2025, 7, 1), date(2025, 8, 20), pytest.approx(1.82625))
    assert scoring.latest_slope(visits[:1]) is None
    with pytest.raises(ValueError, match="must be after"):
        scoring.alsfrs_slope(41, date(2025, 7, 1), 38, date(2025, 7, 1))
