"""A patient with a full chart, and helpers to read back the text of a PDF."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from pypdf import PdfReader

PRINT_DAY = date(2025, 9, 1)
ITEMS_1 = {"1": 4, "2": 3, "3": 3, "4": 4, "5a": 3, "6": 3, "7": 4, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}  # 41
ITEMS_2 = {"1": 3, "2": 3, "3": 3, "4": 3, "5a": 3, "6": 3, "7": 3, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}  # 38


@dataclass(frozen=True)
class Rich:
    patient_id: uuid.UUID
    mrn: str
    referral_id: uuid.UUID
    diet_id: uuid.UUID
    routine_id: uuid.UUID


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


@pytest.fixture
def rich(db, patient) -> Rich:  # type: ignore[no-untyped-def]
    """The fixture patient with two visits, medications, a referral and two programs (one investigational)."""
    from alsdesk.services import assessments, clinic, medications, notes, programs, referrals, therapy

    with db.write() as s:
        clinic.save_clinic(session=s, name="Lecheng ALS Clinic", address="1 Boao Road", phone="0898-1234567")
        assessments.record_assessment(
            session=s,
            patient_id=patient.id,
            assessed_on=date(2025, 7, 1),
            items=ITEMS_1,
            fvc_percent=82.0,
            weight_kg=60.0,
        )
        assessments.record_assessment(
            session=s,
            patient_id=patient.id,
            assessed_on=date(2025, 8, 20),
            items=ITEMS_2,
            fvc_percent=71.0,
            weight_kg=57.5,
            note="Walks with a stick.",
        )
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code="riluzole",
            started_on=date(2025, 6, 10),
            dose="50 mg twice daily",
            acknowledge_warnings=True,  # no baseline ALT on record
        )
        ref, _ = referrals.create_referral(
            session=s,
            patient_id=patient.id,
            to_specialty="respiratory_medicine",
            reason="FVC falling; discuss NIV.",
            referral_date=date(2025, 8, 21),
            to_facility="Haikou People's Hospital",
            urgency="urgent",
            questions="Is NIV indicated now?",
        )
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Home exercise review",
            start_date=date(2025, 9, 3),
            interval_days=14,
            session_count=4,
        )
        notes.add_note(
            session=s,
            patient_id=patient.id,
            kind="education",
            occurred_on=date(2025, 8, 20),
            text="Talked about breathing.",
            topic="Breathing exercises at home",
        )
        diet, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="low_glutamate_diet", start_date=date(2025, 9, 2)
        )
        routine, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="daily_routine", start_date=date(2025, 9, 2)
        )
    return Rich(patient.id, patient.mrn, ref.id, diet.id, routine.id)
