"""The advance-care-plan record (issue 13 item 7; NICE NG42 advance care planning).

A plan is kept as revisions: saving a change adds a row with the next revision number, and the
highest is the current plan. No row is changed or deleted, so the history is the rows (and the
audit trail has who saved each). Notes of the advance-care-plan kind stay notes; the history lists
them beside the revisions (`plan_history`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import AdvanceCarePlan, ClinicalNote
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, Check, Day, NotBefore, RecordRules, Text, check_choice, phone_rule
from alsdesk.services.restricted import fetch_patient, opened_patient_id
from alsdesk.vocab import ADRT_REFUSES, CARE_PLACES, DECIDERS, RESUSCITATION

RECORDED_ON = Day("Recorded on", past=True)
PREFERENCES = Text("Preferences and wishes", 5000)
ADRT_TEXT = Text("What the advance decision refuses", 1000)
RESUSCITATION_ON = Day("Date of the resuscitation decision", past=True)
CARE_PLACE_TEXT = Text("Preferred place of care (details)", 300, line=True)
DEATH_PLACE_TEXT = Text("Preferred place of death (details)", 300, line=True)
DECIDER_NAME = Text("Name of the person with authority to decide", 200, line=True)
DECIDER_RELATIONSHIP = Text("Relationship of the person with authority to decide", 100, line=True)
DECIDER_PHONE = phone_rule("Phone of the person with authority to decide")
REVIEW_ON = NotBefore(Day("Review date"), ("recorded_on",))


def refused_codes(codes: object) -> str:
    """What an ADRT refuses, as stored: known codes (vocab.ADRT_REFUSES), space-separated, in order."""
    given = codes.split() if isinstance(codes, str) else codes
    if not isinstance(given, tuple | list):
        raise DomainError("Advance decision refuses must be a list of treatments.")
    known = {check_choice(c, ADRT_REFUSES, "Advance decision refuses") for c in given}
    return " ".join(r for r in ADRT_REFUSES if r in known)


RULES: RecordRules = {
    "recorded_on": RECORDED_ON,
    "preferences": PREFERENCES,
    "adrt_refuses": Check(refused_codes),
    "adrt_text": ADRT_TEXT,
    "resuscitation_on": RESUSCITATION_ON,
    "care_place_text": CARE_PLACE_TEXT,
    "death_place_text": DEATH_PLACE_TEXT,
    "decider_name": DECIDER_NAME,
    "decider_relationship": DECIDER_RELATIONSHIP,
    "decider_phone": Check(DECIDER_PHONE),
    "review_on": REVIEW_ON,
}


@dataclass(frozen=True)
class PlanFields:
    """What staff enter for one revision (the dialog's fields; the CLI's and the demo's too)."""

    recorded_on: date | None  # None (left blank) is refused with a message naming the field
    preferences: str = ""
    adrt_in_place: bool = False
    adrt_refuses: tuple[str, ...] = ()  # vocab.ADRT_REFUSES
    adrt_text: str = ""
    resuscitation: str = "not_discussed"  # vocab.RESUSCITATION
    resuscitation_on: date | None = None  # required unless not discussed
    care_place: str | None = None  # vocab.CARE_PLACES; None: not stated
    care_place_text: str = ""  # required for "other"
    death_place: str | None = None
    death_place_text: str = ""
    decider: str = "no_one_named"  # vocab.DECIDERS
    decider_name: str = ""  # required when someone is named
    decider_relationship: str = ""
    decider_phone: str = ""
    review_on: date | None = None


NO_ID = uuid.UUID(int=0)  # PlanView's own fields follow the entered ones, so they need defaults


@dataclass(frozen=True)
class PlanView(PlanFields):
    recorded_on: date  # a stored revision always has its day
    id: uuid.UUID = NO_ID
    patient_id: uuid.UUID = NO_ID
    revision: int = 0
    staff_id: uuid.UUID | None = None


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the plan's history: a revision of the record, or a note of the plan's kind."""

    on: date
    revision: int | None  # None: a note
    text: str  # a note's text; "" for a revision


def plan_view(p: AdvanceCarePlan) -> PlanView:
    own = {f.name: getattr(p, f.name) for f in fields(PlanFields)}
    own["adrt_refuses"] = tuple(p.adrt_refuses.split())
    return PlanView(**own, id=p.id, patient_id=p.patient_id, revision=p.revision, staff_id=p.staff_id)


def checked(f: PlanFields, birth: date, previous: date | None) -> dict[str, object]:
    """The fields as stored, each checked; a refusal names the field. Cross-field rules: an ADRT in
    place says what it refuses; a resuscitation decision has its date; "other" places say which;
    a person with authority has a name; the review is not before the plan."""
    recorded_on = RECORDED_ON(f.recorded_on, birth, not_before=previous)
    refuses = refused_codes(f.adrt_refuses)
    adrt_text = ADRT_TEXT(f.adrt_text)
    if f.adrt_in_place and not (refuses or adrt_text):
        raise DomainError("Advance decision to refuse treatment: say what it refuses.")
    if not f.adrt_in_place and (refuses or adrt_text):
        raise DomainError("Advance decision to refuse treatment: none is in place, so it refuses nothing.")
    resuscitation = check_choice(f.resuscitation, RESUSCITATION, "Resuscitation decision")
    discussed = resuscitation != "not_discussed"
    if discussed and f.resuscitation_on is None:
        raise DomainError("Date of the resuscitation decision is required.")
    if not discussed and f.resuscitation_on is not None:
        raise DomainError("Date of the resuscitation decision: leave it empty, it was not discussed.")
    out: dict[str, object] = {
        "recorded_on": recorded_on,
        "preferences": PREFERENCES(f.preferences),
        "adrt_in_place": bool(f.adrt_in_place),
        "adrt_refuses": refuses,
        "adrt_text": adrt_text,
        "resuscitation": resuscitation,
        "resuscitation_on": RESUSCITATION_ON(f.resuscitation_on, birth) if discussed else None,
    }
    if f.care_place is not None:
        check_choice(f.care_place, CARE_PLACES, "Preferred place of care")
    if f.death_place is not None:
        check_choice(f.death_place, CARE_PLACES, "Preferred place of death")
    out |= {
        "care_place": f.care_place,
        "care_place_text": CARE_PLACE_TEXT(f.care_place_text, required=f.care_place == "other"),
        "death_place": f.death_place,
        "death_place_text": DEATH_PLACE_TEXT(f.death_place_text, required=f.death_place == "other"),
    }
    decider = check_choice(f.decider, DECIDERS, "Person with authority to decide")
    named = decider != "no_one_named"
    out |= {
        "decider": decider,
        "decider_name": DECIDER_NAME(f.decider_name, required=named),
        "decider_relationship": DECIDER_RELATIONSHIP(f.decider_relationship),
        "decider_phone": DECIDER_PHONE(f.decider_phone),
    }
    if not named and (out["decider_name"] or out["decider_relationship"] or out["decider_phone"]):
        raise DomainError("Person with authority to decide: no one is named, so leave the name and phone empty.")
    out["review_on"] = None if f.review_on is None else REVIEW_ON(f.review_on, recorded_on, birth=birth)
    return out


@requires("clinical.write")
def record_plan(
    *, session: Session, patient_id: uuid.UUID | str, plan: PlanFields, staff_id: uuid.UUID | None = None
) -> tuple[PlanView, Changes]:
    """Save a new revision of the patient's plan (the first, or a change to the current one)."""
    patient = fetch_patient(session, patient_id)
    latest = _latest(session, patient.id)
    row = AdvanceCarePlan(
        patient_id=patient.id,
        revision=1 if latest is None else latest.revision + 1,
        staff_id=staff_id,
        **checked(plan, patient.birth_date, None if latest is None else latest.recorded_on),
    )
    session.add(row)
    session.flush()
    return plan_view(row), Changes(notes=True, worklist=False)


@requires("patient.read")
def current_plan(*, session: Session, patient_id: uuid.UUID | str) -> PlanView | None:
    """The patient's current plan (the highest revision), None when none is recorded."""
    latest = _latest(session, opened_patient_id(session, patient_id))
    return None if latest is None else plan_view(latest)


@requires("patient.read")
def revisions(*, session: Session, patient_id: uuid.UUID | str) -> list[PlanView]:
    """Every revision, the current one first."""
    pid = opened_patient_id(session, patient_id)
    stmt = sa.select(AdvanceCarePlan).where(AdvanceCarePlan.patient_id == pid)
    return [plan_view(p) for p in session.scalars(stmt.order_by(AdvanceCarePlan.revision.desc()))]


@requires("patient.read")
def plan_history(*, session: Session, patient_id: uuid.UUID | str) -> list[HistoryEntry]:
    """The revisions and the notes of the advance-care-plan kind, the latest first (by date; on the
    same day a revision before a note, and a later revision first)."""
    pid = opened_patient_id(session, patient_id)
    plans = [HistoryEntry(p.recorded_on, p.revision, "") for p in revisions(session=session, patient_id=pid)]
    stmt = sa.select(ClinicalNote.occurred_on, ClinicalNote.text).where(
        ClinicalNote.patient_id == pid, ClinicalNote.kind == "advance_care_plan"
    )
    notes = [HistoryEntry(on, None, text) for on, text in session.execute(stmt)]
    return sorted(plans + notes, key=lambda e: (e.on, e.revision or 0), reverse=True)


def _latest(session: Session, patient_id: uuid.UUID) -> AdvanceCarePlan | None:
    stmt = sa.select(AdvanceCarePlan).where(AdvanceCarePlan.patient_id == patient_id)
    return session.scalars(stmt.order_by(AdvanceCarePlan.revision.desc()).limit(1)).first()
