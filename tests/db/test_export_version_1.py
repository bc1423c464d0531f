"""Export format version 2 carries the Gold Coast answers and lifecycle reasons, version 3 the
alerts' history, a visit's symptoms and the patient's lung disease, version 4 an alert's message as
data; version 1 to 3 files (written before schema 0011, 0013 and 0015) still import, with the new
fields filled as an upgrade fills them (or, for an alert's message, shown as the English it is)."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.models import Alert, Assessment, EnrollmentEvent, Patient, WorkupEvent
from alsdesk.services import alerts, messages

ANCHOR = date(2026, 3, 1)


def as_version_3(doc: dict) -> dict:
    """The document as alsdesk wrote it before version 4: alerts without their message as data, and
    nothing version 5 added."""
    old = as_version_4(doc)
    old["version"] = 3
    for entry in old["patients"]:
        for row in entry["records"]["alert"]:
            del row["message_key"], row["message_values"]
    return old


def as_version_4(doc: dict) -> dict:
    """The document as alsdesk wrote it before version 5: no staff contacts, interpreter, GP or allergies."""
    old = copy.deepcopy(doc)
    old["version"] = 4
    for row in old["staff"]:
        del row["phone"], row["job_title"]
    for entry in old["patients"]:
        for field in ("interpreter_needed", "gp_name", "gp_contact", "allergies_checked_on"):
            del entry["patient"][field]
        del entry["records"]["allergy"]
    return old


def read_as_current(doc: dict) -> dict:
    """An older document's patients as the current version reads them: no interpreter, GP or allergy check."""
    new = copy.deepcopy(doc)
    for entry in new["patients"]:
        entry["patient"].update(interpreter_needed=False, gp_name="", gp_contact="", allergies_checked_on=None)
    return new


def as_version_2(doc: dict) -> dict:
    """The document as alsdesk wrote it before version 3: no alert history, symptoms or patient flag."""
    old = as_version_3(doc)
    old["version"] = 2
    for entry in old["patients"]:
        flag = entry["patient"].pop("lung_disease")
        for row in entry["records"]["assessment"]:
            del row["symptoms"]
            row["lung_disease"] = flag  # before version 3 each visit carried the flag
        for row in entry["records"]["alert"]:
            for field in ("criteria", "closed_reason", "closed_on"):
                del row[field]
    return old


def as_version_1(doc: dict) -> dict:
    """The document as alsdesk wrote it before version 2: no answers, reasons or enrollment events."""
    old = as_version_2(doc)
    old["version"] = 1
    for entry in old["patients"]:
        for field in ("gold_coast_progressive", "gold_coast_mimics_excluded"):
            del entry["patient"][field]
        records = entry["records"]
        del records["enrollment_event"]
        for name in ("workup_event", "referral_event"):
            for row in records[name]:
                del row["reason"]
    return old


def test_version_4_export_carries_the_new_fields(db) -> None:  # type: ignore[no-untyped-def]
    made = demo.demo_document(patients=25, seed=7, anchor=ANCHOR)
    with db.write() as s:
        exchange.import_document(session=s, document=copy.deepcopy(made))
    with db.read() as s:
        doc = exchange.export_document(session=s)
    assert doc["version"] == exchange.VERSION  # version 3 fields, still carried
    lung = {p["patient"]["mrn"]: p["patient"]["lung_disease"] for p in doc["patients"]}
    assert lung == {p["patient"]["mrn"]: p["patient"]["lung_disease"] for p in made["patients"]}
    assert set(lung.values()) == {True, False}  # the demo has patients with lung disease and without
    alerts = [a for p in doc["patients"] for a in p["records"]["alert"]]
    assert alerts and all({"criteria", "closed_reason", "closed_on"} <= a.keys() for a in alerts)
    assert any(a["kind"] == "niv" and a["criteria"] for a in alerts)
    made_alerts = [a for p in made["patients"] for a in p["records"]["alert"]]
    keys = ("message", "message_key", "message_values")
    assert sorted(tuple(a[k] for k in keys) for a in alerts) == sorted(tuple(a[k] for k in keys) for a in made_alerts)
    assert all(a["message_key"] in messages.TEMPLATES and a["message_values"] != "{}" for a in alerts)
    assert all("symptoms" in v for p in doc["patients"] for v in p["records"]["assessment"])
    entry = next(p for p in doc["patients"] if p["patient"]["gold_coast_met"])
    assert entry["patient"]["gold_coast_progressive"] is True
    assert entry["patient"]["gold_coast_mimics_excluded"] is True
    assert all(row["reason"] == "" for row in entry["records"]["workup_event"])
    assert any(p["records"]["enrollment_event"] for p in doc["patients"])


def test_a_version_3_file_still_imports_its_alerts_shown_as_their_english(db) -> None:  # type: ignore[no-untyped-def]
    doc = as_version_3(demo.demo_document(patients=25, seed=7, anchor=ANCHOR))
    assert "message_key" not in json.dumps(doc)
    with db.write() as s:
        assert exchange.import_document(session=s, document=doc).patients == 25
    with db.read() as s:
        stored = s.execute(sa.select(Alert.message, Alert.message_key, Alert.message_values)).all()
        shown = [alerts.alert_view(a).message for a in s.scalars(sa.select(Alert))]
    assert stored and {(key, values) for _, key, values in stored} == {("", "{}")}
    assert sorted(str(m) for m in shown) == sorted(english for english, _, _ in stored)
    assert all(m.key == str(m) for m in shown)  # the English itself, as it is


def test_a_version_4_file_still_imports_without_contacts_or_allergies(db) -> None:  # type: ignore[no-untyped-def]
    doc = demo.demo_document(patients=25, seed=7, anchor=ANCHOR)
    assert any(p["records"]["allergy"] for p in doc["patients"])  # the demo has some to leave out
    with db.write() as s:
        exchange.import_document(session=s, document=as_version_4(doc))
    with db.read() as s:
        again = exchange.export_document(session=s)
    assert {(r["phone"], r["job_title"]) for r in again["staff"]} == {("", "")}
    patients = [p["patient"] for p in again["patients"]]
    assert {(p["interpreter_needed"], p["gp_name"], p["gp_contact"], p["allergies_checked_on"]) for p in patients} == {
        (False, "", "", None)
    }
    assert not any(p["records"]["allergy"] for p in again["patients"])
    referrals = [r for p in again["patients"] for r in p["records"]["referral"]]
    assert referrals and all("reference" not in r for r in referrals)  # derived, never carried


def test_a_version_1_file_still_imports(db) -> None:  # type: ignore[no-untyped-def]
    doc = demo.demo_document(patients=25, seed=7, anchor=ANCHOR)
    old = as_version_1(doc)
    assert "gold_coast_progressive" not in json.dumps(old) and "enrollment_event" not in json.dumps(old)
    with db.write() as s:
        result = exchange.import_document(session=s, document=old)
    assert result.patients == 25
    with db.read() as s:
        answers = s.execute(
            sa.select(Patient.gold_coast_met, Patient.gold_coast_progressive, Patient.gold_coast_mimics_excluded)
        ).all()
        assert {tuple(a) for a in answers} == {(True, True, True), (None, None, None)}
        assert set(s.scalars(sa.select(WorkupEvent.reason))) == {""}
        events = s.execute(sa.select(EnrollmentEvent.enrollment_id, EnrollmentEvent.to_status)).all()
        again = exchange.export_document(session=s)
    # The enrollment events implied are the ones a version 2 export of the same clinic holds.
    assert {tuple(e) for e in events} and again == json.loads(json.dumps(again))
    assert _rows(again, "enrollment_event") == _rows(doc, "enrollment_event")
    assert _rows(again, "patient") == _rows(read_as_current(as_version_3(doc)), "patient")


def test_a_version_2_file_still_imports_its_lung_disease_moved_to_the_patient(db) -> None:  # type: ignore[no-untyped-def]
    doc = demo.demo_document(patients=6, seed=7, anchor=ANCHOR)
    old = as_version_2(doc)
    flagged = old["patients"][2]
    flagged["records"]["assessment"][0]["lung_disease"] = True  # the old per-visit flag
    assert '"symptoms"' not in json.dumps(old) and '"closed_reason"' not in json.dumps(old)
    with db.write() as s:
        assert exchange.import_document(session=s, document=old).patients == 6
    with db.read() as s:
        lung = dict(s.execute(sa.select(Patient.mrn, Patient.lung_disease)).all())
        had = {p["patient"]["mrn"]: p["patient"]["lung_disease"] for p in doc["patients"]}
        assert lung == {p["patient"]["mrn"]: p is flagged or had[p["patient"]["mrn"]] for p in old["patients"]}
        assert set(s.scalars(sa.select(Assessment.symptoms))) == {""}
        assert set(s.scalars(sa.select(Alert.criteria))) == {""}
        assert set(s.scalars(sa.select(Alert.closed_reason))) == {None}


def _rows(doc: dict, table: str) -> list[dict]:
    if table == "patient":
        rows = [{k: v for k, v in p["patient"].items()} for p in doc["patients"]]
    else:
        rows = [r for p in doc["patients"] for r in p["records"][table]]
    return sorted(rows, key=lambda r: r["id"])


def test_an_imported_visit_with_an_unknown_symptom_is_refused_naming_it(db) -> None:  # type: ignore[no-untyped-def]
    doc = demo.demo_document(patients=3, seed=7, anchor=ANCHOR)
    entry = next(i for i, p in enumerate(doc["patients"]) if p["records"]["assessment"])
    doc["patients"][entry]["records"]["assessment"][0]["symptoms"] = "orthopnoea,wheeze"
    with db.write() as s, pytest.raises(exchange.ImportFileError) as refused:
        exchange.import_document(session=s, document=doc)
    assert str(refused.value).startswith(f"patients[{entry}].records.assessment[0].symptoms: ")
    assert "Respiratory symptoms has no 'wheeze'" in str(refused.value)
