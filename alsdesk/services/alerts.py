"""Guideline alerts from measurements and lab values, and the drug monitoring schedule.

Each threshold is a clinic setting (services.settings) whose default and source are listed there.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import Alert
from alsdesk.services import messages as msg
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, RecordRules, Text, fetch


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
    fvc_low = fvc_percent is not None and fvc_percent < s["fvc_niv_percent"]
    snip_low = snip_cmh2o is not None and snip_cmh2o < s["snip_niv_cmh2o"]
    if fvc_low or snip_low:
        template = msg.NIV_BOTH if fvc_low and snip_low else msg.NIV_FVC if fvc_low else msg.NIV_SNIP
        found.append(
            AlertSpec(
                "niv",
                template.format(
                    fvc=f"{fvc_percent:g}" if fvc_low else "",
                    fvc_limit=f"{s['fvc_niv_percent']:g}",
                    snip=f"{snip_cmh2o:g}" if snip_low else "",
                    snip_limit=f"{s['snip_niv_cmh2o']:g}",
                ),
            )
        )
    if spo2_percent is not None:
        limit = s["spo2_abg_lung_percent"] if lung_disease else s["spo2_abg_percent"]
        if spo2_percent < limit:
            template = msg.ABG_LUNG if lung_disease else msg.ABG
            found.append(AlertSpec("abg", template.format(spo2=f"{spo2_percent:g}", limit=f"{limit:g}")))
    if weight_kg is not None and baseline_weight_kg:
        loss = (baseline_weight_kg - weight_kg) / baseline_weight_kg * 100
        values = {"loss": f"{loss:.1f}", "baseline": f"{baseline_weight_kg:g}", "weight": f"{weight_kg:g}"}
        if loss >= s["weight_loss_gastrostomy_percent"]:
            limit = s["fvc_gastrostomy_risk_percent"]
            if fvc_percent is not None and fvc_percent < limit:
                message = msg.GASTROSTOMY_RISK.format(**values, fvc=f"{fvc_percent:g}", fvc_limit=f"{limit:g}")
            else:
                message = msg.GASTROSTOMY.format(**values)
            found.append(AlertSpec("gastrostomy", message))
        elif loss >= s["weight_loss_dietitian_percent"]:
            found.append(AlertSpec("dietitian", msg.DIETITIAN.format(**values)))
    if total is not None and previous_total is not None and previous_total - total >= s["alsfrs_decline_points"]:
        found.append(
            AlertSpec("decline", msg.DECLINE.format(drop=previous_total - total, previous=previous_total, total=total))
        )
    return found


@dataclass(frozen=True)
class AltResult:
    """One ALT result as the riluzole rules read it (upper_limit None: the lab gave none)."""

    taken_on: date
    value: float
    upper_limit: float | None = None


def alt_upper_limit(upper_limit: float | None, settings: dict[str, float]) -> float:
    """The upper limit of normal (ULN) an ALT is judged by: the lab's own, else the clinic setting
    `alt_upper_limit` (40 U/L by default: a clinic default, not a guideline figure)."""
    return upper_limit if upper_limit else settings["alt_upper_limit"]


def alt_above_normal(alt: AltResult, settings: dict[str, float]) -> bool:
    """An ALT above the ULN (riluzole EU SmPC: a raised ALT is tested more often). Exactly at the
    ULN is normal."""
    return alt.value > alt_upper_limit(alt.upper_limit, settings)


def alt_alert(*, value: float, upper_limit: float | None, settings: dict[str, float]) -> AlertSpec | None:
    """ALT ≥ 5 × upper limit of normal on riluzole → stop riluzole (riluzole EU SmPC). A lab
    without its own ULN is judged by the clinic's `alt_upper_limit`."""
    limit = alt_upper_limit(upper_limit, settings)
    multiple = settings["riluzole_alt_uln_multiple"]
    if value >= multiple * limit:
        return AlertSpec(
            "riluzole_alt",
            msg.RILUZOLE_ALT.format(value=f"{value:g}", multiple=f"{value / limit:.1f}", limit=f"{multiple:g}"),
        )
    return None


def riluzole_baseline_alt(started_on: date, alts: Iterable[AltResult], settings: dict[str, float]) -> AltResult | None:
    """The baseline ALT of a riluzole course: the latest ALT taken on or before the start date and
    at most `riluzole_baseline_alt_days` (30, a clinic default) before it; None when there is none.
    Riluzole EU SmPC: transaminases are measured before starting treatment."""
    earliest = started_on - timedelta(days=int(settings["riluzole_baseline_alt_days"]))
    found = [a for a in alts if earliest <= a.taken_on <= started_on]
    return max(found, key=lambda a: (a.taken_on, a.value), default=None)


def riluzole_baseline_warning(
    *, drug: str, started_on: date, alts: Iterable[AltResult], settings: dict[str, float]
) -> tuple[str, dict[str, str]] | None:
    """What a new riluzole prescription must confirm about its baseline ALT, else None.

    No ALT in the `riluzole_baseline_alt_days` (30) days up to the start date → a baseline is
    needed; a baseline above `riluzole_baseline_alt_uln_multiple` (3) × ULN → riluzole is not
    for this patient (riluzole EU SmPC: not for patients with baseline transaminases above 3 × ULN).
    """
    baseline = riluzole_baseline_alt(started_on, alts, settings)
    if baseline is None:
        days = int(settings["riluzole_baseline_alt_days"])
        return msg.BASELINE_ALT_MISSING, {"drug": drug, "count": str(days), "date": started_on.isoformat()}
    limit = alt_upper_limit(baseline.upper_limit, settings)
    multiple = settings["riluzole_baseline_alt_uln_multiple"]
    if baseline.value > multiple * limit:
        return msg.BASELINE_ALT_HIGH, {
            "drug": drug,
            "value": f"{baseline.value:g}",
            "last": baseline.taken_on.isoformat(),
            "multiple": f"{baseline.value / limit:.1f}",
            "limit": f"{multiple:g}",
        }
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
ACKNOWLEDGED_NOTE = Text("What was done", 2000)  # required when acknowledging
RULES: RecordRules = {"acknowledged_note": ACKNOWLEDGED_NOTE}


def riluzole_next_scheduled_alt(started_on: date, last_alt: date | None) -> tuple[date, int]:
    """The first scheduled ALT date that the last test (taken on or after starting) does not
    cover, and its month of the schedule (riluzole_alt_months)."""
    covered = last_alt + timedelta(days=ALT_EARLY_DAYS) if last_alt and last_alt >= started_on else started_on
    for months in riluzole_alt_months():
        due = months_later(started_on, months)
        if due > covered:
            return due, months
    raise AssertionError("unreachable")


def riluzole_next_alt_due(started_on: date, last_alt: date | None) -> date:
    """The first scheduled ALT date that the last test (taken on or after starting) does not cover."""
    return riluzole_next_scheduled_alt(started_on, last_alt)[0]


@dataclass(frozen=True)
class AltDue:
    """When a riluzole course's next ALT is due, and the rule that set the date: "baseline",
    "scheduled" (month `month` of the schedule) or "raised" (monthly recheck)."""

    due: date
    rule: str
    month: int = 0


def riluzole_alt_due(started_on: date, last: AltResult | None, settings: dict[str, float]) -> AltDue:
    """The next ALT of a running riluzole course, from the patient's latest ALT (riluzole EU SmPC).

    - No ALT since `riluzole_baseline_alt_days` (30) days before the start date: the baseline is
      due on the start date, until one is recorded.
    - The latest ALT above the ULN (the lab's, else `alt_upper_limit`): a recheck a month after it
      (monthly until one is back at or below the ULN; the SmPC says "more often", monthly is the
      clinic default), unless the schedule falls due sooner.
    - Otherwise the schedule, continuing from where it is: months 1, 2, 3, 6, 9, 12, then yearly
      (riluzole_next_scheduled_alt; a test up to 14 days early covers its date).
    """
    earliest = started_on - timedelta(days=int(settings["riluzole_baseline_alt_days"]))
    if last is None or last.taken_on < earliest:
        return AltDue(started_on, "baseline")
    due, month = riluzole_next_scheduled_alt(started_on, last.taken_on)
    if alt_above_normal(last, settings):
        recheck = months_later(last.taken_on, 1)
        if recheck < due:
            return AltDue(recheck, "raised")
    return AltDue(due, "scheduled", month)


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
    alert.acknowledged_note = ACKNOWLEDGED_NOTE(note, required=True)
    alert.acknowledged_by = staff_id
    return Changes(assessments=True)


def alert_view(a: Alert) -> AlertView:
    return AlertView(a.id, a.patient_id, a.kind, a.raised_on, a.message, a.status)
