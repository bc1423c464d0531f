"""Therapy plans per discipline, their generated sessions, attendance and rescheduling."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Patient, TherapyPlan, TherapySession
from alsdesk.names import patient_name
from alsdesk.services import restricted
from alsdesk.services.access import requires
from alsdesk.services.audit import check_version
from alsdesk.services.common import (
    Changes,
    Check,
    Day,
    RecordRules,
    Text,
    check_choice,
    check_date,
    check_time,
    fetch,
    rows_where,
)
from alsdesk.services.restricted import fetch_patient
from alsdesk.storage.reader import Source
from alsdesk.vocab import DISCIPLINES

SESSION_MOVES = {"scheduled": ("attended", "missed", "cancelled")}


@dataclass(frozen=True)
class SessionView:
    id: uuid.UUID
    plan_id: uuid.UUID
    patient_id: uuid.UUID
    scheduled_on: date
    status: str
    note: str
    version: int
    scheduled_time: time | None = None  # its start, when known


@dataclass(frozen=True)
class PlanView:
    id: uuid.UUID
    patient_id: uuid.UUID
    discipline: str
    title: str
    goals: str
    start_date: date
    interval_days: int
    session_count: int
    staff_id: uuid.UUID | None
    active: bool
    sessions: tuple[SessionView, ...]


START_DATE = Day("Start date")
TITLE = Text("Title", 200, required=True, line=True)
GOALS = Text("Goals", 5000)


def check_interval_days(interval_days: object) -> None:
    if isinstance(interval_days, bool) or not isinstance(interval_days, int) or not 1 <= interval_days <= 365:
        raise DomainError("Repeat every … days must be a whole number from 1 to 365.")


def check_session_count(session_count: object) -> None:
    if isinstance(session_count, bool) or not isinstance(session_count, int) or not 1 <= session_count <= 200:
        raise DomainError("Number of sessions must be a whole number from 1 to 200.")


PLAN_RULES: RecordRules = {
    "start_date": START_DATE,
    "title": TITLE,
    "goals": GOALS,
    "interval_days": Check(check_interval_days),
    "session_count": Check(check_session_count),
}
SESSION_NOTE = Text("Note", 2000)
SESSION_RULES: RecordRules = {"note": SESSION_NOTE}
START_TIME = "Start time"  # the field a bad time is refused under (common.check_time)


def session_view(s: TherapySession) -> SessionView:
    return SessionView(s.id, s.plan_id, s.patient_id, s.scheduled_on, s.status, s.note, s.version, s.scheduled_time)


def session_dates(start: date, interval_days: int, count: int) -> list[date]:
    return [start + timedelta(days=interval_days * i) for i in range(count)]


@requires("care.write")
def create_plan(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    discipline: str,
    title: str,
    start_date: date,
    interval_days: int,
    session_count: int,
    goals: str = "",
    staff_id: uuid.UUID | None = None,
    at: time | None = None,
) -> tuple[PlanView, Changes]:
    """A plan with a recurrence (every `interval_days`, `session_count` times) and its sessions,
    each at the start time `at` when one is given."""
    patient = fetch_patient(session, patient_id)
    START_DATE(start_date, patient.birth_date)
    if patient.death_date is not None and start_date > patient.death_date:
        raise DomainError(
            "Patient {mrn} died on {date}; a therapy plan cannot start after that.",
            mrn=patient.mrn,
            date=patient.death_date,
        )
    check_interval_days(interval_days)
    check_session_count(session_count)
    at = check_time(at, START_TIME)
    plan = TherapyPlan(
        patient_id=patient.id,
        discipline=check_choice(discipline, DISCIPLINES, "Discipline"),
        title=TITLE(title),
        goals=GOALS(goals),
        start_date=start_date,
        interval_days=interval_days,
        session_count=session_count,
        staff_id=staff_id,
    )
    session.add(plan)
    session.flush()
    session.add_all(
        TherapySession(patient_id=patient.id, plan_id=plan.id, scheduled_on=d, scheduled_time=at)
        for d in session_dates(start_date, interval_days, session_count)
    )
    session.flush()
    return plan_view(session, plan), Changes(schedule=True)


# Edaravone IV is given as infusions, so its course is a plan of sessions (the oral suspension is
# taken at home: no sessions). Both follow the same cycles (edaravone_days).
EDARAVONE_IV = "edaravone_iv"
# The plan's title, in the patient's language like a default dose (staff read it on the schedule).
EDARAVONE_PLAN_TITLE = {"en": "Edaravone IV infusions", "zh_CN": "依达拉奉静脉输注"}
EDARAVONE_CYCLE_DAYS = 28  # a 14-day dosing period, then 14 drug-free days
EDARAVONE_FIRST_CYCLE_ON = 14  # cycle 1: daily for the whole dosing period
EDARAVONE_LATER_CYCLE_ON = 10  # later cycles: 10 days within the dosing period


def edaravone_days(start: date, cycles: int) -> list[date]:
    """The dosing days of `cycles` cycles of edaravone from `start` (FDA labels: Radicava IV 2017,
    Radicava ORS 2022). Cycle 1: daily for 14 days, then 14 days off. Each later cycle: daily for
    10 days within a 14-day period (here its first 10 days), then 14 days off. Every cycle is 28
    days, so cycle n starts 28 × (n − 1) days after the first dose."""
    days: list[date] = []
    for cycle in range(cycles):
        first = start + timedelta(days=EDARAVONE_CYCLE_DAYS * cycle)
        on = EDARAVONE_FIRST_CYCLE_ON if cycle == 0 else EDARAVONE_LATER_CYCLE_ON
        days += [first + timedelta(days=i) for i in range(on)]
    return days


def add_edaravone_infusions(
    session: Session, *, patient: Patient, start: date, cycles: int, staff_id: uuid.UUID | None
) -> TherapyPlan:
    """The infusion sessions of a new edaravone IV course (medications.prescribe): one plan, one
    session on each dosing day of its first `cycles` cycles (setting `edaravone_cycles_scheduled`)."""
    days = edaravone_days(start, cycles)
    patient_id = patient.id
    plan = TherapyPlan(
        patient_id=patient_id,
        discipline="specialist_nursing",
        title=EDARAVONE_PLAN_TITLE.get(patient.language, EDARAVONE_PLAN_TITLE["en"]),
        goals="",
        start_date=start,
        interval_days=1,  # daily on dosing days; the sessions carry the cycles
        session_count=len(days),
        staff_id=staff_id,
    )
    session.add(plan)
    session.flush()
    session.add_all(TherapySession(patient_id=patient_id, plan_id=plan.id, scheduled_on=d) for d in days)
    session.flush()
    return plan


def end_edaravone_infusions(session: Session, *, patient_id: uuid.UUID, on: date) -> None:
    """A stopped edaravone IV course: its infusion plans end and their sessions from `on` are cancelled."""
    plans = sa.select(TherapyPlan.id).where(
        TherapyPlan.patient_id == patient_id,
        TherapyPlan.title.in_(EDARAVONE_PLAN_TITLE.values()),
        TherapyPlan.active,
    )
    ids = list(session.scalars(plans))
    if not ids:
        return
    session.execute(
        sa.update(TherapySession)
        .where(TherapySession.plan_id.in_(ids), TherapySession.status == "scheduled", TherapySession.scheduled_on >= on)
        .values(status="cancelled", version=TherapySession.version + 1)
    )
    session.execute(sa.update(TherapyPlan).where(TherapyPlan.id.in_(ids)).values(active=False))


def plan_view(session: Session, plan: TherapyPlan) -> PlanView:
    return plan_view_with(plan, rows_where(session, TherapySession, "plan_id", plan.id, "scheduled_on"))


def plan_view_with(plan: Any, sessions: Iterable[Any]) -> PlanView:
    """The plan (a TherapyPlan or a row of its columns) with its sessions, given by date."""
    return PlanView(
        plan.id,
        plan.patient_id,
        plan.discipline,
        plan.title,
        plan.goals,
        plan.start_date,
        plan.interval_days,
        plan.session_count,
        plan.staff_id,
        plan.active,
        tuple(session_view(s) for s in sessions),
    )


def sessions_by_plan(session: Source, patient_id: uuid.UUID) -> dict[uuid.UUID, list[Any]]:
    """Every therapy session of the patient by plan, each plan's by date: one query for a chart's
    plans (plan_view_with), not one per plan."""
    found: dict[uuid.UUID, list[Any]] = {}
    for s in rows_where(session, TherapySession, "patient_id", patient_id, "scheduled_on"):
        found.setdefault(s.plan_id, []).append(s)
    return found


@requires("care.write")
def mark_session(
    *,
    session: Session,
    session_id: uuid.UUID | str,
    status: str,
    note: str = "",
    expected_version: int | None = None,
) -> tuple[SessionView, Changes]:
    """Record attendance: a scheduled session becomes attended, missed or cancelled."""
    s = fetch(session, TherapySession, session_id, "therapy session")
    check_version(s, expected_version, "therapy session")
    allowed = SESSION_MOVES.get(s.status, ())
    if status not in allowed:
        if not allowed:
            raise DomainError(
                "A session that is '{current}' cannot become '{target}'; allowed: none.",
                current=s.status,
                target=status,
            )
        raise DomainError(
            "A session that is '{current}' cannot become '{target}'; allowed: {allowed}.",
            current=s.status,
            target=status,
            allowed=allowed,
        )
    if status == "attended" and s.scheduled_on > date.today():
        raise DomainError("A session on {date} cannot be attended yet.", date=s.scheduled_on)
    s.status = status
    s.note = SESSION_NOTE(note)
    return session_view(s), Changes(schedule=True)


@requires("care.write")
def reschedule_session(
    *,
    session: Session,
    session_id: uuid.UUID | str,
    on: date,
    expected_version: int | None = None,
    at: time | None = None,
) -> tuple[SessionView, Changes]:
    """Move a scheduled (or missed) session to a new date and start time (`at`; None: no time
    known); it is scheduled again. The same date with another time changes only the time."""
    s = fetch(session, TherapySession, session_id, "therapy session")
    check_version(s, expected_version, "therapy session")
    if s.status not in ("scheduled", "missed"):
        raise DomainError(
            "Only a scheduled or missed session can be rescheduled (this one is '{status}').", status=s.status
        )
    s.scheduled_on = check_date(on, "New date")
    s.scheduled_time = check_time(at, START_TIME)
    s.status = "scheduled"
    return session_view(s), Changes(schedule=True)


@requires("care.write")
def stop_plan(*, session: Session, plan_id: uuid.UUID | str, on: date) -> Changes:
    """End a plan: its future scheduled sessions are cancelled, past ones kept."""
    plan = fetch(session, TherapyPlan, plan_id, "therapy plan")
    plan.active = False
    session.execute(
        sa.update(TherapySession)
        .where(
            TherapySession.plan_id == plan.id, TherapySession.status == "scheduled", TherapySession.scheduled_on >= on
        )
        .values(status="cancelled", version=TherapySession.version + 1)
    )
    return Changes(schedule=True)


@requires("patient.read")
def sessions_between(
    *, session: Session, start: date, end: date, discipline: str | None = None
) -> list[tuple[SessionView, str, str]]:
    """Sessions in [start, end] with their plan's discipline and title, for the week view."""
    stmt = (
        sa.select(TherapySession, TherapyPlan.discipline, TherapyPlan.title)
        .join(TherapyPlan, TherapyPlan.id == TherapySession.plan_id)
        .where(
            TherapySession.scheduled_on.between(start, end),
            TherapySession.status != "cancelled",
            restricted.openable(session, TherapySession.patient_id),
        )
        .order_by(TherapySession.scheduled_on)
    )
    if discipline:
        stmt = stmt.where(TherapyPlan.discipline == discipline)
    return [(session_view(s), d, t) for s, d, t in session.execute(stmt)]


@dataclass(frozen=True)
class SessionSlot:
    """A therapy session as the week view shows it, with the patient's name."""

    session_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    on: date
    discipline: str
    title: str
    status: str
    version: int
    at: time | None = None  # its start time, when known


@requires("patient.read")
def week_slots(
    *,
    session: Session,
    start: date,
    end: date,
    discipline: str | None = None,
    staff_id: uuid.UUID | None = None,
) -> list[SessionSlot]:
    """Sessions in [start, end] (not cancelled, patient not archived) with patient name, plan
    discipline and title, by date then patient.

    One query of plain columns, no ORM objects: a week of a 100,000-patient clinic holds about
    27,000 sessions (2.4 s as ORM objects plus 12 s of per-patient look-ups before). The statuses
    are listed so the (status, scheduled_on) index serves the date range.
    """
    stmt = (
        sa.select(
            TherapySession.id,
            TherapySession.patient_id,
            Patient.family_name,
            Patient.given_name,
            Patient.name_zh,
            TherapySession.scheduled_on,
            TherapyPlan.discipline,
            TherapyPlan.title,
            TherapySession.status,
            TherapySession.version,
            TherapySession.scheduled_time,
        )
        .join(TherapyPlan, TherapyPlan.id == TherapySession.plan_id)
        .join(Patient, Patient.id == TherapySession.patient_id)
        .where(
            TherapySession.status.in_(("scheduled", "attended", "missed")),
            TherapySession.scheduled_on.between(start, end),
            Patient.archived.is_(False),
            restricted.openable(session, Patient.id),
        )
        .order_by(TherapySession.scheduled_on, TherapySession.scheduled_time, Patient.sort_key)
    )
    if discipline:
        stmt = stmt.where(TherapyPlan.discipline == discipline)
    if staff_id is not None:
        stmt = stmt.where(TherapyPlan.staff_id == staff_id)
    return [
        SessionSlot(r[0], r[1], patient_name(r[2], r[3], r[4]), r[5], r[6], r[7], r[8], r[9], r[10])
        for r in session.execute(stmt)
    ]
