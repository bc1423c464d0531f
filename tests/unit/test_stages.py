"""Stage now: the latest scored visit's King's and MiToS, and 5 for both from the date of death."""

from datetime import date, timedelta

import pytest

from alsdesk.services import scoring
from alsdesk.services.stages import StageNow, stage_now

DEATH = date(2026, 3, 10)
# Hand-scored: item 3 = 1 (swallowing lost; bulbar involved) and 8 = 3 (lower limb involved):
# King's 2 (two regions), MiToS 1. A later visit with item 12 = 3 is King's 4B, MiToS 1.
EARLY = {"1": 4, "2": 4, "3": 1, "4": 4, "5a": 4, "6": 4, "7": 4, "8": 3, "9": 4, "10": 4, "11": 4, "12": 4}
LATE = {**EARLY, "12": 3}
VISITS = [
    (date(2025, 11, 1), scoring.kings_stage(EARLY), scoring.mitos_stage(EARLY)),
    (date(2026, 2, 1), scoring.kings_stage(LATE), scoring.mitos_stage(LATE)),
]


def test_the_hand_scored_visits() -> None:
    assert [v[1:] for v in VISITS] == [("2", 1), ("4B", 1)]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (DEATH - timedelta(days=1), StageNow("4B", 1, date(2026, 2, 1))),  # the day before death: the last visit
        (DEATH, StageNow("5", 5, DEATH, from_death=True)),  # the day of death
        (DEATH + timedelta(days=1), StageNow("5", 5, DEATH, from_death=True)),  # after it
    ],
)
def test_stage_five_from_the_date_of_death(on: date, expected: StageNow) -> None:
    assert stage_now(death_date=DEATH, scored=VISITS, on=on) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2025, 10, 31), StageNow(None, None, None)),  # before any visit: no stage
        (date(2025, 11, 1), StageNow("2", 1, date(2025, 11, 1))),
        (date(2026, 1, 31), StageNow("2", 1, date(2025, 11, 1))),  # a later visit does not count yet
        (date(2026, 2, 1), StageNow("4B", 1, date(2026, 2, 1))),
    ],
)
def test_the_latest_visit_scored_on_or_before_the_day(on: date, expected: StageNow) -> None:
    assert stage_now(death_date=None, scored=reversed(VISITS), on=on) == expected


def test_death_without_any_visit_is_stage_five() -> None:
    assert stage_now(death_date=DEATH, scored=[], on=DEATH) == StageNow("5", 5, DEATH, from_death=True)
    assert stage_now(death_date=DEATH, scored=[], on=DEATH - timedelta(days=1)) == StageNow(None, None, None)
