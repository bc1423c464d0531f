"""Status lifecycles (workups, referrals, care program enrollments): the allowed moves, the
message for a wrong one, and which mistaken steps a clinician may revert (with a reason)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Base, Enrollment, EnrollmentEvent, Referral, ReferralEvent, Staff, Workup, WorkupEvent
from alsdesk.services import access, audit
from alsdesk.services.audit import check_version
from alsdesk.services.common import Changes, RecordRules, Text, fetch, now_utc
from alsdesk.services.restricted import fetch_patient

# Why a step was reverted, kept on its event (workup, referral and enrollment events alike).
REASON = Text("Reason", 2000)  # required when reverting
EVENT_RULES: RecordRules = {"reason": REASON}


@dataclass(frozen=True)
class Lifecycle:
    what: str
    moves: dict[str, tuple[str, ...]]
    # Statuses whose step into them may be reverted, and the dates that step stamped (cleared on revert).
    reverts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def allowed(self, status: str) -> tuple[str, ...]:
        return self.moves.get(status, ())

    def check(self, current: str, target: str) -> None:
        if target in self.allowed(current):
            return
        if not self.allowed(current):
            raise DomainError(
                "A {what} that is '{current}' cannot become '{target}'; allowed next: none (it is closed).",
                what=self.what,
                current=current,
                target=target,
            )
        raise DomainError(
            "A {what} that is '{current}' cannot become '{target}'; allowed next: {allowed}.",
            what=self.what,
            current=current,
            target=target,
            allowed=self.allowed(current),
        )


# domain.md "Workup lifecycle": cancelled is allowed before performed. A result and its review
# are clinical documents, corrected by a new one rather than reverted.
WORKUP = Lifecycle(
    "workup",
    {
        "planned": ("ordered", "cancelled"),
        "ordered": ("scheduled", "performed", "cancelled"),
        "scheduled": ("performed", "cancelled"),
        "performed": ("resulted",),
        "resulted": ("reviewed",),
    },
    reverts={
        "ordered": ("ordered_on",),
        "scheduled": ("scheduled_for", "scheduled_time"),
        "performed": ("performed_on",),
        "cancelled": (),
    },
)

# domain.md "Referral lifecycle", mapped to FHIR R4 Task.status.
REFERRAL = Lifecycle(
    "referral",
    {
        "draft": ("sent", "cancelled"),
        "sent": ("received", "accepted", "declined", "cancelled"),
        "received": ("accepted", "declined", "cancelled"),
        "accepted": ("scheduled", "completed", "cancelled"),
        "scheduled": ("completed", "cancelled"),
    },
    reverts={"cancelled": ()},
)

ENROLLMENT = Lifecycle(
    "care program enrollment",
    {"active": ("completed", "stopped")},
    reverts={"stopped": ()},
)

FHIR_TASK_STATUS = {
    "draft": "draft",
    "sent": "requested",
    "received": "received",
    "accepted": "accepted",
    "scheduled": "in-progress",
    "completed": "completed",
    "declined": "rejected",
    "cancelled": "cancelled",
}


@dataclass(frozen=True)
class Step:
    """One lifecycle event as the chart's history shows it; a revert is the step with a reason."""

    from_status: str | None
    to_status: str
    at: datetime
    staff_name: str
    reason: str


@dataclass(frozen=True)
class Kind:
    lifecycle: Lifecycle
    model: type[Base]
    event: Any  # the event model: WorkupEvent, ReferralEvent or EnrollmentEvent
    key: str  # the event's column naming its record
    changes: Changes


KINDS = {
    "workup": Kind(WORKUP, Workup, WorkupEvent, "workup_id", Changes(workups=True, schedule=True)),
    "referral": Kind(REFERRAL, Referral, ReferralEvent, "referral_id", Changes(referrals=True, schedule=True)),
    "enrollment": Kind(ENROLLMENT, Enrollment, EnrollmentEvent, "enrollment_id", Changes(programs=True)),
}


def revert_target(lc: Lifecycle, status: str, last: Step | None) -> str | None:
    """The status a revert returns to, or None: only the step into the current status, if that
    status is revertible, the step was a real move (not a first one, nor a reschedule) and was not
    itself a revert (a revert is undone by doing the step again, with its own checks)."""
    if last is None or last.to_status != status or status not in lc.reverts or last.reason:
        return None
    if last.from_status is None or last.from_status == status:
        return None
    return last.from_status


def _steps(session: Session, kind: Kind, record_id: uuid.UUID) -> list[Step]:
    e = kind.event
    rows = session.execute(
        sa.select(e.from_status, e.to_status, e.at, Staff.display_name, e.reason)
        .outerjoin(Staff, Staff.id == e.staff_id)
        .where(getattr(e, kind.key) == record_id)
        .order_by(e.at, e.id)
    )
    return [Step(a, b, at, name or "", reason) for a, b, at, name, reason in rows]


@dataclass(frozen=True)
class History:
    status: str
    version: int
    steps: tuple[Step, ...]
    revert_to: str | None  # where a revert would take it now, None if the last step is not revertible


@access.requires("patient.read")
def history(*, session: Session, kind: str, record_id: uuid.UUID | str) -> History:
    """A record's lifecycle events, oldest first, and whether its last step may be reverted."""
    k = KINDS[kind]
    row: Any = fetch(session, k.model, record_id, kind)
    fetch_patient(session, row.patient_id)  # the patient's record may be restricted
    steps = _steps(session, k, row.id)
    return History(
        row.status, row.version, tuple(steps), revert_target(k.lifecycle, row.status, steps[-1] if steps else None)
    )


@access.requires("clinical.write")
def revert(
    *,
    session: Session,
    kind: str,
    record_id: uuid.UUID | str,
    reason: str,
    expected_version: int | None = None,
) -> tuple[str, Changes]:
    """Revert a record's last step (a mistaken click) to the status before it.

    The revert is a new lifecycle event carrying the reason, plus an audit entry saying what was
    reverted and why; the mistaken event stays in the history. Returns the status it went back to.
    """
    k = KINDS[kind]
    row: Any = fetch(session, k.model, record_id, kind)
    check_version(row, expected_version, kind)
    why = REASON(reason, required=True)
    steps = _steps(session, k, row.id)
    target = revert_target(k.lifecycle, row.status, steps[-1] if steps else None)
    if target is None:
        raise DomainError("Its last step (to '{status}') cannot be reverted.", status=row.status)
    old = row.status
    for name in k.lifecycle.reverts[old]:
        setattr(row, name, None)
    row.status = target
    session.flush()
    session.add(
        k.event(
            patient_id=row.patient_id,
            **{k.key: row.id},
            from_status=old,
            to_status=target,
            at=now_utc(),
            staff_id=access.actor_of(session).staff_id,
            reason=why,
        )
    )
    audit.record(
        session=session,
        action="revert",
        table=k.model.__tablename__,
        record_id=row.id,
        patient_id=row.patient_id,
        detail={"from": old, "to": target, "reason": why},
    )
    return target, k.changes
