"""A visit → Observations: the ALSFRS-R panel (with a QuestionnaireResponse of its items), FVC %
predicted, SNIP, SpO2, weight and height, and the King's and MiToS stages its items give."""

from __future__ import annotations

from typing import Any

from alsdesk.errors import DomainError
from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic
from alsdesk.exchange.fhir.identities import reference, resource_id
from alsdesk.services.scoring import ITEM_KEYS, alsfrs_total, kings_stage, mitos_stage

# A measurement column → (its part name, code, UCUM unit, category).
MEASUREMENTS: tuple[tuple[str, str, str, str], ...] = (
    ("fvc_percent", "fvc", "%", "exam"),
    ("snip_cmh2o", "snip", "cm[H2O]", "exam"),
    ("spo2_percent", "spo2", "%", "vital-signs"),
    ("weight_kg", "weight", "kg", "vital-signs"),
    ("height_cm", "height", "cm", "vital-signs"),
)


def _code(clinic: Clinic, part: str) -> dict[str, Any]:
    if part == "fvc":
        return codes.concept(codes.loinc(codes.FVC_PERCENT_PREDICTED), text="FVC % predicted")
    if part == "snip":
        return local_observation(clinic, "snip")
    if part == "spo2":
        return codes.concept(codes.loinc(codes.SPO2), codes.loinc(codes.SPO2_PULSE_OXIMETRY), text="SpO2")
    if part == "weight":
        return codes.concept(codes.loinc(codes.BODY_WEIGHT), text="Weight")
    return codes.concept(codes.loinc(codes.BODY_HEIGHT), text="Height")


def local_observation(clinic: Clinic, code: str) -> dict[str, Any]:
    """An Observation.code from the clinic's own "observation" CodeSystem."""
    display = codes.LOCAL_OBSERVATIONS[code]
    return codes.concept(codes.coding(codes.local_system(clinic.base, "observation"), code, display), text=display)


def items_of(row: dict[str, Any]) -> dict[str, int]:
    return {k: row[f"item_{k}"] for k in ITEM_KEYS if row[f"item_{k}"] is not None}


def _observation(row: dict[str, Any], subject: dict[str, Any], part: str, **fields: Any) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": resource_id(row["id"], "Observation", part),
        "status": "final",
        "subject": subject,
        "effectiveDateTime": row["assessed_on"],
        **fields,
    }


def _stage(clinic: Clinic, name: str, value: str, row: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    return _observation(
        row,
        subject,
        name,
        category=codes.category("survey"),
        code=local_observation(clinic, name),
        valueCodeableConcept=codes.concept(codes.coding(codes.local_system(clinic.base, name), value), text=value),
        derivedFrom=[reference(resource_id(row["id"], "Observation", "alsfrs-r"))],
    )


def assessment(clinic: Clinic, row: dict[str, Any], subject: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    items = items_of(row)
    try:
        total = alsfrs_total(items)
    except DomainError:  # no items, or an incomplete set: no score to send
        total = None
    if total is not None:
        item_system = codes.local_system(clinic.base, "alsfrs-r-item")
        qr_id = resource_id(row["id"], "QuestionnaireResponse")
        out.append(
            {
                "resourceType": "QuestionnaireResponse",
                "id": qr_id,
                "status": "completed",
                "subject": subject,
                "authored": row["assessed_on"],
                "item": [
                    {"linkId": key, "text": f"ALSFRS-R item {key}", "answer": [{"valueInteger": value}]}
                    for key, value in items.items()
                ],
            }
        )
        components = [{"code": codes.concept(codes.loinc(codes.ALSFRS_R_TOTAL)), "valueInteger": total}]
        components += [
            {"code": codes.concept(codes.coding(item_system, key, f"ALSFRS-R item {key}")), "valueInteger": value}
            for key, value in items.items()
        ]
        out.append(
            _observation(
                row,
                subject,
                "alsfrs-r",
                category=codes.category("survey"),
                code=codes.concept(codes.loinc(codes.ALSFRS_R_PANEL), text="ALSFRS-R"),
                component=components,
                derivedFrom=[reference(qr_id)],
            )
        )
        out.append(_stage(clinic, "kings-stage", kings_stage(items), row, subject))
        out.append(_stage(clinic, "mitos-stage", str(mitos_stage(items)), row, subject))
    for column, part, unit, cat in MEASUREMENTS:
        if row[column] is not None:
            quantity = {"value": row[column], "unit": unit, "system": codes.UCUM, "code": unit}
            out.append(
                _observation(
                    row, subject, part, category=codes.category(cat), code=_code(clinic, part), valueQuantity=quantity
                )
            )
    return out
