"""Doses in files: export format 6 carries a course's dose as fields and its English words as
`dose`; a format 5 file's dose text is read as typed doses are (or kept as the note); FHIR gets a
structured Dosage that parses as R4B."""

from __future__ import annotations

import copy
import io
import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from fhir.resources.R4B.bundle import Bundle

from alsdesk import demo, exchange
from alsdesk.exchange import fhir
from alsdesk.models import Medication
from alsdesk.services import medications
from alsdesk.services.doses import Dose, dose_of

ANCHOR = date(2026, 3, 1)
FIELDS = ("dose_amount", "dose_unit", "dose_route", "dose_frequency", "dose_regimen", "dose_note")


def _document() -> dict[str, Any]:
    doc = demo.demo_document(patients=12, seed=4, anchor=ANCHOR)
    assert sum(len(p["records"]["medication"]) for p in doc["patients"]) >= 3, "the demo holds courses"
    return doc


def _courses(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for p in doc["patients"] for m in p["records"]["medication"]]


def _stored(db) -> dict[str, Dose]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return {str(m.id): dose_of(m) for m in s.scalars(sa.select(Medication))}


def test_a_version_5_file_has_its_dose_texts_read_or_kept_as_the_note(db) -> None:  # type: ignore[no-untyped-def]
    doc = _document()
    old = copy.deepcopy(doc)
    old["version"] = 5
    typed = ["50 mg bd", "100 mg 鞘内注射", "as the neurologist advised"]
    for i, m in enumerate(_courses(old)):
        for field in FIELDS:
            del m[field]
        m["dose"] = typed[i % len(typed)]
    with db.write() as s:
        exchange.import_document(session=s, document=old)
    stored = _stored(db)
    read = [stored[m["id"]] for m in _courses(old)]
    expected = {
        "50 mg bd": Dose(50.0, "mg", "", "twice_daily"),
        "100 mg 鞘内注射": Dose(100.0, "mg", "intrathecal"),
        "as the neurologist advised": Dose(note="as the neurologist advised"),
    }
    assert read == [expected[typed[i % len(typed)]] for i in range(len(read))]


def test_format_6_carries_the_fields_and_the_dose_in_english(db) -> None:  # type: ignore[no-untyped-def]
    doc = _document()
    assert doc["version"] == exchange.VERSION >= 6  # fields since format 6
    changed = copy.deepcopy(doc)
    for m in _courses(changed):
        m["dose"] = "not read: the fields are"
    with db.write() as s:
        exchange.import_document(session=s, document=changed)
    with db.read() as s:
        out = exchange.export_document(session=s)
    courses = {m["id"]: m for m in _courses(out)}
    for m in _courses(doc):  # what the file said, field by field; `dose` written again from them
        assert {f: courses[m["id"]][f] for f in (*FIELDS, "dose")} == {f: m[f] for f in (*FIELDS, "dose")}
    riluzole = next(m for m in courses.values() if m["drug_code"] == "riluzole")
    assert riluzole["dose"] == "50 mg by mouth twice a day"


def test_fhir_medication_requests_carry_a_structured_dosage(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        for code, dose in (
            ("riluzole", ""),
            ("tofersen", ""),
            ("baclofen", Dose(2.0, "tablet", "feeding_tube", "as_needed", note="crushed")),
            ("gabapentin", "300 mg with the evening meal"),
        ):
            medications.prescribe(
                session=s,
                patient_id=patient.id,
                drug_code=code,
                started_on=date(2025, 7, 1),
                dose=dose,
                acknowledge_warnings=True,
            )
    out = io.StringIO()
    with db.write() as s:
        fhir.write_collection(session=s, out=out)
    document = json.loads(out.getvalue())
    Bundle.model_validate(document)  # parses as R4B
    requests = {
        e["resource"]["medicationCodeableConcept"]["coding"][0]["code"]: e["resource"]["dosageInstruction"][0]
        for e in document["entry"]
        if e["resource"]["resourceType"] == "MedicationRequest"
    }
    riluzole = requests["riluzole"]
    assert riluzole["text"] == "50 mg by mouth twice a day"
    assert riluzole["doseAndRate"] == [
        {"doseQuantity": {"value": 50.0, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}
    ]
    assert riluzole["route"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "26643006", "display": "Oral route"}
    ]
    assert riluzole["timing"]["repeat"] == {
        "boundsPeriod": {"start": "2025-07-01"},
        "frequency": 2,
        "period": 1,
        "periodUnit": "d",
    }
    assert requests["tofersen"]["timing"]["repeat"]["period"] == 28
    assert requests["tofersen"]["route"]["coding"][0]["code"] == "72607000"  # intrathecal
    baclofen = requests["baclofen"]
    assert baclofen["asNeededBoolean"] is True and baclofen["doseAndRate"][0]["doseQuantity"]["code"] == "{tablet}"
    assert baclofen["text"] == "2 tablets via feeding tube when needed; crushed"
    gabapentin = requests["gabapentin"]  # text only: nothing structured to say
    assert gabapentin["text"] == "300 mg with the evening meal" and "doseAndRate" not in gabapentin
