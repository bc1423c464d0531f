"""One patient's International Patient Summary: a `document` Bundle whose first entry is the
Composition (LOINC 60591-5) with the IPS's required Problems, Allergies and Medications sections,
ALSFRS-R under functional status and the current advance care plan under advance directives,
followed by every resource of the patient's record."""

from __future__ import annotations

import uuid
from typing import IO, Any

from fhir.resources.R4B.bundle import Bundle
from sqlalchemy.orm import Session

from alsdesk.exchange.exporting import authorised_ids, iter_patients
from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.bundle import Resource, entry, now, patient_resources
from alsdesk.exchange.fhir.clinic import Clinic, load_clinic
from alsdesk.exchange.fhir.identities import reference, resource_id
from alsdesk.exchange.fhir.narrative import narrative
from alsdesk.services.access import requires

# Nothing recorded either way: the section says so (list-empty-reason "notasked") rather than
# claim the patient has none.
NO_ALLERGY_RECORD = "No information about allergies: none recorded, and no one has confirmed there are none."


def _section(title: str, code: tuple[str, str], entries: list[Resource], lines: list[str]) -> dict[str, Any]:
    section: dict[str, Any] = {"title": title, "code": codes.concept(codes.loinc(code))}
    if entries:
        section["entry"] = [reference(r["id"]) for r in entries]
        section["text"] = narrative(lines)
    else:
        # Nothing recorded: said in words and as an emptyReason, never as "no problems".
        section["text"] = narrative(lines or ["No information recorded."])
        section["emptyReason"] = codes.concept(codes.coding(codes.LIST_EMPTY_REASON, "notasked"))
    return section


def _of(resources: list[Resource], kind: str, code: str | None = None) -> list[Resource]:
    return [
        r for r in resources if r["resourceType"] == kind and (code is None or r["code"]["coding"][0]["code"] == code)
    ]


def _allergy_line(r: Resource) -> str:
    status = r["clinicalStatus"]["coding"][0]["code"]
    reaction = "; ".join(m["text"] for x in r.get("reaction", []) for m in x["manifestation"])
    words = r["code"]["text"] + (f" ({reaction})" if reaction else "")
    return f"{words}, {status}, recorded {r['recordedDate']}"


def composition(clinic: Clinic, doc: dict[str, Any], resources: list[Resource]) -> Resource:
    row = doc["patient"]
    problems = _of(resources, "Condition")
    medications = _of(resources, "MedicationRequest")
    allergies = [
        r for r in _of(resources, "AllergyIntolerance") if r["verificationStatus"]["coding"][0]["code"] == "confirmed"
    ]
    functional = _of(resources, "Observation", codes.ALSFRS_R_PANEL[0])
    totals = [f"{r['effectiveDateTime']}: ALSFRS-R {r['component'][0]['valueInteger']}/48" for r in functional]
    return {
        "resourceType": "Composition",
        "id": resource_id(row["id"], "Composition"),
        "status": "final",
        "type": codes.concept(codes.loinc(codes.IPS_DOCUMENT)),
        "subject": reference(resource_id(row["id"], "Patient")),
        "date": now(),
        "author": [reference(clinic.organization_id)],
        "custodian": reference(clinic.organization_id),
        "title": f"International Patient Summary: {row['family_name']} {row['given_name']} ({row['mrn']})",
        "section": [
            _section("Problems", codes.IPS_PROBLEMS, problems, [r["code"]["text"] for r in problems]),
            _section(
                "Allergies and intolerances",
                codes.IPS_ALLERGIES,
                allergies,
                [_allergy_line(r) for r in allergies] or [NO_ALLERGY_RECORD],
            ),
            _section(
                "Medication summary",
                codes.IPS_MEDICATIONS,
                medications,
                [f"{r['medicationCodeableConcept']['text']} ({r['status']})" for r in medications],
            ),
            _section("Functional status", codes.IPS_FUNCTIONAL_STATUS, functional, totals),
            *_advance_directives(resources),
        ],
    }


def _advance_directives(resources: list[Resource]) -> list[dict[str, Any]]:
    """The Advance Directives section (optional in the IPS) when a plan is recorded: the current
    revision's Consent, its narrative as the section's text; no section when there is none."""
    current = [r for r in _of(resources, "Consent") if r["status"] == "active"]
    if not current:
        return []
    return [
        {
            "title": "Advance directives",
            "code": codes.concept(codes.loinc(codes.IPS_ADVANCE_DIRECTIVES)),
            "text": current[0]["text"],
            "entry": [reference(r["id"]) for r in current],
        }
    ]


@requires("export")
def write_summary(*, session: Session, out: IO[str], mrn: str) -> int:
    """Write the IPS document Bundle of the patient with `mrn` to `out`; returns 1."""
    ids = authorised_ids(session=session, mrns=[mrn], export_format="ips")
    clinic = load_clinic(session)
    doc = next(iter_patients(session, ids))
    resources = patient_resources(clinic, doc)
    entries = [composition(clinic, doc, resources), *resources, clinic.organization()]
    bundle = Bundle.model_validate(
        {
            "id": str(uuid.uuid4()),
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{uuid.uuid4()}"},
            "type": "document",
            "timestamp": now(),
            "entry": [entry(r) for r in entries],
        }
    )
    out.write(bundle.model_dump_json(indent=1) + "\n")
    return 1
