"""Older versions of the export format read as the current one: the fields each version added,
filled in from what the older row says. Rows and entries that are not objects are left as they
are, for the validator to name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alsdesk.services.doses import dose_from_text


def current(document: dict[str, Any]) -> dict[str, Any]:
    """`document` (of a readable version) as the current version says it."""
    if document["version"] == 1:
        document = _from_version_1(document)
    if document["version"] == 2:
        document = _from_version_2(document)
    if document["version"] == 3:
        document = _from_version_3(document)
    if document["version"] == 4:
        document = _from_version_4(document)
    if document["version"] == 5:
        document = _from_version_5(document)
    if document["version"] == 6:
        document = _from_version_6(document)
    if document["version"] == 7:
        document = _from_version_7(document)
    return document  # a new version of the format adds its step here


# Fields version 2 added to rows of version 1: (table, field) -> its value from the row.
ADDED_IN_2: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = {
    # Met criteria need both answers yes; otherwise they were never stored (unanswered).
    ("patient", "gold_coast_progressive"): lambda row: True if row.get("gold_coast_met") is True else None,
    ("patient", "gold_coast_mimics_excluded"): lambda row: True if row.get("gold_coast_met") is True else None,
    ("workup_event", "reason"): lambda row: "",
    ("referral_event", "reason"): lambda row: "",
}


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """A version 1 document as version 2 says it: the added fields filled in (rows that are not
    objects are left for the checks to name). Enrollment events come from _imply_enrollment_events."""

    def upgraded(table: str, row: Any) -> Any:
        if not isinstance(row, dict):
            return row
        return {**row, **{f: value(row) for (t, f), value in ADDED_IN_2.items() if t == table and f not in row}}

    patients = document.get("patients")
    if isinstance(patients, list):
        patients = [
            {
                **entry,
                "patient": upgraded("patient", entry.get("patient")),
                "records": {
                    name: [upgraded(name, r) for r in rows] if isinstance(rows, list) else rows
                    for name, rows in entry["records"].items()
                }
                if isinstance(entry.get("records"), dict)
                else entry.get("records"),
            }
            if isinstance(entry, dict)
            else entry
            for entry in patients
        ]
    return {**document, "version": 2, "patients": patients}


# Fields version 3 added to rows of versions 1 and 2: (table, field) -> its value from the row.
ADDED_IN_3: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = {
    ("assessment", "symptoms"): lambda row: "",
    ("alert", "criteria"): lambda row: "",
    ("alert", "closed_reason"): lambda row: None,
    ("alert", "closed_on"): lambda row: None,
}


def _from_version_2(document: dict[str, Any]) -> dict[str, Any]:
    """A version 2 document as version 3 says it: no symptoms recorded, alerts without criteria and
    never closed, and a patient has lung disease when any of their visits had the old per-visit
    flag (as schema 0013 does). Entries and rows that are not objects are left for the checks."""

    def upgraded(table: str, row: Any) -> Any:
        if not isinstance(row, dict):
            return row
        return {**row, **{f: value(row) for (t, f), value in ADDED_IN_3.items() if t == table and f not in row}}

    def entry_3(entry: Any) -> Any:
        if not isinstance(entry, dict) or not isinstance(entry.get("records"), dict):
            return entry
        records = {
            name: [upgraded(name, r) for r in rows] if isinstance(rows, list) else rows
            for name, rows in entry["records"].items()
        }
        patient = entry.get("patient")
        if isinstance(patient, dict) and "lung_disease" not in patient:
            visits = records.get("assessment")
            flagged = isinstance(visits, list) and any(
                isinstance(v, dict) and v.get("lung_disease") is True for v in visits
            )
            patient = {**patient, "lung_disease": flagged}
        return {**entry, "patient": patient, "records": records}

    patients = document.get("patients")
    if isinstance(patients, list):
        patients = [entry_3(e) for e in patients]
    return {**document, "version": 3, "patients": patients}


# Fields version 4 added to alerts: no message as data, so an alert shows its English `message` as it
# is (services.alerts.stored_message).
ADDED_IN_4 = {"message_key": "", "message_values": "{}"}


def _from_version_3(document: dict[str, Any]) -> dict[str, Any]:
    """A version 3 document as version 4 says it: alerts without their message as data."""

    def entry_4(entry: Any) -> Any:
        if not isinstance(entry, dict) or not isinstance(entry.get("records"), dict):
            return entry
        rows = entry["records"].get("alert")
        if not isinstance(rows, list):
            return entry
        alerts = [{**ADDED_IN_4, **r} if isinstance(r, dict) else r for r in rows]
        return {**entry, "records": {**entry["records"], "alert": alerts}}

    patients = document.get("patients")
    if isinstance(patients, list):
        patients = [entry_4(e) for e in patients]
    return {**document, "version": 4, "patients": patients}


# Fields version 5 added to rows of versions 1 to 4 (the allergy table is new: none recorded).
ADDED_IN_5: dict[str, dict[str, Any]] = {
    "staff": {"phone": "", "job_title": ""},
    "patient": {"interpreter_needed": False, "gp_name": "", "gp_contact": "", "allergies_checked_on": None},
}


def _from_version_4(document: dict[str, Any]) -> dict[str, Any]:
    """A version 4 document as version 5 says it: staff without phone or job title, patients with
    no interpreter, GP or allergy check recorded."""

    def upgraded(table: str, row: Any) -> Any:
        return {**ADDED_IN_5[table], **row} if isinstance(row, dict) else row

    staff, patients = document.get("staff"), document.get("patients")
    if isinstance(staff, list):
        staff = [upgraded("staff", r) for r in staff]
    if isinstance(patients, list):
        patients = [
            {**e, "patient": upgraded("patient", e.get("patient"))} if isinstance(e, dict) and "patient" in e else e
            for e in patients
        ]
    return {**document, "version": 5, "staff": staff, "patients": patients}


def _medications(document: dict[str, Any], change: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    """`document` with `change` made to each of its medication rows that is an object."""

    def entry(e: Any) -> Any:
        if not isinstance(e, dict) or not isinstance(e.get("records"), dict):
            return e
        rows = e["records"].get("medication")
        if not isinstance(rows, list):
            return e
        return {**e, "records": {**e["records"], "medication": [change(r) if isinstance(r, dict) else r for r in rows]}}

    patients = document.get("patients")
    return {**document, "patients": [entry(e) for e in patients] if isinstance(patients, list) else patients}


def _from_version_5(document: dict[str, Any]) -> dict[str, Any]:
    """A version 5 document as version 6 says it: each course's dose text read into the dose's
    fields by the rule typed doses follow (services.doses.dose_from_text: what does not read as a
    dose is kept whole as the note). A dose that is not text is left for the checks to name."""

    def structured(row: dict[str, Any]) -> dict[str, Any]:
        dose = row.get("dose")
        return {**dose_from_text(dose).fields(), **row} if isinstance(dose, str) else row

    return {**_medications(document, structured), "version": 6}


def _from_version_6(document: dict[str, Any]) -> dict[str, Any]:
    """A version 6 document as version 7 says it: from no named site (services.sites); its staff
    arrive as this clinic's own unless their user name is another staff member's here, and its
    records count as this clinic's (their `site_id` columns, absent, are ""). The tables version 7
    added (advance_care_plan, and the NIV and tube settings) are absent: none recorded."""
    staff = document.get("staff")
    if isinstance(staff, list):
        staff = [{"site_id": "", **r} if isinstance(r, dict) else r for r in staff]
    return {**document, "version": 7, "site_id": "", "staff": staff}


# Fields version 8 added (schema 0023): no appointment time or workup place recorded.
ADDED_IN_8: dict[str, dict[str, Any]] = {
    "therapy_session": {"scheduled_time": None},
    "workup": {"scheduled_time": None, "place": ""},
    "referral": {"appointment_time": None},
}
# and to staff rows (schema 0024): no job title in Chinese (documents print the English one).
STAFF_ADDED_IN_8: dict[str, Any] = {"job_title_zh": ""}


def _from_version_7(document: dict[str, Any]) -> dict[str, Any]:
    """A version 7 document as version 8 says it: appointments without a time, workups without a
    place (they print as before), staff without a job title in Chinese. Entries and rows that are
    not objects are left for the checks."""

    def entry_8(entry: Any) -> Any:
        if not isinstance(entry, dict) or not isinstance(entry.get("records"), dict):
            return entry
        records = {
            name: [{**ADDED_IN_8[name], **r} if isinstance(r, dict) else r for r in rows]
            if name in ADDED_IN_8 and isinstance(rows, list)
            else rows
            for name, rows in entry["records"].items()
        }
        return {**entry, "records": records}

    staff, patients = document.get("staff"), document.get("patients")
    if isinstance(staff, list):
        staff = [{**STAFF_ADDED_IN_8, **r} if isinstance(r, dict) else r for r in staff]
    if isinstance(patients, list):
        patients = [entry_8(e) for e in patients]
    return {**document, "version": 8, "staff": staff, "patients": patients}
