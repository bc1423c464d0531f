"""The patient → Patient, and the ALS diagnosis → Condition (SNOMED CT and ICD-10)."""

from __future__ import annotations

from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic
from alsdesk.exchange.fhir.identities import reference, resource_id

LANGUAGE_TAGS = {"en": "en", "zh_CN": "zh-CN"}  # vocab.LANGUAGES → BCP 47


def patient_ref(row: dict[str, Any]) -> dict[str, Any]:
    return reference(resource_id(row["id"], "Patient"))


def patient(clinic: Clinic, row: dict[str, Any]) -> dict[str, Any]:
    names: list[dict[str, Any]] = [{"use": "official", "family": row["family_name"], "given": [row["given_name"]]}]
    if row["name_zh"]:
        names.append({"use": "usual", "text": row["name_zh"]})
    res: dict[str, Any] = {
        "resourceType": "Patient",
        "id": resource_id(row["id"], "Patient"),
        "identifier": [{"use": "usual", "system": clinic.mrn_system, "value": row["mrn"]}],
        "active": not row["archived"],
        "name": names,
        "gender": row["sex"],  # vocab.SEX is FHIR's administrative-gender
        "birthDate": row["birth_date"],
        "communication": [
            {"language": codes.concept(codes.coding(codes.BCP47, LANGUAGE_TAGS[row["language"]])), "preferred": True}
        ],
        "managingOrganization": reference(clinic.organization_id),
    }
    if row["phone"]:
        res["telecom"] = [{"system": "phone", "value": row["phone"]}]
    if row["address"]:
        res["address"] = [{"text": row["address"]}]
    if row["death_date"]:
        res["deceasedDateTime"] = row["death_date"]
    elif row["status"] == "deceased":
        res["deceasedBoolean"] = True
    if row["caregiver_name"] or row["caregiver_phone"]:
        contact: dict[str, Any] = {"name": {"text": row["caregiver_name"] or "-"}}
        if row["caregiver_relation"]:
            contact["relationship"] = [codes.text_only(row["caregiver_relation"])]
        if row["caregiver_phone"]:
            contact["telecom"] = [{"system": "phone", "value": row["caregiver_phone"]}]
        res["contact"] = [contact]
    return res


def condition(row: dict[str, Any]) -> dict[str, Any] | None:
    """The ALS diagnosis: confirmed once diagnosed, provisional while suspected, else None."""
    if row["diagnosis_date"]:
        verification = "confirmed"
    elif row["status"] == "suspected":
        verification = "provisional"
    else:
        return None
    res: dict[str, Any] = {
        "resourceType": "Condition",
        "id": resource_id(row["id"], "Condition"),
        "clinicalStatus": codes.concept(codes.coding(codes.CONDITION_CLINICAL, "active")),
        "verificationStatus": codes.concept(codes.coding(codes.CONDITION_VERIFICATION, verification)),
        "code": codes.concept(
            codes.coding(codes.SNOMED, *codes.ALS_SNOMED),
            codes.coding(codes.ICD10, *codes.ALS_ICD10),
            text="Amyotrophic lateral sclerosis",
        ),
        "subject": patient_ref(row),
    }
    if row["onset_date"]:
        res["onsetDateTime"] = row["onset_date"]
    if row["diagnosis_date"]:
        res["recordedDate"] = row["diagnosis_date"]
    notes = [
        f"{label}: {value}"
        for label, value in (
            ("Onset region", row["onset_region"]),
            ("El Escorial", row["el_escorial"]),
            ("Genetics", row["genetics"] if row["genetics"] != "not_tested" else None),
        )
        if value
    ]
    if notes:
        res["note"] = [{"text": "; ".join(notes)}]
    return res
