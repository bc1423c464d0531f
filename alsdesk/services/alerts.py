"""Guideline alerts from measurements and lab values, and the drug monitoring schedule.

Each threshold is a clinic setting (services.settings) whose default and source are listed there.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import Alert
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, check_text, fetch


@dataclass(frozen=True)
class AlertSpec:
    kind: str
    message: str


@dataclass(frozen=True)
class AlertView:
    id: uuid.UUID
    patient_id: uuid.UUID
    kind: str
    raised_on: date
    message: str
    status: str


def baseline_weight(weights: list[tuple[date, float]], diagnosis_date: date | None) -> float | None:
    """Weight at diagnosis: the last weight on or before diagnosis, else the first one recorded."""
    ordered = sorted(weights)
    if not ordered:
        return None
    if diagnosis_date is not None:
        before = [w for d, w in ordered if d <= diagnosis_date]
        if before:
            return before[-1]
    return ordered[0][1]


def measurement_alerts(
    *,
    settings: dict[str, float],
    fvc_percent: float | None = None,
    snip_cmh2o: float | None = None,
    spo2_percent: float | None = None,
    lung_disease: bool = False,
    weight_kg: float | None = None,
    baseline_weight_kg: float | None = None,
    total: int | None = None,
    previous_total: int | None = None,
) -> list[AlertSpec]:
    """Alerts one visit's measurements raise.

    NIV: FVC < 50 % predicted or SNIP < 40 cmH2O (NICE CG105, carried into NG42).
    Blood gas: SpO2 < 94 % without lung disease, < 92 % with (NICE CG105).
    Nutrition: weight loss ≥ 10 % from diagnosis → gastrostomy discussion (EFNS 2012; ProGas
    2015), shown with FVC < 30 % as a procedural risk (EFNS 2012); ≥ 5 % → dietitian (clinic
    default). Decline: ALSFRS-R fall of ≥ 4 points since the previous visit (clinic default).
    """
    s = settings
    found: list[AlertSpec] = []
    reasons = []
    if fvc_percent is not None and fvc_percent < s["fvc_niv_percent"]:
        reasons.append(f"FVC {fvc_percent:g}% predicted (below {s['fvc_niv_percent']:g}%)")
    if snip_cmh2o is not None and snip_cmh2o < s["snip_niv_cmh2o"]:
        reasons.append(f"SNIP {snip_cmh2o:g} cmH2O (below {s['snip_niv_cmh2o']:g})")
    if reasons:
        found.append(AlertSpec("niv", f"{'; '.join(reasons)}: discuss NIV; refer to respiratory service"))
    if spo2_percent is not None:
        limit = s["spo2_abg_lung_percent"] if lung_disease else s["spo2_abg_percent"]
        if spo2_percent < limit:
            context = "with lung disease" if lung_disease else "no lung disease"
            found.append(
                AlertSpec("abg", f"SpO2 {spo2_percent:g}% (below {limit:g}%, {context}): arterial blood gas needed")
            )
    if weight_kg is not None and baseline_weight_kg:
        loss = (baseline_weight_kg - weight_kg) / baseline_weight_kg * 100
        if loss >= s["weight_loss_gastrostomy_percent"]:
            message = (
                f"Weight down {loss:.1f}% since diagnosis ({baseline_weight_kg:g} → {weight_kg:g} kg): "
                "discuss gastrostomy; dietitian review"
            )
            if fvc_percent is not None and fvc_percent < s["fvc_gastrostomy_risk_percent"]:
                message += f". FVC {fvc_percent:g}% (below {s['fvc_gastrostomy_risk_percent']:g}%): gastrostomy riskier"
            found.append(AlertSpec("gastrostomy", message))
        elif loss >= s["weight_loss_dietitian_percent"]:
            found.append(
                AlertSpec(
                    "dietitian",
                    f"Weight down {loss:.1f}% since diagnosis ({baseline_weight_kg:g} → {weight_kg:g} kg): dietitian review",
                )
            )
    if total is not None and previous_total is not None and previous_total - total >= s["alsfrs_decline_points"]:
        found.append(
            AlertSpec(
                "decline",
                f"ALSFRS-R fell {previous_total - total} points since the last visit ({previous_total} → {total}): rapid decline: review plan",
            )
        )
    return found


def alt_alert(*, value: float, upper_limit: float | None, settings: dict[str, float]) -> AlertSpec | None:
    """ALT ≥ 5 × upper limit of normal on riluzole → stop riluzole (riluzole EU SmPC)."""
    if not upper_limit:
        return None
    multiple = settings["riluzole_alt_uln_multiple"]
    if value >= multiple * upper_limit:
        return AlertSpec(
            "riluzole_alt", f"ALT {value:g} is {value / upper_limit:.1f} × ULN (≥ {multiple:g} ×): stop riluzole"
        )
    return None


def months_later(d: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    year, month = divmod(d.month - 1 + months, 12)
    year += d.year
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def riluzole_alt_months() -> Iterator[int]:
    """Months after starting riluzole when ALT is due: monthly for 3 months, every 3 months to
    month 12, then yearly (EU SmPC; 'periodically' after the first year is the clinic default)."""
    yield from (1, 2, 3, 6, 9, 12)
    yield from itertools.count(24, 12)


def riluzole_alt_schedule(started_on: date, until: date) -> list[date]:
    """ALT test dates from `started_on`, through the first one after `until`."""
    due: list[date] = []
    for months in riluzole_alt_months():
        due.append(months_later(started_on, months))
        if months >= 12 and due[-1] > until:
            return due
    raise AssertionError("unreachable")


# A test taken up to this many days before a scheduled date counts for it.
ALT_EARLY_DAYS = 14


def riluzole_next_alt_due(started_on: date, last_alt: date | None, on: date) -> date:
    """The first scheduled ALT date that the last test (taken on or after starting) does not cover."""
    covered = last_alt + timedelta(days=ALT_EARLY_DAYS) if last_alt and last_alt >= started_on else started_on
    for due in riluzole_alt_schedule(started_on, max(on, covered)):
        if due > covered:
            return due
    raise AssertionError("schedule always extends past `after`")


def store_alerts(
    *, session: Session, patient_id: uuid.UUID, raised_on: date, source_id: uuid.UUID, specs: list[AlertSpec]
) -> None:
    """Replace the open alerts a source record raised with `specs` (an edited visit re-judges)."""
    session.execute(sa.delete(Alert).where(Alert.source_id == source_id, Alert.status == "open"))
    session.add_all(
        Alert(patient_id=patient_id, kind=s.kind, raised_on=raised_on, message=s.message, source_id=source_id)
        for s in specs
    )


@requires("clinical.write")
def acknowledge_alert(
    *, session: Session, alert_id: uuid.UUID | str, note: str, staff_id: uuid.UUID | None = None
) -> Changes:
    alert = fetch(session, Alert, alert_id, "alert")
    alert.status = "acknowledged"
    alert.acknowledged_note = check_text(note, "What was done", max_len=2000)
    alert.acknowledged_by = staff_id
    return Changes(assessments=True)


def alert_view(a: Alert) -> AlertView:
    return AlertView(a.id, a.patient_id, a.kind, a.raised_on, a.message, a.status)
