"""Prescriptions → MedicationRequest with their status; milestones (NIV, gastrostomy …) → Procedure."""

from __future__ import annotations

from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic
from alsdesk.exchange.fhir.identities import resource_id
from alsdesk.services.doses import Dose, dose_of, dose_text, unit_text, word

# UCUM codes of the dose units (vocab.DOSE_UNITS); counted units are UCUM annotations.
UCUM_UNITS = {
    "mg": "mg",
    "mcg": "ug",
    "g": "g",
    "mL": "mL",
    "drop": "[drp]",
    "unit": "[U]",
    "tablet": "{tablet}",
    "capsule": "{capsule}",
}
# SNOMED CT route of administration (vocab.DOSE_ROUTES).
ROUTES = {
    "oral": ("26643006", "Oral route"),
    "iv": ("47625008", "Intravenous route"),
    "intrathecal": ("72607000", "Intrathecal route"),
    "sublingual": ("37839007", "Sublingual route"),
    "feeding_tube": codes.GASTROSTOMY_ROUTE,
    "subcutaneous": ("34206005", "Subcutaneous route"),
    "intramuscular": ("78421000", "Intramuscular route"),
}
# Timing.repeat of each frequency (vocab.DOSE_FREQUENCIES); "when" codes are FHIR event-timing.
TIMING: dict[str, dict[str, Any]] = {
    "once_daily": {"frequency": 1, "period": 1, "periodUnit": "d"},
    "twice_daily": {"frequency": 2, "period": 1, "periodUnit": "d"},
    "three_times_daily": {"frequency": 3, "period": 1, "periodUnit": "d"},
    "four_times_daily": {"frequency": 4, "period": 1, "periodUnit": "d"},
    "up_to_four_times_daily": {"frequency": 1, "frequencyMax": 4, "period": 1, "periodUnit": "d"},
    "at_night": {"frequency": 1, "period": 1, "periodUnit": "d", "when": ["HS"]},
    "morning_fasting": {"frequency": 1, "period": 1, "periodUnit": "d", "when": ["MORN"]},
    "every_28_days": {"frequency": 1, "period": 28, "periodUnit": "d"},
    "as_needed": {},
}


def dosage(dose: Dose, period: dict[str, str], name: str) -> dict[str, Any]:
    """A Dosage: the dose in English words, the amount in UCUM, the route in SNOMED CT, the timing."""
    out: dict[str, Any] = {"text": dose_text(dose, "en") if dose != Dose() else name}
    out["timing"] = {"repeat": {"boundsPeriod": period, **TIMING.get(dose.frequency, {})}}
    if dose.frequency == "as_needed":
        out["asNeededBoolean"] = True
    if dose.route:
        code, display = ROUTES[dose.route]
        out["route"] = codes.concept(codes.coding(codes.SNOMED, code, display), text=word(dose.route, "en"))
    if dose.amount is not None:
        quantity = {"value": dose.amount, "unit": unit_text(dose.unit, dose.amount, "en")}
        out["doseAndRate"] = [{"doseQuantity": {**quantity, "system": codes.UCUM, "code": UCUM_UNITS[dose.unit]}}]
    return out


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
        "dosageInstruction": [dosage(dose_of(row), period, name)],
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
