"""Import: an export document's patients, records and staff added to the database, all or nothing.

The document is checked whole before anything is written (validate.py, or fast.py when nothing is
wrong), what entry would derive is derived (implied enrollment events, care ended at a recorded
death, the next ALT check), and the rows go in with Core (bulk.py) in the caller's one transaction.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.exchange import fast, validate
from alsdesk.exchange.bulk import bulk_insert, bulk_load, columns_of, without_cycle_collector
from alsdesk.exchange.format import IMPORTED_AS, RECORD_TABLES, Columns, ImportFileError, ImportResult, reason
from alsdesk.i18n import N_
from alsdesk.models import Patient, PatientSearchKey, Staff
from alsdesk.models.base import utcnow
from alsdesk.models.ids import new_id
from alsdesk.models.referral import reference
from alsdesk.services import audit, death, medications, programs, search, sites
from alsdesk.services import patients as patient_rules
from alsdesk.services.access import requires
from alsdesk.services.setting_values import load_settings

BATCH = 500  # patient ids looked up at a time


def read_document(fh: IO[str]) -> Any:
    try:
        return json.load(fh)
    except json.JSONDecodeError as err:
        raise DomainError(
            "The file is not valid JSON (line {line}, column {column}: {reason}).",
            line=err.lineno,
            column=err.colno,
            reason=err.msg,
        ) from err
    except UnicodeDecodeError as err:
        raise DomainError("The file is not UTF-8 text, so it is not an alsdesk export.") from err
    except RecursionError as err:
        raise DomainError("The file nests lists or objects too deeply to be an alsdesk export.") from err
    except ValueError as err:  # a number too long to convert (Python's int_max_str_digits)
        raise DomainError("The file holds a number too long to read ({reason}).", reason=err) from err


@requires("import")
def import_document(
    *, session: Session, document: Any, progress: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Validate the whole document, then insert it with Core in this session's one transaction.

    Nothing is written unless every row passes; the first bad field is named by its path.
    """
    with without_cycle_collector():
        return _import_document(session, document, progress)


def _import_document(session: Session, document: Any, progress: Callable[[int, int], None] | None) -> ImportResult:
    staff_doc, patients_doc = validate.document_parts(document)
    # Codecs for this import only: their memos of decoded ids and dates go when it ends.
    memos: validate.Memos = {}
    staff_table: sa.Table = Staff.__table__
    staff_rows = validate.decode_staff(staff_doc, validate.TableCodec(staff_table, memos))
    existing_staff = set(session.scalars(sa.select(Staff.id)))
    new_staff = arriving_staff(session, [r for r in staff_rows if r["id"] not in existing_staff])

    ptable: sa.Table = Patient.__table__
    patient_codec = validate.TableCodec(ptable, memos)
    codecs = {name: validate.TableCodec(table, memos) for name, table in RECORD_TABLES.items()}
    staff_ids = existing_staff | {r["id"] for r in staff_rows}
    # Column by column when nothing is wrong; otherwise row by row, which names the first bad field.
    decoded = fast.decode_patients(patients_doc, patient_codec, codecs, staff_ids, progress)
    if decoded is None:
        decoded = validate.decode_rows(patients_doc, patient_codec, codecs, staff_ids, progress)
    patient_rows, records = decoded
    _check_clashes(session, patient_rows)
    _imply_enrollment_events(records)
    end_care_at_death(patient_rows, records)
    records["medication"]["alt_due_on"] = medications.imported_alt_due(
        medications.monitored_drugs(session),
        records["medication"],
        records["lab_result"],
        load_settings(session=session),
    )

    records["referral"]["reference"] = list(map(reference, records["referral"]["id"]))

    total = 0
    with bulk_load(session):
        if new_staff:
            bulk_insert(session, staff_table, columns_of(staff_table, new_staff))
        if patient_rows:
            bulk_insert(session, ptable, columns_of(ptable, patient_rows))
            keys: sa.Table = PatientSearchKey.__table__
            bulk_insert(session, keys, columns_of(keys, search_key_rows(patient_rows)))
        for name, table in RECORD_TABLES.items():
            if records[name]["id"]:
                bulk_insert(session, table, records[name])
                total += len(records[name]["id"])
    audit.append(session, [("import", "patient", p["id"], p["id"], {"mrn": p["mrn"]}, None) for p in patient_rows])
    return ImportResult(patients=len(patient_rows), records=total, staff=len(new_staff))


def arriving_staff(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The file's staff not here yet (staff are matched by id, never by user name), as they are
    stored: this clinic's own when the file names this site or none, otherwise another clinic's
    (services.sites: no password, a user name no local one holds). A user name that is another
    staff member's here means the file's staff member is not ours, whatever site the file names."""
    here = sites.local_site(session)
    taken = set(session.scalars(sa.select(Staff.username)))
    out = []
    for r in rows:
        site = sites.site_stored(r["site_id"], here)
        if site == sites.HERE and r["username"] in taken:
            site = sites.UNKNOWN_SITE
        if site != sites.HERE:
            name = sites.foreign_username(r["username"], site)
            r = {
                **r,
                "site_id": site,
                "username": name if name not in taken else sites.foreign_username(r["id"].hex, site),
            }
        taken.add(r["username"])
        out.append({**IMPORTED_AS["staff"], **r})
    return out


def end_care_at_death(patient_rows: list[dict[str, Any]], records: dict[str, Columns]) -> None:
    """What entry does when a death is recorded (services/death.py), done to an imported deceased
    patient's records before they are inserted: courses running past the date of death stop on it,
    active plans end, sessions scheduled from that day are cancelled. A file from before this rule
    may hold them still running; a course started after the date of death is refused by its path."""
    deaths = {
        p["id"]: (i, p["death_date"])
        for i, p in enumerate(patient_rows)
        if p["status"] == "deceased" and p["death_date"] is not None
    }
    if not deaths:
        return
    meds, nth = records["medication"], Counter[uuid.UUID]()
    for k, pid in enumerate(meds["patient_id"]):
        nth[pid] += 1  # records keep the file's order within a patient
        if pid not in deaths:
            continue
        i, died = deaths[pid]
        try:
            end = death.course_stop_at_death(meds["drug_code"][k], meds["started_on"][k], meds["stopped_on"][k], died)
        except DomainError as err:
            raise ImportFileError(f"patients[{i}].records.medication[{nth[pid] - 1}].started_on", err) from None
        if end is not None:
            meds["stopped_on"][k], meds["stop_reason"][k] = end, death.died_reason(end)
    plans = records["therapy_plan"]
    for k, pid in enumerate(plans["patient_id"]):
        if pid in deaths:
            plans["active"][k] = False
    sessions = records["therapy_session"]
    for k, pid in enumerate(sessions["patient_id"]):
        if pid in deaths and death.session_cancelled_at_death(
            sessions["status"][k], sessions["scheduled_on"][k], deaths[pid][1]
        ):
            sessions["status"][k] = "cancelled"


def _imply_enrollment_events(records: dict[str, Columns]) -> None:
    """Enrollments without any event (a version 1 file) get those their state implies."""
    enrollments, events = records["enrollment"], records["enrollment_event"]
    have = set(events["enrollment_id"])
    rows = [dict(zip(enrollments, values, strict=True)) for values in zip(*enrollments.values(), strict=True)]
    for event in programs.implied_events(r for r in rows if r["id"] not in have):
        for name, values in events.items():
            values.append(event[name])


def _check_clashes(session: Session, rows: list[dict[str, Any]]) -> None:
    """Refuse patients whose MRN or ID the database already holds (no silent merge)."""
    by_mrn = {r["mrn"].lower(): i for i, r in enumerate(rows)}
    by_id = {r["id"]: i for i, r in enumerate(rows)}
    for other in patient_rules.mrns_taken(session, by_mrn):
        i = by_mrn[other.mrn.lower()]
        mrn = rows[i]["mrn"]
        found = "" if other.mrn == mrn else f" (as {other.mrn!r})"
        raise ImportFileError(f"patients[{i}].patient.mrn", f"MRN {mrn!r} is already in the database{found}")
    pids = list(by_id)
    for start in range(0, len(rows), BATCH):
        for pid in session.scalars(sa.select(Patient.id).where(Patient.id.in_(pids[start : start + BATCH]))):
            raise ImportFileError(
                f"patients[{by_id[pid]}].patient.id", reason(N_("this patient is already in the database"))
            )


def search_key_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    now = utcnow()
    out: list[dict[str, Any]] = []
    for p in rows:
        keys = search.search_keys(
            mrn=p["mrn"],
            family_name=p["family_name"],
            given_name=p["given_name"],
            name_zh=p["name_zh"],
            phone=p["phone"],
        )
        out.extend(
            {"id": new_id(), "patient_id": p["id"], "key": k, "created_at": now, "updated_at": now, "version": 1}
            for k in sorted(keys)
        )
    return out
