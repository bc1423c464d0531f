"""NIV settings and gastrostomy details (issue 13 item 7): each field checked at its boundaries and
named when refused, EPAP below IPAP, a change is a new record (the latest on or before a day is in
use), audited, and carried by the export (format 7; a format 6 file, without them, still imports)."""

from __future__ import annotations

import copy
import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.errors import DomainError
from alsdesk.exchange.format import ImportFileError
from alsdesk.models import AuditEntry
from alsdesk.printdata import GastrostomySettings, NivSettings
from alsdesk.services import plan_settings

DAY = date(2025, 8, 2)
NIV = NivSettings(DAY, "spontaneous_timed", 16, 6, "oronasal", 14, True, 10, "Lumis 150", "400 800 1234")
TUBE = GastrostomySettings(DAY, "peg", 15, date(2025, 8, 1), "Jevity", 1500, 100, "08:00, 12:00", 30, "Lin", "0898 555")


def niv(db, patient, **changes):  # type: ignore[no-untyped-def]
    with db.write() as s:
        made, _ = plan_settings.record_niv_settings(session=s, patient_id=patient.id, settings=replace(NIV, **changes))
    return made


def tube(db, patient, **changes):  # type: ignore[no-untyped-def]
    with db.write() as s:
        settings = replace(TUBE, **changes)
        made, _ = plan_settings.record_gastrostomy_settings(session=s, patient_id=patient.id, settings=settings)
    return made


@pytest.mark.parametrize(
    ("field", "ok", "refused", "named"),
    [
        ("ipap", (4, 30), (3.9, 30.5, None), "IPAP"),
        ("epap", (3, 25), (2.5, None), "EPAP"),
        ("backup_rate", (5, 40, None), (4, 41, 12.5), "Backup rate"),
        ("hours_per_day", (1, 24, None), (0, 25), "Hours a day"),
        ("machine", ("x" * 200,), ("x" * 201,), "Machine"),
        ("supplier_phone", ("", "+86 898 1"), ("call me",), "Supplier phone"),
        ("mode", ("volume_assured",), ("cpap",), "Mode"),
        ("mask", ("nasal_pillows",), ("helmet",), "Mask"),
        ("set_on", (date.today(),), (date.today() + timedelta(days=1), date(1950, 1, 1)), "Settings date"),
    ],
)
def test_niv_fields_at_their_boundaries(db, patient, field, ok, refused, named) -> None:  # type: ignore[no-untyped-def]
    base = {"epap": 3.0} if field == "ipap" else {"ipap": 30.0} if field == "epap" else {}  # each alone in range
    for value in ok:
        assert getattr(niv(db, patient, **base, **{field: value}), field) == value
    for value in refused:
        with pytest.raises(DomainError) as err:
            niv(db, patient, **base, **{field: value})
        assert str(err.value).startswith(named), str(err.value)


@pytest.mark.parametrize(("ipap", "epap", "ok"), [(10, 9.5, True), (10, 10, False), (10, 10.5, False)])
def test_epap_must_be_below_ipap(db, patient, ipap, epap, ok) -> None:  # type: ignore[no-untyped-def]
    if ok:
        assert niv(db, patient, ipap=ipap, epap=epap).epap == epap
    else:
        with pytest.raises(DomainError, match=r"^EPAP \(1\d(\.5)? cmH2O\) must be below IPAP \(10 cmH2O\)"):
            niv(db, patient, ipap=ipap, epap=epap)


@pytest.mark.parametrize(
    ("field", "ok", "refused", "named"),
    [
        ("tube_size", (8, 30, None), (7, 31, 14.5), "Tube size"),
        ("feed_volume", (50, 4000, None), (49, 4001), "Feed volume"),
        ("feed_rate", (10, 300, None), (9, 301), "Pump rate"),
        ("flush_volume", (10, 100, None), (9, 101, "30"), "Water flush"),
        ("tube_type", ("low_profile",), ("ng",), "Tube type"),
        ("placed_on", (None, date.today()), (date.today() + timedelta(days=1),), "Date placed"),
        ("contact_phone", ("0898 555",), ("nurse",), "Their phone"),
        ("feed_times", ("x" * 200,), ("x" * 201,), "Feed times"),
    ],
)
def test_gastrostomy_fields_at_their_boundaries(db, patient, field, ok, refused, named) -> None:  # type: ignore[no-untyped-def]
    for value in ok:
        assert getattr(tube(db, patient, **{field: value}), field) == value
    for value in refused:
        with pytest.raises(DomainError) as err:
            tube(db, patient, **{field: value})
        assert str(err.value).startswith(named), str(err.value)


def test_a_change_is_a_new_record_and_the_latest_on_or_before_a_day_is_in_use(db, patient) -> None:  # type: ignore[no-untyped-def]
    first = niv(db, patient)
    second = niv(db, patient, set_on=DAY + timedelta(days=10), ipap=18)
    same_day = niv(db, patient, set_on=DAY + timedelta(days=10), ipap=19)  # a correction the same day
    with db.read() as s:
        history = plan_settings.niv_history(session=s, patient_id=patient.id)
        entries = s.scalars(sa.select(AuditEntry).where(AuditEntry.table_name == "niv_setting")).all()
    assert history == [same_day, second, first]
    assert plan_settings.in_use(history, DAY - timedelta(days=1)) is None
    assert plan_settings.in_use(history, DAY + timedelta(days=9)) == first
    assert plan_settings.in_use(history, DAY + timedelta(days=10)) == same_day
    assert [e.action for e in entries] == ["create"] * 3 and {e.category for e in entries} == {"medications"}


def test_the_export_carries_both_records_and_a_format_6_file_still_imports(db, patient) -> None:  # type: ignore[no-untyped-def]
    niv(db, patient)
    tube(db, patient)
    with db.read() as s:
        doc = exchange.export_document(session=s)
    assert doc["version"] == exchange.VERSION == 8
    (entry,) = doc["patients"]
    rows = {name: entry["records"][name] for name in ("niv_setting", "gastrostomy_setting")}
    assert rows["niv_setting"][0]["ipap"] == 16 and rows["gastrostomy_setting"][0]["feed_name"] == "Jevity"
    # Into a demo clinic's file: its first patient gets copies of these rows (new ids, its own id).
    new = demo.demo_document(patients=3, seed=5, anchor=date(2026, 3, 1))
    first = new["patients"][0]
    for name, found in rows.items():
        first["records"][name] = [{**r, "id": str(uuid.uuid4()), "patient_id": first["patient"]["id"]} for r in found]
    bad = copy.deepcopy(new)
    bad["patients"][0]["records"]["niv_setting"][0]["epap"] = 16  # equal to IPAP
    with pytest.raises(ImportFileError, match=r"niv_setting\[0\]\.epap.*must be below IPAP"), db.write() as s:
        exchange.import_document(session=s, document=bad)
    with db.write() as s:
        exchange.import_document(session=s, document=new)
    with db.read() as s:
        assert plan_settings.niv_history(session=s, patient_id=first["patient"]["id"]) == [NIV]
        assert plan_settings.gastrostomy_history(session=s, patient_id=first["patient"]["id"]) == [TUBE]


def test_a_format_6_file_without_the_tables_still_imports(db) -> None:  # type: ignore[no-untyped-def]
    old = demo.demo_document(patients=3, seed=5, anchor=date(2026, 3, 1))
    old["version"] = 6
    for e in old["patients"]:
        e["records"].pop("niv_setting", None), e["records"].pop("gastrostomy_setting", None)
    with db.write() as s:
        exchange.import_document(session=s, document=old)
    with db.read() as s:
        assert plan_settings.niv_history(session=s, patient_id=old["patients"][0]["patient"]["id"]) == []
