"""Riluzole liver monitoring (EU SmPC): the default ULN, the baseline before starting, the stop
threshold and the next ALT date, each at its boundaries, against dates worked out by hand."""

from datetime import date

import pytest

from alsdesk.i18n import Msg
from alsdesk.i18n.values import Name
from alsdesk.services import alerts, messages
from alsdesk.services.alerts import AltDue, AltResult
from alsdesk.services.settings import SPECS

DEFAULTS = {k: s.default for k, s in SPECS.items()}
START = date(2025, 1, 15)


def test_default_upper_limit_is_a_clinic_default_of_40() -> None:
    spec = SPECS["alt_upper_limit"]
    assert spec.default == 40 and "clinic default" in spec.source
    assert alerts.alt_upper_limit(None, DEFAULTS) == 40
    assert alerts.alt_upper_limit(35, DEFAULTS) == 35
    assert alerts.alt_upper_limit(None, {**DEFAULTS, "alt_upper_limit": 45}) == 45


@pytest.mark.parametrize(
    ("value", "limit", "raised"),
    [
        (39.9, 40, False),
        (40, 40, False),  # exactly at the ULN is normal
        (40.1, 40, True),
        (40, None, False),  # no ULN on the lab: the clinic's 40
        (40.1, None, True),
        (36, 35, True),  # the lab's own ULN wins
    ],
)
def test_alt_above_normal_at_the_uln(value: float, limit: float | None, raised: bool) -> None:
    assert alerts.alt_above_normal(AltResult(START, value, limit), DEFAULTS) is raised


@pytest.mark.parametrize(
    ("value", "limit", "alert"),
    [
        (199.9, 40, False),
        (200, 40, True),  # exactly 5 × ULN stops it
        (200.1, 40, True),
        (199.9, None, False),  # without a ULN on the lab, 5 × the clinic's 40
        (200, None, True),
        (249, 50, False),
        (250, 50, True),
    ],
)
def test_stop_riluzole_at_five_times_uln(value: float, limit: float | None, alert: bool) -> None:
    found = alerts.alt_alert(value=value, upper_limit=limit, settings=DEFAULTS)
    assert (found is not None) is alert
    if found:
        assert found.kind == "riluzole_alt"
        assert found.message == messages.text(
            messages.RILUZOLE_ALT, value=f"{value:g}", multiple=f"{value / (limit or 40):.1f}", limit="5"
        )


@pytest.mark.parametrize(
    ("taken", "is_baseline"),
    [
        (date(2024, 12, 15), False),  # 31 days before the start
        (date(2024, 12, 16), True),  # 30 days before
        (START, True),  # on the start date
        (date(2025, 1, 16), False),  # after starting: not a baseline
    ],
)
def test_baseline_is_an_alt_in_the_30_days_up_to_the_start(taken: date, is_baseline: bool) -> None:
    found = alerts.riluzole_baseline_alt(START, [AltResult(taken, 30, 40)], DEFAULTS)
    assert (found is not None) is is_baseline


RILUZOLE = Name("Riluzole", "利鲁唑")


def baseline_warning(*alts: AltResult) -> Msg | None:
    return alerts.riluzole_baseline_warning(drug=RILUZOLE, started_on=START, alts=alts, settings=DEFAULTS)


def test_no_baseline_alt_needs_confirming() -> None:
    assert baseline_warning() == messages.text(
        messages.BASELINE_ALT_MISSING, drug=RILUZOLE, count="30", date="2025-01-15"
    )
    assert baseline_warning(AltResult(date(2024, 12, 15), 30, 40)) is not None  # 31 days before
    assert baseline_warning(AltResult(date(2024, 12, 16), 30, 40)) is None  # 30 days before


@pytest.mark.parametrize(
    ("value", "limit", "warned"),
    [
        (119.9, 40, False),
        (120, 40, False),  # exactly 3 × ULN is allowed
        (120.1, 40, True),
        (120, None, False),  # the clinic's 40 when the lab has none
        (121, None, True),
    ],
)
def test_baseline_above_three_times_uln_needs_confirming(value: float, limit: float | None, warned: bool) -> None:
    found = baseline_warning(AltResult(date(2025, 1, 10), value, limit))
    if not warned:
        assert found is None
        return
    assert found == messages.text(
        messages.BASELINE_ALT_HIGH, drug=RILUZOLE, value=f"{value:g}", last="2025-01-10", multiple="3.0", limit="3"
    )


def test_the_latest_baseline_is_the_one_judged() -> None:
    # a high ALT 20 days before, a normal one 5 days before: the normal one is the baseline
    assert baseline_warning(AltResult(date(2024, 12, 26), 200, 40), AltResult(date(2025, 1, 10), 30, 40)) is None


def due(last: AltResult | None) -> AltDue:
    return alerts.riluzole_alt_due(START, last, DEFAULTS)


def test_no_alt_puts_the_baseline_on_the_start_date() -> None:
    assert due(None) == AltDue(START, "baseline")
    assert due(AltResult(date(2024, 12, 15), 30, 40)) == AltDue(START, "baseline")  # 31 days before
    assert due(AltResult(date(2024, 12, 16), 30, 40)) == AltDue(date(2025, 2, 15), "scheduled", 1)


def test_a_normal_alt_keeps_the_schedule() -> None:
    assert due(AltResult(date(2025, 2, 12), 40, 40)) == AltDue(date(2025, 3, 15), "scheduled", 2)
    assert due(AltResult(date(2025, 6, 1), 40, None)) == AltDue(date(2025, 7, 15), "scheduled", 6)
    assert due(AltResult(date(2026, 1, 20), 40, 40)) == AltDue(date(2027, 1, 15), "scheduled", 24)


def test_a_raised_alt_is_rechecked_monthly() -> None:
    # 1.4 × ULN in the second year: a recheck a month later, not a year (issue 12, DEMO000043)
    assert due(AltResult(date(2026, 1, 20), 56, 40)) == AltDue(date(2026, 2, 20), "raised")
    # just above the ULN, and above the clinic's 40 when the lab has none
    assert due(AltResult(date(2025, 6, 1), 40.1, 40)) == AltDue(date(2025, 7, 1), "raised")
    assert due(AltResult(date(2025, 6, 1), 41, None)) == AltDue(date(2025, 7, 1), "raised")
    # a raised baseline before starting: rechecked a month later
    assert due(AltResult(date(2025, 1, 5), 100, 40)) == AltDue(date(2025, 2, 5), "raised")


def test_the_schedule_wins_when_it_falls_due_sooner() -> None:
    # raised on 25 Jan: the recheck would be 25 Feb, month 1 of the schedule is 15 Feb
    assert due(AltResult(date(2025, 1, 25), 50, 40)) == AltDue(date(2025, 2, 15), "scheduled", 1)


def test_back_to_normal_the_schedule_continues_where_it_is() -> None:
    # raised 20 Jan 2026 → recheck 20 Feb 2026, normal then: next is the yearly date, not month 1
    assert due(AltResult(date(2026, 2, 20), 35, 40)) == AltDue(date(2027, 1, 15), "scheduled", 24)
    # in the first year: normal again on 1 Aug 2025 → month 9 (15 Oct 2025)
    assert due(AltResult(date(2025, 8, 1), 30, 40)) == AltDue(date(2025, 10, 15), "scheduled", 9)
