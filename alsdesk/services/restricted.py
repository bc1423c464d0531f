"""Restricted patient records, care teams and emergency ("break-glass") access: the one rule.

HIPAA 45 CFR 164.312(a)(2)(ii) asks for an emergency access procedure; PIPL Art. 51 for access
limits. A patient record an administrator marks *restricted* (a staff member, a public figure)
opens only for administrators and the patient's care team. A clinician outside the team may take
emergency access with a reason: it is written to the audit trail as action 'break_glass' (the
HMAC chain makes it tamper-evident) and lasts `break_glass_hours`. The grant *is* that audit
entry, so there is no second record to fall out of step with the trail. Lists and search still
show that the patient exists (name, MRN); everything else goes through `check_open`, which
`fetch_patient` (below) calls for every read and the audit flush hook calls for every write.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError, NotFoundError, RestrictedRecord
from alsdesk.models import AuditEntry, CareTeamMember, Patient, Staff
from alsdesk.services import audit_chain, messages
from alsdesk.services.access import Actor, actor_of, requires
from alsdesk.services.common import Changes, as_uuid, check_text, fetch, found
from alsdesk.services.setting_values import load_settings
from alsdesk.storage.reader import Query

BREAK_GLASS = "break_glass"
RESTRICTED_TEXT = messages.RESTRICTED_RECORD
RESTRICTED_REFUSAL = "Restricted record ({mrn}): only its care team and administrators may open it."
RESTRICTED_HINT = RESTRICTED_REFUSAL + " In an emergency, open it in the window and give a reason (audited)."
_OPEN = "restricted_open"  # session.info: patient ids this session's actor may open
# An id no record has (new in each process). Reading its chart runs each of a chart's statements
# and finds nothing (app.chart.prepare_chart_reads): done at idle, it compiles them before a
# person's first opening, which otherwise waits for it. Only a lookup that finds no row treats it
# as nobody's, so no stored record is ever read in its place.
NOBODY = uuid.uuid4()


def _now() -> datetime:
    """The clock grants are measured by (tests replace it)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Grant:
    patient_id: uuid.UUID
    reason: str
    until: datetime


def _hours(session: Session) -> float:
    return load_settings(session=session)["break_glass_hours"]


def _grant_since(session: Session) -> datetime:
    return _now() - timedelta(hours=_hours(session))


def _allowed(session: Session, actor: Actor, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Of these restricted patients, those `actor` may open: care team or a live emergency grant."""
    if actor.may("restricted.any"):
        return set(ids)
    if actor.staff_id is None or not ids:
        return set()
    team = session.scalars(
        sa.select(CareTeamMember.patient_id).where(
            CareTeamMember.staff_id == actor.staff_id, CareTeamMember.patient_id.in_(ids)
        )
    )
    granted = session.scalars(
        sa.select(AuditEntry.patient_id).where(
            AuditEntry.action == BREAK_GLASS,
            AuditEntry.staff_id == actor.staff_id,
            AuditEntry.patient_id.in_(ids),
            AuditEntry.at >= _grant_since(session),
        )
    )
    return set(team) | {g for g in granted if g is not None}


def _refusal(actor: Actor, patient_id: uuid.UUID, mrn: str) -> RestrictedRecord:
    may_break = actor.may(BREAK_GLASS) and actor.staff_id is not None
    return RestrictedRecord(
        RESTRICTED_HINT if may_break else RESTRICTED_REFUSAL,
        patient_id=patient_id,
        mrn=mrn,
        may_break_glass=may_break,
    )


class PatientRecord(Protocol):
    """What the rule reads of a patient: a Patient, or its view read as columns."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def mrn(self) -> str: ...
    @property
    def restricted(self) -> bool: ...


def check_open(session: Session, patient: PatientRecord) -> None:
    """Refuse a restricted patient's record to anyone outside its care team without a live grant."""
    if not patient.restricted:
        return
    opened: set[uuid.UUID] = session.info.setdefault(_OPEN, set())
    if patient.id in opened:
        return
    actor = actor_of(session)
    if patient.id not in _allowed(session, actor, {patient.id}):
        raise _refusal(actor, patient.id, patient.mrn)
    opened.add(patient.id)


def closed(session: Session, among: set[uuid.UUID] | None = None) -> set[uuid.UUID]:
    """The restricted records (of `among`, else all) the session's actor may not open."""
    # All restricted ids (few) rather than an IN over a whole worklist's patients (many).
    restricted = set(session.scalars(sa.select(Patient.id).where(Patient.restricted)))
    if among is not None:
        restricted &= among
    if not restricted:
        return set()
    return restricted - _allowed(session, actor_of(session), restricted)


def openable(session: Session, patient_id: sa.ColumnElement[Any] | Any) -> sa.ColumnElement[bool]:
    """A filter keeping rows of records the actor may open, and rows of no patient: the schedule
    and the print log do not show what is booked or printed for a closed record."""
    shut = closed(session)
    return sa.or_(patient_id.is_(None), patient_id.not_in(shut)) if shut else sa.true()


def hidden(session: Session, patient_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Of these patients, the restricted ones the session's actor may not open (one query each way)."""
    ids = set(patient_ids)
    return closed(session, ids) if ids else set()


def check_writes(session: Session, patient_ids: Iterable[uuid.UUID | None]) -> None:
    """Called by the audit flush hook: no ORM write may touch a record its writer may not open."""
    ids = {pid for pid in patient_ids if pid is not None} - session.info.get(_OPEN, set())
    if not ids:
        return
    with session.no_autoflush:
        rows = session.execute(sa.select(Patient.id, Patient.mrn).where(Patient.restricted, Patient.id.in_(ids))).all()
        if not rows:
            return
        actor = actor_of(session)
        allowed = _allowed(session, actor, {r.id for r in rows})
    for pid, mrn in rows:
        if pid not in allowed:
            raise _refusal(actor, pid, mrn)
    session.info.setdefault(_OPEN, set()).update(allowed)


def check_export(session: Session, patient_ids: Iterable[uuid.UUID]) -> None:
    """An export names every patient it would leave out: refused whole, never silently partial."""
    shut = hidden(session, patient_ids)
    if shut:
        mrn = session.scalar(sa.select(Patient.mrn).where(Patient.id.in_(shut)).order_by(Patient.mrn).limit(1))
        raise _refusal(actor_of(session), next(iter(shut)), str(mrn))


@requires("break_glass")
def break_glass(*, session: Session, patient_id: uuid.UUID | str, reason: str) -> Grant:
    """Emergency access to a restricted record for `break_glass_hours`, with a mandatory reason,
    recorded in the audit trail as 'break_glass' (the entry is the grant)."""
    text = check_text(reason, "The reason for emergency access", max_len=500)
    if len(text) < 5:
        raise DomainError("Say why you need emergency access (at least a few words).")
    patient = session.get(Patient, as_uuid(patient_id, "patient"))
    if patient is None:
        raise NotFoundError("No patient has the ID {value}.", value=patient_id)
    if not patient.restricted:
        raise DomainError("This record is not restricted; open it as usual.")
    actor = actor_of(session)
    if actor.staff_id is None:
        raise DomainError("Emergency access needs a signed-in staff account.")
    hours = _hours(session)
    audit_chain.record(
        session=session,
        action=BREAK_GLASS,
        table="patient",
        record_id=patient.id,
        patient_id=patient.id,
        detail={"reason": text, "hours": hours},
        category="security",
    )
    session.info.setdefault(_OPEN, set()).add(patient.id)
    return Grant(patient.id, text, _now() + timedelta(hours=hours))


@dataclass(frozen=True)
class Restriction:
    """A patient's restriction and care team, as the chart's administrators edit them."""

    patient_id: uuid.UUID
    restricted: bool
    team: tuple[uuid.UUID, ...]


@requires("patient.read")
def restriction(*, session: Session, patient_id: uuid.UUID | str) -> Restriction:
    pid = as_uuid(patient_id, "patient")
    flag = session.scalar(sa.select(Patient.restricted).where(Patient.id == pid))
    if flag is None:
        raise NotFoundError("No patient has the ID {value}.", value=patient_id)
    team = session.scalars(
        sa.select(CareTeamMember.staff_id)
        .join(Staff, Staff.id == CareTeamMember.staff_id)
        .where(CareTeamMember.patient_id == pid)
        .order_by(Staff.display_name)
    )
    return Restriction(pid, bool(flag), tuple(team))


@requires("admin")
def set_restriction(
    *, session: Session, patient_id: uuid.UUID | str, restricted: bool, team: Iterable[uuid.UUID | str]
) -> object:
    """Mark or unmark a record restricted and set its care team; both changes are audited."""
    patient = fetch_patient(session, patient_id)
    wanted = {as_uuid(s, "staff member") for s in team}
    known = set(session.scalars(sa.select(Staff.id).where(Staff.id.in_(wanted)))) if wanted else set()
    if wanted - known:
        raise NotFoundError("A chosen care team member is not a staff member of this clinic.")
    patient.restricted = bool(restricted)
    current = {
        m.staff_id: m for m in session.scalars(sa.select(CareTeamMember).where(CareTeamMember.patient_id == patient.id))
    }
    for staff_id in wanted - set(current):
        session.add(CareTeamMember(patient_id=patient.id, staff_id=staff_id))
    for staff_id in set(current) - wanted:
        session.delete(current[staff_id])
    session.flush()
    return Changes(patients=True, worklist=True)


def fetch_patient(session: Session, patient_id: uuid.UUID | str) -> Patient:
    """The patient, if the session's actor may open the record (the rule below)."""
    patient = fetch(session, Patient, patient_id, "patient")
    check_open(session, patient)
    return patient


_RECORD = Query(sa.select(Patient.id, Patient.mrn, Patient.restricted).where(Patient.id == sa.bindparam("id")))


def opened_patient_id(session: Session, patient_id: uuid.UUID | str) -> uuid.UUID:
    """`fetch_patient(...).id` read as three columns (storage.reader), for a read that needs no
    more of the patient: the id, if the record exists and the actor may open it."""
    rows = _RECORD.rows(session, {"id": as_uuid(patient_id, "patient")})
    if not rows and patient_id == NOBODY:
        return NOBODY
    record = found(rows[0] if rows else None, patient_id, "patient")
    check_open(session, record)
    return record.id  # type: ignore[no-any-return]  # a row of the reader: its id is a UUID
