"""Prescriptions → MedicationRequest with their status; milestones (NIV, gastrostomy …) → Procedure."""

from __future__ import annotations

from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic
from alsdesk.exchange.fhir.identities import resource_id


def medication(clinic: Clinic, row: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    name = clinic.drug_names.get(row["drug_code"], row["drug_code"])
    period = {"start": row["started_on"], **({"end": row["stopped_on"]} if row["stopped_on"] else {})}
    res: dict[str, Any] = {
        "resourceType": "MedicationRequest",
        "id": resource_id(row["id"], "MedicationRequest"),
        # A stopped course was halted by a clinician: medicationrequest-status "stopped".
        "status": "stopped" if row["stopped_on"] else "active",
        "intent": "order",
        "medicationCodeableConcept": codes.concept(
            codes.coding(codes.local_system(clinic.base, "drug"), row["drug_code"], name), text=name
        ),
        "subject": subject,
        "authoredOn": row["started_on"],
        "dosageInstruction": [{"text": row["dose"] or name, "timing": {"repeat": {"boundsPeriod": period}}}],
    }
    if row["stop_reason"]:
        res["statusReason"] = codes.text_only(row["stop_reason"])
    return res


def milestone(clinic: Clinic, row: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    res: dict[str, Any] = {
        "resourceType": "Procedure",
        "id": resource_id(row["id"], "Procedure"),
        "status": "completed",
        "code": codes.concept(
            codes.coding(codes.local_system(clinic.base, "milestone"), row["kind"]), text=row["kind"]
        ),
        "subject": subject,
        "performedDateTime": row["occurred_on"],
    }
    if row["note"]:
        res["note"] = [{"text": row["note"]}]
    return res
