"""Export format version 2 carries the Gold Coast answers and lifecycle reasons; version 1 files
(written before schema 0011) still import, with the new fields filled as an upgrade fills them."""

from __future__ import annotations

import copy
import json
from datetime import date

import sqlalchemy as sa

from alsdesk.models import EnrollmentEvent, Patient, WorkupEvent
from alsdesk.services import demo, exchange

ANCHOR = date(2026, 3, 1)


def as_version_1(doc: dict) -> dict:
    """The document as alsdesk wrote it before version 2: no answers, reasons or enrollment events."""
    old = copy.deepcopy(doc)
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


def test_version_2_export_carries_the_new_fields(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        exchange.import_document(session=s, document=demo.demo_document(patients=25, seed=7, anchor=ANCHOR))
    with db.read() as s:
        doc = exchange.export_document(session=s)
    assert doc["version"] == 2
    entry = next(p for p in doc["patients"] if p["patient"]["gold_coast_met"])
    assert entry["patient"]["gold_coast_progressive"] is True
    assert entry["patient"]["gold_coast_mimics_excluded"] is True
    assert all(row["reason"] == "" for row in entry["records"]["workup_event"])
    assert any(p["records"]["enrollment_event"] for p in doc["patients"])


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
    assert _rows(again, "patient") == _rows(doc, "patient")


def _rows(doc: dict, table: str) -> list[dict]:
    if table == "patient":
        rows = [{k: v for k, v in p["patient"].items()} for p in doc["patients"]]
    else:
        rows = [r for p in doc["patients"] for r in p["records"][table]]
    return sorted(rows, key=lambda r: r["id"])
