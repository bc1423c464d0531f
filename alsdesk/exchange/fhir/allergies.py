"""Allergies → AllergyIntolerance, and a confirmed "no known allergies" as the IPS says it.

The three states a letter tells apart (services.allergies) stay apart here: allergies recorded;
"no known allergies", confirmed on a day (the IPS absent-unknown code `no-known-allergies`); and
nothing recorded, which has no resource at all (the IPS section then says so, never "none")."""

from __future__ import annotations

from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.identities import resource_id

# An allergy's status (vocab.ALLERGY_STATUS) → (clinicalStatus, verificationStatus). An entry in
# error carries no clinical status: FHIR R4's invariant ait-1 forbids one.
STATUSES = {
    "active": ("active", "confirmed"),
    "resolved": ("resolved", "confirmed"),
    "entered_in_error": (None, "entered-in-error"),
}
SEVERITIES = ("mild", "moderate", "severe")  # AllergyIntolerance.reaction.severity; "unknown" is left out


def allergy(r: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    clinical, verified = STATUSES[r["status"]]
    res: dict[str, Any] = {
        "resourceType": "AllergyIntolerance",
        "id": resource_id(r["id"], "AllergyIntolerance"),
        "verificationStatus": codes.concept(codes.coding(codes.ALLERGY_VERIFICATION, verified)),
        "code": codes.text_only(r["substance"]),
        "patient": subject,
        "recordedDate": r["recorded_on"],
    }
    if clinical is not None:
        res["clinicalStatus"] = codes.concept(codes.coding(codes.ALLERGY_CLINICAL, clinical))
    if r["reaction"]:  # a reaction needs a manifestation: without the words there is none to send
        reaction: dict[str, Any] = {"manifestation": [codes.text_only(r["reaction"])]}
        if r["severity"] in SEVERITIES:
            reaction["severity"] = r["severity"]
        res["reaction"] = [reaction]
    return res


def no_known_allergies(row: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    """The patient's confirmation of no known allergies, on the day it was confirmed."""
    code, display = codes.NO_KNOWN_ALLERGIES
    return {
        "resourceType": "AllergyIntolerance",
        "id": resource_id(row["id"], "AllergyIntolerance"),  # one per patient: the patient's id
        "clinicalStatus": codes.concept(codes.coding(codes.ALLERGY_CLINICAL, "active")),
        "verificationStatus": codes.concept(codes.coding(codes.ALLERGY_VERIFICATION, "confirmed")),
        "code": codes.concept(codes.coding(codes.IPS_ABSENT_UNKNOWN, code, display), text=display),
        "patient": subject,
        "recordedDate": row["allergies_checked_on"],
    }


def allergy_resources(row: dict[str, Any], rows: list[dict[str, Any]], subject: dict[str, Any]) -> list[dict[str, Any]]:
    out = [allergy(r, subject) for r in rows]
    if row.get("allergies_checked_on") and not any(r["status"] == "active" for r in rows):
        out.append(no_known_allergies(row, subject))
    return out
