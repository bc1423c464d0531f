"""FHIR export checked offline (issue 14 item 3): a demo clinic exported as a FHIR collection and
one patient as an IPS document; every resource parses with fhir.resources R4B, every reference
resolves inside its Bundle, fullUrls are unique and the same in two exports, status codes come
from their value sets, and a document starts with its Composition."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from fhir.resources.R4B.bundle import Bundle, BundleEntry

from alsdesk import demo
from alsdesk.app.exchange_files import export_to_file
from alsdesk.errors import DomainError
from alsdesk.exchange import fhir
from alsdesk.exchange.fhir.identities import resource_id
from alsdesk.models import AuditEntry
from tests.unit.fhir_value_sets import CARE_PLAN_ACTIVITY_STATUS, STATUS

ANCHOR = date(2026, 6, 1)


@pytest.fixture
def clinic(db):  # type: ignore[no-untyped-def]
    with db.write() as s:
        demo.load_demo(session=s, patients=12, seed=5, anchor=ANCHOR)
    return db


def export(db, **kwargs: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with db.write() as s:
        if "mrn" in kwargs:
            fhir.write_summary(session=s, out=out, **kwargs)
        else:
            fhir.write_collection(session=s, out=out, **kwargs)
    document: dict[str, Any] = json.loads(out.getvalue())
    Bundle.model_validate(document)  # the whole Bundle, every resource in it, parses as R4B
    return document


def references(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [r for v in value.values() for r in references(v)]
    if isinstance(value, list):
        return [r for v in value for r in references(v)]
    return []


def check_bundle(document: dict[str, Any]) -> None:
    urls = [e["fullUrl"] for e in document["entry"]]
    assert len(urls) == len(set(urls)), "fullUrls are unique"
    assert all(u == f"urn:uuid:{e['resource']['id']}" for u, e in zip(urls, document["entry"], strict=True))
    unresolved = {r for e in document["entry"] for r in references(e["resource"])} - set(urls)
    assert not unresolved, sorted(unresolved)[:3]
    for e in document["entry"]:
        r = e["resource"]
        if r["resourceType"] in STATUS:
            assert r["status"] in STATUS[r["resourceType"]], (r["resourceType"], r["status"])
        for activity in r.get("activity", []):
            assert activity["detail"]["status"] in CARE_PLAN_ACTIVITY_STATUS


def kinds(document: dict[str, Any]) -> set[str]:
    return {e["resource"]["resourceType"] for e in document["entry"]}


def test_a_demo_clinic_exports_as_a_valid_fhir_collection_with_stable_identities(clinic) -> None:  # type: ignore[no-untyped-def]
    first = export(clinic)
    assert first["type"] == "collection"
    check_bundle(first)
    # Every record type of the demo maps to its resource.
    assert {
        "Organization",
        "Patient",
        "Condition",
        "Observation",
        "QuestionnaireResponse",
        "ServiceRequest",
        "Appointment",
        "Procedure",
        "DiagnosticReport",
        "MedicationRequest",
        "CarePlan",
        "Task",
        "Flag",
        "DocumentReference",
    } <= kinds(first)
    assert sum(e["resource"]["resourceType"] == "Patient" for e in first["entry"]) == 12
    second = export(clinic)
    assert [e["fullUrl"] for e in second["entry"]] == [e["fullUrl"] for e in first["entry"]]
    # What is written is what the R4B models make of it: nothing they would drop, add or recode.
    for e in first["entry"]:
        assert json.loads(BundleEntry.model_validate(e).model_dump_json()) == e


def test_one_visit_becomes_several_resources_each_with_its_own_identity(clinic) -> None:  # type: ignore[no-untyped-def]
    document = export(clinic)
    panels = [
        e["resource"]
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation" and e["resource"]["code"]["coding"][0]["code"] == "82954-9"
    ]
    assert panels
    panel = panels[0]
    assert panel["component"][0]["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "82953-1",
        "display": "ALSFRS-R total score",
    }
    assert panel["component"][0]["valueInteger"] == sum(c["valueInteger"] for c in panel["component"][1:])
    qr = panel["derivedFrom"][0]["reference"]
    assert qr != f"urn:uuid:{panel['id']}"
    assert (
        resource_id("x", "Observation", "fvc")
        != resource_id("x", "Observation", "weight")
        != resource_id("x", "QuestionnaireResponse")
    )
    codes = {
        c["code"]
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation"
        for c in e["resource"]["code"].get("coding", [])
    }
    assert {"19872-1", "29463-7"} <= codes and "19869-7" not in codes


def test_referral_tasks_follow_the_referral_lifecycle(clinic) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services.lifecycle import FHIR_TASK_STATUS

    document = export(clinic)
    tasks = [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Task"]
    assert tasks
    for task in tasks:
        assert task["status"] == FHIR_TASK_STATUS[task["businessStatus"]["text"]]


def test_one_patient_exports_as_an_ips_document_that_starts_with_its_composition(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    document = export(clinic, mrn=patient.mrn)
    check_bundle(document)
    assert document["type"] == "document" and document["identifier"]["value"].startswith("urn:uuid:")
    composition = document["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert composition["type"]["coding"][0]["code"] == "60591-5"
    sections = {s["code"]["coding"][0]["code"]: s for s in composition["section"]}
    assert {"11450-4", "48765-2", "10160-0", "47420-5"} <= set(sections)
    allergies = sections["48765-2"]
    assert "entry" not in allergies and allergies["emptyReason"]["coding"][0]["code"] == "notasked"
    assert "none recorded, and no one has confirmed there are none" in allergies["text"]["div"]
    # The test patient is diagnosed: the problem list names the ALS Condition.
    problem = sections["11450-4"]["entry"][0]["reference"]
    condition = next(e["resource"] for e in document["entry"] if e["fullUrl"] == problem)
    assert {c["code"] for c in condition["code"]["coding"]} == {"86044005", "G12.2"}
    assert condition["verificationStatus"]["coding"][0]["code"] == "confirmed"


def test_a_demo_patient_with_visits_has_them_under_functional_status(clinic) -> None:  # type: ignore[no-untyped-def]
    collection = export(clinic)
    with_visit = next(
        e["resource"]["subject"]["reference"]
        for e in collection["entry"]
        if e["resource"]["resourceType"] == "Observation" and e["resource"]["code"]["coding"][0]["code"] == "82954-9"
    )
    mrn = next(e["resource"]["identifier"][0]["value"] for e in collection["entry"] if e["fullUrl"] == with_visit)
    document = export(clinic, mrn=mrn)
    check_bundle(document)
    functional = next(
        s for s in document["entry"][0]["resource"]["section"] if s["code"]["coding"][0]["code"] == "47420-5"
    )
    assert functional["entry"] and "ALSFRS-R" in functional["text"]["div"]


def test_each_exported_patient_is_audited_with_the_format(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    export(clinic, mrn=patient.mrn)
    export(clinic, mrns=[patient.mrn])
    with clinic.read() as s:
        details = s.scalars(
            sa.select(AuditEntry.detail)
            .where(AuditEntry.action == "export", AuditEntry.patient_id == patient.id)
            .order_by(AuditEntry.seq)
        ).all()
    assert [json.loads(d) for d in details] == [{"format": "ips"}, {"format": "fhir"}]


def test_an_ips_is_for_one_patient_only(clinic, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with clinic.write() as s, pytest.raises(DomainError, match="one patient"):
        export_to_file(s, tmp_path / "all.json", export_format="ips")
    assert not (tmp_path / "all.json").exists()


def allergy_section(document: dict[str, Any]) -> dict[str, Any]:
    composition = document["entry"][0]["resource"]
    return next(s for s in composition["section"] if s["code"]["coding"][0]["code"] == "48765-2")


def resources_of(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == kind]


def test_allergies_travel_as_allergy_intolerances_and_fill_the_ips_section(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    """An active allergy with its reaction and severity, and one entered in error: both are
    resources (the error one without a clinical status, FHIR's ait-1); only the first is listed
    in the IPS section, and the section is no longer empty."""
    from alsdesk.services import allergies

    with clinic.write() as s:
        allergies.add_allergy(
            session=s,
            patient_id=patient.id,
            substance="Penicillin",
            reaction="Hives",
            severity="moderate",
            recorded_on=date(2025, 3, 1),
        )
        wrong, _ = allergies.add_allergy(
            session=s, patient_id=patient.id, substance="Latex", recorded_on=date(2025, 3, 2)
        )
        allergies.remove_allergy(session=s, allergy_id=wrong.id)
    document = export(clinic, mrn=patient.mrn)
    check_bundle(document)
    found = {r["code"]["text"]: r for r in resources_of(document, "AllergyIntolerance")}
    assert set(found) == {"Penicillin", "Latex"}
    penicillin, latex = found["Penicillin"], found["Latex"]
    assert penicillin["clinicalStatus"]["coding"][0]["code"] == "active"
    assert penicillin["verificationStatus"]["coding"][0]["code"] == "confirmed"
    assert penicillin["reaction"] == [{"manifestation": [{"text": "Hives"}], "severity": "moderate"}]
    assert penicillin["recordedDate"] == "2025-03-01"
    assert "clinicalStatus" not in latex and latex["verificationStatus"]["coding"][0]["code"] == "entered-in-error"
    assert "reaction" not in latex  # no words for a reaction: none is sent
    section = allergy_section(document)
    assert [e["reference"] for e in section["entry"]] == [f"urn:uuid:{penicillin['id']}"]
    assert "emptyReason" not in section
    assert "Penicillin (Hives), active, recorded 2025-03-01" in section["text"]["div"]
    assert "Latex" not in section["text"]["div"]


def test_confirmed_no_known_allergies_is_the_ips_code_not_an_empty_section(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import allergies

    with clinic.write() as s:
        allergies.confirm_no_known_allergies(session=s, patient_id=patient.id, on=date(2025, 4, 2))
    document = export(clinic, mrn=patient.mrn)
    check_bundle(document)
    [none] = resources_of(document, "AllergyIntolerance")
    assert none["code"]["coding"] == [
        {
            "system": "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips",
            "code": "no-known-allergies",
            "display": "No known allergies",
        }
    ]
    assert none["recordedDate"] == "2025-04-02" and none["clinicalStatus"]["coding"][0]["code"] == "active"
    section = allergy_section(document)
    assert [e["reference"] for e in section["entry"]] == [f"urn:uuid:{none['id']}"]
    assert "No known allergies, active, recorded 2025-04-02" in section["text"]["div"]


def test_labs_alerts_notes_screenings_and_signs_map_to_their_resources(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    """Hand-made records of each kind, read back from the IPS Bundle (which holds the whole record)."""
    import base64

    from alsdesk.models import Alert, ClinicalNote, DiagnosticFinding, LabResult, Screening

    with clinic.write() as s:
        for row in (
            LabResult(
                patient_id=patient.id, test="ALT", taken_on=date(2026, 2, 3), value=52, unit="U/L", upper_limit=40
            ),
            LabResult(patient_id=patient.id, test="CK", taken_on=date(2026, 2, 3), value=310, unit=""),
            Alert(
                patient_id=patient.id,
                kind="alt_high",
                raised_on=date(2026, 2, 3),
                message="ALT above the limit",
                status="closed",
                closed_on=date(2026, 3, 1),
            ),
            ClinicalNote(
                patient_id=patient.id, kind="education", occurred_on=date(2026, 2, 4), topic="NIV", text="面罩 ok"
            ),
            Screening(patient_id=patient.id, screened_on=date(2025, 12, 1), cramps=True, note="night cramps"),
            DiagnosticFinding(patient_id=patient.id, region="bulbar", umn=True, examined_on=date(2025, 12, 2)),
        ):
            s.add(row)
    document = export(clinic, mrn=patient.mrn)
    check_bundle(document)
    labs = {
        r["code"]["text"]: r
        for r in resources_of(document, "Observation")
        if r.get("category", [{}])[0].get("coding", [{}])[0].get("code") == "laboratory"
    }
    alt, ck = labs["ALT"], labs["CK"]
    assert alt["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "1742-6",
        "display": "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
    }
    assert alt["valueQuantity"] == {"value": 52, "unit": "U/L", "system": "http://unitsofmeasure.org", "code": "U/L"}
    assert alt["referenceRange"] == [
        {"high": {"value": 40, "unit": "U/L", "system": "http://unitsofmeasure.org", "code": "U/L"}}
    ]
    assert ck["code"]["coding"][0]["code"] == "CK" and ck["code"]["coding"][0]["system"].endswith(
        "/CodeSystem/lab-test"
    )
    assert ck["valueQuantity"] == {"value": 310} and "referenceRange" not in ck
    [flag] = resources_of(document, "Flag")
    assert flag["status"] == "inactive" and flag["period"] == {"start": "2026-02-03", "end": "2026-03-01"}
    assert flag["code"]["text"] == "ALT above the limit"
    [note] = resources_of(document, "DocumentReference")
    attachment = note["content"][0]["attachment"]
    assert base64.b64decode(attachment["data"]).decode("utf-8") == "面罩 ok" and attachment["title"] == "NIV"
    assert note["type"]["coding"][0]["code"] == "education" and note["context"]["period"] == {"start": "2026-02-04"}
    observations = resources_of(document, "Observation")
    [screened] = [r for r in observations if r["code"]["coding"][0]["code"] == "early-sign-screening"]
    signs = {c["code"]["coding"][0]["code"]: c["valueBoolean"] for c in screened["component"]}
    assert signs["cramps"] is True and signs["weakness"] is False and screened["note"] == [{"text": "night cramps"}]
    [found] = [r for r in observations if r["code"]["coding"][0]["code"] == "motor-neuron-signs"]
    assert found["bodySite"] == {"text": "bulbar"}
    assert {c["code"]["coding"][0]["code"]: c["valueBoolean"] for c in found["component"]} == {
        "umn": True,
        "lmn": False,
        "emg_lmn": False,
    }
