"""Allergies and intolerances, and the confirmation that a patient has none known.

Three states a letter must tell apart: allergies recorded; "no known allergies", confirmed by
someone on a day; and nothing recorded either way. Recording an allergy ends a confirmation of
none; confirming none is refused while an allergy stands. A record is never deleted: one entered
in error, or no longer current, keeps its row with that status (the audit trail has who and when).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Allergy
from alsdesk.services.access import requires
from alsdesk.services.audit import check_version
from alsdesk.services.common import Changes, Day, RecordRules, Text, check_choice, fetch, rows_where
from alsdesk.services.restricted import fetch_patient, opened_patient_id
from alsdesk.vocab import ALLERGY_SEVERITY, ALLERGY_STATUS

SUBSTANCE = Text("Substance", 200, required=True, line=True)
REACTION = Text("Reaction", 500)
RECORDED_ON = Day("Recorded on", past=True)
NO_KNOWN_ON = Day("No known allergies confirmed on", past=True)
RULES: RecordRules = {"substance": SUBSTANCE, "reaction": REACTION, "recorded_on": RECORDED_ON}
ENDED = tuple(s for s in ALLERGY_STATUS if s != "active")


@dataclass(frozen=True)
class AllergyView:
    id: uuid.UUID
    patient_id: uuid.UUID
    substance: str
    reaction: str
    severity: str
    status: str
    recorded_on: date
    staff_id: uuid.UUID | None
    version: int


@dataclass(frozen=True)
class AllergyState:
    """What a letter prints: the active allergies, else whether "no known allergies" was
    confirmed (and on which day), else nothing recorded (both empty)."""

    allergies: tuple[AllergyView, ...]
    no_known_since: date | None

    @property
    def recorded(self) -> bool:
        return bool(self.allergies) or self.no_known_since is not None


def allergy_view(a: Allergy) -> AllergyView:
    return AllergyView(
        a.id, a.patient_id, a.substance, a.reaction, a.severity, a.status, a.recorded_on, a.staff_id, a.version
    )


@requires("clinical.write")
def add_allergy(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    substance: str,
    recorded_on: date | None,  # None (left blank) is refused with a message naming the field
    reaction: str = "",
    severity: str = "unknown",
    staff_id: uuid.UUID | None = None,
) -> tuple[AllergyView, Changes]:
    patient = fetch_patient(session, patient_id)
    a = Allergy(
        patient_id=patient.id,
        substance=SUBSTANCE(substance),
        reaction=REACTION(reaction),
        severity=check_choice(severity, ALLERGY_SEVERITY, "Severity"),
        status="active",
        recorded_on=RECORDED_ON(recorded_on, patient.birth_date),
        staff_id=staff_id,
    )
    session.add(a)
    patient.allergies_checked_on = None  # "no known allergies" is no longer true
    session.flush()
    return allergy_view(a), Changes(patients=True, worklist=False)


@requires("clinical.write")
def update_allergy(
    *,
    session: Session,
    allergy_id: uuid.UUID | str,
    expected_version: int | None = None,
    substance: str | None = None,
    reaction: str | None = None,
    severity: str | None = None,
    recorded_on: date | None = None,
) -> tuple[AllergyView, Changes]:
    """Correct an active allergy; a field given as None stays as it is."""
    a = _fetch(session, allergy_id)
    check_version(a, expected_version, "allergy")
    if a.status != "active":
        raise DomainError("Only an active allergy can be changed; this one is {status}.", status=a.status)
    patient = fetch_patient(session, a.patient_id)
    if substance is not None:
        a.substance = SUBSTANCE(substance)
    if reaction is not None:
        a.reaction = REACTION(reaction)
    if severity is not None:
        a.severity = check_choice(severity, ALLERGY_SEVERITY, "Severity")
    if recorded_on is not None:
        a.recorded_on = RECORDED_ON(recorded_on, patient.birth_date)
    session.flush()
    return allergy_view(a), Changes(patients=True, worklist=False)


@requires("clinical.write")
def remove_allergy(
    *,
    session: Session,
    allergy_id: uuid.UUID | str,
    status: str = "entered_in_error",
    expected_version: int | None = None,
) -> tuple[AllergyView, Changes]:
    """Take an allergy off the list: entered in error, or resolved. The row stays, with its status."""
    a = _fetch(session, allergy_id)
    check_version(a, expected_version, "allergy")
    a.status = check_choice(status, ENDED, "Status")
    session.flush()
    return allergy_view(a), Changes(patients=True, worklist=False)


@requires("clinical.write")
def confirm_no_known_allergies(*, session: Session, patient_id: uuid.UUID | str, on: date | None) -> Changes:
    """Record that the patient was asked and has no known allergies, on day `on`."""
    patient = fetch_patient(session, patient_id)
    day = NO_KNOWN_ON(on, patient.birth_date)
    if _active(session, patient.id):
        raise DomainError("No known allergies: this patient has allergies recorded; remove them first.")
    patient.allergies_checked_on = day
    return Changes(patients=True, worklist=False)


@requires("patient.read")
def list_allergies(*, session: Session, patient_id: uuid.UUID | str, include_ended: bool = False) -> list[AllergyView]:
    """The patient's allergies, most severe first (then by substance); ended ones only if asked."""
    pid = opened_patient_id(session, patient_id)  # exists, and may be opened by this actor
    # Read as columns (storage.reader): a chart window reads them with each chart.
    found = [
        a for a in rows_where(session, Allergy, "patient_id", pid, "substance") if include_ended or a.status == "active"
    ]
    rank = {s: i for i, s in enumerate(("severe", "moderate", "mild", "unknown"))}
    rows = sorted(found, key=lambda a: (a.status != "active", rank[a.severity], a.substance.casefold()))
    return [allergy_view(a) for a in rows]


@requires("patient.read")
def allergy_state(*, session: Session, patient_id: uuid.UUID | str) -> AllergyState:
    """For a referral letter: the active allergies, or "no known allergies" since a day, or neither."""
    patient = fetch_patient(session, patient_id)
    found = tuple(list_allergies(session=session, patient_id=patient.id))
    return AllergyState(found, None if found else patient.allergies_checked_on)


def _active(session: Session, patient_id: uuid.UUID) -> bool:
    stmt = sa.select(Allergy.id).where(Allergy.patient_id == patient_id, Allergy.status == "active").limit(1)
    return session.scalar(stmt) is not None


def _fetch(session: Session, allergy_id: uuid.UUID | str) -> Allergy:
    a = fetch(session, Allergy, allergy_id, "allergy")
    fetch_patient(session, a.patient_id)  # the actor may open this patient's record
    return a
