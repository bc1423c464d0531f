"""The coordinator's worklist: everything due or overdue on a day, with a plain-language reason."""

from __future__ import annotations

import dataclasses
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
from alsdesk.services import alerts, labels, restricted
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


def _raw(col: sa.ColumnElement, name: str) -> sa.ColumnElement:  # type: ignore[type-arg]
    """`col` as the driver returns it (text on SQLite), for the collector's memoised conversion."""
    return sa.type_coerce(col, sa.String()).label(name)


class _Collector:
    """Runs each query joined to active patients and builds items, skipping dismissed keys.

    A day's worklist at a large clinic has tens of thousands of rows, most sharing patients, staff
    and dates: ids and dates are read as the driver returns them and converted once per value.
    """

    def __init__(self, session: Session, on: date) -> None:
        self.session = session
        self.on = on
        self.items: list[WorklistItem] = []
        self.dismissed = set(session.scalars(sa.select(WorklistDismissal.item_key)))
        self._ids: dict[object, uuid.UUID] = {}
        self._dates: dict[object, date] = {}
        self._names: dict[object, str] = {}

    def rows(self, stmt: sa.Select) -> sa.Result:  # type: ignore[type-arg]
        stmt = stmt.add_columns(
            _raw(Patient.id, "pid"),
            Patient.mrn,
            Patient.family_name,
            Patient.given_name,
            Patient.name_zh,
            _raw(Patient.responsible_staff_id, "patient_staff_id"),
        ).where(Patient.status.in_(ACTIVE_STATUSES), sa.not_(Patient.archived))
        return self.session.execute(stmt)

    def uuid(self, value: object) -> uuid.UUID | None:
        if value is None:
            return None
        found = self._ids.get(value)
        if found is None:
            if isinstance(value, uuid.UUID):
                found = value
            elif isinstance(value, str) and len(value) == 32:
                found = uuid.UUID(int=int(value, 16))  # SQLite's stored form: 32 hex digits
            else:
                found = uuid.UUID(str(value))
            self._ids[value] = found
        return found

    def day(self, value: object) -> date | None:
        if value is None:
            return None
        found = self._dates.get(value)
        if found is None:
            found = self._dates[value] = value if isinstance(value, date) else date.fromisoformat(str(value))
        return found

    def add(
        self,
        kind: str,
        row: sa.Row,  # type: ignore[type-arg]
        key: str,
        due: date,
        reason: str,
        discipline: str,
        record_id: object,
        staff_id: object = None,
    ) -> None:
        """Ids as read by rows(); `key` defaults to the record's id in canonical text."""
        record = self.uuid(record_id)
        key = f"{kind}:{key or record}"
        if key in self.dismissed:
            return
        name = self._names.get(row.pid)
        if name is None:
            name = f"{row.family_name.upper()}, {row.given_name}" + (f" {row.name_zh}" if row.name_zh else "")
            self._names[row.pid] = name
        self.items.append(
            WorklistItem(
                key,
                kind,
                self.uuid(row.pid),  # type: ignore[arg-type]
                row.mrn,
                name,
                due,
                reason,
                discipline,
                record,
                self.uuid(staff_id or row.patient_staff_id),
            )
        )


def _workups(c: _Collector, review_days: int) -> None:
    on = c.on
    stmt = (
        sa.select(
            _raw(Workup.id, "id"),
            Workup.status,
            _raw(Workup.due_date, "due_date"),
            _raw(Workup.resulted_on, "resulted_on"),
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
            resulted_on = c.day(r.resulted_on)
            due = resulted_on + timedelta(days=review_days)  # type: ignore[operator]
            c.add(
                "workup_review",
                r,
                "",
                due,
                f"{r.name_en} resulted on {resulted_on}; not reviewed within {_days(review_days)}",
                r.discipline,
                r.id,
            )
            continue
        due_date = c.day(r.due_date)
        if due_date < on:  # type: ignore[operator]
            c.add(
                "workup_overdue",
                r,
                "",
                due_date,  # type: ignore[arg-type]
                f"{r.name_en} {r.status}, due {due_date}, not performed ({_days((on - due_date).days)} overdue)",  # type: ignore[operator]
                r.discipline,
                r.id,
            )
        else:
            c.add("workup_due", r, "", due_date, f"{r.name_en} {r.status}, due today", r.discipline, r.id)  # type: ignore[arg-type]


def _referrals(c: _Collector) -> None:
    stmt = (
        sa.select(
            _raw(Referral.id, "id"),
            Referral.to_specialty,
            Referral.to_facility,
            _raw(Referral.sent_on, "sent_on"),
            _raw(Referral.follow_up_on, "follow_up_on"),
            Referral.urgency,
            Referral.status,
            _raw(Referral.staff_id, "staff_id"),
        )
        .join(Patient, Patient.id == Referral.patient_id)
        .where(Referral.status.in_(("sent", "received")), Referral.follow_up_on <= c.on)
    )
    for r in c.rows(stmt):
        where = labels.discipline(r.to_specialty).lower() + (f" at {r.to_facility}" if r.to_facility else "")
        state = "no response" if r.status == "sent" else "received but not accepted"
        follow_up_on = c.day(r.follow_up_on)
        c.add(
            "referral_followup",
            r,
            "",
            follow_up_on,  # type: ignore[arg-type]
            f"{r.urgency.capitalize()} referral to {where} sent {c.day(r.sent_on)}: {state} by {follow_up_on}; follow up",
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
        sa.select(_raw(last.c.last_on, "last_on"), _raw(Patient.diagnosis_date, "diagnosis_date"))
        .select_from(Patient)
        .outerjoin(last, last.c.patient_id == Patient.id)
        .where(
            Patient.status.in_(REASSESSED_STATUSES),
            sa.or_(last.c.last_on <= cutoff, sa.and_(last.c.last_on.is_(None), Patient.diagnosis_date <= c.on)),
        )
    )
    for r in c.rows(stmt):
        pid = c.uuid(r.pid)
        if r.last_on is None:
            c.add(
                "reassessment_due",
                r,
                f"{pid}:none",
                c.day(r.diagnosis_date),  # type: ignore[arg-type]
                "No ALSFRS-R on record since diagnosis: baseline ALSFRS-R and respiratory tests due",
                "neurology",
                None,
            )
        else:
            last_on = c.day(r.last_on)
            due = last_on + timedelta(days=interval)  # type: ignore[operator]
            c.add(
                "reassessment_due",
                r,
                f"{pid}:{last_on}",
                due,
                f"Last ALSFRS-R on {last_on}: multidisciplinary reassessment with FVC/SNIP/SpO2 due every {interval} days",
                "neurology",
                None,
            )


def _drug_monitoring(c: _Collector) -> None:
    # The last ALT of this patient, from the (patient, test, date) index: no pass over all results.
    last_alt = (
        sa.select(sa.func.max(LabResult.taken_on))
        .where(LabResult.patient_id == Medication.patient_id, LabResult.test == "ALT")
        .scalar_subquery()
    )
    stmt = (
        sa.select(
            _raw(Medication.id, "id"),
            _raw(Medication.started_on, "started_on"),
            Drug.name,
            _raw(last_alt, "last_alt"),
        )
        .join(Patient, Patient.id == Medication.patient_id)
        .join(Drug, Drug.code == Medication.drug_code)
        .where(Drug.monitoring == "riluzole_alt", Medication.stopped_on.is_(None), Medication.started_on <= c.on)
    )
    next_due: dict[tuple[object, object], date] = {}
    for r in c.rows(stmt):
        due = next_due.get((r.started_on, r.last_alt))
        if due is None:
            due = next_due[(r.started_on, r.last_alt)] = alerts.riluzole_next_alt_due(
                c.day(r.started_on),  # type: ignore[arg-type]
                c.day(r.last_alt),
                c.on,
            )
        if due <= c.on:
            last = c.day(r.last_alt)
            since = f"last ALT {last}" if last else "no ALT since starting"
            c.add(
                "drug_monitoring",
                r,
                f"{c.uuid(r.id)}:{due}",
                due,
                f"{r.name} started {c.day(r.started_on)}: liver test (ALT) due {due} ({since})",
                "neurology",
                r.id,
            )


def _therapy(c: _Collector) -> None:
    stmt = (
        sa.select(
            _raw(TherapySession.id, "id"),
            TherapySession.status,
            _raw(TherapySession.scheduled_on, "scheduled_on"),
            TherapyPlan.discipline,
            TherapyPlan.title,
            _raw(TherapyPlan.staff_id, "staff_id"),
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
        scheduled_on = c.day(r.scheduled_on)
        if r.status == "missed":
            c.add(
                "therapy_missed",
                r,
                "",
                scheduled_on,  # type: ignore[arg-type]
                f"{what} missed on {scheduled_on}: rebook or dismiss",
                r.discipline,
                r.id,
                r.staff_id,
            )
        elif scheduled_on == c.on:
            c.add("therapy_due", r, "", scheduled_on, f"{what} today", r.discipline, r.id, r.staff_id)
        else:
            c.add(
                "therapy_unrecorded",
                r,
                "",
                scheduled_on,  # type: ignore[arg-type]
                f"{what} on {scheduled_on}: mark attended or missed",
                r.discipline,
                r.id,
                r.staff_id,
            )


def _program_sheets(c: _Collector) -> None:
    stmt = (
        sa.select(
            _raw(Enrollment.id, "id"),
            Enrollment.name_en,
            _raw(Enrollment.start_date, "start_date"),
            Enrollment.duration_days,
        )
        .join(Patient, Patient.id == Enrollment.patient_id)
        .where(Enrollment.status == "active", Enrollment.sheet_returned_on.is_(None), Enrollment.start_date < c.on)
    )
    for r in c.rows(stmt):
        end = c.day(r.start_date) + timedelta(days=r.duration_days - 1)  # type: ignore[operator]
        if end < c.on:
            c.add(
                "program_sheet",
                r,
                "",
                end + timedelta(days=1),
                f"{r.name_en} sheet ended {end}: collect it and enter the ticks",
                "specialist_nursing",
                r.id,
            )


def _alerts(c: _Collector) -> None:
    stmt = (
        sa.select(_raw(Alert.id, "id"), Alert.kind, _raw(Alert.raised_on, "raised_on"), Alert.message)
        .join(Patient, Patient.id == Alert.patient_id)
        .where(Alert.status == "open", Alert.raised_on <= c.on)
    )
    for r in c.rows(stmt):
        c.add("alert", r, "", c.day(r.raised_on), r.message, ALERT_DISCIPLINE.get(r.kind, "neurology"), r.id)  # type: ignore[arg-type]


@requires("patient.read")
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
    shut = restricted.hidden(session, {i.patient_id for i in items})
    if shut:  # the patient is listed (name, MRN) but what is due stays inside the restricted record
        items = [
            dataclasses.replace(i, reason=restricted.RESTRICTED_TEXT) if i.patient_id in shut else i for i in items
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
