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
from alsdesk.exchange import fast, merging, validate
from alsdesk.exchange.bulk import bulk_insert, bulk_load, columns_of, without_cycle_collector
from alsdesk.exchange.format import IMPORTED_AS, RECORD_TABLES, Columns, ImportFileError, ImportResult
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
    sender, staff_doc, patients_doc = validate.document_parts(document)
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
    here = sites.local_site(session)
    own_file = here != sites.HERE and sender == here
    sender = sites.site_stored(sender, here)
    _stored_sites(patient_rows, records, here)
    present = merging.present_patients(session, (p["id"] for p in patient_rows))
    arriving = [p for p in patient_rows if p["id"] not in present]
    renumbered = _mrns_here(session, arriving, records["patient_identifier"], sender)
    _imply_enrollment_events(records)
    end_care_at_death(patient_rows, records)
    records["medication"]["alt_due_on"] = medications.imported_alt_due(
        medications.monitored_drugs(session),
        records["medication"],
        records["lab_result"],
        load_settings(session=session),
    )

    records["referral"]["reference"] = list(map(reference, records["referral"]["id"]))
    merged = merging.MergeCount(own_file=own_file)
    if present:
        merging.merge_rows(session, ptable, [p for p in patient_rows if p["id"] in present], sender, merged)
        for name, table in RECORD_TABLES.items():
            records[name] = _merged(session, table, records[name], present, sender, merged)
    if sender != sites.HERE:  # the version each row had when it travelled here (exchange.merging)
        for row in arriving:
            row["synced_version"] = row["version"]
        for columns in records.values():
            columns["synced_version"] = list(columns["version"])

    total = 0
    with bulk_load(session):
        if new_staff:
            bulk_insert(session, staff_table, columns_of(staff_table, new_staff))
        if arriving:
            bulk_insert(session, ptable, columns_of(ptable, arriving))
            keys: sa.Table = PatientSearchKey.__table__
            bulk_insert(session, keys, columns_of(keys, search_key_rows(arriving, records["patient_identifier"])))
        for name, table in RECORD_TABLES.items():
            if records[name]["id"]:
                bulk_insert(session, table, records[name])
                total += len(records[name]["id"])
    merged.apply(session)
    # Patients here whose names, phone or other clinics' MRNs the merge changed: found by the new ones.
    for pid in merged.patients_updated | (present & set(records["patient_identifier"]["patient_id"])):
        patient_rules.refresh_search_keys(session, pid)
    audit.append(
        session,
        merged.audit  # each record the merge added or updated, then each patient imported
        + [
            (
                "import",
                "patient",
                p["id"],
                p["id"],
                {"mrn": p["mrn"]} | ({"merged": True} if p["id"] in present else {}),
                None,
            )
            for p in patient_rows
        ],
    )
    return ImportResult(
        patients=len(arriving),
        records=total,
        staff=len(new_staff),
        renumbered=renumbered,
        merged=len(present),
        updated=merged.updated,
        conflicts=merged.conflicts,
    )


def _merged(
    session: Session, table: sa.Table, columns: Columns, present: set[uuid.UUID], sender: str, count: merging.MergeCount
) -> Columns:
    """`columns` with the rows of patients already here merged (exchange.merging): of those, only
    the rows not here yet are left, to be inserted."""
    again = [k for k, pid in enumerate(columns["patient_id"]) if pid in present]
    if not again:
        return columns
    rows = [{name: values[k] for name, values in columns.items()} for k in again]
    added = merging.merge_rows(session, table, rows, sender, count)
    skip = set(again)
    return {
        name: [v for k, v in enumerate(values) if k not in skip] + [r[name] for r in added]
        for name, values in columns.items()
    }


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


def _stored_sites(patient_rows: list[dict[str, Any]], records: dict[str, Columns], here: str) -> None:
    """Each row's site as this clinic stores it (services.sites): "" for its own."""
    for p in patient_rows:
        p["site_id"] = sites.site_stored(p["site_id"], here)
    for columns in records.values():
        for name in sites.SITE_COLUMNS:
            if name in columns:
                columns[name] = [sites.site_stored(v, here) for v in columns[name]]


def _mrns_here(
    session: Session, rows: list[dict[str, Any]], identifiers: Columns, sender: str
) -> tuple[tuple[str, str], ...]:
    """Patients sent by another clinic keep their MRN there as an identifier of that site; one
    whose MRN is another patient's here is given a local MRN (patients.local_mrn). From this
    clinic or an unnamed one, an MRN already here refuses the file, as before transfers.
    Returns (MRN there, MRN here) for each patient given a local MRN."""
    by_mrn = {r["mrn"].lower(): i for i, r in enumerate(rows)}
    clashes = patient_rules.mrns_taken(session, by_mrn)
    if sender == sites.HERE:
        for other in clashes:
            i = by_mrn[other.mrn.lower()]
            mrn = rows[i]["mrn"]
            found = "" if other.mrn == mrn else f" (as {other.mrn!r})"
            raise ImportFileError(f"patients[{i}].patient.mrn", f"MRN {mrn!r} is already in the database{found}")
        return ()
    now = utcnow()
    known = set(zip(identifiers["patient_id"], identifiers["issuer_site"], identifiers["mrn"], strict=True))
    for p in rows:
        if (p["id"], sender, p["mrn"]) not in known:
            row = {"id": new_id(), "patient_id": p["id"], "issuer_site": sender, "mrn": p["mrn"], "site_id": ""}
            for name, value in {**row, "created_at": now, "updated_at": now, "version": 1}.items():
                identifiers[name].append(value)
    taken = {m.lower() for m in by_mrn} | {o.mrn.lower() for o in clashes}
    renumbered = []
    for other in clashes:
        p = rows[by_mrn[other.mrn.lower()]]
        here = patient_rules.local_mrn(
            p["mrn"], sender, lambda m: m.lower() in taken or bool(patient_rules.mrns_taken(session, [m]))
        )
        taken.add(here.lower())
        renumbered.append((p["mrn"], here))
        p["mrn"] = here
    return tuple(renumbered)


def search_key_rows(rows: list[dict[str, Any]], identifiers: Columns | None = None) -> list[dict[str, Any]]:
    """The search keys of imported patients: as entry makes them, and their other clinics' MRNs."""
    now = utcnow()
    other_mrns: dict[uuid.UUID, set[str]] = {}
    if identifiers is not None:
        for pid, mrn in zip(identifiers["patient_id"], identifiers["mrn"], strict=True):
            other_mrns.setdefault(pid, set()).add(search.fold(mrn))
    out: list[dict[str, Any]] = []
    for p in rows:
        keys = search.search_keys(
            mrn=p["mrn"],
            family_name=p["family_name"],
            given_name=p["given_name"],
            name_zh=p["name_zh"],
            phone=p["phone"],
        ) | other_mrns.get(p["id"], set())
        out.extend(
            {"id": new_id(), "patient_id": p["id"], "key": k, "created_at": now, "updated_at": now, "version": 1}
            for k in sorted(keys)
        )
    return out
