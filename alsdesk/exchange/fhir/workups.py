"""A workup → ServiceRequest, then Appointment, Procedure and DiagnosticReport as its lifecycle
(services/lifecycle.py WORKUP) reaches them: booked, performed, resulted."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic, end_of_day, local_moment
from alsdesk.exchange.fhir.identities import reference, resource_id

# workup status → ServiceRequest.status (request-status), Appointment.status (appointmentstatus).
REQUEST_STATUS = {
    "planned": "draft",
    "ordered": "active",
    "scheduled": "active",
    "performed": "completed",
    "resulted": "completed",
    "reviewed": "completed",
    "cancelled": "revoked",
}
# A booking before its step to scheduled (a date kept from a revert) is only proposed.
APPOINTMENT_STATUS = {
    "planned": "proposed",
    "ordered": "proposed",
    "scheduled": "booked",
    "performed": "fulfilled",
    "resulted": "fulfilled",
    "reviewed": "fulfilled",
    "cancelled": "cancelled",
}
DONE = ("performed", "resulted", "reviewed")


def _day(day: str) -> tuple[str, str]:
    """A booking known only by its day, as the instants that bound it (UTC)."""
    start = date.fromisoformat(day)
    return f"{start.isoformat()}T00:00:00Z", f"{(start + timedelta(days=1)).isoformat()}T00:00:00Z"


def workup(clinic: Clinic, row: dict[str, Any], subject: dict[str, Any]) -> list[dict[str, Any]]:
    name = clinic.workup_names.get(row["type_code"], row["type_code"])
    code = codes.concept(
        codes.coding(codes.local_system(clinic.base, "workup-type"), row["type_code"], name), text=name
    )
    status = row["status"]
    request_id = resource_id(row["id"], "ServiceRequest")
    request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": request_id,
        "status": REQUEST_STATUS[status],
        "intent": "plan" if status == "planned" else "order",
        "code": code,
        "subject": subject,
    }
    if row["ordered_on"]:
        request["authoredOn"] = row["ordered_on"]
    if row["due_date"]:
        request["occurrenceDateTime"] = row["due_date"]
    if row["note"]:
        request["note"] = [{"text": row["note"]}]
    out = [request]
    based_on = [reference(request_id)]
    if row["scheduled_for"]:
        day, at = row["scheduled_for"], row["scheduled_time"]
        # Known by its start time: from then to the day's end (Appointment needs both or neither).
        start, end = (local_moment(day, at), end_of_day(day)) if at else _day(day)
        participants: list[dict[str, Any]] = [{"actor": subject, "status": "accepted"}]
        if row["place"]:
            participants.append({"actor": {"display": row["place"]}, "status": "accepted"})  # a Location by name
        out.append(
            {
                "resourceType": "Appointment",
                "id": resource_id(row["id"], "Appointment"),
                "status": APPOINTMENT_STATUS[status],
                "serviceType": [code],
                "start": start,
                "end": end,
                "basedOn": based_on,
                "participant": participants,
            }
        )
    if status in DONE and row["performed_on"]:
        out.append(
            {
                "resourceType": "Procedure",
                "id": resource_id(row["id"], "Procedure"),
                "status": "completed",
                "code": code,
                "subject": subject,
                "basedOn": based_on,
                "performedDateTime": row["performed_on"],
            }
        )
    if status in ("resulted", "reviewed"):
        report: dict[str, Any] = {
            "resourceType": "DiagnosticReport",
            "id": resource_id(row["id"], "DiagnosticReport"),
            "status": "final",
            "code": code,
            "subject": subject,
            "basedOn": based_on,
        }
        if row["resulted_on"]:
            report["issued"] = _day(row["resulted_on"])[0]
        if row["performed_on"]:
            report["effectiveDateTime"] = row["performed_on"]
        conclusion = "\n".join(t for t in (row["result"], row["interpretation"]) if t)
        if conclusion:
            report["conclusion"] = conclusion
        out.append(report)
    return out
