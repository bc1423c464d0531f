"""`alsdesk import --format fhir`: a Bundle's patients matched or created, and their visits, lab
results and courses added, all or nothing (docs/fhir.md, "Import").

The rows read from the Bundle (reading.py) go through the native import's own checks
(validate.decode_rows: columns, the services' entry rules, ALSFRS-R items) and its Core inserts, in
the caller's one transaction; a refused field is named by its Bundle entry and FHIR field.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.exchange import validate
from alsdesk.exchange.bulk import bulk_insert, bulk_load, columns_of
from alsdesk.exchange.fhir.clinic import Clinic, load_clinic
from alsdesk.exchange.fhir.identities import resource_id
from alsdesk.exchange.fhir.reading import PatientIn, Record, is_alsdesk_system, read_bundle
from alsdesk.exchange.format import RECORD_TABLES, ImportFileError, encode, exported_columns, reason
from alsdesk.exchange.importing import end_care_at_death, search_key_rows
from alsdesk.i18n import N_, Msg
from alsdesk.models import Assessment, LabResult, Medication, Patient, PatientSearchKey, Staff
from alsdesk.models.base import utcnow
from alsdesk.services import audit, medications, restricted, search
from alsdesk.services import patients as patient_rules
from alsdesk.services.access import requires

# The Observations one visit becomes in our export (assessments.py): how a visit of ours is known.
VISIT_PARTS = ("alsfrs-r", "fvc", "snip", "spo2", "weight", "height")
TABLES = {"assessment": Assessment.__table__, "lab_result": LabResult.__table__, "medication": Medication.__table__}
NATIVE_PATH = re.compile(r"patients\[(\d+)\]\.(?:patient|records\.(\w+)\[(\d+)\])(?:\.(\w+))?")


@dataclass(frozen=True)
class Matched:
    mrn: str
    name: str
    birth_date: date
    by: str  # "identifier" or "name and birth date"


@dataclass(frozen=True)
class FhirImportResult:
    created: int
    matched: list[Matched]
    records: int
    present: int  # records already here (recognised by their FHIR id), not added again
    skipped: dict[str, int]  # resources (or parts) not read, by why


@requires("import")
def import_bundle(*, session: Session, document: Any, accept_name_match: bool = False) -> FhirImportResult:
    """Read the Bundle whole, match or create each patient, and insert what is new, or nothing.

    A patient found only by name and birth date is refused, naming it, unless `accept_name_match`.
    """
    clinic = load_clinic(session)
    bundle = read_bundle(document, set(clinic.drug_names))
    plan = [(p, *_match(session, clinic, p)) for p in bundle.patients]  # each patient, the row it matched, how
    for p, row, by in plan:
        if row is not None and by != "identifier" and not accept_name_match:
            raise DomainError(
                "{where}: matches the patient {mrn} ({name}, born {birth}) by name and birth date only, "
                "not by an identifier. Nothing was imported; to add the records to that patient, import "
                "again with --yes.",
                where=p.record.at,
                mrn=row["mrn"],
                name=f"{row['family_name']} {row['given_name']}",
                birth=row["birth_date"],
            )
    matched = [
        Matched(row["mrn"], f"{row['family_name']} {row['given_name']}", row["birth_date"], by)
        for _p, row, by in plan
        if row is not None
    ]
    # Core inserts pass the ORM's write check: a matched restricted record is checked here the same way.
    restricted.check_writes(session, (row["id"] for _p, row, _by in plan if row is not None))

    doc, kept, present = _native_entries(session, clinic, plan)
    memos: validate.Memos = {}
    codecs = {name: validate.TableCodec(table, memos) for name, table in RECORD_TABLES.items()}
    staff_ids = set(session.scalars(sa.select(Staff.id)))
    with _named(plan, kept):
        patient_rows, records = validate.decode_rows(
            doc, validate.TableCodec(Patient.__table__, memos), codecs, staff_ids, None
        )
        created = [r for r, (_p, row, _by) in zip(patient_rows, plan, strict=True) if row is None]
        _check_mrns(session, created, [p for p, row, _by in plan if row is None])
        end_care_at_death(patient_rows, records)
    records["medication"]["alt_due_on"] = [None] * len(records["medication"]["id"])

    total = 0
    with bulk_load(session):
        if created:
            ptable: sa.Table = Patient.__table__
            keys: sa.Table = PatientSearchKey.__table__
            bulk_insert(session, ptable, columns_of(ptable, created))
            bulk_insert(session, keys, columns_of(keys, search_key_rows(created)))
        for name, table in TABLES.items():
            if records[name]["id"]:
                bulk_insert(session, table, records[name])
                total += len(records[name]["id"])
    # The next ALT check, from the patient's own results: of the new courses, and of a matched
    # patient's courses when ALT results were added to them.
    courses = records["medication"]["id"]
    for start in range(0, len(courses), 500):
        medications.derive_alt_due(session, Medication.id.in_(courses[start : start + 500]))
    labs = records["lab_result"]
    alt = {pid for pid, test in zip(labs["patient_id"], labs["test"], strict=True) if test.upper() == medications.ALT}
    tested = sorted(alt)
    for start in range(0, len(tested), 500):
        medications.derive_alt_due(session, Medication.patient_id.in_(tested[start : start + 500]))
    audit.append(
        session,
        [
            (
                "import",
                "patient",
                r["id"],
                r["id"],
                {"mrn": r["mrn"], "format": "fhir", "records": sum(map(len, k.values()))}
                | ({"matched": by} if by else {}),
                None,
            )
            for r, (_p, _row, by), k in zip(patient_rows, plan, kept, strict=True)
        ],
    )
    return FhirImportResult(len(created), matched, total, present, dict(bundle.skipped))


Plan = list[tuple[PatientIn, dict[str, Any] | None, str]]  # each patient, the row it matched (or None), how


def _native_entries(
    session: Session, clinic: Clinic, plan: Plan
) -> tuple[list[dict[str, Any]], list[dict[str, list[Record]]], int]:
    """The native import's patient entries for the plan (a matched patient's own row, for its
    checks, is not inserted), the records kept for each, and how many were already here."""
    present = 0
    doc: list[dict[str, Any]] = []
    kept: list[dict[str, list[Record]]] = []
    for p, row, _by in plan:
        if row is None:
            patient = _new_patient(clinic, p)
            known: set[uuid.UUID] = set()
        else:
            patient = row
            known = _known_ids(session, row["id"])
        read = {"assessment": p.visits, "lab_result": p.labs, "medication": p.courses}
        new = {name: [r for r in recs if not r.ids & known] for name, recs in read.items()}
        present += sum(len(recs) - len(new[name]) for name, recs in read.items())
        kept.append(new)
        doc.append(
            {
                "patient": {k: encode(v) for k, v in patient.items()},
                "records": {name: [_row(name, r, patient) for r in recs] for name, recs in new.items()},
            }
        )
    return doc, kept, present


def _match(session: Session, clinic: Clinic, p: PatientIn) -> tuple[dict[str, Any] | None, str]:
    """The patient here that `p` is: by its id (an earlier import of it), by this clinic's MRN
    identifier, or else by name and birth date (which a person must confirm)."""
    select = sa.select(*exported_columns(Patient.__table__))
    found = session.execute(select.where(Patient.id == p.fhir_id)).mappings().first()
    mrns = [v.lower() for system, v, _at in p.identifiers if system == clinic.mrn_system]
    if found is None and mrns:
        found = session.execute(select.where(sa.func.lower(Patient.mrn).in_(mrns))).mappings().first()
    if found is not None:
        return dict(found), "identifier"
    row = p.record.row
    same = session.execute(
        select.where(
            Patient.sort_key == search.sort_key(row["family_name"], row["given_name"]),
            Patient.birth_date == row["birth_date"],
        )
    ).mappings()
    candidates = [dict(r) for r in same]
    if len(candidates) > 1:
        raise DomainError(
            "{where}: {count} patients here have this name and birth date ({mrns}); nothing was imported.",
            where=p.record.at,
            count=len(candidates),
            mrns=[c["mrn"] for c in candidates],
        )
    return (candidates[0], "name and birth date") if candidates else (None, "")


def _mrn(clinic: Clinic, p: PatientIn) -> tuple[str, str]:
    """The MRN a new patient is given: this clinic's identifier, another alsdesk clinic's, or the first."""
    for wanted in (
        lambda s: s == clinic.mrn_system,
        lambda s: is_alsdesk_system(s, "mrn"),
        lambda s: True,
    ):
        for system, value, at in p.identifiers:
            if wanted(system):
                return value, at
    raise ImportFileError(f"{p.record.at}.identifier", reason(N_("must hold the patient's MRN")))


def _blank(table: sa.Table) -> dict[str, Any]:
    """A row of `table` with each column's default, as a new record starts."""
    now = utcnow()
    out: dict[str, Any] = {}
    for c in exported_columns(table):
        default = getattr(c.default, "arg", None)
        out[c.name] = None if callable(default) else default
    return out | {"created_at": now, "updated_at": now, "version": 1}


def _new_patient(clinic: Clinic, p: PatientIn) -> dict[str, Any]:
    row = _blank(Patient.__table__) | p.record.row
    mrn, at = _mrn(clinic, p)
    p.record.put("mrn", mrn, at)
    row["mrn"] = mrn
    if row["sex"] is None:
        row["sex"] = "unknown"
    row["sort_key"] = search.sort_key(row["family_name"], row["given_name"])
    for column in p.record.fields.keys() & patient_rules.FIELD_RULES.keys():
        try:  # each field read, by the rule entry applies, named by where it came from
            patient_rules.FIELD_RULES[column](row[column])
        except DomainError as err:
            raise ImportFileError(p.record.where(column), err) from None
    return row


def _row(name: str, rec: Record, patient: dict[str, Any]) -> dict[str, Any]:
    row = _blank(TABLES[name]) | rec.row | {"patient_id": patient["id"]}
    if name == "assessment":
        row["lung_disease"] = patient["lung_disease"]
    return {k: encode(v) for k, v in row.items()}


def _known_ids(session: Session, patient_id: uuid.UUID) -> set[uuid.UUID]:
    """The FHIR ids a patient's visits, lab results and courses are known by: their own ids (one an
    earlier import gave them) and the ids our export gives them (identities.resource_id)."""
    known: set[uuid.UUID] = set()
    for (vid,) in session.execute(sa.select(Assessment.id).where(Assessment.patient_id == patient_id)):
        known |= {vid, *(uuid.UUID(resource_id(str(vid), "Observation", part)) for part in VISIT_PARTS)}
    for (lid,) in session.execute(sa.select(LabResult.id).where(LabResult.patient_id == patient_id)):
        known |= {lid, uuid.UUID(resource_id(str(lid), "Observation"))}
    for (cid,) in session.execute(sa.select(Medication.id).where(Medication.patient_id == patient_id)):
        known |= {cid, uuid.UUID(resource_id(str(cid), "MedicationRequest"))}
    return known


def _check_mrns(session: Session, rows: list[dict[str, Any]], patients: list[PatientIn]) -> None:
    """A new patient's MRN must be free here (matching did not find its owner by identifier)."""
    by_mrn = {r["mrn"].lower(): p for r, p in zip(rows, patients, strict=True)}
    for other in patient_rules.mrns_taken(session, by_mrn):
        p = by_mrn[other.mrn.lower()]
        raise ImportFileError(
            p.record.where("mrn"),
            f"MRN {p.record.row['mrn']!r} belongs to another patient here ({other.family_name} "
            f"{other.given_name}, born {other.birth_date})",
        )


@contextmanager
def _named(
    plan: list[tuple[PatientIn, dict[str, Any] | None, str]], kept: list[dict[str, list[Record]]]
) -> Iterator[None]:
    """Native import paths ("patients[0].records.assessment[2].item_3") said as the Bundle entry
    and FHIR field they came from."""
    try:
        yield
    except ImportFileError as err:
        m = NATIVE_PATH.fullmatch(err.path)
        if m is None:
            raise
        i, table, j, column = m.groups()
        p = plan[int(i)][0]
        rec = p.record if table is None else kept[int(i)][table][int(j)]
        message = cast("str | Msg | DomainError", err.params["message"])  # what ImportFileError was given
        raise ImportFileError(rec.where(column), message) from None
