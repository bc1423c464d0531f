"""Referrals between specialties and facilities: lifecycle, follow-up dates, responses."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Referral, ReferralEvent
from alsdesk.models.referral import reference as reference  # the rule, named where callers look
from alsdesk.services import lifecycle
from alsdesk.services.access import requires
from alsdesk.services.audit import check_version
from alsdesk.services.common import (
    Changes,
    Day,
    NotBefore,
    RecordRules,
    Text,
    check_choice,
    check_time,
    fetch,
    now_utc,
)
from alsdesk.services.restricted import fetch_patient
from alsdesk.services.setting_values import load_settings
from alsdesk.vocab import DISCIPLINES, URGENCY

AWAITING_RESPONSE = ("sent", "received")

# What someone types for a reference: "R-1A2B3C", any case, spaces around or a space for the dash.
_TYPED_REFERENCE = re.compile(r"^\s*[rR][-\s]?([0-9a-fA-F]{6})\s*$")


def parse_reference(text: str) -> str | None:
    """`text` as a stored reference ("r-1a2b3c" → "R-1A2B3C"), or None if it is not one."""
    m = _TYPED_REFERENCE.match(text)
    return None if m is None else f"R-{m.group(1).upper()}"


@dataclass(frozen=True)
class ReferralView:
    id: uuid.UUID
    patient_id: uuid.UUID
    referral_date: date
    from_specialty: str
    to_specialty: str
    to_facility: str
    to_person: str
    reason: str
    urgency: str
    requested_service: str
    questions: str
    status: str
    sent_on: date | None
    follow_up_on: date | None
    appointment_on: date | None
    reply_on: date | None
    findings: str
    recommendations: str
    version: int
    # The short number on the letter and its reply slip (`reference`).
    reference: str = ""
    appointment_time: time | None = None  # the appointment's start, when known

    @property
    def fhir_status(self) -> str:
        return lifecycle.FHIR_TASK_STATUS[self.status]

    @property
    def next_actions(self) -> tuple[str, ...]:
        return lifecycle.REFERRAL.allowed(self.status)


REFERRAL_DATE = Day("Referral date")
FACILITY = Text("Facility", 200, line=True)
RECIPIENT = Text("Recipient", 200, line=True)
REASON = Text("Reason", 5000, required=True)
SERVICE = Text("Requested service", 300)
QUESTIONS = Text("Questions", 5000)
FINDINGS = Text("Findings", 20000)
RECOMMENDATIONS = Text("Recommendations", 20000)
# Every step's date is not before the referral's; an appointment is booked on or after the step
# that books it (itself not before the referral date, the bound the stored record can show); a
# follow-up is not before the referral was sent.
STEP_DATE = NotBefore(Day("Date", from_birth=False), ("referral_date",))
APPOINTMENT_ON = NotBefore(Day("Appointment date", from_birth=False), ("referral_date",))
APPOINTMENT_TIME = "Start time"  # the field a bad time is refused under (common.check_time)
FOLLOW_UP_ON = NotBefore(Day("Follow-up date", from_birth=False), ("sent_on", "referral_date"))
RULES: RecordRules = {
    "referral_date": REFERRAL_DATE,
    "sent_on": STEP_DATE,
    "reply_on": STEP_DATE,
    "appointment_on": APPOINTMENT_ON,
    "follow_up_on": FOLLOW_UP_ON,
    "to_facility": FACILITY,
    "to_person": RECIPIENT,
    "reason": REASON,
    "requested_service": SERVICE,
    "questions": QUESTIONS,
    "findings": FINDINGS,
    "recommendations": RECOMMENDATIONS,
}


def referral_view(r: Referral) -> ReferralView:
    return ReferralView(
        r.id,
        r.patient_id,
        r.referral_date,
        r.from_specialty,
        r.to_specialty,
        r.to_facility,
        r.to_person,
        r.reason,
        r.urgency,
        r.requested_service,
        r.questions,
        r.status,
        r.sent_on,
        r.follow_up_on,
        r.appointment_on,
        r.reply_on,
        r.findings,
        r.recommendations,
        r.version,
        reference(r.id),
        r.appointment_time,
    )


def follow_up_date(*, sent_on: date, urgency: str, settings: dict[str, float]) -> date:
    """Follow up 14 days after sending a routine referral, 3 days an urgent one (domain.md)."""
    key = "referral_followup_urgent_days" if urgency == "urgent" else "referral_followup_routine_days"
    return sent_on + timedelta(days=int(settings[key]))


def _record(session: Session, r: Referral, old: str | None, staff_id: uuid.UUID | None) -> None:
    session.add(
        ReferralEvent(
            patient_id=r.patient_id,
            referral_id=r.id,
            from_status=old,
            to_status=r.status,
            at=now_utc(),
            staff_id=staff_id,
        )
    )


@requires("care.write")
def create_referral(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    to_specialty: str,
    reason: str,
    referral_date: date,
    from_specialty: str = "neurology",
    to_facility: str = "",
    to_person: str = "",
    urgency: str = "routine",
    requested_service: str = "",
    questions: str = "",
    staff_id: uuid.UUID | None = None,
) -> tuple[ReferralView, Changes]:
    """A draft referral; `send_referral` sends it and sets the follow-up date."""
    patient = fetch_patient(session, patient_id)
    r = Referral(
        patient_id=patient.id,
        referral_date=REFERRAL_DATE(referral_date, patient.birth_date),
        from_specialty=check_choice(from_specialty, DISCIPLINES, "From specialty"),
        to_specialty=check_choice(to_specialty, DISCIPLINES, "To specialty"),
        to_facility=FACILITY(to_facility),
        to_person=RECIPIENT(to_person),
        reason=REASON(reason),
        urgency=check_choice(urgency, URGENCY, "Urgency"),
        requested_service=SERVICE(requested_service),
        questions=QUESTIONS(questions),
        status="draft",
        staff_id=staff_id,
    )
    session.add(r)
    session.flush()
    _record(session, r, None, staff_id)
    return referral_view(r), Changes(referrals=True)


@requires("care.write")
def advance_referral(
    *,
    session: Session,
    referral_id: uuid.UUID | str,
    to: str,
    on: date,
    expected_version: int | None = None,
    appointment_on: date | None = None,
    findings: str | None = None,
    recommendations: str | None = None,
    staff_id: uuid.UUID | None = None,
    appointment_time: time | None = None,
) -> tuple[ReferralView, Changes]:
    """Move a referral along its lifecycle; replies (accept, decline, complete) record the response.
    Scheduling records the appointment's day and, when known, its start time (the place is the
    referral's facility)."""
    r = fetch(session, Referral, referral_id, "referral")
    check_version(r, expected_version, "referral")
    lifecycle.REFERRAL.check(r.status, to)
    STEP_DATE(on, r.referral_date)
    if to == "sent":
        r.sent_on = on
        r.follow_up_on = follow_up_date(sent_on=on, urgency=r.urgency, settings=load_settings(session=session))
    if to in ("received", "accepted", "declined", "completed") and r.reply_on is None:
        r.reply_on = on
    if to == "scheduled":
        if appointment_on is None:
            raise DomainError("Scheduling a referral needs the appointment date.")
        r.appointment_on = APPOINTMENT_ON(appointment_on, on)
        r.appointment_time = check_time(appointment_time, APPOINTMENT_TIME)
    if findings is not None:
        r.findings = FINDINGS(findings)
    if recommendations is not None:
        r.recommendations = RECOMMENDATIONS(recommendations)
    old, r.status = r.status, to
    session.flush()
    _record(session, r, old, staff_id)
    return referral_view(r), Changes(referrals=True, schedule=to == "scheduled")


@requires("care.write")
def set_appointment(
    *,
    session: Session,
    referral_id: uuid.UUID | str,
    on: date,
    at: time | None = None,
    expected_version: int | None = None,
) -> tuple[ReferralView, Changes]:
    """Move a scheduled referral's appointment to `on` at `at` (None: no time known); the same day
    with another time changes only the time. The date rule is the one scheduling applies."""
    r = fetch(session, Referral, referral_id, "referral")
    check_version(r, expected_version, "referral")
    if r.status != "scheduled":
        raise DomainError(
            "Only a scheduled referral has an appointment to move (this one is '{status}').", status=r.status
        )
    r.appointment_on = APPOINTMENT_ON(on, r.referral_date)
    r.appointment_time = check_time(at, APPOINTMENT_TIME)
    return referral_view(r), Changes(referrals=True, schedule=True)


@requires("care.write")
def set_follow_up(
    *, session: Session, referral_id: uuid.UUID | str, on: date, expected_version: int | None = None
) -> tuple[ReferralView, Changes]:
    r = fetch(session, Referral, referral_id, "referral")
    check_version(r, expected_version, "referral")
    if r.status not in AWAITING_RESPONSE:
        raise DomainError("Only a referral awaiting a response has a follow-up date.")
    r.follow_up_on = FOLLOW_UP_ON(on, r.sent_on, r.referral_date)
    return referral_view(r), Changes(referrals=True)


@requires("patient.read")
def list_referrals(*, session: Session, patient_id: uuid.UUID | str) -> list[ReferralView]:
    fetch_patient(session, patient_id)  # exists, and may be opened by this actor
    rows = session.scalars(
        sa.select(Referral).where(Referral.patient_id == uuid.UUID(str(patient_id))).order_by(Referral.referral_date)
    )
    return [referral_view(r) for r in rows]


@requires("patient.read")
def find_by_reference(*, session: Session, text: str) -> list[ReferralView]:
    """The referrals whose reference is `text` (typed in any case, with or without the dash); an
    index lookup. Two referrals sharing one (a one in 16 million chance) are both returned."""
    ref = parse_reference(text)
    if ref is None:
        return []
    rows = session.scalars(sa.select(Referral).where(Referral.reference == ref).order_by(Referral.referral_date))
    return [referral_view(r) for r in rows]
