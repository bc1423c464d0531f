"""Each running riluzole course keeps its next ALT date through every write that can move it."""

from datetime import date

import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.models import Drug, LabResult, Medication
from alsdesk.services import alerts, catalogs, medications, patients, worklist
from alsdesk.services.settings import change_setting, load_settings


def stored(db, course_id):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(sa.select(Medication.alt_due_on).where(Medication.id == course_id))


def alt_items(db, on: date) -> list[worklist.WorklistItem]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return worklist.worklist_page(session=s, on=on, kind="drug_monitoring")


def test_prescribing_testing_and_stopping_move_the_next_alt_date(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = patients.add_patient(
            session=s,
            mrn="ALT1",
            family_name="Liver",
            given_name="Test",
            birth_date=date(1958, 3, 2),
            sex="male",
            status="diagnosed",
            diagnosis_date=date(2024, 12, 1),
        )
        # An ALT taken after starting but entered before the prescription (the course entered late).
        medications.record_lab(session=s, patient_id=p.id, test="ALT", taken_on=date(2025, 2, 10), value=30)
        riluzole, _ = medications.prescribe(
            session=s, patient_id=p.id, drug_code="riluzole", started_on=date(2025, 1, 15), acknowledge_warnings=True
        )
        baclofen, _ = medications.prescribe(
            session=s, patient_id=p.id, drug_code="baclofen", started_on=date(2025, 1, 15)
        )
        version = s.scalar(sa.select(Medication.version).where(Medication.id == riluzole.id))
    # 10 Feb covers the 15 Feb test (within 14 days): the next is month 2, 15 March.
    assert stored(db, riluzole.id) == date(2025, 3, 15)
    assert stored(db, baclofen.id) is None  # not a monitored drug

    with db.write() as s:
        medications.record_lab(session=s, patient_id=p.id, test="alt", taken_on=date(2025, 3, 10), value=35)
    assert stored(db, riluzole.id) == date(2025, 4, 15)  # covers 15 March; month 3 next
    with db.write() as s:  # an older ALT and another test leave the last ALT where it is
        medications.record_lab(session=s, patient_id=p.id, test="ALT", taken_on=date(2024, 12, 1), value=20)
        medications.record_lab(session=s, patient_id=p.id, test="CK", taken_on=date(2025, 4, 1), value=300)
    assert stored(db, riluzole.id) == date(2025, 4, 15)
    with db.read() as s:  # deriving the date is not an edit of the prescription
        assert s.scalar(sa.select(Medication.version).where(Medication.id == riluzole.id)) == version

    assert alt_items(db, date(2025, 4, 14)) == []
    (item,) = alt_items(db, date(2025, 4, 20))
    assert (item.record_id, item.due_date) == (riluzole.id, date(2025, 4, 15))
    assert str(item.reason) == (
        "Riluzole started 2025-01-15: liver test (ALT) due 2025-04-15, scheduled month 3 (last ALT 2025-03-10)"
    )

    with db.write() as s:
        medications.stop_medication(
            session=s, medication_id=riluzole.id, stopped_on=date(2025, 4, 25), reason="Side effects"
        )
    assert stored(db, riluzole.id) is None
    assert alt_items(db, date(2025, 4, 30)) == []


def expected_dates(session) -> dict:  # type: ignore[no-untyped-def]
    """Every course's next ALT date worked out in Python from its rows (alerts.riluzole_alt_due)."""
    last: dict = {}
    for pid, taken, value, limit in session.execute(
        sa.select(LabResult.patient_id, LabResult.taken_on, LabResult.value, LabResult.upper_limit).where(
            LabResult.test == "ALT"
        )
    ):
        if pid not in last or (taken, value) > (last[pid].taken_on, last[pid].value):
            last[pid] = alerts.AltResult(taken, value, limit)
    courses = session.execute(
        sa.select(
            Medication.id, Medication.patient_id, Medication.drug_code, Medication.started_on, Medication.stopped_on
        )
    )
    settings = load_settings(session=session)
    return {
        cid: alerts.riluzole_alt_due(started, last.get(pid), settings).due
        if code == "riluzole" and stopped is None
        else None
        for cid, pid, code, started, stopped in courses
    }


def stored_dates(session) -> dict:  # type: ignore[no-untyped-def]
    return dict(session.execute(sa.select(Medication.id, Medication.alt_due_on)).all())


def test_an_import_dates_its_courses_and_a_catalog_that_adds_the_drug_dates_them_too(db) -> None:  # type: ignore[no-untyped-def]
    doc = demo.demo_document(patients=40, seed=3, anchor=date(2026, 6, 1))
    with db.write() as s:
        exchange.import_document(session=s, document=doc)
    with db.read() as s:
        expected = expected_dates(s)
        assert sum(d is not None for d in expected.values()) >= 5  # the demo has running riluzole courses
        assert stored_dates(s) == expected

    # A clinic whose catalog lacked the drug when the courses came: the catalog sync dates them.
    with db.write() as s:
        s.execute(sa.update(Medication).values(alt_due_on=None))
        s.execute(sa.delete(Drug).where(Drug.code == "riluzole"))
    with db.write() as s:
        catalogs.sync_catalogs(session=s)
    with db.read() as s:
        assert stored_dates(s) == expected


def add_patient(s, mrn: str):  # type: ignore[no-untyped-def]
    return patients.add_patient(
        session=s,
        mrn=mrn,
        family_name="Liver",
        given_name="Test",
        birth_date=date(1958, 3, 2),
        sex="female",
        status="diagnosed",
        diagnosis_date=date(2024, 12, 1),
    )


def test_baseline_then_raised_then_schedule_say_which_rule_set_the_date(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = add_patient(s, "ALT2")
        course, _ = medications.prescribe(
            session=s, patient_id=p.id, drug_code="riluzole", started_on=date(2025, 1, 15), acknowledge_warnings=True
        )
    assert "No ALT in the 30 days up to 2025-01-15" in course.warning_acknowledged
    (item,) = alt_items(db, date(2025, 1, 15))  # the baseline, due on the start date
    assert (item.due_date, str(item.reason)) == (
        date(2025, 1, 15),
        "Riluzole started 2025-01-15: baseline liver test (ALT) due 2025-01-15 (none in the 30 days before starting)",
    )
    with db.write() as s:  # 1.4 × ULN, on a lab without its own ULN (the clinic's 40)
        medications.record_lab(session=s, patient_id=p.id, test="ALT", taken_on=date(2025, 6, 1), value=56)
    (item,) = alt_items(db, date(2025, 7, 1))
    assert (item.due_date, str(item.reason)) == (
        date(2025, 7, 1),
        "Riluzole started 2025-01-15: liver test (ALT) due 2025-07-01, monthly recheck after a raised ALT "
        "(56 on 2025-06-01, above the upper limit 40)",
    )
    with db.write() as s:  # back to normal (at the ULN): the schedule continues at month 9
        medications.record_lab(session=s, patient_id=p.id, test="ALT", taken_on=date(2025, 7, 1), value=40)
    assert alt_items(db, date(2025, 10, 14)) == []
    (item,) = alt_items(db, date(2025, 10, 15))
    assert str(item.reason) == (
        "Riluzole started 2025-01-15: liver test (ALT) due 2025-10-15, scheduled month 9 (last ALT 2025-07-01)"
    )


def test_changing_the_default_uln_re_dates_every_course(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = add_patient(s, "ALT3")
        medications.record_lab(session=s, patient_id=p.id, test="ALT", taken_on=date(2025, 6, 1), value=45)
        course, _ = medications.prescribe(
            session=s, patient_id=p.id, drug_code="riluzole", started_on=date(2025, 6, 10)
        )
    assert stored(db, course.id) == date(2025, 7, 1)  # 45 > 40: a recheck a month after
    with db.write() as s:
        change_setting(session=s, key="alt_upper_limit", value=50)
    assert stored(db, course.id) == date(2025, 7, 10)  # 45 ≤ 50: month 1 of the schedule
