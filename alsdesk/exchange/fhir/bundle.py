"""A patient's records as FHIR R4 (R4B models) resources, and the `collection` Bundle of many
patients streamed to a file one entry at a time, so memory stays flat however many are exported."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import IO, Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import BundleEntry
from fhir_core.fhirabstractmodel import FHIRAbstractModel
from sqlalchemy.orm import Session

from alsdesk.exchange.exporting import authorised_ids, iter_patients
from alsdesk.exchange.fhir import (
    allergies,
    assessments,
    care,
    clinical,
    medications,
    patient,
    plans,
    referrals,
    workups,
)
from alsdesk.exchange.fhir.clinic import Clinic, load_clinic
from alsdesk.exchange.fhir.identities import full_url
from alsdesk.services.access import requires

Resource = dict[str, Any]


def _by(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def patient_resources(clinic: Clinic, doc: dict[str, Any]) -> list[Resource]:
    """Every resource one patient's export document (exporting.iter_patients) maps to, Patient first."""
    row, records = doc["patient"], doc["records"]
    subject = patient.patient_ref(row)
    out: list[Resource] = [patient.patient(clinic, row)]
    condition = patient.condition(row)
    if condition:
        out.append(condition)
    out += allergies.allergy_resources(row, records["allergy"], subject)
    for r in records["assessment"]:
        out += assessments.assessment(clinic, r, subject)
    for r in records["workup"]:
        out += workups.workup(clinic, r, subject)
    out += [medications.medication(clinic, r, subject) for r in records["medication"]]
    out += [medications.milestone(clinic, r, subject) for r in records["milestone"]]
    sessions = _by(records["therapy_session"], "plan_id")
    out += [care.therapy_plan(clinic, r, sessions[r["id"]], subject) for r in records["therapy_plan"]]
    marks = _by(records["enrollment_mark"], "enrollment_id")
    for r in records["enrollment"]:
        out += care.enrollment(clinic, r, marks[r["id"]], subject)
    for r in records["referral"]:
        out += referrals.referral(clinic, r, subject)
    out += clinical.other_records(clinic, records, subject)
    out += plans.plan_records(clinic, records, subject)
    return out


def model(resource: Resource) -> FHIRAbstractModel:
    """The resource as its fhir.resources R4B model: built, so checked against the specification."""
    return get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def entry(resource: Resource) -> BundleEntry:
    return BundleEntry.model_validate({"fullUrl": full_url(resource["id"]), "resource": model(resource)})


def entry_json(resource: Resource) -> str:
    """A collection entry as JSON: the resource is built with its model (so checked), and the
    checked mapping written as it is, which is the model's own JSON (tests/db/test_fhir_export.py
    compares them) at half the cost of the model's serialiser."""
    model(resource)
    return json.dumps(
        {"fullUrl": full_url(resource["id"]), "resource": resource}, ensure_ascii=False, separators=(",", ":")
    )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@requires("export")
def write_collection(
    *,
    session: Session,
    out: IO[str],
    mrns: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Stream a FHIR `collection` Bundle of every patient (or those with `mrns`) to `out`; returns how many."""
    ids = authorised_ids(session=session, mrns=mrns, export_format="fhir")
    clinic = load_clinic(session)
    out.write(
        f'{{"resourceType": "Bundle", "id": "{uuid.uuid4()}", "type": "collection", "timestamp": "{now()}",\n'
        '"entry": [\n'
    )
    out.write(entry_json(clinic.organization()))
    for n, doc in enumerate(iter_patients(session, ids)):
        for resource in patient_resources(clinic, doc):
            out.write(",\n" + entry_json(resource))
        if progress and n % 100 == 0:
            progress(n, len(ids))
    out.write("\n]}\n")
    return len(ids)
