"""Care program enrollments: the 15-day sheet, its returned ticks, and adherence."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Enrollment, EnrollmentEvent, EnrollmentMark, Patient, ProgramTemplate
from alsdesk.services.access import actor_of, requires
from alsdesk.services.audit import check_version
from alsdesk.services.catalogs import ProgramItem, check_duration, parse_items
from alsdesk.services.common import Changes, Check, Day, NotBefore, RecordRules, fetch, now_utc, run
from alsdesk.services.interventions import patient_interventions
from alsdesk.services.restricted import fetch_patient
from alsdesk.storage.reader import Query, Source

START_DATE = Day("Start date")
RETURNED_ON = NotBefore(Day("Date returned", past=True, from_birth=False), ("start_date",))
RULES: RecordRules = {
    "start_date": START_DATE,
    "sheet_returned_on": RETURNED_ON,
    "duration_days": Check(check_duration),
}


def check_mark_index(index: object) -> None:
    """A ticked box of a sheet: its item and its day are whole numbers counted from 0."""
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise DomainError("A sheet's items and days are whole numbers counted from 0.")


MARK_RULES: RecordRules = {"item_index": Check(check_mark_index), "day_index": Check(check_mark_index)}


@dataclass(frozen=True)
class EnrollmentView:
    id: uuid.UUID
    patient_id: uuid.UUID
    template_code: str
    name_en: str
    name_zh: str
    evidence_level: str
    diet_restrictions: str
    instructions: str
    items: tuple[ProgramItem, ...]
    start_date: date
    duration_days: int
    status: str
    sheet_returned_on: date | None
    marks: frozenset[tuple[int, int]]
    version: int
    diet_restrictions_zh: str = ""
    instructions_zh: str = ""
    death_date: date | None = None  # the patient's, when recorded: the enrollment ends on it

    @property
    def end_date(self) -> date:
        """The enrollment's last day (enrollment_last_day)."""
        return enrollment_last_day(self.start_date, self.duration_days, self.death_date)

    def state(self, on: date) -> str:
        """Where the enrollment stands on `on` (enrollment_state)."""
        return enrollment_state(
            status=self.status,
            start_date=self.start_date,
            duration_days=self.duration_days,
            on=on,
            death_date=self.death_date,
        )

    def running(self, on: date) -> bool:
        """Active and not ended on `on` (current, or starting later): what families' papers list."""
        return self.state(on) in RUNNING_STATES

    @property
    def investigational(self) -> bool:
        return self.evidence_level == "investigational"

    def dates(self) -> list[date]:
        return [self.start_date + timedelta(days=i) for i in range(self.duration_days)]

    def adherence(self, on: date) -> float | None:
        return adherence(self.marks, len(self.items), self.start_date, self.duration_days, on)


# vocab.ENROLLMENT_STATES: "ended" is derived from dates, never stored, so no nightly job has to run.
RUNNING_STATES = ("upcoming", "current")


def enrollment_last_day(start_date: date, duration_days: int, death_date: date | None = None) -> date:
    """An enrollment's last day: start + duration − 1, so a 15-day program started on 1 July runs
    1–15 July and has ended on 16 July (domain.md "Care programs over time"). For a patient with a
    date of death it is at most that date (domain.md "Death": enrollments end on it)."""
    last = start_date + timedelta(days=duration_days - 1)
    return min(last, death_date) if death_date is not None else last


def enrollment_state(
    *, status: str, start_date: date, duration_days: int, on: date, death_date: date | None = None
) -> str:
    """One of vocab.ENROLLMENT_STATES on day `on`: "completed" or "stopped" as stored; otherwise
    "upcoming" before the start date, "current" from the start date to the last day
    (enrollment_last_day) inclusive, and "ended" after it (domain.md "Care programs over time").
    An ended enrollment is nowhere current: not in the chart, on a handout, a checklist or the
    worklist (only its sheet is still to collect, services.worklist)."""
    if status != "active":
        return status
    if on < start_date:
        return "upcoming"
    if on > enrollment_last_day(start_date, duration_days, death_date):
        return "ended"
    return "current"


def days_elapsed(start: date, duration_days: int, on: date) -> int:
    return max(0, min(duration_days, (on - start).days + 1))


def adherence(
    marks: Iterable[tuple[int, int]], item_count: int, start: date, duration_days: int, on: date
) -> float | None:
    """Adherence = ticked cells / (items × days elapsed), None before the first day (domain.md).

    Only cells of elapsed days and of items on the sheet count, each once, so it never exceeds 1."""
    elapsed = days_elapsed(start, duration_days, on)
    if elapsed == 0 or item_count == 0:
        return None
    done = {(i, d) for i, d in marks if 0 <= i < item_count and 0 <= d < elapsed}
    return len(done) / (item_count * elapsed)


def check_day_not_future(start: date, day: int, today: date) -> None:
    """A sheet records what was done: a day after today cannot be ticked yet."""
    on = start + timedelta(days=day)
    if on > today:
        raise DomainError("Day {day} ({value}) is after today: it cannot be ticked yet.", day=day + 1, value=on)


_DONE_MARKS = sa.select(EnrollmentMark.item_index, EnrollmentMark.day_index).where(
    EnrollmentMark.enrollment_id == sa.bindparam("enrollment"), EnrollmentMark.done
)


def enrollment_view(session: Session, e: Enrollment, *, death_date: date | None) -> EnrollmentView:
    """The enrollment as plain data; `death_date` is the patient's (it ends the enrollment)."""
    marks = run(session, _DONE_MARKS, {"enrollment": e.id})
    return enrollment_view_with(e, frozenset((i, d) for i, d in marks), death_date=death_date)


def enrollment_view_with(e: Any, marks: frozenset[tuple[int, int]], *, death_date: date | None) -> EnrollmentView:
    """The enrollment (an Enrollment or a row of its columns) with its ticked cells given."""
    return EnrollmentView(
        e.id,
        e.patient_id,
        e.template_code,
        e.name_en,
        e.name_zh,
        e.evidence_level,
        e.diet_restrictions,
        e.instructions,
        parse_items(e.items_json),
        e.start_date,
        e.duration_days,
        e.status,
        e.sheet_returned_on,
        marks,
        e.version,
        diet_restrictions_zh=e.diet_restrictions_zh,
        instructions_zh=e.instructions_zh,
        death_date=death_date,
    )


_PATIENT_MARKS = Query(
    sa.select(EnrollmentMark.enrollment_id, EnrollmentMark.item_index, EnrollmentMark.day_index)
    .join(Enrollment, Enrollment.id == EnrollmentMark.enrollment_id)
    .where(Enrollment.patient_id == sa.bindparam("patient"), EnrollmentMark.done)
)


def marks_by_enrollment(session: Source, patient_id: uuid.UUID) -> dict[uuid.UUID, frozenset[tuple[int, int]]]:
    """The ticked cells of each of the patient's enrollments (those with any): one query for a
    chart's enrollments (enrollment_view_with), not one per enrollment."""
    found: dict[uuid.UUID, set[tuple[int, int]]] = {}
    for enrollment, item, day in _PATIENT_MARKS.rows(session, {"patient": patient_id}):
        found.setdefault(enrollment, set()).add((item, day))
    return {k: frozenset(v) for k, v in found.items()}


def implied_events(enrollments: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lifecycle events for enrollments made before they had any (schema 0011, export version 1):
    enrolled when created, and, for one no longer active, its end when last changed. Who made
    them is not known. Their ids derive from the enrollment's, so the same rows always imply the
    same events (a demo clinic stays the same for a seed)."""
    out = []
    for e in enrollments:
        steps: list[tuple[str | None, str, Any]] = [(None, "active", e["created_at"])]
        if e["status"] != "active":
            steps.append(("active", e["status"], e["updated_at"]))
        for old, new, at in steps:
            out.append(
                {
                    "id": uuid.uuid5(uuid.UUID(str(e["id"])), new),
                    "created_at": at,
                    "updated_at": at,
                    "version": 1,
                    "patient_id": e["patient_id"],
                    "enrollment_id": e["id"],
                    "from_status": old,
                    "to_status": new,
                    "at": at,
                    "staff_id": None,
                    "reason": "",
                    "site_id": e.get("site_id", ""),  # made where the enrollment was
                    "synced_version": 0,  # never travelled (exchange.merging)
                }
            )
    return out


def _record(session: Session, e: Enrollment, old: str | None, reason: str = "") -> None:
    session.add(
        EnrollmentEvent(
            patient_id=e.patient_id,
            enrollment_id=e.id,
            from_status=old,
            to_status=e.status,
            at=now_utc(),
            staff_id=actor_of(session).staff_id,
            reason=reason,
        )
    )


def items_for_patient(items_json: str, in_place: set[str]) -> str:
    """The template's items this patient's sheet carries: an item marked `needs` (an intervention
    of services.interventions.KINDS, such as "niv" for "Ventilator (NIV) used as prescribed") only
    when that intervention is in place on the start date (domain.md "Care programs over time").
    The enrollment keeps this copy, so its rows, ticks and adherence stay the same all through it."""
    items = json.loads(items_json)
    kept = [i for i in items if not i.get("needs") or i["needs"] in in_place]
    return items_json if len(kept) == len(items) else json.dumps(kept, ensure_ascii=False)


@requires("care.write")
def enroll(
    *, session: Session, patient_id: uuid.UUID | str, template_code: str, start_date: date
) -> tuple[EnrollmentView, Changes]:
    """Copy a template for one patient from a start date."""
    patient = fetch_patient(session, patient_id)
    t = session.scalar(sa.select(ProgramTemplate).where(ProgramTemplate.code == template_code))
    if t is None or not t.active:
        raise DomainError("{code!r} is not an active care program template.", code=template_code)
    START_DATE(start_date, patient.birth_date)
    if patient.death_date is not None and start_date > patient.death_date:
        raise DomainError(
            "Patient {mrn} died on {date}; a care program cannot start after that.",
            mrn=patient.mrn,
            date=patient.death_date,
        )
    clash = session.scalar(
        sa.select(Enrollment.id).where(
            Enrollment.patient_id == patient.id,
            Enrollment.template_code == template_code,
            Enrollment.status == "active",
            Enrollment.start_date == start_date,
        )
    )
    if clash is not None:
        raise DomainError("This patient already has this program starting on that date.")
    e = Enrollment(
        patient_id=patient.id,
        template_code=t.code,
        name_en=t.name_en,
        name_zh=t.name_zh,
        evidence_level=t.evidence_level,
        diet_restrictions=t.diet_restrictions,
        instructions=t.instructions,
        diet_restrictions_zh=t.diet_restrictions_zh,
        instructions_zh=t.instructions_zh,
        items_json=items_for_patient(
            t.items_json, {i.kind for i in patient_interventions(session=session, patient_id=patient.id, on=start_date)}
        ),
        start_date=start_date,
        duration_days=t.duration_days,
    )
    session.add(e)
    session.flush()
    _record(session, e, None)
    return enrollment_view(session, e, death_date=patient.death_date), Changes(programs=True)


@requires("care.write")
def enter_sheet(
    *,
    session: Session,
    enrollment_id: uuid.UUID | str,
    ticks: Iterable[tuple[int, int]],
    returned_on: date | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> tuple[EnrollmentView, Changes]:
    """Replace the enrollment's ticks with the returned sheet's (item index, day index) cells;
    days after `today` (default: the computer's date) are refused."""
    e = fetch(session, Enrollment, enrollment_id, "enrollment")
    check_version(e, expected_version, "program sheet")
    item_count = len(parse_items(e.items_json))
    today = today or date.today()
    cells = set()
    for item, day in ticks:
        if not (isinstance(item, int) and 0 <= item < item_count):
            raise DomainError("Item {item} is not on this sheet (it has {count} items).", item=item, count=item_count)
        if not (isinstance(day, int) and 0 <= day < e.duration_days):
            raise DomainError(
                "Day {day} is not on this {count}-day sheet.",
                day=day + 1 if isinstance(day, int) else day,
                count=e.duration_days,
            )
        check_day_not_future(e.start_date, day, today)
        cells.add((item, day))
    # A tick taken off is kept as not done, never deleted: the removal is audited like any change
    # and travels to another clinic with the patient (exchange.merging), where it is hidden alike.
    kept = {
        (m.item_index, m.day_index): m
        for m in session.scalars(sa.select(EnrollmentMark).where(EnrollmentMark.enrollment_id == e.id))
    }
    for cell, mark in kept.items():
        if mark.done != (cell in cells):
            mark.done = cell in cells
    session.add_all(
        EnrollmentMark(patient_id=e.patient_id, enrollment_id=e.id, item_index=i, day_index=d, done=True)
        for i, d in sorted(cells - set(kept))
    )
    if returned_on is not None:
        e.sheet_returned_on = RETURNED_ON(returned_on, e.start_date, today=today)
        if e.status == "active" and returned_on >= e.start_date + timedelta(days=e.duration_days - 1):
            e.status = "completed"
            _record(session, e, "active")
    e.updated_at = now_utc()  # the marks belong to the sheet: bump its version, so a concurrent edit conflicts
    session.flush()
    death_date = session.scalar(sa.select(Patient.death_date).where(Patient.id == e.patient_id))
    return enrollment_view(session, e, death_date=death_date), Changes(programs=True)


@requires("care.write")
def stop_enrollment(
    *, session: Session, enrollment_id: uuid.UUID | str, expected_version: int | None = None
) -> Changes:
    e = fetch(session, Enrollment, enrollment_id, "enrollment")
    check_version(e, expected_version, "program sheet")  # stopped from a stale copy: say so
    if e.status != "active":
        raise DomainError("This enrollment is already {status}.", status=e.status)
    e.status = "stopped"
    _record(session, e, "active")
    return Changes(programs=True)


@requires("patient.read")
def list_enrollments(*, session: Session, patient_id: uuid.UUID | str) -> list[EnrollmentView]:
    patient = fetch_patient(session, patient_id)  # exists, and may be opened by this actor
    rows = session.scalars(
        sa.select(Enrollment).where(Enrollment.patient_id == patient.id).order_by(Enrollment.start_date)
    )
    return [enrollment_view(session, e, death_date=patient.death_date) for e in rows]


@requires("patient.read")
def get_enrollment(*, session: Session, enrollment_id: uuid.UUID | str) -> EnrollmentView:
    row = fetch(session, Enrollment, enrollment_id, "enrollment")
    patient = fetch_patient(session, row.patient_id)  # the patient's record may be restricted
    return enrollment_view(session, row, death_date=patient.death_date)
