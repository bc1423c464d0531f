"""The FHIR mappings record by record, without a database: every alsdesk status maps into its FHIR
value set, a workup becomes the resources its lifecycle has reached, the Condition's verification
follows the diagnosis, only a complete ALSFRS-R is sent as a score, and the least an advance care
plan, NIV settings or tube record can hold still makes a valid resource."""

from __future__ import annotations

from typing import Any

import pytest

from alsdesk import vocab
from alsdesk.exchange.fhir import assessments, care, patient, plans, referrals, workups
from alsdesk.exchange.fhir.bundle import model
from alsdesk.exchange.fhir.clinic import Clinic
from alsdesk.services.lifecycle import FHIR_TASK_STATUS
from tests.unit.fhir_value_sets import CARE_PLAN_ACTIVITY_STATUS, REQUEST_STATUS, STATUS

CLINIC = Clinic(base="https://alsdesk.invalid/clinic/x", name="C", organization_id="o", workup_names={}, drug_names={})
SUBJECT = {"reference": "urn:uuid:p"}


@pytest.mark.parametrize(
    ("mapping", "codes", "value_set"),
    [
        (workups.REQUEST_STATUS, vocab.WORKUP_STATUS, REQUEST_STATUS),
        (workups.APPOINTMENT_STATUS, vocab.WORKUP_STATUS, STATUS["Appointment"]),
        (referrals.REQUEST_STATUS, vocab.REFERRAL_STATUS, REQUEST_STATUS),
        (FHIR_TASK_STATUS, vocab.REFERRAL_STATUS, STATUS["Task"]),
        (care.SESSION_STATUS, vocab.SESSION_STATUS, CARE_PLAN_ACTIVITY_STATUS),
        (care.ENROLLMENT_STATUS, vocab.ENROLLMENT_STATUS, REQUEST_STATUS),
        (plans.CURRENT_CONSENT, (True, False), STATUS["Consent"]),
        (plans.CURRENT_REQUEST, (True, False), REQUEST_STATUS),
    ],
)
def test_every_status_maps_into_its_value_set(
    mapping: dict[Any, str], codes: tuple[Any, ...], value_set: set[str]
) -> None:
    assert set(mapping) == set(codes)
    assert set(mapping.values()) <= value_set


def workup_row(status: str, **dates: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": "w1",
        "type_code": "emg",
        "status": status,
        "due_date": None,
        "ordered_on": None,
        "scheduled_for": None,
        "scheduled_time": None,  # format 8: an appointment's start time, and where
        "place": "",
        "performed_on": None,
        "resulted_on": None,
        "reviewed_on": None,
        "result": "",
        "interpretation": "",
        "note": "",
    }
    return row | dates


@pytest.mark.parametrize(
    ("status", "dates", "expected"),
    [
        ("planned", {}, {"ServiceRequest": "draft"}),
        ("ordered", {"ordered_on": "2026-01-02"}, {"ServiceRequest": "active"}),
        ("scheduled", {"scheduled_for": "2026-01-09"}, {"ServiceRequest": "active", "Appointment": "booked"}),
        ("cancelled", {"scheduled_for": "2026-01-09"}, {"ServiceRequest": "revoked", "Appointment": "cancelled"}),
        (
            "performed",
            {"scheduled_for": "2026-01-09", "performed_on": "2026-01-09"},
            {"ServiceRequest": "completed", "Appointment": "fulfilled", "Procedure": "completed"},
        ),
        (
            "resulted",
            {"performed_on": "2026-01-09", "resulted_on": "2026-01-12"},
            {"ServiceRequest": "completed", "Procedure": "completed", "DiagnosticReport": "final"},
        ),
    ],
)
def test_a_workup_becomes_what_its_lifecycle_has_reached(
    status: str, dates: dict[str, str], expected: dict[str, str]
) -> None:
    made = workups.workup(CLINIC, workup_row(status, **dates), SUBJECT)
    assert {r["resourceType"]: r["status"] for r in made} == expected
    request = made[0]
    for r in made[1:]:  # each later step names the request it carries out
        assert r["basedOn"] == [{"reference": f"urn:uuid:{request['id']}"}]
    assert request["intent"] == ("plan" if status == "planned" else "order")


def patient_row(status: str, diagnosis_date: str | None) -> dict[str, Any]:
    return {
        "id": "p1",
        "status": status,
        "diagnosis_date": diagnosis_date,
        "onset_date": None,
        "onset_region": None,
        "el_escorial": None,
        "genetics": "not_tested",
    }


def test_the_condition_follows_the_diagnosis() -> None:
    assert patient.condition(patient_row("screening", None)) is None
    suspected = patient.condition(patient_row("suspected", None))
    assert suspected and suspected["verificationStatus"]["coding"][0]["code"] == "provisional"
    diagnosed = patient.condition(patient_row("diagnosed", "2026-01-01"))
    assert diagnosed and diagnosed["verificationStatus"]["coding"][0]["code"] == "confirmed"
    assert diagnosed["recordedDate"] == "2026-01-01"
    assert "note" not in diagnosed  # nothing known beyond the diagnosis: "not tested" is no finding
    tested = patient.condition(patient_row("diagnosed", "2026-01-01") | {"genetics": "C9orf72"})
    assert tested and tested["note"] == [{"text": "Genetics: C9orf72"}]


def visit_row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        f"item_{k}": None for k in ("1", "2", "3", "4", "5a", "5b", "6", "7", "8", "9", "10", "11", "12")
    }
    row |= {
        "id": "a1",
        "assessed_on": "2026-03-01",
        "fvc_percent": None,
        "snip_cmh2o": None,
        "spo2_percent": None,
        "weight_kg": None,
        "height_cm": None,
    }
    return row | values


def test_only_a_complete_alsfrs_r_is_sent_as_a_score() -> None:
    full = {f"item_{k}": 3 for k in ("1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12")}
    made = assessments.assessment(CLINIC, visit_row(**full), SUBJECT)
    panel = next(r for r in made if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == "82954-9")
    assert panel["component"][0]["valueInteger"] == 36
    assert {r["resourceType"] for r in made} == {"Observation", "QuestionnaireResponse"}
    stages = {
        r["code"]["coding"][0]["code"]: r["valueCodeableConcept"]["coding"][0]
        for r in made
        if "valueCodeableConcept" in r
    }
    # services.scoring's rules: item 12 below 4 is King's 4B; no MiToS domain lost at 3s.
    assert stages["kings-stage"] == {"system": f"{CLINIC.base}/CodeSystem/kings-stage", "code": "4B"}
    assert stages["mitos-stage"] == {"system": f"{CLINIC.base}/CodeSystem/mitos-stage", "code": "0"}
    partial = dict(full)
    partial["item_12"] = None
    assert assessments.assessment(CLINIC, visit_row(**partial), SUBJECT) == []
    fvc = assessments.assessment(CLINIC, visit_row(fvc_percent=49.5), SUBJECT)
    assert [(r["code"]["coding"][0]["code"], r["valueQuantity"]["value"]) for r in fvc] == [("19872-1", 49.5)]


def test_the_least_a_plan_or_settings_record_holds_makes_a_valid_resource() -> None:
    """A plan with nothing decided, NIV settings without their optional values, a tube with only
    its type: each a resource the R4B model accepts, with nothing made up for what was left out."""
    plan = {
        "id": "a1",
        "revision": 1,
        "recorded_on": "2026-01-05",
        "preferences": "",
        "adrt_in_place": False,
        "adrt_refuses": "",
        "adrt_text": "",
        "resuscitation": "not_discussed",
        "resuscitation_on": None,
        "care_place": None,
        "care_place_text": "",
        "death_place": None,
        "death_place_text": "",
        "decider": "no_one_named",
        "decider_name": "",
        "decider_relationship": "",
        "decider_phone": "",
        "review_on": None,
    }
    [consent] = plans.advance_care_plans(CLINIC, [plan], SUBJECT)
    model(consent)
    assert consent["status"] == "active" and "provision" not in consent["provision"]
    assert "Preferred place of death: not stated" in consent["text"]["div"]
    niv = {
        "id": "n1",
        "set_on": "2026-01-10",
        "created_at": "2026-01-10T09:00:00+00:00",
        "mode": "spontaneous",
        "ipap": 12.0,
        "epap": 4.0,
        "backup_rate": None,
        "mask": "nasal",
        "overnight": True,
        "hours_per_day": None,
        "machine": "",
        "supplier_phone": "",
    }
    [request] = plans.niv_settings(CLINIC, [niv], SUBJECT)
    model(request)
    assert [p["code"]["coding"][0]["code"] for p in request["parameter"]] == [
        "mode",
        "ipap",
        "epap",
        "mask",
        "overnight",
    ]
    assert (
        "note" not in request
        and "priorRequest" not in request
        and request["occurrencePeriod"] == {"start": "2026-01-10"}
    )
    tube = {
        "id": "g1",
        "set_on": "2026-02-01",
        "created_at": "2026-02-01T09:00:00+00:00",
        "tube_type": "balloon",
        "tube_size": None,
        "placed_on": None,
        "feed_name": "",
        "feed_volume": None,
        "feed_rate": None,
        "feed_times": "",
        "flush_volume": None,
        "contact_name": "",
        "contact_phone": "",
    }
    [order] = plans.gastrostomy_settings(CLINIC, [tube], SUBJECT)
    model(order)
    assert order["enteralFormula"]["administrationInstruction"] == "Tube: Balloon tube"
    assert {"baseFormulaProductName", "administration", "maxVolumeToDeliver"}.isdisjoint(order["enteralFormula"])
