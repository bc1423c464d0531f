"""ALSFRS-R totals, subscores, ΔFS, King's and MiToS: domain.md worked examples and hand cases."""

from datetime import date

import pytest

from alsdesk.services import scoring

# domain.md worked example: items 1–12 = 4,3,3,4,(5a)3,3,4,3,2,4,4,4
WORKED = {"1": 4, "2": 3, "3": 3, "4": 4, "5a": 3, "6": 3, "7": 4, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}


def items(**changes: int) -> dict[str, int]:
    """All items normal (4) with item 5a, except the given ones (keys like i1, i5b, i12)."""
    base = {k: 4 for k in ("1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12")}
    for key, value in changes.items():
        k = key[1:]
        if k == "5b":
            base.pop("5a")
        base[k] = value
    return base


def test_worked_example_total_and_subscores() -> None:
    assert scoring.alsfrs_total(WORKED) == 41
    assert scoring.alsfrs_subscores(WORKED) == {"bulbar": 10, "fine_motor": 10, "gross_motor": 9, "respiratory": 12}


def test_worked_example_delta_fs() -> None:
    rate = scoring.delta_fs(41, date(2025, 1, 1), date(2025, 7, 1))
    # 181 days / 30.4375 = 5.9466 months; 7 / 5.9466 = 1.1771
    assert rate == pytest.approx(7 / (181 / 30.4375))
    assert round(rate, 2) == 1.18
    assert scoring.delta_fs_band(rate) == "fast"


@pytest.mark.parametrize(
    ("rate", "band"), [(0.49, "slow"), (0.5, "intermediate"), (0.99, "intermediate"), (1.0, "fast")]
)
def test_delta_fs_bands(rate: float, band: str) -> None:
    assert scoring.delta_fs_band(rate) == band


def test_delta_fs_hand_case_full_score_is_zero() -> None:
    assert scoring.delta_fs(48, date(2024, 1, 1), date(2024, 3, 1)) == 0.0
    # 60 days = 1.97125 months; 12 points lost → 6.0875 per month
    assert scoring.delta_fs(36, date(2024, 1, 1), date(2024, 3, 1)) == pytest.approx(12 / (60 / 30.4375))


@pytest.mark.parametrize("onset", [date(2025, 7, 1), date(2025, 8, 1)])
def test_delta_fs_rejects_onset_on_or_after_assessment(onset: date) -> None:
    with pytest.raises(ValueError, match="onset"):
        scoring.delta_fs(41, onset, date(2025, 7, 1))


@pytest.mark.parametrize("total", [-1, 49, True, 40.0])
def test_delta_fs_rejects_bad_total(total: object) -> None:
    with pytest.raises(ValueError, match="total"):
        scoring.delta_fs(total, date(2024, 1, 1), date(2025, 1, 1))  # type: ignore[arg-type]


def test_worked_example_stages() -> None:
    # bulbar (2, 3 < 4), upper limb (5a < 4) and lower limb (8 < 4) involved
    assert scoring.kings_stage(WORKED) == "3"
    assert scoring.mitos_stage(WORKED) == 0


@pytest.mark.parametrize(
    ("case", "stage"),
    [
        (items(), "1"),  # nothing reduced still counts one region for a patient with ALS
        (items(i6=2, i7=1, i9=0), "1"),  # only items outside the region rule
        (items(i1=3), "1"),
        (items(i4=3), "1"),
        (items(i5a=2), "1"),
        (items(i8=2), "1"),
        (items(i1=3, i8=3), "2"),
        (items(i3=2, i4=3, i8=1), "3"),
        (items(i5b=3), "4A"),  # gastrostomy in use
        (items(i5b=3, i12=3), "4B"),  # NIV outranks gastrostomy
        (items(i10=0), "4B"),
        (items(i10=1), "1"),  # dyspnoea 1 is not 4B by itself
        (items(i12=3), "4B"),
    ],
)
def test_kings_stage(case: dict[str, int], stage: str) -> None:
    assert scoring.kings_stage(case) == stage
    assert scoring.alsfrs_scores(case)[2] == stage  # the chart's all-at-once scoring agrees


@pytest.mark.parametrize(
    ("case", "stage"),
    [
        (items(i8=1), 1),  # walking
        (items(i6=1), 1),  # self-care
        (items(i8=2, i6=2), 0),
        (items(i3=1), 1),  # swallowing
        (items(i3=2), 0),
        (items(i1=1, i4=1), 1),  # communicating needs both
        (items(i1=1, i4=2), 0),  # the "or" bug would give 1 here
        (items(i1=0, i4=4), 0),
        (items(i10=1), 1),  # breathing
        (items(i12=2), 1),
        (items(i12=3), 0),
        (items(i1=0, i3=0, i4=0, i6=0, i10=0), 4),
        (items(i5b=0, i1=1, i4=1), 1),  # with 5b, item 4 still counts for communicating
    ],
)
def test_mitos_stage(case: dict[str, int], stage: int) -> None:
    assert scoring.mitos_stage(case) == stage
    assert scoring.alsfrs_scores(case)[3] == stage


def test_gastrostomy_item_counts_in_fine_motor() -> None:
    case = items(i5b=1)
    assert scoring.alsfrs_total(case) == 45
    assert scoring.alsfrs_subscores(case)["fine_motor"] == 9
    assert scoring.alsfrs_scores(case)[:2] == (45, scoring.alsfrs_subscores(case))


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({k: v for k, v in WORKED.items() if k != "7"}, "7"),
        ({**WORKED, "5b": 2}, "5"),
        ({k: v for k, v in WORKED.items() if k != "5a"}, "5"),
        ({**WORKED, "9": 5}, "9"),
        ({**WORKED, "9": -1}, "9"),
        ({**WORKED, "2": True}, "2"),
        ({**WORKED, "2": 3.0}, "2"),
        ({**WORKED, "2": "3"}, "2"),
        ({**WORKED, "13": 4}, "13"),
        ({**WORKED, "5": 4}, "'5'"),
    ],
)
def test_invalid_items_raise_value_error_naming_the_item(bad: dict, named: str) -> None:
    for fn in (
        scoring.alsfrs_total,
        scoring.alsfrs_subscores,
        scoring.kings_stage,
        scoring.mitos_stage,
        scoring.alsfrs_scores,
    ):
        with pytest.raises(ValueError, match=named):
            fn(bad)


def test_items_must_be_a_mapping() -> None:
    with pytest.raises(ValueError):
        scoring.alsfrs_total([4] * 12)  # type: ignore[arg-type]
