"""Care programs follow their dates everywhere: chart, handout, checklist, worklist; death ends them;
items that need an intervention appear only with it. Edges hand-computed: a 15-day program from
D = 2025-07-01 has its last day on 2025-07-15."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from alsdesk.errors import DomainError
from alsdesk.services import chart, medications, patients, programs, settings, worklist
from alsdesk.services.printing import PrintOptions
from alsdesk.services.printing_sheets import checklist_data, handout_data

D = date(2025, 7, 1)
LAST = date(2025, 7, 15)


def on(day: date) -> PrintOptions:
    return PrintOptions(lang="en", printed_on=day)


def sheets_to_collect(db, day: date) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        items = worklist.worklist(session=s, on=day)
        count = worklist.worklist_counts(session=s, on=day)["program_sheet"]
    found = [str(i.reason) for i in items if i.kind == "program_sheet"]
    assert count == len(found)  # the count and the list read the same rule
    return found


def test_collect_the_sheet_lasts_until_14_days_after_the_end(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
    reason = f"Daily care routine sheet ended {LAST}: collect it and enter the ticks"
    assert sheets_to_collect(db, LAST) == []  # still running on its last day
    assert sheets_to_collect(db, LAST + timedelta(days=1)) == [reason]
    assert sheets_to_collect(db, LAST + timedelta(days=14)) == [reason]
    assert sheets_to_collect(db, LAST + timedelta(days=15)) == []
    with db.write() as s:  # the clinic's own window
        settings.change_setting(session=s, key="program_sheet_collect_days", value=7)
    assert sheets_to_collect(db, LAST + timedelta(days=7)) == [reason]
    assert sheets_to_collect(db, LAST + timedelta(days=8)) == []


def test_collect_the_sheet_is_gone_once_the_sheet_is_entered(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
    assert len(sheets_to_collect(db, LAST + timedelta(days=3))) == 1
    with db.write() as s:
        programs.enter_sheet(
            session=s,
            enrollment_id=e.id,
            ticks=[(0, 0)],
            returned_on=LAST + timedelta(days=2),
            today=LAST + timedelta(days=2),
        )
    assert sheets_to_collect(db, LAST + timedelta(days=3)) == []


def test_chart_handout_and_checklist_on_the_last_day_and_the_day_after(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
    with db.read() as s:
        c = chart.patient_chart(session=s, patient_id=patient.id)
        (view,) = c.enrollments
        assert view.end_date == LAST
        assert (view.state(LAST), view.state(LAST + timedelta(days=1))) == ("current", "ended")
        last = handout_data(session=s, patient_id=patient.id, options=on(LAST))
        after = handout_data(session=s, patient_id=patient.id, options=on(LAST + timedelta(days=1)))
        assert [p.name for p in last.programs] == ["Daily care routine"]
        assert after.programs == ()  # not printed as a current program
        sheet = checklist_data(session=s, patient_id=patient.id, options=on(LAST))
        assert sheet.program.enrollment_id == str(e.id)
        with pytest.raises(DomainError, match="no active care program"):
            checklist_data(session=s, patient_id=patient.id, options=on(LAST + timedelta(days=1)))
        with pytest.raises(DomainError) as refused:
            checklist_data(session=s, patient_id=patient.id, enrollment_id=e.id, options=on(LAST + timedelta(days=1)))
    assert str(refused.value) == (
        "The Daily care routine program ended on 2025-07-15: no checklist is printed for days after its end."
    )


def test_a_death_date_inside_an_enrollment_ends_it_then(db, patient) -> None:  # type: ignore[no-untyped-def]
    death = D + timedelta(days=4)
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
        patients.update_patient(session=s, patient_id=patient.id, status="deceased", death_date=death)
    with db.read() as s:
        view = programs.get_enrollment(session=s, enrollment_id=e.id)
        (in_chart,) = chart.patient_chart(session=s, patient_id=patient.id).enrollments
    assert view.end_date == in_chart.end_date == death
    assert view.state(death) == "current" and view.state(death + timedelta(days=1)) == "ended"
    assert sheets_to_collect(db, LAST + timedelta(days=1)) == []  # nothing more falls due
    with (
        pytest.raises(DomainError, match="died on 2025-07-05; a care program cannot start after that"),
        db.write() as s,
    ):
        programs.enroll(
            session=s, patient_id=patient.id, template_code="daily_routine", start_date=death + timedelta(days=1)
        )


def enroll_respiratory(db, patient_id, start: date) -> programs.EnrollmentView:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient_id, template_code="respiratory_home", start_date=start)
    return e


def test_the_ventilator_item_appears_only_once_niv_is_in_place(db, patient) -> None:  # type: ignore[no-untyped-def]
    niv_on = date(2025, 8, 1)
    with db.write() as s:
        medications.record_milestone(session=s, patient_id=patient.id, kind="niv", occurred_on=niv_on)
    first = enroll_respiratory(db, patient.id, niv_on - timedelta(days=1))
    before = [i.en for i in first.items]
    after = [i.en for i in enroll_respiratory(db, patient.id, niv_on).items]
    assert "Ventilator (NIV) used as prescribed" not in before
    assert after == [*before[:2], "Ventilator (NIV) used as prescribed", *before[2:]]
    with db.read() as s:  # the printed sheet carries the enrollment's own rows
        sheet = checklist_data(session=s, patient_id=patient.id, enrollment_id=first.id, options=on(niv_on))
    assert sheet.program.items == tuple(before)


def test_the_tube_feeding_item_follows_item_5b(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import assessments

    items = {"1": 4, "2": 4, "3": 2, "4": 4, "5b": 3, "6": 4, "7": 4, "8": 4, "9": 4, "10": 4, "11": 4, "12": 4}
    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 8, 1), items=items)
    tube = "Tube feeds and water flushes given as prescribed"
    for start, expected in ((date(2025, 7, 31), False), (date(2025, 8, 1), True)):
        with db.write() as s:
            e, _ = programs.enroll(
                session=s, patient_id=patient.id, template_code="nutrition_monitoring", start_date=start
            )
        assert (tube in [i.en for i in e.items]) is expected


def test_demo_sheets_carry_intervention_items_only_for_patients_who_have_them(db) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from alsdesk import demo
    from alsdesk.models import Enrollment
    from alsdesk.services import interventions
    from alsdesk.services.catalogs import parse_items

    with db.write() as s:
        demo.load_demo(session=s, patients=80, seed=7, anchor=date(2026, 12, 1))
    checked = 0
    with db.read() as s:
        for pid, start, items_json in s.execute(
            sa.select(Enrollment.patient_id, Enrollment.start_date, Enrollment.items_json)
        ):
            needed = {i.needs for i in parse_items(items_json) if i.needs}
            had = {i.kind for i in interventions.patient_interventions(session=s, patient_id=pid, on=start)}
            assert needed <= had
            checked += 1
        ventilator = {
            '"needs": "niv"' in items
            for (items,) in s.execute(
                sa.select(Enrollment.items_json).where(Enrollment.template_code == "respiratory_home")
            )
        }
    assert checked > 0 and ventilator == {True, False}  # this demo has sheets with and without the NIV item
