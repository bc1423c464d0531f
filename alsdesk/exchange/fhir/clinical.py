"""The rest of a patient's record: lab results, guideline alerts, clinical notes, early-sign
screenings and motor neuron signs per region. Worklist dismissals are the clinic's own
bookkeeping, not part of the clinical record, and stay in the native format only."""

from __future__ import annotations

import base64
from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.assessments import local_observation
from alsdesk.exchange.fhir.clinic import Clinic
from alsdesk.exchange.fhir.identities import resource_id
from alsdesk.models import Screening

UCUM_LAB_UNITS = {"U/L": "U/L", "IU/L": "[IU]/L", "mmol/L": "mmol/L", "umol/L": "umol/L", "g/L": "g/L"}
FLAG_STATUS = {"open": "active", "acknowledged": "active", "closed": "inactive"}  # vocab.ALERT_STATUS
EARLY_SIGNS = tuple(c.name for c in Screening.__table__.columns if c.type.python_type is bool)
MOTOR_NEURON_SIGNS = ("umn", "lmn", "emg_lmn")


def _local(clinic: Clinic, system: str, code: str, text: str | None = None) -> dict[str, Any]:
    return codes.concept(codes.coding(codes.local_system(clinic.base, system), code), text=text)


def lab_result(clinic: Clinic, r: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    test = r["test"]
    code = (
        codes.concept(codes.loinc(codes.ALT), text=test)
        if test.upper() == "ALT"
        else _local(clinic, "lab-test", test, text=test)
    )
    quantity: dict[str, Any] = {"value": r["value"]}
    if r["unit"]:
        quantity["unit"] = r["unit"]
        if r["unit"] in UCUM_LAB_UNITS:
            quantity.update(system=codes.UCUM, code=UCUM_LAB_UNITS[r["unit"]])
    res: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(r["id"], "Observation"),
        "status": "final",
        "category": codes.category("laboratory"),
        "code": code,
        "subject": subject,
        "effectiveDateTime": r["taken_on"],
        "valueQuantity": quantity,
    }
    if r["upper_limit"] is not None:
        high = {k: v for k, v in quantity.items() if k != "value"}
        res["referenceRange"] = [{"high": {"value": r["upper_limit"], **high}}]
    return res


def alert(clinic: Clinic, r: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    """A guideline alert → Flag: the English message as its text, open while not closed."""
    period = {"start": r["raised_on"], **({"end": r["closed_on"]} if r["closed_on"] else {})}
    return {
        "resourceType": "Flag",
        "id": resource_id(r["id"], "Flag"),
        "status": FLAG_STATUS[r["status"]],
        "category": [codes.concept(codes.coding(codes.FLAG_CATEGORY, "clinical"))],
        "code": _local(clinic, "alert-kind", r["kind"], text=r["message"]),
        "subject": subject,
        "period": period,
    }


def note(clinic: Clinic, r: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    """A clinical note → DocumentReference holding its text (plain text, UTF-8)."""
    attachment: dict[str, Any] = {
        "contentType": "text/plain; charset=utf-8",
        "data": base64.b64encode(r["text"].encode("utf-8")).decode("ascii"),
    }
    if r["topic"]:
        attachment["title"] = r["topic"]
    res: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "id": resource_id(r["id"], "DocumentReference"),
        "status": "current",
        "type": _local(clinic, "note-kind", r["kind"]),
        "subject": subject,
        "content": [{"attachment": attachment}],
        "context": {"period": {"start": r["occurred_on"]}},
    }
    if r["topic"]:
        res["description"] = r["topic"]
    return res


def _signs(clinic: Clinic, system: str, r: dict[str, Any], names: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"code": _local(clinic, system, name), "valueBoolean": bool(r[name])} for name in names]


def screening(clinic: Clinic, r: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    res: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(r["id"], "Observation"),
        "status": "final",
        "category": codes.category("exam"),
        "code": local_observation(clinic, "early-sign-screening"),
        "subject": subject,
        "effectiveDateTime": r["screened_on"],
        "component": _signs(clinic, "early-sign", r, EARLY_SIGNS),
    }
    if r["note"]:
        res["note"] = [{"text": r["note"]}]
    return res


def finding(clinic: Clinic, r: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": resource_id(r["id"], "Observation"),
        "status": "final",
        "category": codes.category("exam"),
        "code": local_observation(clinic, "motor-neuron-signs"),
        "subject": subject,
        "effectiveDateTime": r["examined_on"],
        "bodySite": codes.text_only(r["region"]),
        "component": _signs(clinic, "motor-neuron-sign", r, MOTOR_NEURON_SIGNS),
    }


def other_records(clinic: Clinic, records: dict[str, list[dict[str, Any]]], subject: dict[str, Any]) -> list[Any]:
    return [
        *(lab_result(clinic, r, subject) for r in records["lab_result"]),
        *(alert(clinic, r, subject) for r in records["alert"]),
        *(note(clinic, r, subject) for r in records["clinical_note"]),
        *(screening(clinic, r, subject) for r in records["screening"]),
        *(finding(clinic, r, subject) for r in records["diagnostic_finding"]),
    ]
