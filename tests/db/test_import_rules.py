"""One set of rules for entry and import: the importer refuses what the services refuse on entry
(dates, text limits and characters, measurements, case-insensitive MRNs, references inside one
patient), names the field by its path, and a property test feeds both the same generated records."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alsdesk import demo, exchange
from alsdesk.errors import DomainError
from alsdesk.exchange import fast, validate
from alsdesk.services import assessments, medications, notes, patients
from alsdesk.services.doses import Dose


@pytest.fixture
def template(db, patient) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """An export of one patient with a note, a visit, a medication and a lab made by the services."""
    with db.write() as s:
        notes.add_note(session=s, patient_id=patient.id, kind="clinical", occurred_on=date(2025, 2, 1), text="seen")
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 2, 1), fvc_percent=80.0)
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code="riluzole",
            started_on=date(2025, 2, 1),
            acknowledge_warnings=True,
        )
        medications.record_lab(session=s, patient_id=patient.id, test="ALT", taken_on=date(2025, 2, 1), value=20.0)
    with db.write() as s:
        return json.loads(json.dumps(exchange.export_document(session=s)))


def _as_new_patient(template: dict[str, Any]) -> dict[str, Any]:
    """The template's patient under a fresh id and MRN, every record with a fresh id."""
    doc = copy.deepcopy(template)
    entry = doc["patients"][0]
    pid = str(uuid.uuid4())
    entry["patient"].update(id=pid, mrn=f"N{uuid.uuid4().hex[:12]}")
    for rows in entry["records"].values():
        for row in rows:
            row.update(id=str(uuid.uuid4()), patient_id=pid)
    entry["records"] = {name: rows[:1] for name, rows in entry["records"].items()}
    for name in ("alert", "workup_event", "referral_event", "enrollment_event"):
        entry["records"][name] = []  # rows that point at records dropped above
    return doc


def _imports(db, doc: dict[str, Any]) -> str | None:  # type: ignore[no-untyped-def]
    """None if the document imports, else the refusal; nothing is kept either way."""
    try:
        with db.write() as s:
            exchange.import_document(session=s, document=json.loads(json.dumps(doc)))
            s.rollback()
    except DomainError as err:
        return str(err)
    return None


def _enters(db, call: Callable[[Any], object]) -> str | None:  # type: ignore[no-untyped-def]
    try:
        with db.write() as s:
            call(s)
            s.rollback()
    except DomainError as err:
        return str(err)
    return None


def _record(doc: dict[str, Any], table: str) -> dict[str, Any]:
    row: dict[str, Any] = doc["patients"][0]["records"][table][0]
    return row


# --- the cases of issue 11, point 10 -------------------------------------------------------------


def test_an_mrn_differing_only_in_case_is_refused(db, template) -> None:  # type: ignore[no-untyped-def]
    doc = _as_new_patient(template)
    doc["patients"][0]["patient"]["mrn"] = "t0001"  # the fixture's patient is T0001
    assert _imports(db, doc) == "patients[0].patient.mrn: MRN 't0001' is already in the database (as 'T0001')"


def test_a_workup_event_cannot_point_at_another_patients_workup(db) -> None:  # type: ignore[no-untyped-def]
    doc = demo.demo_document(patients=20, seed=3, anchor=date(2026, 2, 1))
    owners = [i for i, p in enumerate(doc["patients"]) if p["records"]["workup_event"]]
    first, second = owners[0], owners[1]
    event = doc["patients"][second]["records"]["workup_event"][0]
    event["workup_id"] = doc["patients"][first]["records"]["workup"][0]["id"]
    refusal = _imports(db, doc)
    assert refusal is not None
    assert refusal.startswith(f"patients[{second}].records.workup_event[0].workup_id: refers to a workup of another")


@pytest.mark.parametrize(
    ("table", "column", "value", "says"),
    [
        ("assessment", "assessed_on", "9999-12-31", "must be from 1900-01-01 to 2999-12-31"),
        ("assessment", "assessed_on", (date.today() + timedelta(days=1)).isoformat(), "Assessment date"),
        ("medication", "started_on", "0001-01-01", "must be from 1900-01-01 to 2999-12-31"),
        ("medication", "started_on", "1950-01-01", "Start date (1950-01-01) cannot be before 1960-05-17"),
        ("lab_result", "taken_on", "9999-12-31", "must be from 1900-01-01 to 2999-12-31"),
        ("clinical_note", "text", "x" * 50_001, "Text is too long (50001 characters; at most 50000)"),
        ("clinical_note", "text", " ", "Text is required"),
        ("clinical_note", "text", "red \x1b[31m", "control or invalid character ('\\x1b')"),
        ("assessment", "fvc_percent", 250.0, "FVC (% predicted) must be a number from 0 to 200"),
        ("lab_result", "test", "AL\nT", "Test contains a control or invalid character ('\\n')"),
    ],
)
def test_import_refuses_what_entry_refuses(db, template, table, column, value, says) -> None:  # type: ignore[no-untyped-def]
    doc = _as_new_patient(template)
    _record(doc, table)[column] = value
    refusal = _imports(db, doc)
    assert refusal is not None and refusal.startswith(f"patients[0].records.{table}[0].{column}: "), refusal
    assert says in refusal, refusal
    assert len(refusal) < 300  # the 50,001 characters are not echoed


def test_the_template_itself_imports(db, template) -> None:  # type: ignore[no-untyped-def]
    assert _imports(db, _as_new_patient(template)) is None


def test_a_clean_file_is_checked_column_by_column(db) -> None:  # type: ignore[no-untyped-def]
    """The fast whole-column pass accepts a clean demo clinic (the row-by-row pass is for errors)."""
    from alsdesk.models import Patient, Staff

    doc = json.loads(json.dumps(demo.demo_document(patients=30, seed=5, anchor=date.today())))
    memos: validate.Memos = {}
    staff = {validate.TableCodec(Staff.__table__, memos).decode(r, "s")["id"] for r in doc["staff"]}
    codecs = {n: validate.TableCodec(t, memos) for n, t in exchange.RECORD_TABLES.items()}
    patient_codec = validate.TableCodec(Patient.__table__, memos)
    assert fast.decode_patients(doc["patients"], patient_codec, codecs, staff, None) is not None


# --- the same generated records through entry and import ------------------------------------------

BIRTH = date(1960, 5, 17)  # the fixture patient's
DAYS = st.one_of(
    st.sampled_from(
        [
            date(1, 1, 1),
            date(1899, 12, 31),
            date(1900, 1, 1),
            BIRTH - timedelta(days=1),
            BIRTH,
            date.today(),
            date.today() + timedelta(days=1),
            date(2999, 12, 31),
            date(3000, 1, 1),
            date(9999, 12, 31),
        ]
    ),
    st.dates(),
)


def _texts(limit: int, least: int = 0) -> st.SearchStrategy[str]:
    """Text around `limit` characters, with the characters the rules are about inside it (spaces at
    the ends are trimmed on entry; an export holds text as entry stored it)."""
    inner = st.text(st.sampled_from(["a", " ", "\n", "\t", "\x1b", "\x00", "\ud800", "=", "张", "\u202e"]), max_size=3)
    sizes = st.sampled_from(sorted({max(least, n) for n in (0, 1, limit - 2, limit - 1, limit)}))
    return st.builds(lambda n, t: "a" * n if n == 0 and least else ("a" * n)[:1] + t + ("a" * n)[1:], sizes, inner)


CASES = st.one_of(
    st.tuples(st.just("clinical_note"), st.fixed_dictionaries({"occurred_on": DAYS, "text": _texts(50_000)})),
    st.tuples(
        st.just("assessment"),
        st.fixed_dictionaries(
            {
                "assessed_on": DAYS,
                "fvc_percent": st.floats(-10, 260, allow_nan=False),
                "note": _texts(5000),
            }
        ),
    ),
    st.tuples(st.just("medication"), st.fixed_dictionaries({"started_on": DAYS, "dose_note": _texts(200)})),
    st.tuples(st.just("lab_result"), st.fixed_dictionaries({"taken_on": DAYS, "test": _texts(40)})),
    st.tuples(  # a rule between two fields: stopped not before started
        st.just("medication"),
        st.fixed_dictionaries(
            {
                "started_on": st.sampled_from([BIRTH, date(2024, 3, 1)]),
                "stopped_on": DAYS,
                "stop_reason": st.just("done"),
            }
        ),
    ),
    st.tuples(
        st.just("patient"),
        st.fixed_dictionaries(
            {"mrn": st.sampled_from(["T0001", "t0001", "T0001x", "T 1"]), "family_name": _texts(100)}
        ),
    ),
)


def _enter(table: str, values: dict[str, Any], patient_id: uuid.UUID) -> Callable[[Any], object]:
    if table == "clinical_note":
        return lambda s: notes.add_note(session=s, patient_id=patient_id, kind="clinical", **values)
    if table == "assessment":
        return lambda s: assessments.record_assessment(session=s, patient_id=patient_id, **values)
    if table == "medication" and "stopped_on" in values:
        start, stop = values["started_on"], values["stopped_on"]

        def prescribe_and_stop(s: Any) -> object:
            m, _ = medications.prescribe(
                session=s, patient_id=patient_id, drug_code="riluzole", acknowledge_warnings=True, started_on=start
            )
            return medications.stop_medication(session=s, medication_id=m.id, stopped_on=stop, reason="done")

        return prescribe_and_stop
    if table == "medication":  # a note alone, with the catalog's dose
        note, start = values["dose_note"], values["started_on"]
        return lambda s: medications.prescribe(
            session=s,
            patient_id=patient_id,
            drug_code="riluzole",
            acknowledge_warnings=True,
            started_on=start,
            dose=Dose(note=note),
        )
    if table == "lab_result":
        return lambda s: medications.record_lab(session=s, patient_id=patient_id, value=20.0, **values)
    return lambda s: patients.add_patient(session=s, given_name="G", birth_date=BIRTH, sex="male", **values)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(CASES)
def test_entry_and_import_accept_and_refuse_alike(db, patient, template, case) -> None:  # type: ignore[no-untyped-def]
    table, values = case
    entered = _enters(db, _enter(table, values, patient.id))
    doc = _as_new_patient(template)
    row = doc["patients"][0]["patient"] if table == "patient" else _record(doc, table)
    row.update({k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()})
    imported = _imports(db, doc)
    assert (entered is None) == (imported is None), (entered, imported)


def test_an_imported_staff_name_follows_the_staff_rules(db) -> None:  # type: ignore[no-untyped-def]
    doc = demo.demo_document(patients=1, seed=3, anchor=date(2026, 2, 1))
    doc["staff"][0]["display_name"] = "Dr\nWho"
    assert _imports(db, doc) == "staff[0].display_name: Name contains a control or invalid character ('\\n')."


# --- rules between two fields of one record (services' NotBefore rules) ---------------------------


@pytest.mark.parametrize(
    ("table", "column", "earlier", "says"),
    [
        ("medication", "stopped_on", "started_on", "Stop date"),
        ("workup", "performed_on", "ordered_on", "Date"),
        ("workup", "resulted_on", "performed_on", "Date"),
        ("workup", "reviewed_on", "resulted_on", "Date"),
        ("referral", "sent_on", "referral_date", "Date"),
        ("referral", "reply_on", "referral_date", "Date"),
        ("referral", "appointment_on", "referral_date", "Appointment date"),
        ("referral", "follow_up_on", "sent_on", "Follow-up date"),
        ("enrollment", "sheet_returned_on", "start_date", "Date returned"),
    ],
)
def test_import_refuses_a_date_before_the_one_it_follows(db, table, column, earlier, says) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(json.dumps(demo.demo_document(patients=40, seed=3, anchor=date(2026, 2, 1))))
    i, j, row = next(
        (i, j, row)
        for i, p in enumerate(doc["patients"])
        for j, row in enumerate(p["records"][table])
        if row[earlier] is not None
    )
    row[column] = (date.fromisoformat(row[earlier]) - timedelta(days=1)).isoformat()
    refusal = _imports(db, doc)
    assert refusal is not None and refusal.startswith(f"patients[{i}].records.{table}[{j}].{column}: {says} ("), refusal
    assert f"cannot be before {row[earlier]}" in refusal, refusal
    row[column] = row[earlier]  # the same day is fine
    assert _imports(db, doc) is None


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"death_date": "1950-01-01", "status": "deceased"}, "death_date", "Death (1950-01-01) cannot be before"),
        ({"death_date": "2025-01-01"}, "death_date", "Record a date of death exactly when the status is 'deceased'"),
        ({"status": "deceased", "death_date": None}, "death_date", "exactly when the status is 'deceased'"),
        ({"onset_date": "2024-06-01", "diagnosis_date": "2024-01-01"}, "diagnosis_date", "before symptom onset"),
    ],
)
def test_import_checks_a_patients_fields_against_each_other(db, template, changes, field, says) -> None:  # type: ignore[no-untyped-def]
    """patients.check_consistency, the rule entry applies, names the field by its path on import."""
    doc = _as_new_patient(template)
    doc["patients"][0]["patient"].update(changes)
    refusal = _imports(db, doc)
    assert refusal is not None and refusal.startswith(f"patients[0].patient.{field}: "), refusal
    assert says in refusal, refusal
