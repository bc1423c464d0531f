"""Clinical notes, education and counselling sessions, shared decisions and care planning."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import ClinicalNote
from alsdesk.services import access
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, Day, RecordRules, Text, check_choice
from alsdesk.services.restricted import fetch_patient
from alsdesk.vocab import NOTE_KIND

DATE = Day("Date", past=True)
TOPIC = Text("Topic", 200, line=True)
TEXT = Text("Text", 50000, required=True)
RULES: RecordRules = {"occurred_on": DATE, "topic": TOPIC, "text": TEXT}


@dataclass(frozen=True)
class NoteView:
    id: uuid.UUID
    patient_id: uuid.UUID
    kind: str
    occurred_on: date
    topic: str
    text: str
    staff_id: uuid.UUID | None


def add_note(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    kind: str,
    occurred_on: date | None,  # None (left blank) is refused with a message naming the field
    text: str,
    topic: str = "",
    staff_id: uuid.UUID | None = None,
) -> tuple[NoteView, Changes]:
    # Education and counselling sessions are recorded by the care team; clinical notes and
    # decisions by clinicians.
    access.check(session, "care.write" if kind in ("education", "counselling") else "clinical.write")
    patient = fetch_patient(session, patient_id)
    n = ClinicalNote(
        patient_id=patient.id,
        kind=check_choice(kind, NOTE_KIND, "Kind of note"),
        occurred_on=DATE(occurred_on, patient.birth_date),
        topic=TOPIC(topic, required=kind in ("education", "counselling")),
        text=TEXT(text),
        staff_id=staff_id,
    )
    session.add(n)
    session.flush()
    return note_view(n), Changes(notes=True, worklist=False)


def note_view(n: ClinicalNote) -> NoteView:
    return NoteView(n.id, n.patient_id, n.kind, n.occurred_on, n.topic, n.text, n.staff_id)


@requires("patient.read")
def list_notes(*, session: Session, patient_id: uuid.UUID | str) -> list[NoteView]:
    fetch_patient(session, patient_id)  # exists, and may be opened by this actor
    rows = session.scalars(
        sa.select(ClinicalNote)
        .where(ClinicalNote.patient_id == uuid.UUID(str(patient_id)))
        .order_by(ClinicalNote.occurred_on.desc())
    )
    return [note_view(n) for n in rows]
