"""FHIR import (issue 14 item 4), on SQLite and PostgreSQL: our own export read back into an empty
clinic gives the same patients, diagnoses, ALSFRS-R items and totals, FVC, weight, lab results and
courses;
a second import adds nothing; a match by name alone needs confirming; any bad resource imports
nothing and is named by its entry and field; what is not read is counted."""

from __future__ import annotations

import copy
import io
import json
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.errors import DomainError
from alsdesk.exchange import fhir
from alsdesk.exchange.fhir.importing import import_bundle
from alsdesk.exchange.fhir.reading import observation_skipped
from alsdesk.models import Assessment, AuditEntry, Medication, Patient
from alsdesk.services import patients
from alsdesk.services.scoring import ITEM_KEYS, alsfrs_total

ANCHOR = date(2026, 6, 1)
MEASURES = ("fvc_percent", "snip_cmh2o", "spo2_percent", "weight_kg", "height_cm")
PATIENT_FIELDS = (
    "mrn",
    "family_name",
    "given_name",
    "name_zh",
    "sex",
    "birth_date",
    "phone",
    "address",
    "caregiver_name",
    "caregiver_phone",
    "caregiver_relation",
    "language",
    "archived",
    "death_date",
)
DIAGNOSIS_FIELDS = ("onset_date", "diagnosis_date", "onset_region", "el_escorial", "genetics")


@pytest.fixture
def clinic(db):  # type: ignore[no-untyped-def]
    with db.write() as s:
        demo.load_demo(session=s, patients=12, seed=5, anchor=ANCHOR)
    return db


def fhir_export(db) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with db.write() as s:
        fhir.write_collection(session=s, out=out)
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def wipe(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.models import PATIENT_RECORDS, PatientSearchKey

    with db.write() as s:
        for model in (*reversed(PATIENT_RECORDS), PatientSearchKey, Patient):
            s.execute(sa.delete(model))


def status_in_fhir(p: dict[str, Any]) -> str:
    """The status a Patient and its Condition carry (palliative and discharged are not in FHIR)."""
    if p["death_date"]:
        return "deceased"
    if p["diagnosis_date"]:
        return "diagnosed"
    return "suspected" if p["status"] == "suspected" else "screening"


def what_fhir_carries(document: dict[str, Any]) -> dict[str, Any]:
    """Per MRN: the patient's fields, its diagnosis (when it has a Condition), its visits' items
    (a complete set, the only one sent as a score), total and measurements, and its courses."""
    out: dict[str, Any] = {}
    for entry in document["patients"]:
        p, records = entry["patient"], entry["records"]
        has_condition = p["diagnosis_date"] or p["status"] == "suspected"
        visits = []
        for a in records["assessment"]:
            items = {k: a[f"item_{k}"] for k in ITEM_KEYS if a[f"item_{k}"] is not None}
            try:
                total: int | None = alsfrs_total(items)
            except DomainError:
                total, items = None, {}
            measures = tuple(a[m] for m in MEASURES)
            if total is not None or any(v is not None for v in measures):
                visits.append((a["assessed_on"], total, sorted(items.items()), measures))
        courses = sorted(
            (m["drug_code"], m["dose"], m["started_on"], m["stopped_on"], m["stop_reason"])
            for m in records["medication"]
        )
        labs = sorted(
            (r["test"], r["taken_on"], r["value"], r["unit"], r["upper_limit"]) for r in records["lab_result"]
        )
        fields = {k: p[k] for k in PATIENT_FIELDS}
        if not (p["caregiver_name"] or p["caregiver_phone"]):
            fields["caregiver_relation"] = ""  # the export writes a contact only for a name or phone
        out[p["mrn"]] = {
            "patient": fields,
            "status": status_in_fhir(p),
            "diagnosis": {k: p[k] for k in DIAGNOSIS_FIELDS} if has_condition else None,
            "visits": sorted(visits, key=repr),
            "courses": courses,
            "labs": labs,
        }
    return out


def native(db) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return exchange.export_document(session=s)


def counts(db) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return tuple(s.scalar(sa.select(sa.func.count()).select_from(m)) for m in (Patient, Assessment, Medication))  # type: ignore[return-value]


def test_our_export_read_into_an_empty_clinic_is_the_same_record_and_a_second_import_adds_nothing(clinic) -> None:  # type: ignore[no-untyped-def]
    document = fhir_export(clinic)
    before = what_fhir_carries(native(clinic))
    assert any(v["visits"] for v in before.values()) and any(v["courses"] for v in before.values())
    assert any(lab[0] == "ALT" for v in before.values() for lab in v["labs"])
    assert any(v["diagnosis"] for v in before.values())
    wipe(clinic)
    with clinic.write() as s:
        result = import_bundle(session=s, document=copy.deepcopy(document))
    assert result.created == 12 and result.matched == [] and result.present == 0
    after = native(clinic)
    got = what_fhir_carries(after)
    for k in before:
        for f in before[k]:
            assert got[k][f] == before[k][f], (k, f)
    statuses = {p["patient"]["mrn"]: p["patient"]["status"] for p in after["patients"]}
    assert statuses == {mrn: v["status"] for mrn, v in before.items()}
    assert result.records == sum(
        len(p["records"][t]) for p in after["patients"] for t in ("assessment", "lab_result", "medication")
    )
    # Not read, and counted: the stages (derived), the resources outside the import's scope.
    assert result.skipped["Observation (stage, derived from ALSFRS-R)"] > 0
    assert result.skipped["CarePlan (not read)"] > 0

    n = counts(clinic)
    with clinic.write() as s:
        again = import_bundle(session=s, document=copy.deepcopy(document))
    assert again.created == 0 and again.records == 0 and again.present == result.records
    assert {m.by for m in again.matched} == {"identifier"} and len(again.matched) == 12
    assert counts(clinic) == n


def test_our_own_export_imported_back_matches_by_the_mrn_identifier_and_adds_nothing(clinic) -> None:  # type: ignore[no-untyped-def]
    n = counts(clinic)
    with clinic.write() as s:
        result = import_bundle(session=s, document=fhir_export(clinic))
    assert result.created == 0 and result.records == 0 and result.present > 0
    assert counts(clinic) == n


def one_patient(db, mrn: str = "DEMO000007") -> dict[str, Any]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with db.write() as s:
        fhir.write_collection(session=s, out=out, mrns=[mrn])
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def test_a_match_by_name_and_birth_date_is_shown_and_needs_confirming(clinic) -> None:  # type: ignore[no-untyped-def]
    document = one_patient(clinic)
    for e in document["entry"]:  # another clinic's MRN and id for the same person
        if e["resource"]["resourceType"] == "Patient":
            e["resource"]["identifier"] = [{"system": "urn:oid:1.2.3", "value": "ELSEWHERE-9"}]
            e["resource"]["id"] = "abc"
    n = counts(clinic)
    with pytest.raises(DomainError) as err, clinic.write() as s:
        import_bundle(session=s, document=copy.deepcopy(document))
    with clinic.read() as s:
        p = patients.get_by_mrn(session=s, mrn="DEMO000007")
    message = str(err.value)
    assert "DEMO000007" in message and p.family_name in message and str(p.birth_date) in message
    assert "--yes" in message and counts(clinic) == n
    with clinic.write() as s:
        result = import_bundle(session=s, document=copy.deepcopy(document), accept_name_match=True)
    assert result.created == 0 and [m.by for m in result.matched] == ["name and birth date"]
    # Its visits and courses keep the ids our export gave them: recognised, so not added twice.
    assert result.records == 0 and result.present > 0 and counts(clinic) == n


def patient_entry(document: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in document["entry"] if e["resource"]["resourceType"] == "Patient")


def panel(document: dict[str, Any]) -> dict[str, Any]:
    return next(
        e
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation" and e["resource"]["code"]["coding"][0]["code"] == "82954-9"
    )


def index_of(document: dict[str, Any], entry: dict[str, Any]) -> int:
    return next(i for i, e in enumerate(document["entry"]) if e is entry)


def _item_out_of_range(d: dict[str, Any]) -> str:
    e = panel(d)
    e["resource"]["component"][3]["valueInteger"] = 5
    e["resource"]["component"][0]["valueInteger"] += 5  # the total agrees: the item itself is refused
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Observation.component[3].valueInteger:"


def _item_below_range(d: dict[str, Any]) -> str:
    e = panel(d)
    e["resource"]["component"][1]["valueInteger"] = -1
    e["resource"]["component"][0]["valueInteger"] = sum(c["valueInteger"] for c in e["resource"]["component"][1:])
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Observation.component[1].valueInteger: ALSFRS-R item 1 must be"


def _visit_in_the_future(d: dict[str, Any]) -> str:
    e = panel(d)
    e["resource"]["effectiveDateTime"] = "2999-01-01"
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Observation.effectiveDateTime:"


def _total_disagrees(d: dict[str, Any]) -> str:
    e = panel(d)
    e["resource"]["component"][0]["valueInteger"] -= 1
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Observation.component[0].valueInteger: is "


def _no_name(d: dict[str, Any]) -> str:
    e = patient_entry(d)
    del e["resource"]["name"]
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Patient.name: must hold a family name and a given name"


def _birth_in_the_future(d: dict[str, Any]) -> str:
    e = patient_entry(d)
    e["resource"]["birthDate"] = "2999-01-01"
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Patient.birthDate:"


def _partial_birth_date(d: dict[str, Any]) -> str:
    e = patient_entry(d)
    e["resource"]["birthDate"] = "1960"
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Patient.birthDate: must be a full date"


def _not_a_resource(d: dict[str, Any]) -> str:
    e = panel(d)
    e["resource"]["subject"] = "Patient/1"  # a string where a Reference belongs
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Observation.subject:"


def _wrong_bundle_type(d: dict[str, Any]) -> str:
    d["type"] = "transaction"
    return "type: must be collection or document"


def _not_a_bundle(d: dict[str, Any]) -> str:
    d["resourceType"] = "Patient"
    return "resourceType: must be Bundle"


def _subject_elsewhere(d: dict[str, Any]) -> str:
    e = panel(d)
    e["resource"]["subject"]["reference"] = "urn:uuid:00000000-0000-0000-0000-000000000000"
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Observation.subject.reference: names no Patient"


def _weight_in_pounds(d: dict[str, Any]) -> str:
    e = next(
        e
        for e in d["entry"]
        if e["resource"]["resourceType"] == "Observation" and e["resource"]["code"]["coding"][0]["code"] == "29463-7"
    )
    e["resource"]["valueQuantity"] |= {"unit": "lb", "code": "[lb_av]"}
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) Observation.valueQuantity.code: must be 'kg'"


def _dose_missing(d: dict[str, Any]) -> str:
    e = next(e for e in d["entry"] if e["resource"]["resourceType"] == "MedicationRequest")
    del e["resource"]["dosageInstruction"][0]["text"]
    return f"entry[{index_of(d, e)}] ({e['fullUrl']}) MedicationRequest.dosageInstruction[0].text: must hold the dose"


@pytest.mark.parametrize(
    "spoil",
    [
        _item_out_of_range,
        _item_below_range,
        _visit_in_the_future,
        _total_disagrees,
        _no_name,
        _birth_in_the_future,
        _partial_birth_date,
        _not_a_resource,
        _wrong_bundle_type,
        _not_a_bundle,
        _subject_elsewhere,
        _weight_in_pounds,
        _dose_missing,
    ],
)
def test_a_bad_resource_imports_nothing_and_is_named_by_entry_and_field(clinic, spoil) -> None:  # type: ignore[no-untyped-def]
    document = one_patient(clinic)
    wipe(clinic)
    expected = spoil(document)
    with pytest.raises(DomainError) as err, clinic.write() as s:
        import_bundle(session=s, document=document)
    assert str(err.value).startswith(expected), str(err.value)
    assert counts(clinic) == (0, 0, 0)


def test_items_at_the_ends_of_the_scale_are_read(clinic) -> None:  # type: ignore[no-untyped-def]
    document = one_patient(clinic)
    wipe(clinic)
    e = panel(document)
    items = e["resource"]["component"][1:]
    for k, c in enumerate(items):
        c["valueInteger"] = 0 if k % 2 else 4
    e["resource"]["component"][0]["valueInteger"] = sum(c["valueInteger"] for c in items)
    with clinic.write() as s:
        import_bundle(session=s, document=document)
    with clinic.read() as s:
        visit = s.scalars(
            sa.select(Assessment).where(
                Assessment.assessed_on == date.fromisoformat(e["resource"]["effectiveDateTime"])
            )
        ).one()
        scores = [getattr(visit, f"item_{c['code']['coding'][0]['code']}") for c in items]
    assert scores == [0 if k % 2 else 4 for k in range(len(items))]


def test_what_is_not_read_is_counted_and_the_rest_imported(clinic) -> None:  # type: ignore[no-untyped-def]
    document = one_patient(clinic)
    wipe(clinic)
    subject = patient_entry(document)["fullUrl"]
    # Our own export's Observations this import does not read (screenings, signs).
    exported = sum(
        observation_skipped(e["resource"]) == "code not read"
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation"
    )
    document["entry"] += [
        {
            "fullUrl": "urn:uuid:6b0c3c9e-6a55-4b8f-9d0e-3f1a2b7c4e61",
            "resource": {"resourceType": "Basic", "code": {"text": "x"}},
        },
        {
            "resource": {
                "resourceType": "Observation",
                "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]},
                "subject": {"reference": subject},
                "effectiveDateTime": "2026-01-05",
                "valueQuantity": {"value": 5.1},
            }
        },
        {
            "resource": {
                "resourceType": "MedicationStatement",
                "status": "active",
                "medicationCodeableConcept": {
                    "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "35623"}]
                },
                "subject": {"reference": subject},
            }
        },
    ]
    with clinic.write() as s:
        result = import_bundle(session=s, document=document)
    assert result.created == 1 and result.records > 0
    assert result.skipped["Basic (not read)"] == 1
    assert result.skipped["Observation (code not read)"] == exported + 1
    assert result.skipped["MedicationStatement (drug code not in this clinic's catalogue)"] == 1


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("50 mg twice daily", (50.0, "mg", "oral", "twice_daily", "")),  # read into the dose's fields
        ("one puff when breathless", (None, "", "", "", "one puff when breathless")),  # kept whole as the note
    ],
)
def test_a_medication_statement_is_read_as_a_course(clinic, text, dose) -> None:  # type: ignore[no-untyped-def]
    document = one_patient(clinic)
    wipe(clinic)
    subject = patient_entry(document)["fullUrl"]
    document["entry"] = [
        patient_entry(document),
        {
            "resource": {
                "resourceType": "MedicationStatement",
                "id": "course-1",
                "status": "stopped",
                "medicationCodeableConcept": {
                    "coding": [{"system": "https://alsdesk.invalid/clinic/x/CodeSystem/drug", "code": "riluzole"}]
                },
                "subject": {"reference": subject},
                "effectivePeriod": {"start": "2025-02-01", "end": "2025-08-01"},
                "statusReason": [{"text": "nausea"}],
                "dosage": [{"text": text}],
            }
        },
    ]
    with clinic.write() as s:
        import_bundle(session=s, document=document)
    with clinic.read() as s:
        row = s.execute(
            sa.select(
                Medication.drug_code,
                Medication.dose_amount,
                Medication.dose_unit,
                Medication.dose_route,
                Medication.dose_frequency,
                Medication.dose_note,
                Medication.started_on,
                Medication.stopped_on,
                Medication.stop_reason,
            )
        ).one()
    assert tuple(row) == ("riluzole", *dose, date(2025, 2, 1), date(2025, 8, 1), "nausea")


def test_a_new_patients_mrn_taken_by_someone_else_is_refused(clinic) -> None:  # type: ignore[no-untyped-def]
    document = one_patient(clinic, "DEMO000003")
    e = patient_entry(document)
    e["resource"]["identifier"] = [{"system": "urn:oid:1.2.3", "value": "DEMO000004"}]
    e["resource"]["id"] = "abc"
    e["resource"]["name"][0]["family"] = "Someone-Else"
    n = counts(clinic)
    with (
        pytest.raises(
            DomainError, match=r"Patient\.identifier\[0\]\.value: MRN 'DEMO000004' belongs to another patient"
        ),
        clinic.write() as s,
    ):
        import_bundle(session=s, document=document)
    assert counts(clinic) == n


def test_every_import_is_audited_naming_the_format(clinic) -> None:  # type: ignore[no-untyped-def]
    document = one_patient(clinic)
    wipe(clinic)
    with clinic.write() as s:
        import_bundle(session=s, document=copy.deepcopy(document))
    with clinic.write() as s:
        import_bundle(session=s, document=copy.deepcopy(document))
    with clinic.read() as s:
        details = [
            json.loads(d) if isinstance(d, str) else d
            for d in s.scalars(sa.select(AuditEntry.detail).where(AuditEntry.action == "import"))
        ]
    fhir_imports = [d for d in details if d.get("format") == "fhir"]
    assert [(d["mrn"], d.get("matched")) for d in fhir_imports] == [("DEMO000007", None), ("DEMO000007", "identifier")]


def test_an_ips_document_is_read_like_a_collection(clinic) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with clinic.write() as s:
        fhir.write_summary(session=s, out=out, mrn="DEMO000007")
    wipe(clinic)
    with clinic.write() as s:
        result = import_bundle(session=s, document=json.loads(out.getvalue()))
    assert result.created == 1 and result.records > 0 and result.skipped["Composition (not read)"] == 1


def test_lab_results_are_read_back_with_their_unit_and_upper_limit_and_only_once(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    """ALT (LOINC 1742-6) and a test under the clinic's lab-test code, a UCUM unit, one written
    only as text, none; read back into an empty clinic as they were, and not twice."""
    from alsdesk.models import LabResult

    with clinic.write() as s:
        for row in (
            LabResult(
                patient_id=patient.id, test="ALT", taken_on=date(2026, 2, 3), value=52, unit="IU/L", upper_limit=40
            ),
            LabResult(patient_id=patient.id, test="CK", taken_on=date(2026, 2, 3), value=310, unit="U/l"),
            LabResult(patient_id=patient.id, test="NFL", taken_on=date(2026, 2, 4), value=88.5, unit=""),
        ):
            s.add(row)
    document = one_patient(clinic, patient.mrn)
    wipe(clinic)

    def labs() -> list[tuple[Any, ...]]:
        with clinic.read() as s:
            rows = s.execute(
                sa.select(LabResult.test, LabResult.taken_on, LabResult.value, LabResult.unit, LabResult.upper_limit)
            )
            return sorted(tuple(r) for r in rows)

    with clinic.write() as s:
        result = import_bundle(session=s, document=copy.deepcopy(document))
    assert result.records == 3 and "Observation (code not read)" not in result.skipped
    assert labs() == [
        ("ALT", date(2026, 2, 3), 52.0, "IU/L", 40.0),
        ("CK", date(2026, 2, 3), 310.0, "U/l", None),
        ("NFL", date(2026, 2, 4), 88.5, "", None),
    ]
    with clinic.write() as s:
        again = import_bundle(session=s, document=copy.deepcopy(document))
    assert again.records == 0 and again.present == 3 and len(labs()) == 3


def test_a_lab_value_the_entry_rules_refuse_is_named_by_its_entry_and_field(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.models import LabResult

    with clinic.write() as s:
        s.add(LabResult(patient_id=patient.id, test="ALT", taken_on=date(2026, 2, 3), value=52, unit="U/L"))
    document = one_patient(clinic, patient.mrn)
    wipe(clinic)
    lab = next(
        e
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and "valueQuantity" in e["resource"]
        and e["resource"]["code"]["coding"][0]["code"] == "1742-6"
    )
    lab["resource"]["valueQuantity"]["value"] = -3
    with clinic.write() as s, pytest.raises(exchange.ImportFileError) as err:
        import_bundle(session=s, document=document)
    message = str(err.value)
    assert f"entry[{index_of(document, lab)}]" in message and "Observation.valueQuantity.value" in message
    assert "Lab value must be a number of zero or more" in message
