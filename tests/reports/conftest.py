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


@dataclass(frozen=True)
class Span:
    """A run of text as drawn: its size in points, its baseline's place, and whether it was drawn
    fill-then-stroke (text render mode 2, the documents' bold)."""

    text: str
    size: float
    x: float
    y: float
    bold: bool


class _Reader:
    """Collects one page's spans from pypdf's visitor calls, following the text render mode."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.modes = [0]  # saved and restored with the graphics state (q, Q)

    def operator(self, op: bytes, args: list, _cm: list, _tm: list) -> None:  # type: ignore[type-arg]
        if op == b"q":
            self.modes.append(self.modes[-1])
        elif op == b"Q" and len(self.modes) > 1:
            self.modes.pop()
        elif op == b"Tr":
            self.modes[-1] = int(args[0])

    def text(self, value: str, cm: list, tm: list, _font: object, size: float) -> None:  # type: ignore[type-arg]
        if value.strip():
            # the text matrix times the current matrix: the run's place and scale on the page
            c, d, e, f = tm[2:]
            x = e * cm[0] + f * cm[2] + cm[4]
            y = e * cm[1] + f * cm[3] + cm[5]
            scale = ((c * cm[0] + d * cm[2]) ** 2 + (c * cm[1] + d * cm[3]) ** 2) ** 0.5
            self.spans.append(Span(value.strip(), round(size * scale, 2), x, y, self.modes[-1] == 2))


def pdf_spans(data: bytes) -> list[list[Span]]:
    """Each page's text runs, read back with pypdf: sizes and places as the page shows them."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        reader = _Reader()
        page.extract_text(visitor_operand_before=reader.operator, visitor_text=reader.text)
        pages.append(reader.spans)
    return pages


@pytest.fixture
def rich(db, patient) -> Rich:  # type: ignore[no-untyped-def]
    """The fixture patient with two visits, medications, a referral, two programs (one investigational)
    and an advance care plan."""
    from alsdesk.services import assessments, care_plans, clinic, medications, notes, programs, referrals, therapy
    from alsdesk.services.care_plans import PlanFields

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
        plan = PlanFields(date(2025, 8, 20), "Home", resuscitation="for_cpr", resuscitation_on=date(2025, 8, 20))
        care_plans.record_plan(session=s, patient_id=patient.id, plan=plan)
    return Rich(patient.id, patient.mrn, ref.id, diet.id, routine.id)
