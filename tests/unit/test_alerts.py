"""Guideline alert thresholds, weight baseline and the riluzole liver-test schedule."""

from datetime import date

import pytest

from alsdesk.services import alerts
from alsdesk.services.settings import SPECS

DEFAULTS = {k: s.default for k, s in SPECS.items()}


def kinds(**kw: object) -> list[str]:
    return [a.kind for a in alerts.measurement_alerts(settings=DEFAULTS, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("fvc", "expected"), [(49.9, ["niv"]), (50, []), (80, [])])
def test_fvc_below_50_percent_means_discuss_niv(fvc: float, expected: list[str]) -> None:
    assert kinds(fvc_percent=fvc) == expected


@pytest.mark.parametrize(("snip", "expected"), [(39, ["niv"]), (40, [])])
def test_snip_below_40_means_discuss_niv(snip: float, expected: list[str]) -> None:
    assert kinds(snip_cmh2o=snip) == expected


def test_fvc_and_snip_together_make_one_niv_alert_naming_both() -> None:
    found = alerts.measurement_alerts(settings=DEFAULTS, fvc_percent=45, snip_cmh2o=30)
    assert len(found) == 1
    assert "FVC 45%" in found[0].message and "SNIP 30" in found[0].message
    assert "discuss NIV; refer to respiratory service" in found[0].message


@pytest.mark.parametrize(
    ("spo2", "lung", "expected"),
    [(93, False, ["abg"]), (94, False, []), (93, True, []), (91.5, True, ["abg"]), (92, True, [])],
)
def test_spo2_thresholds_depend_on_lung_disease(spo2: float, lung: bool, expected: list[str]) -> None:
    assert kinds(spo2_percent=spo2, lung_disease=lung) == expected


@pytest.mark.parametrize(
    ("weight", "expected"), [(90.0, ["gastrostomy"]), (90.1, ["dietitian"]), (95.0, ["dietitian"]), (95.1, [])]
)
def test_weight_loss_from_diagnosis(weight: float, expected: list[str]) -> None:
    assert kinds(weight_kg=weight, baseline_weight_kg=100.0) == expected


def test_low_fvc_is_shown_beside_the_gastrostomy_alert() -> None:
    found = alerts.measurement_alerts(settings=DEFAULTS, weight_kg=88, baseline_weight_kg=100, fvc_percent=29)
    gastro = next(a for a in found if a.kind == "gastrostomy")
    assert "12.0%" in gastro.message
    assert "gastrostomy riskier" in gastro.message
    assert {a.kind for a in found} == {"gastrostomy", "niv"}


@pytest.mark.parametrize(("previous", "total", "expected"), [(40, 36, ["decline"]), (40, 37, []), (None, 20, [])])
def test_alsfrs_decline_of_four_points(previous: int | None, total: int, expected: list[str]) -> None:
    assert kinds(total=total, previous_total=previous) == expected


def test_thresholds_follow_clinic_settings() -> None:
    strict = {**DEFAULTS, "fvc_niv_percent": 60}
    assert [a.kind for a in alerts.measurement_alerts(settings=strict, fvc_percent=55)] == ["niv"]


def test_baseline_weight_is_the_last_before_diagnosis_else_the_first() -> None:
    weights = [(date(2025, 1, 1), 80.0), (date(2025, 3, 1), 78.0), (date(2025, 6, 1), 75.0)]
    assert alerts.baseline_weight(weights, date(2025, 4, 1)) == 78.0
    assert alerts.baseline_weight(weights, date(2024, 12, 1)) == 80.0
    assert alerts.baseline_weight(weights, None) == 80.0
    assert alerts.baseline_weight([], date(2025, 1, 1)) is None


def test_alt_stop_threshold_is_five_times_uln() -> None:
    assert alerts.alt_alert(value=200, upper_limit=40, settings=DEFAULTS).kind == "riluzole_alt"  # type: ignore[union-attr]
    assert alerts.alt_alert(value=199, upper_limit=40, settings=DEFAULTS) is None


def test_riluzole_schedule_monthly_then_quarterly_then_yearly() -> None:
    schedule = alerts.riluzole_alt_schedule(date(2025, 1, 15), date(2027, 6, 1))
    assert schedule == [
        date(2025, 2, 15),
        date(2025, 3, 15),
        date(2025, 4, 15),
        date(2025, 7, 15),
        date(2025, 10, 15),
        date(2026, 1, 15),
        date(2027, 1, 15),
        date(2028, 1, 15),
    ]


def test_riluzole_schedule_clamps_month_ends() -> None:
    assert alerts.riluzole_alt_schedule(date(2025, 1, 31), date(2025, 1, 31))[0] == date(2025, 2, 28)


def test_next_alt_due() -> None:
    start = date(2025, 1, 15)
    assert alerts.riluzole_next_alt_due(start, None) == date(2025, 2, 15)
    # a test a few days early covers its scheduled date
    assert alerts.riluzole_next_alt_due(start, date(2025, 2, 12)) == date(2025, 3, 15)
    # a test long before the due date does not
    assert alerts.riluzole_next_alt_due(start, date(2025, 6, 1)) == date(2025, 7, 15)
    # late in the first year, then yearly
    assert alerts.riluzole_next_alt_due(start, date(2026, 1, 20)) == date(2027, 1, 15)
    # a test from before starting riluzole does not count
    assert alerts.riluzole_next_alt_due(start, date(2025, 1, 10)) == date(2025, 2, 15)
