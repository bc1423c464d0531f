"""Keyboard use of the chart: care program sheets, Ctrl+Enter in multi-line dialogs, new rows
selected after an add, saves confirmed in the status bar (issue 10, items 5 and 7)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QPlainTextEdit

from alsdesk.services import clinic, programs, workups
from alsdesk.services.access import Actor

CTRL = Qt.KeyboardModifier.ControlModifier


def open_chart(qtbot, backend, idle, patient_id, tab: str):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient_id)
    qtbot.addWidget(window)
    window.show()
    idle()
    window.show_tab(tab)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and window.pages[tab].isVisible())
    return window, window.pages[tab]


def alt(qtbot, widget, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Press Alt+key; a mnemonic "animates" its button's click, which lands 100 ms later."""
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)


def test_enroll_selects_the_new_enrollment_and_ticks_go_on_its_sheet(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        old, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="daily_routine", start_date=date.today() - timedelta(30)
        )
    window, tab = open_chart(qtbot, backend, idle, patient.id, "programs")
    assert tab.current_enrollment().id == old.id
    tab.template.setFocus()
    tab.template.setCurrentIndex(tab.template.findData("daily_routine"))
    alt(qtbot, tab.template, Qt.Key.Key_L)  # "Enro&ll", from today
    idle()
    idle()
    new = tab.current_enrollment()
    assert len(window.data.chart.enrollments) == 2, tab.message.text()
    assert new.id != old.id and new.start_date == date.today()
    assert tab.grid_model.enrollment.id == new.id
    tab.grid.setFocus()
    tab.grid.setCurrentIndex(tab.grid_model.index(0, 0))
    qtbot.keyClick(tab.grid, Qt.Key.Key_X)
    alt(qtbot, tab.save_button, Qt.Key.Key_S)  # "&Save sheet"
    idle()
    idle()
    sheets = {e.id: e.marks for e in window.data.chart.enrollments}
    assert sheets[new.id] == frozenset({(0, 0)}) and sheets[old.id] == frozenset()


def test_days_after_today_cannot_be_ticked_and_adherence_stays_within_100(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="daily_routine", start_date=date.today() - timedelta(1)
        )
    window, tab = open_chart(qtbot, backend, idle, patient.id, "programs")
    grid = tab.grid
    grid.setFocus()
    grid.setCurrentIndex(tab.grid_model.index(0, 0))
    for _ in range(5):  # days 1 and 2 are today and yesterday; 3, 4, 5 are refused
        qtbot.keyClick(grid, Qt.Key.Key_X)
    assert tab.grid_model.ticks() == {(0, 0), (0, 1)}
    assert "after today" in tab.message.text() and tab.message.isVisible()
    grid.setCurrentIndex(tab.grid_model.index(1, 5))
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert (1, 5) not in tab.grid_model.ticks()
    assert not tab.grid_model.flags(tab.grid_model.index(1, 5)) & Qt.ItemFlag.ItemIsUserCheckable
    tab.save_sheet()
    idle()
    idle()
    saved = next(x for x in window.data.chart.enrollments if x.id == e.id)
    assert saved.marks == frozenset({(0, 0), (0, 1)})
    assert saved.adherence(date.today()) == 2 / 10
    assert "adherence 20%" in tab.summary.text()


def test_a_saved_sheet_is_clean_and_the_save_is_confirmed(qtbot, backend, idle, patient, db, messages) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        programs.enroll(
            session=s, patient_id=patient.id, template_code="daily_routine", start_date=date.today() - timedelta(3)
        )
    window, tab = open_chart(qtbot, backend, idle, patient.id, "programs")
    tab.grid.setFocus()
    tab.grid.setCurrentIndex(tab.grid_model.index(2, 1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_1)
    assert tab.has_unsaved()
    alt(qtbot, tab.save_button, Qt.Key.Key_S)
    idle()
    idle()
    assert not tab.has_unsaved()
    assert window.unsaved_tabs() == []
    assert window.status_label.text().startswith("Saved at")
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it again
    assert window.close()  # no "unsaved changes" question
    assert not [m for m in messages if m[0] == "question"]


def answer_dialog(qtbot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type `text` into the next multi-line dialog, then confirm it with Ctrl+Enter."""
    seen: list[str] = []

    def type_and_confirm() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, type_and_confirm)
            return
        edit = dialog.findChild(QPlainTextEdit)
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter types a new line
        qtbot.keyClicks(edit, "second line")
        seen.append(dialog.windowTitle())
        qtbot.keyClick(edit, Qt.Key.Key_Return, CTRL)

    QTimer.singleShot(0, type_and_confirm)
    return seen


def test_ctrl_enter_confirms_enter_result_and_review(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=date.today())
        workups.advance_workup(session=s, workup_id=w.id, to="performed", on=date.today())
        staff = clinic.add_staff(
            session=s, username="wxu", display_name="Dr Wei Xu", discipline="neurology", role="clinician"
        )
    backend.actor = Actor("wxu", staff.id, "clinician")  # a review names its reviewer
    window, tab = open_chart(qtbot, backend, idle, patient.id, "workup")
    tab.select_record(w.id)
    seen = answer_dialog(qtbot, "Fibrillations in three regions")
    tab.buttons["resulted"].click()
    idle()
    idle()
    assert seen == ["Enter result"]
    saved = next(x for x in window.data.chart.workups if x.id == w.id)
    assert saved.status == "resulted" and saved.result == "Fibrillations in three regions\nsecond line"
    assert window.status_label.text().startswith("Saved at")
    tab.select_record(w.id)
    seen = answer_dialog(qtbot, "Consistent with ALS")
    tab.buttons["reviewed"].click()
    idle()
    idle()
    saved = next(x for x in window.data.chart.workups if x.id == w.id)
    assert seen == ["Review result"], tab.message.text()
    assert saved.status == "reviewed", tab.message.text()
    assert saved.interpretation == "Consistent with ALS\nsecond line"


def test_order_selects_the_new_workup(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        for kind in ("emg", "mri_brain", "blood_panel"):
            workups.create_workup(session=s, patient_id=patient.id, kind=kind, on=date.today())
    window, tab = open_chart(qtbot, backend, idle, patient.id, "workup")
    tab.table.selectRow(0)
    before = {w.id for w in window.data.chart.workups}
    tab.kind.setFocus()
    tab.kind.setCurrentIndex(tab.kind.findData("ncs"))
    alt(qtbot, tab.kind, Qt.Key.Key_D)  # "Or&der"
    idle()
    idle()
    new = [w for w in window.data.chart.workups if w.id not in before]
    assert len(new) == 1
    current = tab.model.row(tab.table.currentIndex().row())
    assert current.id == new[0].id and current.type_code == "ncs"


def test_enter_in_search_opens_the_match_and_down_moves_into_the_list(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients
    from alsdesk.ui.patients.view import PatientsView

    with db.write() as s:
        for mrn, family in (("T0002", "Testa"), ("T0003", "Other")):
            patients.add_patient(
                session=s, mrn=mrn, family_name=family, given_name="Ann", birth_date=date(1961, 1, 1), sex="female"
            )
    opened: list = []
    view = PatientsView(backend, lambda pid, tab: opened.append(pid))
    qtbot.addWidget(view)
    view.show()
    idle()
    view.focus_search()
    qtbot.keyClicks(view.search, "test")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # before the debounced search ran: opens once it lands
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=3000)
    first = view.model.summary(0)
    assert view.model.rowCount() == 2 and opened == [first.id]
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    second = view.model.summary(1)
    assert view.table.currentIndex().row() == 1 and second.id != first.id
    view.focus_search()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # the selected match, not the first
    assert opened == [first.id, second.id]


def test_focus_lands_on_the_screen_after_sign_in(qtbot, backend, idle, settings, patient) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTreeView

    from alsdesk.ui.main_window import MainWindow

    settings.setValue("main/page", "worklist")
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    idle()
    tree = window.page("worklist").findChild(QTreeView)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    settings.setValue("main/page", "patients")
    window.show_page("patients")
    window.reset_pages()  # another user signed in on the patients screen
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.page("patients").search)


def test_a_save_on_a_main_screen_is_confirmed_in_the_status_bar(qtbot, backend, idle, settings) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    admin = window.show_page("admin")
    idle()
    admin.name.setFocus()
    admin.name.selectAll()
    qtbot.keyClicks(admin.name, "Motor Neuron Clinic")
    alt(qtbot, admin.name, Qt.Key.Key_S)  # "&Save clinic profile"
    idle()
    assert window.statusBar().currentMessage().startswith("Saved at")


def test_ctrl_enter_adds_a_note_and_selects_it(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window, tab = open_chart(qtbot, backend, idle, patient.id, "notes")
    tab.text.setFocus()
    qtbot.keyClicks(tab.text, "Discussed NIV")
    qtbot.keyClick(tab.text, Qt.Key.Key_Return)  # a new line, not a save
    qtbot.keyClicks(tab.text, "Family to think it over")
    assert window.data.chart.notes == ()
    qtbot.keyClick(tab.text, Qt.Key.Key_Return, CTRL)
    idle()
    idle()
    (note,) = window.data.chart.notes
    assert note.text == "Discussed NIV\nFamily to think it over"
    assert tab.model.row(tab.table.currentIndex().row()).id == note.id
    assert tab.text.toPlainText() == "" and window.status_label.text().startswith("Saved at")


def test_ctrl_enter_confirms_the_emergency_access_reason(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import restricted
    from alsdesk.ui.chart.break_glass_dialog import BreakGlassDialog

    with db.write() as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[])
        staff = clinic.add_staff(
            session=s, username="wxu", display_name="Dr Wei Xu", discipline="neurology", role="clinician"
        )
    backend.actor = Actor("wxu", staff.id, "clinician")  # outside the (empty) care team

    dialog = BreakGlassDialog(backend, patient.id, patient.mrn)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)  # no reason yet: nothing happens
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.keyClicks(dialog.reason, "Patient in A&E, breathless")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    idle()
    assert dialog.result() == 1, dialog.message.text()


def test_ctrl_enter_saves_a_catalog_form_from_its_text_box(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import catalogs
    from alsdesk.ui.admin.drug_dialog import DrugDialog

    dialog = DrugDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, text in (("code", "Clinicol"), ("name", "Clinicol"), ("purpose", "Cramp relief")):
        qtbot.keyClicks(dialog.lines[key], text)
    dialog.lines["name_zh"].insert("诊所醇")  # what an input method commits (QTest types ASCII only)
    facts = dialog.boxes["facts"]
    qtbot.keyClicks(facts, "Line one.")
    qtbot.keyClick(facts, Qt.Key.Key_Return)
    qtbot.keyClicks(facts, "Line two.")
    qtbot.keyClick(facts, Qt.Key.Key_Enter, CTRL)  # the keypad's Enter too
    idle()
    assert dialog.saved and not dialog.isVisible()
    with db.read() as s:
        assert catalogs.get_drug(session=s, code="clinicol").facts == "Line one.\nLine two."
