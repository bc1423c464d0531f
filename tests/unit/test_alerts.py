"""Guideline alert thresholds, weight baseline and the riluzole liver-test schedule."""

from datetime import date, timedelta

import pytest

from alsdesk.services import alerts
from alsdesk.services.settings import SPECS

DEFAULTS = {k: s.default for k, s in SPECS.items()}


ON = date(2026, 5, 18)
ALL_4 = {k: 4 for k in ("1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12")}


def facts(**kw: object) -> alerts.VisitFacts:
    return alerts.VisitFacts(on=ON, **kw)  # type: ignore[arg-type]


def kinds(settings: dict[str, float] = DEFAULTS, **kw: object) -> list[str]:
    return [a.kind for a in alerts.visit_alerts(facts(**kw), settings)]


def criteria(**kw: object) -> tuple[str, ...]:
    return alerts.niv_criteria(facts(**kw), DEFAULTS)


# --- NIV (NICE NG42) ---------------------------------------------------------------------------


@pytest.mark.parametrize(("fvc", "expected"), [(49.9, ("fvc_50",)), (50, ()), (50.1, ())])
def test_fvc_below_50_without_symptoms(fvc: float, expected: tuple[str, ...]) -> None:
    assert criteria(fvc_percent=fvc, items=ALL_4) == expected


@pytest.mark.parametrize(("snip", "expected"), [(39.9, ("snip_40",)), (40, ()), (40.1, ())])
def test_snip_below_40_without_symptoms(snip: float, expected: tuple[str, ...]) -> None:
    assert criteria(snip_cmh2o=snip, items=ALL_4) == expected


@pytest.mark.parametrize(("fvc", "expected"), [(79.9, ("fvc_symptomatic",)), (80, ()), (80.1, ())])
def test_fvc_below_80_with_a_recorded_symptom(fvc: float, expected: tuple[str, ...]) -> None:
    assert criteria(fvc_percent=fvc, symptoms=("orthopnoea",)) == expected
    assert criteria(fvc_percent=fvc) == ()  # the same FVC without symptoms is no criterion


@pytest.mark.parametrize("item", ["10", "11"])
def test_item_10_or_11_below_4_is_a_symptom(item: str) -> None:
    assert criteria(fvc_percent=78, items={**ALL_4, item: 3}) == ("fvc_symptomatic",)
    assert criteria(fvc_percent=78, items=ALL_4) == ()


@pytest.mark.parametrize(
    ("sex", "snip", "expected"),
    [
        ("male", 64.9, ("snip_symptomatic",)),
        ("male", 65, ()),
        ("male", 65.1, ()),
        ("unknown", 64.9, ("snip_symptomatic",)),
        ("unknown", 65, ()),
        ("other", 64.9, ("snip_symptomatic",)),
        ("other", 65, ()),
        ("female", 54.9, ("snip_symptomatic",)),
        ("female", 55, ()),
        ("female", 60, ()),  # the men's line is not the women's
    ],
)
def test_symptomatic_snip_line_depends_on_sex(sex: str, snip: float, expected: tuple[str, ...]) -> None:
    assert criteria(sex=sex, snip_cmh2o=snip, symptoms=("breathlessness",)) == expected


@pytest.mark.parametrize(
    ("snip", "days_before", "highest", "expected"),
    [
        (60.1, 30, 70.0, ()),  # 9.9 below
        (60.0, 30, 70.0, ("snip_fall_10",)),  # exactly 10 below
        (59.9, 30, 70.0, ("snip_fall_10",)),
        (60.0, 91, 70.0, ("snip_fall_10",)),  # 91 days back still counts
        (60.0, 92, 70.0, ()),  # 92 days back does not
    ],
)
def test_snip_fall_from_the_highest_of_the_preceding_91_days(
    snip: float, days_before: int, highest: float, expected: tuple[str, ...]
) -> None:
    earlier = ((ON - timedelta(days=days_before), highest), (ON - timedelta(days=10), 62.0))
    assert criteria(snip_cmh2o=snip, earlier_snips=earlier) == expected


def test_one_niv_alert_lists_every_criterion_fired() -> None:
    """DEMO000077's 2026-05-18 visit: FVC 55 %, SNIP 43, orthopnoea 3 (a man)."""
    v = facts(sex="male", fvc_percent=55, snip_cmh2o=43, items={**ALL_4, "11": 3})
    found = alerts.visit_alerts(v, DEFAULTS)
    assert [a.kind for a in found] == ["niv"]
    assert found[0].criteria == ("fvc_symptomatic", "snip_symptomatic")
    assert str(found[0].message) == (
        "FVC 55% predicted, SNIP 43 cmH2O; NICE NG42 criteria met: fvc_symptomatic, snip_symptomatic: "
        "discuss NIV; refer to respiratory service"
    )
    both = alerts.niv_alert(facts(fvc_percent=45, snip_cmh2o=30, symptoms=("fatigue",)), DEFAULTS)
    assert both is not None and both.criteria == ("fvc_symptomatic", "snip_symptomatic", "fvc_50", "snip_40")


def test_no_niv_alert_with_niv_or_tracheostomy_in_place() -> None:
    assert kinds(fvc_percent=40) == ["niv"]
    assert kinds(fvc_percent=40, in_place=frozenset({"niv"})) == []
    assert kinds(fvc_percent=40, in_place=frozenset({"tracheostomy"})) == []
    assert kinds(fvc_percent=40, in_place=frozenset({"gastrostomy"})) == ["niv"]


@pytest.mark.parametrize(("fvc", "expected"), [(60.1, []), (60, ["niv_review"]), (59.9, ["niv_review"])])
def test_fvc_fallen_10_points_since_niv_started(fvc: float, expected: list[str]) -> None:
    start = (date(2026, 1, 10), 70.0)
    assert kinds(fvc_percent=fvc, in_place=frozenset({"niv"}), fvc_at_niv_start=start) == expected
    assert kinds(fvc_percent=fvc, fvc_at_niv_start=start) == []  # not on NIV: no review


def test_niv_review_text_names_the_start() -> None:
    v = facts(fvc_percent=55, in_place=frozenset({"niv"}), fvc_at_niv_start=(date(2026, 1, 10), 68.0))
    found = alerts.niv_review_alert(v, DEFAULTS)
    assert found is not None and str(found.message) == (
        "FVC 55% predicted, down 13 points since NIV started (68% on 2026-01-10): "
        "respiratory review of NIV settings and hours"
    )


# --- SpO2 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spo2", "lung", "expected"),
    [
        (93.9, False, ["abg"]),
        (94, False, []),
        (94.1, False, []),
        (91.9, True, ["abg"]),
        (92, True, []),
        (93, True, []),
    ],
)
def test_spo2_thresholds_depend_on_the_patients_lung_disease(spo2: float, lung: bool, expected: list[str]) -> None:
    assert kinds(spo2_percent=spo2, lung_disease=lung) == expected


# --- Nutrition and gastrostomy -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "expected"),
    [(89.9, ["gastrostomy"]), (90.0, ["gastrostomy"]), (90.1, ["dietitian"]), (95.0, ["dietitian"]), (95.1, [])],
)
def test_weight_loss_from_diagnosis(weight: float, expected: list[str]) -> None:
    assert kinds(weight_kg=weight, baseline_weight_kg=100.0) == expected


@pytest.mark.parametrize("weight", [90.0, 95.0])
def test_weight_loss_on_tube_feeding_means_review_the_feed(weight: float) -> None:
    assert kinds(weight_kg=weight, baseline_weight_kg=100.0, in_place=frozenset({"gastrostomy"})) == ["feed_review"]
    assert kinds(weight_kg=95.1, baseline_weight_kg=100.0, in_place=frozenset({"gastrostomy"})) == []


@pytest.mark.parametrize(
    ("fvc", "phrase"),
    [
        (50.1, None),
        (50, None),
        (49.9, "gastrostomy carries more risk: decide soon, consider radiologically inserted gastrostomy (RIG)"),
        (30, "gastrostomy carries more risk"),
        (29.9, "gastrostomy carries high risk: decide soon"),
    ],
)
def test_gastrostomy_timing_by_fvc(fvc: float, phrase: str | None) -> None:
    found = alerts.nutrition_alert(facts(weight_kg=88, baseline_weight_kg=100, fvc_percent=fvc), DEFAULTS)
    assert found is not None and found.kind == "gastrostomy"
    assert str(found.message).startswith("Weight down 12.0% since diagnosis (100 → 88 kg): discuss gastrostomy")
    if phrase is None:
        assert "risk" not in str(found.message)
    else:
        assert phrase in str(found.message)


# --- Rapid decline -----------------------------------------------------------------------------


def total(points: int) -> dict[str, int]:
    """Items adding to `points` (48 minus the points lost from item 1 on)."""
    items, lost = dict(ALL_4), 48 - points
    for key in items:
        take = min(4, lost)
        items[key] -= take
        lost -= take
    return items


@pytest.mark.parametrize(
    ("days", "drop", "expected"),
    [
        (487, 16, ["decline"]),  # 16 / (487 / 30.4375) = 1.000 exactly
        (486, 16, ["decline"]),  # 1.002 per month
        (488, 16, []),  # 0.998 per month
        (30, 3, ["decline"]),  # 3.04 per month, fall exactly 3
        (30, 2, []),  # fast (2.03 per month) but a fall of only 2
        (91, 3, ["decline"]),  # 1.003 per month
        (92, 3, []),  # 0.993 per month
    ],
)
def test_rapid_decline_needs_a_rate_and_a_fall(days: int, drop: int, expected: list[str]) -> None:
    previous = (ON - timedelta(days=days), 40)
    assert kinds(items=total(40 - drop), previous_scored=previous) == expected


def test_rapid_decline_text() -> None:
    found = alerts.rapid_decline_alert(facts(items=total(36), previous_scored=(ON - timedelta(days=60), 40)), DEFAULTS)
    assert found is not None and str(found.message) == (
        "ALSFRS-R fell 4 points in 60 days (40 → 36, 2.03 points/month): rapid decline: review plan"
    )


def test_thresholds_follow_clinic_settings() -> None:
    assert kinds({**DEFAULTS, "fvc_niv_percent": 60}, fvc_percent=55) == ["niv"]
    assert kinds({**DEFAULTS, "snip_niv_symptomatic_cmh2o": 70}, snip_cmh2o=67, symptoms=("fatigue",)) == ["niv"]


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
