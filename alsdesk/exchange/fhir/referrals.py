"""A referral → ServiceRequest (what is asked of whom) plus Task (where it stands), its status
mapped by services.lifecycle.FHIR_TASK_STATUS, the one home of that mapping."""

from __future__ import annotations

from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic, local_moment
from alsdesk.exchange.fhir.identities import reference, resource_id
from alsdesk.services.lifecycle import FHIR_TASK_STATUS

# referral status (vocab.REFERRAL_STATUS) → ServiceRequest.status (request-status).
REQUEST_STATUS = {
    "draft": "draft",
    "sent": "active",
    "received": "active",
    "accepted": "active",
    "scheduled": "active",
    "completed": "completed",
    "declined": "revoked",
    "cancelled": "revoked",
}


def referral(clinic: Clinic, row: dict[str, Any], subject: dict[str, Any]) -> list[dict[str, Any]]:
    discipline = codes.local_system(clinic.base, "discipline")
    request_id = resource_id(row["id"], "ServiceRequest")
    request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": request_id,
        "status": REQUEST_STATUS[row["status"]],
        "intent": "order",
        "category": [
            codes.concept(codes.coding(discipline, row["from_specialty"]), text="from " + row["from_specialty"])
        ],
        "priority": row["urgency"],  # vocab.URGENCY is a subset of request-priority
        "code": codes.text_only(row["requested_service"] or row["to_specialty"]),
        "subject": subject,
        "authoredOn": row["referral_date"],
        "performerType": codes.concept(codes.coding(discipline, row["to_specialty"])),
        "reasonCode": [codes.text_only(row["reason"])],
    }
    if row["appointment_on"]:
        day, at = row["appointment_on"], row["appointment_time"]
        request["occurrenceDateTime"] = local_moment(day, at) if at else day
    notes = [
        f"{label}: {value}"
        for label, value in (
            ("To", ", ".join(t for t in (row["to_person"], row["to_facility"]) if t)),
            ("Questions", row["questions"]),
        )
        if value
    ]
    if notes:
        request["note"] = [{"text": n} for n in notes]
    task: dict[str, Any] = {
        "resourceType": "Task",
        "id": resource_id(row["id"], "Task"),
        "basedOn": [reference(request_id)],
        "status": FHIR_TASK_STATUS[row["status"]],
        "businessStatus": codes.text_only(row["status"]),
        "intent": "order",
        "priority": row["urgency"],
        "focus": reference(request_id),
        "for": subject,
        "authoredOn": row["referral_date"],
    }
    if row["follow_up_on"]:
        task["restriction"] = {"period": {"end": row["follow_up_on"]}}
    outputs = [
        (label, text)
        for label, text in (("findings", row["findings"]), ("recommendations", row["recommendations"]))
        if text
    ]
    if outputs:
        task["output"] = [{"type": codes.text_only(label), "valueString": text} for label, text in outputs]
    return [request, task]
