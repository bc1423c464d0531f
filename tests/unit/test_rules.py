"""Lifecycles, Gold Coast criteria, adherence, follow-up dates and search keys."""

import itertools
from datetime import date

import pytest

from alsdesk.errors import DomainError
from alsdesk.services import lifecycle, search
from alsdesk.services.diagnosis import RegionFinding, gold_coast_met
from alsdesk.services.programs import adherence
from alsdesk.services.referrals import follow_up_date
from alsdesk.services.settings import SPECS

DEFAULTS = {k: s.default for k, s in SPECS.items()}


def test_workup_lifecycle_walks_forward() -> None:
    path = ["planned", "ordered", "scheduled", "performed", "resulted", "reviewed"]
    for current, nxt in itertools.pairwise(path):
        lifecycle.WORKUP.check(current, nxt)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("ordered", "reviewed"),
        ("performed", "cancelled"),
        ("reviewed", "ordered"),
        ("cancelled", "ordered"),
        ("planned", "performed"),
    ],
)
def test_illegal_workup_moves_name_the_allowed_ones(current: str, target: str) -> None:
    with pytest.raises(DomainError) as err:
        lifecycle.WORKUP.check(current, target)
    allowed = lifecycle.WORKUP.allowed(current)
    assert f"{current!r} cannot become {target!r}" in str(err.value)
    assert (", ".join(allowed) if allowed else "closed") in str(err.value)


def test_cancel_only_before_performed() -> None:
    for status in ("planned", "ordered", "scheduled"):
        lifecycle.WORKUP.check(status, "cancelled")
    for status in ("performed", "resulted", "reviewed"):
        with pytest.raises(DomainError):
            lifecycle.WORKUP.check(status, "cancelled")


def test_referral_lifecycle_and_fhir_mapping() -> None:
    path = ["draft", "sent", "received", "accepted", "scheduled", "completed"]
    for current, nxt in itertools.pairwise(path):
        lifecycle.REFERRAL.check(current, nxt)
    assert lifecycle.FHIR_TASK_STATUS["sent"] == "requested"
    assert lifecycle.FHIR_TASK_STATUS["declined"] == "rejected"
    with pytest.raises(DomainError):
        lifecycle.REFERRAL.check("completed", "sent")


def test_referral_follow_up_is_14_days_routine_3_urgent() -> None:
    assert follow_up_date(sent_on=date(2026, 1, 1), urgency="routine", settings=DEFAULTS) == date(2026, 1, 15)
    assert follow_up_date(sent_on=date(2026, 1, 1), urgency="urgent", settings=DEFAULTS) == date(2026, 1, 4)


@pytest.mark.parametrize(
    ("progressive", "findings", "excluded", "met"),
    [
        (True, [RegionFinding("cervical", umn=True, lmn=True)], True, True),
        (True, [RegionFinding("cervical", lmn=True), RegionFinding("lumbosacral", emg_lmn=True)], True, True),
        (True, [RegionFinding("cervical", lmn=True)], True, False),  # LMN in one region only
        (True, [RegionFinding("cervical", umn=True), RegionFinding("bulbar", umn=True)], True, False),  # UMN only
        (False, [RegionFinding("cervical", umn=True, lmn=True)], True, False),
        (True, [RegionFinding("cervical", umn=True, lmn=True)], False, False),
        (True, [RegionFinding("bulbar", umn=True, emg_lmn=True)], True, True),
    ],
)
def test_gold_coast(progressive: bool, findings: list[RegionFinding], excluded: bool, met: bool) -> None:
    assert gold_coast_met(progressive=progressive, findings=findings, mimics_excluded=excluded) is met


def test_adherence_counts_elapsed_days_only() -> None:
    start = date(2026, 1, 1)
    full = lambda days: {(i, d) for i in range(5) for d in range(days)}  # noqa: E731
    assert adherence(full(2), 5, start, 15, date(2026, 1, 2)) == 1.0  # 5 items x 2 days, all ticked
    assert adherence(set(list(full(12))[:30]), 5, start, 15, date(2026, 1, 12)) == pytest.approx(30 / 60)
    assert adherence(full(15), 5, start, 15, date(2026, 3, 1)) == 1.0  # capped at 15 days
    assert adherence(set(), 5, start, 15, date(2025, 12, 31)) is None  # before the first day
    assert adherence(set(), 5, start, 15, date(2026, 1, 1)) == 0.0


@pytest.mark.parametrize(
    ("marks", "on", "expected"),
    [
        ({(0, 0)}, date(2026, 1, 1), 1 / 5),  # first day: 1 of 5 cells
        ({(i, d) for i in range(5) for d in range(15)}, date(2026, 1, 1), 1.0),  # future days ignored, not 1500 %
        ({(i, d) for i in range(5) for d in range(3)}, date(2026, 1, 1), 1.0),  # day 1 only counts
        ({(0, 0), (0, 1), (0, 2)}, date(2026, 1, 2), 2 / 10),  # day 3 is tomorrow
        ({(0, 14)}, date(2026, 1, 15), 1 / 75),  # last day counts
        ({(0, 14)}, date(2026, 1, 14), 0.0),  # the day before, it does not
        ({(7, 0), (0, 15), (-1, 0)}, date(2026, 2, 1), 0.0),  # cells off the sheet never count
    ],
)
def test_adherence_never_exceeds_one(marks: set[tuple[int, int]], on: date, expected: float) -> None:
    value = adherence(marks, 5, date(2026, 1, 1), 15, on)
    assert value == pytest.approx(expected)
    assert value is not None and 0.0 <= value <= 1.0


def test_search_keys_fold_case_accents_and_chinese() -> None:
    assert search.fold("  Zoë   SMITH ") == "zoe smith"
    assert search.pinyin_keys("张伟") == {"zhangwei", "zhang wei", "zw"}
    keys = search.search_keys(
        mrn="MRN-7", family_name="Zhang", given_name="Wei", name_zh="张伟", phone="+86 138-0000-1234"
    )
    assert {"zhang wei", "wei zhang", "mrn-7", "张伟", "zw", "zhangwei", "8613800001234"} <= keys
    assert search.normalise_query("138-0000") == "1380000"
    assert search.normalise_query(" ZHANG ") == "zhang"
    # A typed prefix is matched literally: LIKE's wildcards and its escape character are escaped.
    assert search.prefix_values("a_b%c/") == {
        "prefix": "a_b%c/",
        "prefix_end": "a_b%c/\U0010ffff",
        "prefix_like": "a/_b/%c//%",
    }
