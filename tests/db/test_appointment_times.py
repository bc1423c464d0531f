"""Appointment start times and a workup's place (schema 0023, issue 13): the upgrade of a revision
0022 clinic, the services' rules at the boundaries, the audit trail, the export round trip (and a
format 7 file), the FHIR export and the `alsdesk appointment` command."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.storage import schema
from tests.db.old_schema import at_revision

TIMES = {("therapy_session", "scheduled_time"), ("workup", "scheduled_time"), ("referral", "appointment_time")}
SOON = date.today() + timedelta(days=7)


def test_0023_adds_empty_times_and_places_to_a_0022_clinic_and_its_downgrade_removes_them(
    db_url: str, tmp_path: Path
) -> None:
    url = at_revision("0022", db_url, tmp_path)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one() for t, _c in TIMES}
        assert all(counts.values()), "the fixture holds sessions, workups and referrals"
        schema.upgrade(engine, "0023")
        with engine.connect() as conn:
            for table, column in TIMES:
                rows = conn.exec_driver_sql(f"SELECT count(*), count({column}) FROM {table}").one()
                assert tuple(rows) == (counts[table], 0), table  # every row kept, none with a time
            assert conn.exec_driver_sql("SELECT DISTINCT place FROM workup").scalars().all() == [""]
        schema.downgrade(engine, "0022")
        with engine.connect() as conn:
            assert "place" not in {c["name"] for c in sa.inspect(conn).get_columns("workup")}
            assert "appointment_time" not in {c["name"] for c in sa.inspect(conn).get_columns("referral")}
        schema.upgrade(engine, schema.HEAD)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("00:00", time(0, 0)), ("23:59", time(23, 59)), ("9:05", time(9, 5)), (" 09:30 ", time(9, 30)), ("", None)],
)
def test_a_typed_time_from_midnight_to_a_minute_before_it(text: str, expected: time | None) -> None:
    from alsdesk.services.common import parse_time

    assert parse_time(text, "Start time") == expected


@pytest.mark.parametrize("text", ["24:00", "9:5", "12:60", "0930", "9.30", "noon", "12:30:00"])
def test_a_text_that_is_not_a_time_is_refused_naming_the_field(text: str) -> None:
    from alsdesk.services.common import parse_time

    with pytest.raises(DomainError) as err:
        parse_time(text, "Start time")
    assert str(err.value) == f"Start time must be a time written HH:MM, from 00:00 to 23:59, not {text!r}."


def _plan(db, patient, at: time | None = None):  # type: ignore[no-untyped-def]
    from alsdesk.services import therapy

    with db.write() as s:
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=SOON,
            interval_days=7,
            session_count=2,
            at=at,
        )
    return plan


def test_a_plans_sessions_get_its_time_and_a_move_sets_or_clears_it_in_the_audit_trail(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.models import AuditEntry
    from alsdesk.services import therapy

    plan = _plan(db, patient, time(10, 30))
    first = plan.sessions[0]
    assert [s.scheduled_time for s in plan.sessions] == [time(10, 30), time(10, 30)]
    with db.write() as s:
        moved, _ = therapy.reschedule_session(
            session=s, session_id=first.id, on=SOON, at=time(14, 0), expected_version=first.version
        )
    assert (moved.scheduled_on, moved.scheduled_time) == (SOON, time(14, 0))
    with db.write() as s:
        cleared, _ = therapy.reschedule_session(session=s, session_id=first.id, on=SOON, at=None)
    assert cleared.scheduled_time is None
    with db.write() as s:
        with pytest.raises(DomainError, match="Start time must be a time of day in hours and minutes"):
            therapy.reschedule_session(session=s, session_id=first.id, on=SOON, at=time(9, 30, 15))
    with db.read() as s:
        details = [
            json.loads(d)
            for d in s.scalars(
                sa.select(AuditEntry.detail)
                .where(AuditEntry.record_id == str(first.id), AuditEntry.action == "update")
                .order_by(AuditEntry.seq)
            )
        ]
    assert [d["scheduled_time"] for d in details if "scheduled_time" in d] == [
        ["10:30:00", "14:00:00"],
        ["14:00:00", None],
    ]


def _workup(db, patient):  # type: ignore[no-untyped-def]
    from alsdesk.services import workups

    with db.write() as s:
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=date.today())
    return w


def test_a_workup_is_booked_with_a_time_and_a_place_and_a_revert_clears_the_time(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import lifecycle, workups
    from alsdesk.services.chart import patient_chart

    w = _workup(db, patient)
    with db.write() as s:
        booked, _ = workups.reschedule_workup(
            session=s, workup_id=w.id, on=SOON, at=time(8, 45), place="Neurophysiology lab"
        )
    assert (booked.status, booked.scheduled_time, booked.place) == ("scheduled", time(8, 45), "Neurophysiology lab")
    with db.write() as s:
        with pytest.raises(DomainError, match="Place"):
            workups.reschedule_workup(session=s, workup_id=w.id, on=SOON, place="lab\nroom 2")
    with db.write() as s:
        lifecycle.revert(session=s, kind="workup", record_id=w.id, reason="Booked in error")
    with db.read() as s:
        (back,) = patient_chart(session=s, patient_id=patient.id).workups
    assert (back.status, back.scheduled_for, back.scheduled_time) == ("ordered", None, None)
    with db.write() as s:
        again, _ = workups.reschedule_workup(session=s, workup_id=w.id, on=SOON, at=time(9, 0))
    assert (again.scheduled_time, again.place) == (time(9, 0), "Neurophysiology lab")  # no place given: kept


def _scheduled_referral(db, patient, at: time | None):  # type: ignore[no-untyped-def]
    from alsdesk.services import referrals

    today = date.today()
    with db.write() as s:
        r, _ = referrals.create_referral(
            session=s,
            patient_id=patient.id,
            to_specialty="respiratory_medicine",
            reason="NIV assessment",
            referral_date=today,
            to_facility="County Hospital",
        )
        for step in ("sent", "accepted"):
            r, _ = referrals.advance_referral(session=s, referral_id=r.id, to=step, on=today)
        r, _ = referrals.advance_referral(
            session=s, referral_id=r.id, to="scheduled", on=today, appointment_on=SOON, appointment_time=at
        )
    return r


def test_a_referral_appointment_gets_its_time_when_scheduled_and_can_be_moved(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import referrals

    r = _scheduled_referral(db, patient, time(15, 15))
    assert (r.appointment_on, r.appointment_time) == (SOON, time(15, 15))
    with db.write() as s:
        moved, _ = referrals.set_appointment(session=s, referral_id=r.id, on=SOON, at=time(23, 59))
    assert moved.appointment_time == time(23, 59)
    with db.write() as s:
        with pytest.raises(DomainError, match="cannot be before"):
            referrals.set_appointment(session=s, referral_id=r.id, on=date(1999, 1, 1), at=None)


def test_the_times_and_the_place_travel_in_the_export_and_a_format_7_file_still_imports(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import exchange
    from alsdesk.models import PATIENT_RECORDS, Patient, PatientSearchKey, Staff
    from alsdesk.services import workups

    plan = _plan(db, patient, time(0, 0))
    _scheduled_referral(db, patient, time(23, 59))
    w = _workup(db, patient)
    with db.write() as s:
        workups.reschedule_workup(session=s, workup_id=w.id, on=SOON, at=time(7, 5), place="Imaging, level 1")
    with db.read() as s:
        doc = exchange.export_document(session=s)
    assert doc["version"] == exchange.VERSION == 8
    records = doc["patients"][0]["records"]
    assert {r["scheduled_time"] for r in records["therapy_session"]} == {"00:00"}
    assert [(r["scheduled_time"], r["place"]) for r in records["workup"]] == [("07:05", "Imaging, level 1")]
    assert [r["appointment_time"] for r in records["referral"]] == ["23:59"]

    def round_trip(document: dict) -> dict:  # type: ignore[type-arg]
        """`document` imported into the emptied clinic, and exported again."""
        with db.write() as s:
            for model in (*reversed(PATIENT_RECORDS), PatientSearchKey, Patient, Staff):
                s.execute(sa.delete(model))
        with db.write() as s:
            exchange.import_document(session=s, document=json.loads(json.dumps(document)))
        with db.read() as s:
            return exchange.export_document(session=s)

    again = round_trip(doc)
    assert again["patients"] == doc["patients"]
    # The same file as format 7 wrote it: no time, no place.
    old = json.loads(json.dumps(doc))
    old["version"] = 7
    for entry in old["patients"]:
        for table, fields in (
            ("therapy_session", ("scheduled_time",)),
            ("workup", ("scheduled_time", "place")),
            ("referral", ("appointment_time",)),
        ):
            for row in entry["records"][table]:
                for field in fields:
                    del row[field]
    read = round_trip(old)["patients"][0]["records"]
    assert {r["scheduled_time"] for r in read["therapy_session"]} == {None}
    assert [(r["scheduled_time"], r["place"]) for r in read["workup"]] == [(None, "")]
    assert len(read["therapy_session"]) == len(plan.sessions)


@pytest.mark.parametrize("bad", ["24:00", "9:30", "09:30:00", 930])
def test_an_imported_time_that_is_not_hh_mm_is_refused_by_its_path(db, patient, bad) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import exchange

    _plan(db, patient, time(9, 30))
    with db.read() as s:
        doc = exchange.export_document(session=s)
    doc["patients"][0]["records"]["therapy_session"][0]["scheduled_time"] = bad
    with db.write() as s, pytest.raises(exchange.ImportFileError) as err:
        exchange.import_document(session=s, document=doc)
    assert err.value.path == "patients[0].records.therapy_session[0].scheduled_time"


def test_fhir_carries_the_start_time(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import workups
    from tests.db.test_fhir_export import export

    _plan(db, patient, time(10, 30))
    _scheduled_referral(db, patient, time(15, 15))
    w = _workup(db, patient)
    with db.write() as s:
        workups.reschedule_workup(session=s, workup_id=w.id, on=SOON, at=time(8, 45), place="EMG lab")
    resources = [e["resource"] for e in export(db)["entry"]]
    offset = datetime.combine(SOON, time(8, 45)).astimezone().isoformat()[19:]
    zone = "Z" if offset == "+00:00" else offset
    (appointment,) = [r for r in resources if r["resourceType"] == "Appointment"]
    assert appointment["start"] == f"{SOON.isoformat()}T08:45:00{zone}"
    assert {"actor": {"display": "EMG lab"}, "status": "accepted"} in appointment["participant"]
    (plan,) = [r for r in resources if r["resourceType"] == "CarePlan" and r.get("title") == "Stretching"]
    starts = sorted(a["detail"]["scheduledPeriod"]["start"] for a in plan["activity"])
    assert [x[:19] for x in starts] == [f"{(SOON + timedelta(days=d)).isoformat()}T10:30:00" for d in (0, 7)]
    (request,) = [r for r in resources if r["resourceType"] == "ServiceRequest" and r.get("priority")]
    assert request["occurrenceDateTime"].startswith(f"{SOON.isoformat()}T15:15:00")
