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
        "Consent",
        "RelatedPerson",
        "DeviceRequest",
        "NutritionOrder",
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


def test_an_advance_care_plan_and_niv_and_tube_settings_travel_with_their_history(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    """Two revisions of a plan → two Consents (the current one active, the first inactive), its
    refusals, resuscitation decision, places and the person named to decide readable in the
    resources; two NIV settings → DeviceRequests, the first completed when the second began; the
    tube → a NutritionOrder. The IPS lists the current plan under Advance Directives (42348-3)."""
    from alsdesk.models import NivSetting
    from alsdesk.services import care_plans, plan_settings

    with clinic.write() as s:
        first, _ = care_plans.record_plan(
            session=s,
            patient_id=patient.id,
            plan=care_plans.PlanFields(
                recorded_on=date(2026, 1, 5), resuscitation="for_cpr", resuscitation_on=date(2026, 1, 5)
            ),
        )
        current, _ = care_plans.record_plan(
            session=s,
            patient_id=patient.id,
            plan=care_plans.PlanFields(
                recorded_on=date(2026, 3, 2),
                preferences="Wants to stay at home",
                adrt_in_place=True,
                adrt_refuses=("niv", "cpr"),
                adrt_text="No tracheostomy ventilation",
                resuscitation="not_for_cpr",
                resuscitation_on=date(2026, 3, 2),
                care_place="home",
                death_place="other",
                death_place_text="Sister's house",
                decider="lpa_health",
                decider_name="Sam Test",
                decider_relationship="Son",
                decider_phone="13800000002",
                review_on=date(2026, 6, 2),
            ),
        )
        plan_settings.record_niv_settings(
            session=s,
            patient_id=patient.id,
            settings=plan_settings.NivSettings(
                set_on=date(2026, 1, 10), mode="spontaneous_timed", ipap=14, epap=5, mask="nasal", backup_rate=12
            ),
        )
        plan_settings.record_niv_settings(
            session=s,
            patient_id=patient.id,
            settings=plan_settings.NivSettings(
                set_on=date(2026, 2, 20), mode="spontaneous_timed", ipap=16, epap=6, mask="oronasal", hours_per_day=10
            ),
        )
        plan_settings.record_gastrostomy_settings(
            session=s,
            patient_id=patient.id,
            settings=plan_settings.GastrostomySettings(
                set_on=date(2026, 2, 1),
                tube_type="peg",
                tube_size=20,
                feed_name="Feed A",
                feed_volume=1500,
                feed_rate=100,
                flush_volume=30,
                contact_name="Nurse Lee",
            ),
        )
    document = export(clinic, mrn=patient.mrn)
    check_bundle(document)
    by_url = {e["fullUrl"]: e["resource"] for e in document["entry"]}
    consents = {r["id"]: r for r in resources_of(document, "Consent")}
    # Identities: each revision's Consent is named by its record, so every export names it alike.
    old, now = consents[resource_id(str(first.id), "Consent")], consents[resource_id(str(current.id), "Consent")]
    assert (old["status"], now["status"]) == ("inactive", "active")
    assert now["scope"]["coding"][0]["code"] == "adr" and now["category"][0]["coding"][0]["code"] == "acd"
    assert now["dateTime"] == "2026-03-02" and now["patient"] == old["patient"]
    provisions = now["provision"]["provision"]
    refused = {c["coding"][0]["code"] for p in provisions if p["type"] == "deny" for c in p["code"] if "coding" in c}
    assert refused == {"niv", "cpr", "not_for_cpr"}
    assert {"text": "No tracheostomy ventilation"} in [c for p in provisions for c in p.get("code", [])]
    [resuscitation] = [p for p in provisions if p.get("period")]
    assert resuscitation["type"] == "deny" and resuscitation["period"] == {"start": "2026-03-02"}
    assert old["provision"]["provision"][0]["type"] == "permit"  # the first revision: for CPR
    [actor] = [a for p in provisions for a in p.get("actor", [])]
    person = by_url[actor["reference"]["reference"]]
    assert person["resourceType"] == "RelatedPerson" and person["name"] == [{"text": "Sam Test"}]
    assert person["telecom"] == [{"system": "phone", "value": "13800000002"}] and person["active"] is True
    assert actor["role"]["coding"][0]["code"] == "lpa_health"
    words = now["text"]["div"]
    for line in (
        "Preferred place of care: Home",
        "Preferred place of death: Other (Sister&#x27;s house)",
        "Resuscitation: Not for CPR (DNACPR), decided 2026-03-02",
        "Preferences and wishes: Wants to stay at home",
        "Sam Test (Son, 13800000002)",
        "Review by 2026-06-02",
    ):
        assert line in words, line
    requests = sorted(resources_of(document, "DeviceRequest"), key=lambda r: r["authoredOn"])
    assert [r["status"] for r in requests] == ["completed", "active"]
    with clinic.read() as s:
        mine = sa.select(NivSetting.id).where(NivSetting.patient_id == patient.id)
        niv_ids = s.scalars(mine.order_by(NivSetting.set_on)).all()
    assert [r["id"] for r in requests] == [resource_id(str(i), "DeviceRequest") for i in niv_ids]
    assert requests[0]["occurrencePeriod"] == {"start": "2026-01-10", "end": "2026-02-20"}
    assert requests[1]["priorRequest"] == [{"reference": f"urn:uuid:{requests[0]['id']}"}]
    settings = {p["code"]["coding"][0]["code"]: p for p in requests[1]["parameter"]}
    assert settings["ipap"]["valueQuantity"] == {
        "value": 16.0,
        "unit": "cmH2O",
        "system": "http://unitsofmeasure.org",
        "code": "cm[H2O]",
    }
    assert settings["hours-per-day"]["valueQuantity"]["value"] == 10 and "backup-rate" not in settings
    assert settings["mask"]["valueCodeableConcept"]["text"] == "Nose and mouth mask"
    [order] = resources_of(document, "NutritionOrder")
    formula = order["enteralFormula"]
    assert order["status"] == "active" and order["dateTime"] == "2026-02-01"
    assert formula["routeofAdministration"]["coding"][0]["code"] == "127490009"
    assert formula["baseFormulaProductName"] == "Feed A"
    assert formula["maxVolumeToDeliver"]["value"] == 1500 and formula["maxVolumeToDeliver"]["code"] == "mL/d"
    assert formula["administration"][0]["rateQuantity"]["value"] == 100
    assert "Tube: PEG (placed by endoscopy), 20 Fr" in formula["administrationInstruction"]
    assert "Whom to call: Nurse Lee" in formula["administrationInstruction"]
    sections = {x["code"]["coding"][0]["code"]: x for x in document["entry"][0]["resource"]["section"]}
    directives = sections["42348-3"]
    assert directives["entry"] == [{"reference": f"urn:uuid:{now['id']}"}]
    assert "Preferred place of care: Home" in directives["text"]["div"]
    # Two exports name every one of these resources alike.
    again = export(clinic, mrn=patient.mrn)
    kinds_ = ("Consent", "RelatedPerson", "DeviceRequest", "NutritionOrder")
    assert sorted(r["id"] for k in kinds_ for r in resources_of(again, k)) == sorted(
        r["id"] for k in kinds_ for r in resources_of(document, k)
    )


def test_an_ips_without_an_advance_care_plan_has_no_advance_directives_section(clinic, patient) -> None:  # type: ignore[no-untyped-def]
    document = export(clinic, mrn=patient.mrn)
    codes = [x["code"]["coding"][0]["code"] for x in document["entry"][0]["resource"]["section"]]
    assert "42348-3" not in codes and not resources_of(document, "Consent")
