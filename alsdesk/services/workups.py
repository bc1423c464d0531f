"""Diagnostic workups: order, schedule, perform, result, review, cancel; each move recorded."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Patient, Workup, WorkupEvent, WorkupType
from alsdesk.names import patient_name
from alsdesk.services import access, lifecycle, restricted
from alsdesk.services.access import actor_of, requires
from alsdesk.services.audit import check_version
from alsdesk.services.common import (
    Changes,
    Day,
    NotBefore,
    RecordRules,
    Text,
    check_date,
    check_time,
    fetch,
    now_utc,
)
from alsdesk.services.restricted import fetch_patient

ORDERED_ON = Day("Order date")
DUE_DATE = Day("Due date", from_birth=False)  # on entry: not before the order date
NOTE = Text("Note", 2000)
RESULT = Text("Result", 20000)  # required when resulting
INTERPRETATION = Text("Interpretation", 20000)
PLACE = Text("Place", 120, line=True)  # where it is done: the EMG lab, another hospital's imaging
START_TIME = "Start time"  # the field a bad time is refused under (common.check_time)
# A step's date is not before the dates of the steps already taken (a revert clears its own date).
_STEP_DATE = Day("Date", from_birth=False)
STEP_DATES = {
    "performed": NotBefore(_STEP_DATE, ("ordered_on",)),
    "resulted": NotBefore(_STEP_DATE, ("ordered_on", "performed_on")),
    "reviewed": NotBefore(_STEP_DATE, ("ordered_on", "performed_on", "resulted_on")),
}
RULES: RecordRules = {
    "ordered_on": ORDERED_ON,
    "due_date": DUE_DATE,
    "performed_on": STEP_DATES["performed"],
    "resulted_on": STEP_DATES["resulted"],
    "reviewed_on": STEP_DATES["reviewed"],
    "note": NOTE,
    "result": RESULT,
    "interpretation": INTERPRETATION,
    "place": PLACE,
}

# Entering and reviewing a result is a clinician's act; ordering and scheduling are care coordination.
CLINICAL_STEPS = ("resulted", "reviewed")

# Which date field each status stamps.
STATUS_DATE = {
    "ordered": "ordered_on",
    "scheduled": "scheduled_for",
    "performed": "performed_on",
    "resulted": "resulted_on",
    "reviewed": "reviewed_on",
}


@dataclass(frozen=True)
class WorkupView:
    id: uuid.UUID
    patient_id: uuid.UUID
    type_code: str
    status: str
    due_date: date | None
    ordered_on: date | None
    scheduled_for: date | None
    performed_on: date | None
    resulted_on: date | None
    reviewed_on: date | None
    result: str
    interpretation: str
    reviewer_id: uuid.UUID | None
    note: str
    version: int
    scheduled_time: time | None = None  # the appointment's start, when known
    place: str = ""  # where it is done, "" when not said

    @property
    def next_actions(self) -> tuple[str, ...]:
        return lifecycle.WORKUP.allowed(self.status)


def workup_view(w: Workup) -> WorkupView:
    return WorkupView(
        w.id,
        w.patient_id,
        w.type_code,
        w.status,
        w.due_date,
        w.ordered_on,
        w.scheduled_for,
        w.performed_on,
        w.resulted_on,
        w.reviewed_on,
        w.result,
        w.interpretation,
        w.reviewer_id,
        w.note,
        w.version,
        w.scheduled_time,
        w.place,
    )


def workup_state(w: WorkupView, on: date, review_days: int) -> str | None:
    """'overdue' when ordered/scheduled and not performed by its due date (domain.md);
    'review' when resulted and not reviewed within `review_days`; else None."""
    if w.status in ("ordered", "scheduled") and w.due_date is not None and w.due_date < on:
        return "overdue"
    if w.status == "resulted" and w.resulted_on is not None and w.resulted_on + timedelta(days=review_days) <= on:
        return "review"
    return None


def _record(session: Session, w: Workup, old: str | None, staff_id: uuid.UUID | None) -> None:
    """One lifecycle event; without an explicit staff member it names the signed-in one, so a move
    from any screen (worklist, schedule, chart) or the CLI says who made it."""
    if staff_id is None:
        staff_id = actor_of(session).staff_id
    session.add(
        WorkupEvent(
            patient_id=w.patient_id,
            workup_id=w.id,
            from_status=old,
            to_status=w.status,
            at=now_utc(),
            staff_id=staff_id,
        )
    )


def _book(w: Workup, at: time | None, place: str | None) -> None:
    """The start time of a workup's appointment (None: no time known) and, when given, its place
    ("" clears it)."""
    w.scheduled_time = check_time(at, START_TIME)
    if place is not None:
        w.place = PLACE(place)


@requires("care.write")
def create_workup(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    kind: str,
    on: date,
    status: str = "ordered",
    due_date: date | None = None,
    note: str = "",
    staff_id: uuid.UUID | None = None,
) -> tuple[WorkupView, Changes]:
    """Plan or order an investigation from the catalog; an order is due in 30 days by default."""
    patient = fetch_patient(session, patient_id)
    if status not in ("planned", "ordered"):
        raise DomainError("A new workup starts as 'planned' or 'ordered'.")
    if session.scalar(sa.select(WorkupType.id).where(WorkupType.code == kind)) is None:
        raise DomainError("{code!r} is not a workup type in the catalog.", code=kind)
    ORDERED_ON(on, patient.birth_date)
    if due_date is not None:
        DUE_DATE(due_date, not_before=on)
    w = Workup(
        patient_id=patient.id,
        type_code=kind,
        status=status,
        due_date=due_date or (on + timedelta(days=30) if status == "ordered" else None),
        ordered_on=on if status == "ordered" else None,
        note=NOTE(note),
    )
    session.add(w)
    session.flush()
    _record(session, w, None, staff_id)
    return workup_view(w), Changes(workups=True)


def advance_workup(
    *,
    session: Session,
    workup_id: uuid.UUID | str,
    to: str,
    on: date,
    expected_version: int | None = None,
    result: str | None = None,
    interpretation: str | None = None,
    reviewer_id: uuid.UUID | None = None,
    staff_id: uuid.UUID | None = None,
    at: time | None = None,
    place: str | None = None,
) -> tuple[WorkupView, Changes]:
    """Move a workup along its lifecycle; an illegal move says which moves are allowed. Scheduling
    books it at the start time `at` and the `place` given (_book)."""
    access.check(session, "clinical.write" if to in CLINICAL_STEPS else "care.write")
    w = fetch(session, Workup, workup_id, "workup")
    check_version(w, expected_version, "workup")
    lifecycle.WORKUP.check(w.status, to)
    if to in STEP_DATES:
        step = STEP_DATES[to]
        step(on, *(getattr(w, c) for c in step.earlier))
        check_date(on, "Date", not_after=date.today() + timedelta(days=1))
    if to == "resulted":
        w.result = RESULT(result or "", required=True)
        w.interpretation = INTERPRETATION(interpretation or "")
    if to == "reviewed":
        if reviewer_id is None and staff_id is None:
            raise DomainError("A review needs the reviewing clinician.")
        w.reviewer_id = reviewer_id or staff_id
        if interpretation is not None:
            w.interpretation = INTERPRETATION(interpretation)
    if to == "scheduled":
        _book(w, at, place)
        w.due_date = max(w.due_date or on, on)
    if to in STATUS_DATE:
        setattr(w, STATUS_DATE[to], on)
    old, w.status = w.status, to
    session.flush()
    _record(session, w, old, staff_id)
    return workup_view(w), Changes(workups=True, schedule=to == "scheduled")


@requires("care.write")
def reschedule_workup(
    *,
    session: Session,
    workup_id: uuid.UUID | str,
    on: date,
    expected_version: int | None = None,
    staff_id: uuid.UUID | None = None,
    at: time | None = None,
    place: str | None = None,
) -> tuple[WorkupView, Changes]:
    """Book (an ordered workup) or move (a scheduled one) its appointment to `on`, at the start
    time `at` (None: no time known) and, when `place` is given, there ("" clears it).

    The move is a lifecycle event like any other (timestamped, with who did it, in workup_event)
    and the changed dates are in the audit trail; an ordered workup becomes scheduled.
    """
    w = fetch(session, Workup, workup_id, "workup")
    check_version(w, expected_version, "workup")
    if w.status not in ("ordered", "scheduled"):
        raise DomainError(
            "Only an ordered or scheduled workup can be rescheduled (this one is '{status}').", status=w.status
        )
    if w.ordered_on is not None:
        check_date(on, "Appointment date", not_before=w.ordered_on)
    if w.status == "ordered":
        lifecycle.WORKUP.check(w.status, "scheduled")
    _book(w, at, place)
    old, w.status = w.status, "scheduled"
    w.scheduled_for = on
    w.due_date = on
    session.flush()
    _record(session, w, old, staff_id)
    return workup_view(w), Changes(workups=True, schedule=True)


@dataclass(frozen=True)
class WorkupAppointment:
    """A scheduled workup as the week view shows it."""

    workup_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    on: date
    type_code: str
    name_en: str
    name_zh: str
    discipline: str
    status: str
    version: int
    at: time | None = None  # its start time, when known
    place: str = ""


@requires("patient.read")
def appointments_between(
    *, session: Session, start: date, end: date, discipline: str | None = None
) -> list[WorkupAppointment]:
    """Scheduled workups with their appointment in [start, end], by date then patient.

    A scheduled workup's due date is never before its appointment, so the (status, due_date)
    index narrows the search before the appointment date is compared.
    """
    stmt = (
        sa.select(
            Workup.id,
            Workup.patient_id,
            Patient.family_name,
            Patient.given_name,
            Patient.name_zh,
            Workup.scheduled_for,
            Workup.type_code,
            WorkupType.name_en,
            WorkupType.name_zh,
            WorkupType.discipline,
            Workup.status,
            Workup.version,
            Workup.scheduled_time,
            Workup.place,
        )
        .join(Patient, Patient.id == Workup.patient_id)
        .join(WorkupType, WorkupType.code == Workup.type_code)
        .where(
            Workup.status == "scheduled",
            Workup.due_date >= start,
            Workup.scheduled_for.between(start, end),
            Patient.archived.is_(False),
            restricted.openable(session, Patient.id),
        )
        .order_by(Workup.scheduled_for, Patient.sort_key)
    )
    if discipline:
        stmt = stmt.where(WorkupType.discipline == discipline)
    return [
        WorkupAppointment(
            r[0],
            r[1],
            patient_name(r[2], r[3], r[4]),
            cast(date, r[5]),  # between() keeps NULL appointments out
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
        )
        for r in session.execute(stmt)
    ]


def workup_history(*, session: Session, workup_id: uuid.UUID | str) -> list[tuple[str | None, str, str]]:
    rows = session.execute(
        sa.select(WorkupEvent.from_status, WorkupEvent.to_status, WorkupEvent.at)
        .where(WorkupEvent.workup_id == uuid.UUID(str(workup_id)))
        .order_by(WorkupEvent.at)
    )
    return [(a, b, at.isoformat()) for a, b, at in rows]
