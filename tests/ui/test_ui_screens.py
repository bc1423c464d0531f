"""Main window, patients screen, schedule, programs and administration on a real database."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from PySide6.QtCore import Qt

from alsdesk.services import clinic, patients, therapy


def make_window(qtbot, backend, settings, signed=None):  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, settings, signed_in=signed)
    qtbot.addWidget(window)
    window.show()
    return window


def test_main_window_navigation_status_and_memory(qtbot, backend, idle, settings, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import PAGES

    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="lchen", display_name="Li Chen", discipline="specialist_nursing", role="coordinator"
        )
    from alsdesk.services.access import Actor
    from alsdesk.ui.signin.dialog import SignedIn

    signed = SignedIn(Actor("lchen", staff.id, "coordinator"), "Li Chen")
    window = make_window(qtbot, backend, settings, signed)
    idle()
    assert window.current_page_key() == "worklist"
    assert backend.db.display_url in window.db_label.text()
    assert window.backup_label.text().startswith("Last backup")
    for key in PAGES:
        page = window.show_page(key)
        idle()
        assert window.stack.currentWidget() is page
    assert window.page("printing").log_count.text() == "Nothing has been printed or saved yet."
    assert window.user_label.text() == "Signed in: Li Chen (Coordinator)"
    assert backend.staff_id == staff.id  # reviewer, author and prescriber default to the signed-in user
    window.show_page("schedule")
    window.close()
    again = make_window(qtbot, backend, settings, signed)
    idle()
    assert again.current_page_key() == "schedule"  # last view remembered


def test_patient_search_debounced_and_by_pinyin(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.view import PatientsView

    with db.write() as s:
        for n in range(450):  # more than two pages of 200
            patients.add_patient(
                session=s,
                mrn=f"P{n:04d}",
                family_name=f"Name{n:04d}",
                given_name="Test",
                birth_date=date(1950, 1, 1),
                sex="male",
            )
    opened: list[object] = []
    view = PatientsView(backend, lambda pid, tab: opened.append(pid))
    qtbot.addWidget(view)
    idle()
    assert view.model.rowCount() == 451
    assert view.count.text() == "451 patients"
    assert view.model.summary(300) is None  # page 2 not loaded yet: fetched on demand
    idle()
    assert view.model.summary(300) is not None
    qtbot.keyClicks(view.search, "zw")  # pinyin initials of 张伟
    assert view._timer.isActive()  # debounced, not run per keystroke
    qtbot.waitUntil(lambda: view.model.searching == "zw" and not backend.busy, timeout=3000)
    assert view.model.rowCount() == 1
    assert view.model.index(0, 1).data() == "T0001"
    view._open(view.model.index(0, 0))
    assert opened == [patient.id]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.searching == "" and view.model.rowCount() == 451, timeout=3000)


def test_new_patient_duplicate_warning(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog

    dialog = NewPatientDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.phone.setText("13800000001")  # the fixture patient's phone
    dialog.family.setText("Other")
    dialog.check()
    idle()
    assert [p.mrn for p in dialog.duplicates] == ["T0001"]
    assert not dialog.duplicate_label.isHidden()
    assert "Possible duplicate" in dialog.duplicate_label.text()
    dialog.mrn.setText("T0001")
    dialog.given.setText("X")
    dialog.birth.set_value(date(1970, 1, 1))
    dialog.save()
    idle()
    assert "MRN T0001 is already used" in dialog.message.text()


def test_schedule_week_view_marks_attendance(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.schedule.view import ScheduleView

    monday = date.today() - timedelta(days=date.today().weekday())
    with db.write() as s:
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=monday,
            interval_days=1,
            session_count=3,
        )
    view = ScheduleView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle()
    assert "3 sessions" in view.title.text()
    assert (
        view.week.rowCount() == 1
        and view.week.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Vertical) == "Physiotherapy"
    )
    view.grid.setCurrentIndex(view.week.index(0, 0))
    assert view.cell.rowCount() == 1 and "TEST, Patient" in view.cell.index(0, 1).data()
    view.list.selectRow(0)
    view._mark("missed")
    idle()
    idle()
    with db.read() as s:
        rows = therapy.sessions_between(session=s, start=monday, end=monday)
    assert rows[0][0].status == "missed"
    view.show_week(monday + timedelta(days=7))
    idle()
    assert "0 sessions" in view.title.text()


def test_programs_and_admin_screens(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView
    from alsdesk.ui.programs.view import ProgramsView

    programs = ProgramsView(backend)
    qtbot.addWidget(programs)
    idle()
    codes = [programs.model.row(r).code for r in range(programs.model.rowCount())]
    assert "low_glutamate_diet" in codes
    programs.table.selectRow(codes.index("low_glutamate_diet"))
    assert "Investigational: not an established ALS treatment" in programs.detail.toPlainText()
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    idle()
    assert admin.workups.rowCount() >= 9 and admin.drugs.rowCount() > 5
    admin.name.setText("MND Clinic 运动神经元病门诊")
    admin.save_clinic()
    idle()
    admin.display.setText("Ann Lee")
    admin.username.setText("alee")
    admin.add_staff()
    idle()
    idle()
    with db.read() as s:
        assert clinic.get_clinic(session=s).name == "MND Clinic 运动神经元病门诊"
    assert [s.username for s in admin.staff.rows()] == ["alee"]
    admin.username.setText("Bad Name!")
    admin.display.setText("X")
    admin.add_staff()
    idle()
    assert "User name" in admin.staff_message.text()


def test_screenshots_script_writes_every_screen(qtbot, db_url, db, patient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import accounts
    from alsdesk.ui import screenshots

    with db.write() as s:  # the script pictures the window as the clinic's administrator sees it
        accounts.create_account(
            session=s, username="boss", display_name="Boss", role="administrator", password="admin password 1"
        )
    out = tmp_path / "shots"
    assert screenshots.main([str(out), "--database", db_url, "--mrn", "T0001"]) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    # screens, chart tabs (allergies the eighth, the advance care plan the ninth), print preview; sign-in,
    # audit trail, import / export and lock
    assert len(names) == 6 + 9 + 1 + 4
    assert {
        "signin-dialog.png",
        "audit-trail.png",
        "admin-import-export.png",
        "print-preview.png",
        "lock-screen.png",
    } <= set(names)
    assert "01-worklist.png" in names and "chart-3-assessments.png" in names
    assert all((out / n).stat().st_size > 5000 for n in names)


def test_patient_list_refresh_keeps_rows_and_shows_edits(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.view import PatientsView

    view = PatientsView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle()
    resets: list[bool] = []
    view.model.modelReset.connect(lambda: resets.append(True))
    backend.write(lambda s: patients.update_patient(session=s, patient_id=patient.id, given_name="Renamed"))
    idle()
    idle()
    assert resets == []  # same number of patients: no reset, so the scroll position stays
    assert view.model.index(0, 0).data().startswith("TEST, Renamed")


def test_main_window_stays_open_while_a_chart_keeps_unsaved_work(
    qtbot, backend, idle, settings, patient, messages
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, backend, settings)
    idle()
    chart = window.open_chart(patient.id, "assessments")
    idle()
    assert chart.current_tab() == "assessments"
    chart.pages["assessments"].form.measure["weight_kg"].setText("70")
    window.close()
    assert window.isVisible() and chart.isVisible()
    assert messages[-1][0] == "question"
    chart.pages["assessments"].form.clear()
    window.close()
    assert not window.isVisible()


def test_archived_patients_are_listed_on_request(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.view import PatientsView

    backend.write(lambda s: patients.set_archived(session=s, patient_id=patient.id, archived=True))
    view = PatientsView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle()
    assert view.model.rowCount() == 0
    view.archived.setChecked(True)
    idle()
    idle()
    assert view.model.rowCount() == 1 and view.model.summary(0).archived
    view.search.setText("T0001")
    view.run_search()
    idle()
    assert view.model.rowCount() == 1


def test_schedule_shows_workup_appointments_and_reschedules_them(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.models import AuditEntry, WorkupEvent
    from alsdesk.services import workups
    from alsdesk.ui.schedule.view import ScheduleView

    monday = date.today() - timedelta(days=date.today().weekday())
    with db.write() as s:
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="neurology",
            title="Review",
            start_date=monday,
            interval_days=7,
            session_count=1,
        )
        emg, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=monday - timedelta(days=3))
        workups.advance_workup(session=s, workup_id=emg.id, to="scheduled", on=monday + timedelta(days=2))
        ncs, _ = workups.create_workup(session=s, patient_id=patient.id, kind="ncs", on=monday)  # ordered only
    view = ScheduleView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle()
    assert "1 sessions, 1 workups" in view.title.text()
    assert "◆ TEST" in view.week.index(0, 2).data() and "○ TEST" in view.week.index(0, 0).data()
    view.grid.setCurrentIndex(view.week.index(0, 2))
    assert view.cell.rowCount() == 1
    assert view.cell.index(0, 3).data() == "Workup appointment"
    assert view.cell.index(0, 4).data() == "Electromyography (EMG)"
    view.list.selectRow(0)
    view._mark("attended")  # a workup is not a session: told where to record it, nothing written
    assert view.message.isVisibleTo(view) and "Workup tab" in view.message.text()
    view.move_to.set_value(monday + timedelta(days=4))
    view._reschedule()
    idle()
    idle()
    with db.read() as s:
        moved = workups.appointments_between(session=s, start=monday, end=monday + timedelta(days=6))
        events = s.scalars(sa.select(WorkupEvent).where(WorkupEvent.workup_id == emg.id)).all()
        audited = s.scalars(
            sa.select(AuditEntry).where(AuditEntry.table_name == "workup", AuditEntry.record_id == str(emg.id))
        ).all()
    assert [(a.workup_id, a.on) for a in moved] == [(emg.id, monday + timedelta(days=4))]
    assert ncs.id not in {a.workup_id for a in moved}  # ordered without an appointment: not on the week
    assert [(e.from_status, e.to_status) for e in events][-1] == ("scheduled", "scheduled")
    assert any("scheduled_for" in e.detail for e in audited if e.action == "update")
    assert view.week.index(0, 4).data().startswith("◆")


def test_schedule_week_of_one_staff_member(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import workups
    from alsdesk.ui.schedule.view import ScheduleView

    monday = date.today() - timedelta(days=date.today().weekday())
    with db.write() as s:
        ann = clinic.add_staff(
            session=s, username="ann", display_name="Ann PT", discipline="physiotherapy", role="clinician"
        )
        bo = clinic.add_staff(
            session=s, username="bo", display_name="Bo SLT", discipline="speech_language_therapy", role="clinician"
        )
        for who, discipline, count in ((ann, "physiotherapy", 2), (bo, "speech_language_therapy", 1)):
            therapy.create_plan(
                session=s,
                patient_id=patient.id,
                discipline=discipline,
                title=who.display_name,
                start_date=monday,
                interval_days=1,
                session_count=count,
                staff_id=who.id,
            )
        emg, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=monday)
        workups.advance_workup(session=s, workup_id=emg.id, to="scheduled", on=monday)
    view = ScheduleView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle()
    assert "3 sessions, 1 workups" in view.title.text()
    view.staff.setCurrentIndex(view.staff.findData(str(ann.id)))
    idle()
    assert "2 sessions, 0 workups" in view.title.text()
    assert [view.week.headerData(r, Qt.Orientation.Vertical) for r in range(view.week.rowCount())] == ["Physiotherapy"]
