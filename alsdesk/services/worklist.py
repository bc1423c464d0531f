"""The coordinator's worklist: everything due or overdue on a day, with a plain-language reason."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import (
    Alert,
    Assessment,
    Drug,
    Enrollment,
    LabResult,
    Medication,
    Patient,
    Referral,
    TherapyPlan,
    TherapySession,
    WorklistDismissal,
    Workup,
    WorkupType,
)
from alsdesk.services import alerts, labels
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, check_text, fetch_patient
from alsdesk.services.settings import load_settings

# Kinds in the order the worklist groups them, with the heading each group shows.
KINDS: dict[str, str] = {
    "alert": "Guideline alerts",
    "workup_overdue": "Workups overdue",
    "workup_due": "Workups due today",
    "workup_review": "Results awaiting review",
    "referral_followup": "Referrals awaiting a response",
    "reassessment_due": "Reassessments due",
    "drug_monitoring": "Drug monitoring due",
    "therapy_due": "Therapy sessions today",
    "therapy_unrecorded": "Therapy attendance not recorded",
    "therapy_missed": "Therapy sessions missed",
    "program_sheet": "Program sheets to collect",
}
ALERT_DISCIPLINE = {
    "niv": "respiratory_medicine",
    "abg": "respiratory_medicine",
    "gastrostomy": "gastroenterology",
    "dietitian": "dietetics",
    "decline": "neurology",
    "riluzole_alt": "neurology",
}
ACTIVE_STATUSES = ("screening", "suspected", "diagnosed", "palliative")
REASSESSED_STATUSES = ("diagnosed", "palliative")
MISSED_WINDOW_DAYS = 30


@dataclass(frozen=True)
class WorklistItem:
    key: str
    kind: str
    patient_id: uuid.UUID
    patient_mrn: str
    patient_name: str
    due_date: date
    reason: str
    discipline: str
    record_id: uuid.UUID | None
    staff_id: uuid.UUID | None


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


class _Collector:
    """Runs each query joined to active patients and builds items, skipping dismissed keys."""

    def __init__(self, session: Session, on: date) -> None:
        self.session = session
        self.on = on
        self.items: list[WorklistItem] = []
        self.dismissed = set(session.scalars(sa.select(WorklistDismissal.item_key)))

    def rows(self, stmt: sa.Select) -> sa.Result:  # type: ignore[type-arg]
        stmt = stmt.add_columns(
            Patient.id.label("pid"),
            Patient.mrn,
            Patient.family_name,
            Patient.given_name,
            Patient.name_zh,
            Patient.responsible_staff_id,
        ).where(Patient.status.in_(ACTIVE_STATUSES), sa.not_(Patient.archived))
        return self.session.execute(stmt)

    def add(
        self,
        kind: str,
        row: sa.Row,
        key: str,
        due: date,
        reason: str,
        discipline: str,  # type: ignore[type-arg]
        record_id: uuid.UUID | None,
        staff_id: uuid.UUID | None = None,
    ) -> None:
        key = f"{kind}:{key}"
        if key in self.dismissed:
            return
        name = f"{row.family_name.upper()}, {row.given_name}" + (f" {row.name_zh}" if row.name_zh else "")
        self.items.append(
            WorklistItem(
                key,
                kind,
                row.pid,
                row.mrn,
                name,
                due,
                reason,
                discipline,
                record_id,
                staff_id or row.responsible_staff_id,
            )
        )


def _workups(c: _Collector, review_days: int) -> None:
    on = c.on
    stmt = (
        sa.select(
            Workup.id,
            Workup.status,
            Workup.due_date,
            Workup.ordered_on,
            Workup.resulted_on,
            WorkupType.name_en,
            WorkupType.discipline,
        )
        .join(Patient, Patient.id == Workup.patient_id)
        .join(WorkupType, WorkupType.code == Workup.type_code)
        .where(
            sa.or_(
                sa.and_(Workup.status.in_(("ordered", "scheduled")), Workup.due_date <= on),
                sa.and_(Workup.status == "resulted", Workup.resulted_on <= on - timedelta(days=review_days)),
            )
        )
    )
    for r in c.rows(stmt):
        if r.status == "resulted":
            due = r.resulted_on + timedelta(days=review_days)
            c.add(
                "workup_review",
                r,
                str(r.id),
                due,
                f"{r.name_en} resulted on {r.resulted_on}; not reviewed within {_days(review_days)}",
                r.discipline,
                r.id,
            )
        elif r.due_date < on:
            c.add(
                "workup_overdue",
                r,
                str(r.id),
                r.due_date,
                f"{r.name_en} {r.status}, due {r.due_date}, not performed ({_days((on - r.due_date).days)} overdue)",
                r.discipline,
                r.id,
            )
        else:
            c.add("workup_due", r, str(r.id), r.due_date, f"{r.name_en} {r.status}, due today", r.discipline, r.id)


def _referrals(c: _Collector) -> None:
    stmt = (
        sa.select(
            Referral.id,
            Referral.to_specialty,
            Referral.to_facility,
            Referral.sent_on,
            Referral.follow_up_on,
            Referral.urgency,
            Referral.status,
            Referral.staff_id,
        )
        .join(Patient, Patient.id == Referral.patient_id)
        .where(Referral.status.in_(("sent", "received")), Referral.follow_up_on <= c.on)
    )
    for r in c.rows(stmt):
        where = labels.discipline(r.to_specialty).lower() + (f" at {r.to_facility}" if r.to_facility else "")
        state = "no response" if r.status == "sent" else "received but not accepted"
        c.add(
            "referral_followup",
            r,
            str(r.id),
            r.follow_up_on,
            f"{r.urgency.capitalize()} referral to {where} sent {r.sent_on}: {state} by {r.follow_up_on}; follow up",
            r.to_specialty,
            r.id,
            r.staff_id,
        )


def _reassessments(c: _Collector, interval: int) -> None:
    last = (
        sa.select(Assessment.patient_id, sa.func.max(Assessment.assessed_on).label("last_on"))
        .where(Assessment.item_1.is_not(None))
        .group_by(Assessment.patient_id)
        .subquery()
    )
    cutoff = c.on - timedelta(days=interval)
    stmt = (
        sa.select(last.c.last_on, Patient.diagnosis_date)
        .select_from(Patient)
        .outerjoin(last, last.c.patient_id == Patient.id)
        .where(
            Patient.status.in_(REASSESSED_STATUSES),
            sa.or_(last.c.last_on <= cutoff, sa.and_(last.c.last_on.is_(None), Patient.diagnosis_date <= c.on)),
        )
    )
    for r in c.rows(stmt):
        if r.last_on is None:
            c.add(
                "reassessment_due",
                r,
                f"{r.pid}:none",
                r.diagnosis_date,
                "No ALSFRS-R on record since diagnosis: baseline ALSFRS-R and respiratory tests due",
                "neurology",
                None,
            )
        else:
            due = r.last_on + timedelta(days=interval)
            c.add(
                "reassessment_due",
                r,
                f"{r.pid}:{r.last_on}",
                due,
                f"Last ALSFRS-R on {r.last_on}: multidisciplinary reassessment with FVC/SNIP/SpO2 due every {interval} days",
                "neurology",
                None,
            )


def _drug_monitoring(c: _Collector) -> None:
    last_alt = (
        sa.select(LabResult.patient_id, sa.func.max(LabResult.taken_on).label("last_alt"))
        .where(LabResult.test == "ALT")
        .group_by(LabResult.patient_id)
        .subquery()
    )
    stmt = (
        sa.select(Medication.id, Medication.started_on, Drug.name, last_alt.c.last_alt)
        .join(Patient, Patient.id == Medication.patient_id)
        .join(Drug, Drug.code == Medication.drug_code)
        .outerjoin(last_alt, last_alt.c.patient_id == Medication.patient_id)
        .where(Drug.monitoring == "riluzole_alt", Medication.stopped_on.is_(None), Medication.started_on <= c.on)
    )
    for r in c.rows(stmt):
        due = alerts.riluzole_next_alt_due(r.started_on, r.last_alt, c.on)
        if due <= c.on:
            since = f"last ALT {r.last_alt}" if r.last_alt else "no ALT since starting"
            c.add(
                "drug_monitoring",
                r,
                f"{r.id}:{due}",
                due,
                f"{r.name} started {r.started_on}: liver test (ALT) due {due} ({since})",
                "neurology",
                r.id,
            )


def _therapy(c: _Collector) -> None:
    stmt = (
        sa.select(
            TherapySession.id,
            TherapySession.status,
            TherapySession.scheduled_on,
            TherapyPlan.discipline,
            TherapyPlan.title,
            TherapyPlan.staff_id,
        )
        .join(Patient, Patient.id == TherapySession.patient_id)
        .join(TherapyPlan, TherapyPlan.id == TherapySession.plan_id)
        .where(
            sa.or_(
                sa.and_(TherapySession.status == "scheduled", TherapySession.scheduled_on <= c.on),
                sa.and_(
                    TherapySession.status == "missed",
                    TherapySession.scheduled_on >= c.on - timedelta(days=MISSED_WINDOW_DAYS),
                ),
            )
        )
    )
    for r in c.rows(stmt):
        what = f"{labels.discipline(r.discipline)}: {r.title}"
        if r.status == "missed":
            c.add(
                "therapy_missed",
                r,
                str(r.id),
                r.scheduled_on,
                f"{what} missed on {r.scheduled_on}: rebook or dismiss",
                r.discipline,
                r.id,
                r.staff_id,
            )
        elif r.scheduled_on == c.on:
            c.add("therapy_due", r, str(r.id), r.scheduled_on, f"{what} today", r.discipline, r.id, r.staff_id)
        else:
            c.add(
                "therapy_unrecorded",
                r,
                str(r.id),
                r.scheduled_on,
                f"{what} on {r.scheduled_on}: mark attended or missed",
                r.discipline,
                r.id,
                r.staff_id,
            )


def _program_sheets(c: _Collector) -> None:
    stmt = (
        sa.select(Enrollment.id, Enrollment.name_en, Enrollment.start_date, Enrollment.duration_days)
        .join(Patient, Patient.id == Enrollment.patient_id)
        .where(Enrollment.status == "active", Enrollment.sheet_returned_on.is_(None), Enrollment.start_date < c.on)
    )
    for r in c.rows(stmt):
        end = r.start_date + timedelta(days=r.duration_days - 1)
        if end < c.on:
            c.add(
                "program_sheet",
                r,
                str(r.id),
                end + timedelta(days=1),
                f"{r.name_en} sheet ended {end}: collect it and enter the ticks",
                "specialist_nursing",
                r.id,
            )


def _alerts(c: _Collector) -> None:
    stmt = (
        sa.select(Alert.id, Alert.kind, Alert.raised_on, Alert.message)
        .join(Patient, Patient.id == Alert.patient_id)
        .where(Alert.status == "open", Alert.raised_on <= c.on)
    )
    for r in c.rows(stmt):
        c.add("alert", r, str(r.id), r.raised_on, r.message, ALERT_DISCIPLINE.get(r.kind, "neurology"), r.id)


def worklist(
    *, session: Session, on: date, discipline: str | None = None, staff_id: uuid.UUID | None = None
) -> list[WorklistItem]:
    """Every item due on or before `on`, grouped by kind, oldest first within a kind.

    Rules and defaults: domain.md (workup and referral follow-up, NICE NG42 reassessment every
    90 days, riluzole SmPC liver tests, guideline alerts); each threshold is a clinic setting.
    """
    settings = load_settings(session=session)
    c = _Collector(session, on)
    _alerts(c)
    _workups(c, int(settings["workup_review_days"]))
    _referrals(c)
    _reassessments(c, int(settings["reassessment_days"]))
    _drug_monitoring(c)
    _therapy(c)
    _program_sheets(c)
    order = {k: i for i, k in enumerate(KINDS)}
    items = [
        i
        for i in c.items
        if (discipline is None or i.discipline == discipline) and (staff_id is None or i.staff_id == staff_id)
    ]
    items.sort(key=lambda i: (order[i.kind], i.due_date, i.patient_name, i.key))
    return items


@requires("care.write")
def dismiss(
    *,
    session: Session,
    item_key: str,
    patient_id: uuid.UUID | str,
    on: date,
    reason: str,
    staff_id: uuid.UUID | None = None,
) -> Changes:
    """Take an item off the worklist with a reason; the dismissal is kept as a record."""
    kind = item_key.split(":", 1)[0]
    if kind not in KINDS:
        raise DomainError(f"{item_key!r} is not a worklist item.")
    patient = fetch_patient(session, patient_id)
    if session.scalar(sa.select(WorklistDismissal.id).where(WorklistDismissal.item_key == item_key)):
        raise DomainError("This item was already dismissed.")
    session.add(
        WorklistDismissal(
            patient_id=patient.id,
            item_key=item_key,
            dismissed_on=on,
            reason=check_text(reason, "Reason for dismissing", max_len=300),
            staff_id=staff_id,
        )
    )
    return Changes()
