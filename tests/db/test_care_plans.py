"""The advance-care-plan record (issue 13 item 7): revisions kept as rows (the latest is current),
every field checked with a message naming it, notes of the plan's kind listed in the history, and
each save in the audit trail."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.models import AuditEntry
from alsdesk.services import care_plans, notes
from alsdesk.services.care_plans import PlanFields

TODAY = date.today()
FULL = PlanFields(
    recorded_on=date(2025, 9, 1),
    preferences="Wants to stay at home with family.",
    adrt_in_place=True,
    adrt_refuses=("tube_feeding", "cpr"),
    adrt_text="No mechanical ventilation through a tracheostomy.",
    resuscitation="not_for_cpr",
    resuscitation_on=date(2025, 9, 1),
    care_place="home",
    death_place="other",
    death_place_text="At my sister's house",
    decider="lpa_health",
    decider_name="Li Na",
    decider_relationship="Daughter",
    decider_phone="+86 138 0000 0002",
    review_on=date(2025, 12, 1),
)


def _record(db, patient, plan: PlanFields):  # type: ignore[no-untyped-def]
    with db.write() as s:
        return care_plans.record_plan(session=s, patient_id=patient.id, plan=plan)[0]


def test_revisions_are_rows_the_latest_current_and_notes_listed_in_the_history(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        notes.add_note(
            session=s, patient_id=patient.id, kind="advance_care_plan", occurred_on=date(2025, 8, 1), text="First talk."
        )
    first = _record(db, patient, FULL)
    second = _record(db, patient, replace(FULL, recorded_on=date(2025, 10, 2), resuscitation="for_cpr"))
    with db.read() as s:
        current = care_plans.current_plan(session=s, patient_id=patient.id)
        history = care_plans.plan_history(session=s, patient_id=patient.id)
        every = care_plans.revisions(session=s, patient_id=patient.id)
        trail = s.scalars(sa.select(AuditEntry.action).where(AuditEntry.record_id == str(first.id))).all()
    assert (first.revision, second.revision) == (1, 2)
    assert current is not None and current.id == second.id and current.resuscitation == "for_cpr"
    assert [p.revision for p in every] == [2, 1] and every[1].resuscitation == "not_for_cpr"  # kept as it was
    assert every[1].adrt_refuses == ("tube_feeding", "cpr") and every[1].death_place_text == "At my sister's house"
    assert [(h.on, h.revision, h.text) for h in history] == [
        (date(2025, 10, 2), 2, ""),
        (date(2025, 9, 1), 1, ""),
        (date(2025, 8, 1), None, "First talk."),
    ]
    assert trail == ["create"]


def test_no_plan_is_none_and_an_empty_history(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        assert care_plans.current_plan(session=s, patient_id=patient.id) is None
        assert care_plans.plan_history(session=s, patient_id=patient.id) == []


@pytest.mark.parametrize(
    ("change", "names"),
    [
        ({"recorded_on": None}, "Recorded on"),
        ({"recorded_on": TODAY + timedelta(days=1)}, "Recorded on"),
        ({"recorded_on": date(1960, 5, 16)}, "Recorded on"),  # the day before birth
        ({"adrt_refuses": (), "adrt_text": ""}, "say what it refuses"),
        ({"adrt_refuses": ("dialysis",)}, "Advance decision refuses"),
        ({"adrt_in_place": False}, "none is in place"),
        ({"resuscitation": "maybe"}, "Resuscitation decision"),
        ({"resuscitation_on": None}, "Date of the resuscitation decision is required"),
        ({"resuscitation": "not_discussed"}, "leave it empty"),
        ({"resuscitation_on": TODAY + timedelta(days=1)}, "Date of the resuscitation decision"),
        ({"care_place": "garden"}, "Preferred place of care"),
        ({"death_place_text": ""}, "Preferred place of death (details) is required"),
        ({"decider_name": " "}, "Name of the person with authority to decide is required"),
        ({"decider": "no_one_named"}, "no one is named"),
        ({"decider_phone": "call me"}, "Phone of the person with authority to decide"),
        ({"review_on": date(2025, 8, 31)}, "Review date"),  # the day before the plan
        ({"preferences": "x" * 5001}, "Preferences and wishes is too long"),
    ],
)
def test_each_field_is_checked_with_a_message_naming_it(db, patient, change, names) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as err, db.write() as s:
        care_plans.record_plan(session=s, patient_id=patient.id, plan=replace(FULL, **change))
    assert names in str(err.value)


def test_the_boundaries_that_are_allowed(db, patient) -> None:  # type: ignore[no-untyped-def]
    edge = replace(
        FULL,
        recorded_on=TODAY,
        resuscitation_on=TODAY,
        review_on=TODAY,  # the same day as the plan
        preferences="x" * 5000,
        adrt_refuses=(),  # text alone says what it refuses
        death_place=None,
        death_place_text="",
    )
    assert _record(db, patient, edge).review_on == TODAY
    none = PlanFields(recorded_on=TODAY)  # nothing discussed yet: a plan that says so
    assert _record(db, patient, none).resuscitation == "not_discussed"


def test_a_revision_is_not_dated_before_the_current_one(db, patient) -> None:  # type: ignore[no-untyped-def]
    _record(db, patient, FULL)
    with pytest.raises(DomainError, match="Recorded on"), db.write() as s:
        care_plans.record_plan(
            session=s, patient_id=patient.id, plan=replace(FULL, recorded_on=date(2025, 8, 31), review_on=None)
        )
    assert _record(db, patient, FULL).revision == 2  # the same day is allowed


def test_migration_0021_down_drops_the_table_and_up_brings_it_back_empty(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.storage import schema

    _record(db, patient, FULL)
    schema.downgrade(db.engine, "0019")
    with db.engine.connect() as conn:
        assert "advance_care_plan" not in sa.inspect(conn).get_table_names()
    schema.upgrade(db.engine)
    with db.read() as s:
        assert care_plans.current_plan(session=s, patient_id=patient.id) is None
    assert _record(db, patient, FULL).revision == 1


def test_export_round_trip_and_a_version_6_file_still_imports(db, patient) -> None:  # type: ignore[no-untyped-def]
    import copy

    from alsdesk import exchange
    from alsdesk.models import PATIENT_RECORDS, Patient, PatientSearchKey, Staff

    _record(db, patient, FULL)
    _record(
        db, patient, replace(FULL, recorded_on=date(2025, 10, 2), adrt_in_place=False, adrt_refuses=(), adrt_text="")
    )
    with db.read() as s:
        first = exchange.export_document(session=s)
    rows = first["patients"][0]["records"]["advance_care_plan"]
    assert first["version"] == exchange.VERSION and [
        r["revision"] for r in sorted(rows, key=lambda r: r["revision"])
    ] == [1, 2]
    assert {r["adrt_refuses"] for r in rows} == {"tube_feeding cpr", ""}

    def wipe() -> None:
        with db.write() as s:
            for model in (*reversed(PATIENT_RECORDS), PatientSearchKey, Patient, Staff):
                s.execute(sa.delete(model))

    wipe()
    with db.write() as s:
        exchange.import_document(session=s, document=copy.deepcopy(first))
    with db.read() as s:
        assert exchange.export_document(session=s) == first
        assert care_plans.current_plan(session=s, patient_id=patient.id).revision == 2  # type: ignore[union-attr]
    bad = copy.deepcopy(first)
    bad["patients"][0]["records"]["advance_care_plan"][0]["adrt_refuses"] = "cpr dialysis"
    wipe()
    with pytest.raises(exchange.ImportFileError, match=r"advance_care_plan\[0\]\.adrt_refuses"), db.write() as s:
        exchange.import_document(session=s, document=bad)
    old = copy.deepcopy(first)
    old["version"] = 6
    del old["patients"][0]["records"]["advance_care_plan"]
    with db.write() as s:
        exchange.import_document(session=s, document=old)
    with db.read() as s:
        assert care_plans.current_plan(session=s, patient_id=patient.id) is None


def test_0021_on_a_database_of_revision_0019_holding_data(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.storage import schema
    from tests.db.old_schema import at_revision, restore_postgresql

    engine = sa.create_engine(at_revision("0019", db_url, tmp_path))
    try:
        with engine.connect() as conn:
            before = conn.exec_driver_sql("SELECT count(*) FROM clinical_note").scalar_one()
        schema.upgrade(engine, "0021")
        with engine.connect() as conn:
            assert schema.current_revision(conn) == "0021"
            assert conn.exec_driver_sql("SELECT count(*) FROM advance_care_plan").scalar_one() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM clinical_note").scalar_one() == before > 0
        schema.downgrade(engine, "0019")
        with engine.connect() as conn:
            assert "advance_care_plan" not in sa.inspect(conn).get_table_names()
    finally:
        engine.dispose()
        if not db_url.startswith("sqlite"):
            restore_postgresql(db_url)  # the shared server back at head for the other tests
