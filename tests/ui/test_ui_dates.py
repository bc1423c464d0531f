"""The one date field (ui/widgets/dates.py), driven by keystrokes: every date field of every form is typed
into, saved, and the stored date read back from the database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from alsdesk.services import chart, patients
from alsdesk.ui.widgets.dates import DateEdit, Unreadable, read_date, years_before


def type_date(qtbot, field: DateEdit, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    """Clear the field (Ctrl+A, Delete), type, then leave it (Tab) or press Enter, as a user does."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, key)
    if key == Qt.Key.Key_Tab:
        field.editingFinished.emit()  # offscreen windows are not always active, so focus may not move


def button(parent: QWidget, text: str) -> QPushButton:
    """The button whatever its mnemonic ("&Enroll", "E&nroll")."""
    (found,) = [b for b in parent.findChildren(QPushButton) if b.text().replace("&", "") == text]
    return found


def open_chart(qtbot, backend, idle, patient_id):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient_id)
    qtbot.addWidget(window)
    window.show()
    idle()
    return window


def stored(db, patient_id):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return chart.patient_chart(session=s, patient_id=patient_id)


# --- reading texts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zh", "expected"),
    [
        ("1967-03-15", False, date(1967, 3, 15)),
        ("1967-3-5", False, date(1967, 3, 5)),
        ("15/03/1967", False, date(1967, 3, 15)),
        ("5/3/1967", False, date(1967, 3, 5)),
        ("1967-03-15", True, date(1967, 3, 15)),
        ("1967/3/15", True, date(1967, 3, 15)),
        (" ", False, None),
    ],
)
def test_iso_and_the_languages_short_form_are_read(text: str, zh: bool, expected: date | None) -> None:
    assert read_date(text, zh=zh) == expected


@pytest.mark.parametrize(
    ("text", "zh", "reason"),
    [
        ("15/03/67", False, "short_year"),
        ("67-03-15", False, "short_year"),
        ("67/3/15", True, "short_year"),
        ("1967/3/15", False, "unreadable"),  # the Chinese order is not read in English
        ("15/03/1967", True, "unreadable"),  # nor the English one in Chinese
        ("1967-02-30", False, "no_such_day"),
        ("1967-0", False, "unreadable"),
        ("not recorded", False, "unreadable"),
    ],
)
def test_two_digit_years_and_other_texts_are_refused(text: str, zh: bool, reason: str) -> None:
    with pytest.raises(Unreadable) as err:
        read_chinese = zh
        read_date(text, zh=read_chinese)
    assert err.value.reason == reason


# --- the field --------------------------------------------------------------------------------


def form_with(qtbot, field: DateEdit, name: str = "Birth date"):  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    field.setAccessibleName(name)
    after = QLineEdit()
    layout = QVBoxLayout(widget)
    layout.addWidget(field)
    layout.addWidget(after)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    field.form = widget  # type: ignore[attr-defined]  # the test's reference keeps the form alive
    return after


def test_blank_field_takes_typed_iso_and_tab_leaves_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateEdit(optional=True)
    after = form_with(qtbot, field)
    field.setFocus()
    qtbot.keyClicks(field, "1967-03-15")
    assert field.text() == "1967-03-15" and field.value() == date(1967, 3, 15)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # the next widget, not the next part of the date


def test_english_short_form_is_shown_back_as_iso(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateEdit(optional=True)
    after = form_with(qtbot, field)
    field.setFocus()
    qtbot.keyClicks(field, "15/3/1967")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    assert field.text() == "1967-03-15" and field.value() == date(1967, 3, 15)
    assert "DD/MM/YYYY" in field.placeholderText()


def test_chinese_short_form(qtbot, chinese) -> None:  # type: ignore[no-untyped-def]
    field = DateEdit(optional=True)
    form_with(qtbot, field, "出生日期")
    field.setFocus()
    qtbot.keyClicks(field, "1967/3/15")
    assert field.value() == date(1967, 3, 15)
    assert field.placeholderText() == "如 1967-03-15 或 1967/3/15"  # the Chinese order, shown by example
    type_date(qtbot, field, "15/03/1967")
    assert field.problem().startswith("出生日期：")  # the English order is refused, in Chinese
    with pytest.raises(ValueError):
        field.value()


def test_two_digit_year_is_refused_and_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateEdit(optional=True)
    form_with(qtbot, field)
    type_date(qtbot, field, "15/03/67")
    assert field.problem() == "Birth date: write the year with four digits (1967, not 67)."
    assert field.text() == "15/03/67"  # what was typed stays
    assert "#c0392b" in field.styleSheet()  # red at once
    with pytest.raises(ValueError, match="four digits"):
        field.value()


def test_clearing_clears_the_value(qtbot) -> None:  # type: ignore[no-untyped-def]
    optional = DateEdit(date(1967, 3, 15), optional=True)
    form_with(qtbot, optional, "Symptom onset")
    optional.setFocus()
    qtbot.keyClick(optional, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(optional, Qt.Key.Key_Delete)
    assert optional.value() is None and optional.problem() == ""
    required = DateEdit(date(1967, 3, 15))
    form_with(qtbot, required, "Birth date")
    required.setFocus()
    qtbot.keyClick(required, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(required, Qt.Key.Key_Backspace)
    assert required.problem() == "Birth date is required."
    assert "#c0392b" in required.styleSheet()
    with pytest.raises(ValueError, match="required"):
        required.value()


def test_calendar_opens_at_the_value_or_a_sensible_day_and_picks_by_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.widgets.dates import birth_date_edit

    blank = DateEdit(optional=True)
    form_with(qtbot, blank)
    blank.setFocus()
    qtbot.keyClick(blank, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert blank._popup is not None and blank._popup.isVisible()
    assert blank._popup.selectedDate().toPython() == date.today()  # not January 1900
    qtbot.keyClick(blank._popup, Qt.Key.Key_Escape)
    assert not blank._popup.isVisible() and blank.value() is None
    birth = birth_date_edit()
    form_with(qtbot, birth)
    birth.setFocus()
    qtbot.keyClick(birth, Qt.Key.Key_F4)
    assert birth._popup is not None
    assert birth._popup.selectedDate().toPython() == years_before(date.today(), 60)
    assert birth._popup.maximumDate().toPython() == date.today()  # no future birth dates to pick
    type_date(qtbot, birth, "1967-03-15")
    qtbot.keyClick(birth, Qt.Key.Key_F4)
    view = birth._popup.focusProxy()
    assert birth._popup.selectedDate().toPython() == date(1967, 3, 15)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert birth.value() == date(1967, 3, 16) and not birth._popup.isVisible()


# --- new patient ------------------------------------------------------------------------------


def new_patient(qtbot, backend):  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog

    dialog = NewPatientDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.mrn, "D100")
    qtbot.keyClicks(dialog.family, "Li")
    qtbot.keyClicks(dialog.given, "Hua")
    return dialog


def test_new_patient_dates_typed_and_saved(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    dialog = new_patient(qtbot, backend)
    assert dialog.birth.text() == ""  # no plausible-looking default
    type_date(qtbot, dialog.birth, "1967-03-15")
    type_date(qtbot, dialog.onset, "15/03/2024")
    type_date(qtbot, dialog.diagnosis, "2024-09-01", Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    with db.read() as s:
        saved = patients.get_patient(session=s, patient_id=dialog.created.id)
    assert (saved.birth_date, saved.onset_date, saved.diagnosis_date) == (
        date(1967, 3, 15),
        date(2024, 3, 15),
        date(2024, 9, 1),
    )


def test_new_patient_future_birth_date_is_refused_at_once(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    dialog = new_patient(qtbot, backend)
    tomorrow = date.today() + timedelta(days=1)
    dialog.birth.setFocus()
    qtbot.keyClicks(dialog.birth, tomorrow.isoformat())
    expected = f"Birth date ({tomorrow}) cannot be after {date.today()}."
    assert dialog.birth.problem() == expected and dialog.birth.toolTip() == expected
    assert "#c0392b" in dialog.birth.styleSheet()
    qtbot.waitUntil(lambda: dialog.field_errors["birth_date"].text() == expected, timeout=3000)
    dialog.save()
    assert dialog.created is None and dialog.isVisible()


def test_new_patient_unreadable_date_is_not_saved_as_another(qtbot, backend, db) -> None:  # type: ignore[no-untyped-def]
    dialog = new_patient(qtbot, backend)
    type_date(qtbot, dialog.birth, "1967-03-15")
    type_date(qtbot, dialog.onset, "2024-13")  # a slip: not "not recorded", not some other day
    dialog.save()
    assert dialog.created is None
    assert dialog.field_errors["onset_date"].text() == (
        "Symptom onset: “2024-13” is not a date. Type it as YYYY-MM-DD or DD/MM/YYYY."
    )
    assert dialog.onset.text() == "2024-13"
    with db.read() as s:
        assert patients.count_patients(session=s) == 0


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_new_patient_over_110_asks_first(qtbot, backend, db, monkeypatch, answer) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog = new_patient(qtbot, backend)
    old = years_before(date.today(), 111)
    type_date(qtbot, dialog.birth, old.isoformat())
    if answer == QMessageBox.StandardButton.Yes:
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            dialog.save()
        with db.read() as s:
            assert patients.get_patient(session=s, patient_id=dialog.created.id).birth_date == old
    else:
        dialog.save()
        assert dialog.created is None and dialog.isVisible()
        assert dialog.focusWidget() is dialog.birth and dialog.birth.text() == old.isoformat()
        with db.read() as s:
            assert patients.count_patients(session=s) == 0
    assert asked == [f"Birth date {old} makes the patient 111 years old. Save it anyway?"]


# --- edit patient -----------------------------------------------------------------------------


def test_edit_patient_dates_typed_and_saved(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    dialog = EditPatientDialog(backend, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    type_date(qtbot, dialog.birth, "17/05/1961")
    type_date(qtbot, dialog.onset, "2025-01-02")
    type_date(qtbot, dialog.diagnosis, "2025-06-02")
    dialog.status.setCurrentIndex(dialog.status.findData("deceased"))
    type_date(qtbot, dialog.death, date.today().isoformat(), Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    with db.read() as s:
        saved = patients.get_patient(session=s, patient_id=patient.id)
    assert (saved.birth_date, saved.onset_date, saved.diagnosis_date, saved.death_date) == (
        date(1961, 5, 17),
        date(2025, 1, 2),
        date(2025, 6, 2),
        date.today(),
    )


def test_edit_patient_refusals_name_the_field(qtbot, backend, idle, patient, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    dialog = EditPatientDialog(backend, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    tomorrow = date.today() + timedelta(days=1)
    type_date(qtbot, dialog.diagnosis, tomorrow.isoformat())
    assert dialog.message.text() == f"Diagnosis date ({tomorrow}) cannot be after {date.today()}."  # at once
    type_date(qtbot, dialog.diagnosis, "2025-06-01")
    assert dialog.message.isHidden()
    type_date(qtbot, dialog.onset, "1/1/25")
    dialog.save()
    assert dialog.message.text() == "Symptom onset: write the year with four digits (1967, not 67)."
    assert dialog.onset.text() == "1/1/25" and dialog.focusWidget() is dialog.onset
    type_date(qtbot, dialog.onset, "2025-01-01")
    type_date(qtbot, dialog.birth, "1900-01-01")
    dialog.save()  # asked about age 126; No
    assert dialog.isVisible() and dialog.focusWidget() is dialog.birth
    with db.read() as s:
        assert patients.get_patient(session=s, patient_id=patient.id).birth_date == date(1960, 5, 17)


# --- chart tabs and dialogs -------------------------------------------------------------------


def test_findings_examination_date_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.findings_dialog import FindingsDialog

    window = open_chart(qtbot, backend, idle, patient.id)
    dialog = FindingsDialog(backend, patient.id, window.data.chart.findings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.boxes[("cervical", "umn")].setChecked(True)
    type_date(qtbot, dialog.examined_on, "2025-07-01", Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert [f.examined_on for f in stored(db, patient.id).findings] == [date(2025, 7, 1)]


def test_assessment_date_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("assessments")
    tab = window.pages["assessments"]
    tab.form.take_alsfrs.setChecked(False)
    tab.form.measure["weight_kg"].setText("60")
    type_date(qtbot, tab.form.assessed_on, "2025-08-01")
    tab.save()
    idle()
    assert [a.assessed_on for a in stored(db, patient.id).assessments] == [date(2025, 8, 1)]


def test_note_date_typed_and_an_unreadable_one_stops_the_save(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("notes")
    tab = window.pages["notes"]
    tab.kind.setCurrentIndex(tab.kind.findData("clinical"))
    qtbot.keyClicks(tab.text, "Called about NIV")
    type_date(qtbot, tab.on, "2025-13-01")
    button(tab, "Add note").click()
    idle()
    assert tab.message.text() == "Date of the note: 2025-13-01 is not a day of the calendar."
    assert tab.on.text() == "2025-13-01" and not stored(db, patient.id).notes
    type_date(qtbot, tab.on, "03/02/2025")
    button(tab, "Add note").click()
    idle()
    assert [n.occurred_on for n in stored(db, patient.id).notes] == [date(2025, 2, 3)]


def test_program_start_and_returned_dates_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("programs")
    tab = window.pages["programs"]
    tab.template.setCurrentIndex(tab.template.findData("daily_routine"))
    start = date.today() - timedelta(days=3)
    type_date(qtbot, tab.start, start.isoformat())
    button(tab, "Enroll").click()
    idle()
    idle()
    (enrolled,) = stored(db, patient.id).enrollments
    assert enrolled.start_date == start
    tab.table.selectRow(0)
    type_date(qtbot, tab.returned, date.today().strftime("%d/%m/%Y"))
    tab.grid_model.setData(tab.grid_model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    button(tab, "Save sheet").click()
    idle()
    (enrolled,) = stored(db, patient.id).enrollments
    assert enrolled.sheet_returned_on == date.today()


def test_referral_action_date_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import referrals

    sent = date.today() - timedelta(days=2)
    with db.write() as s:
        referrals.create_referral(
            session=s, patient_id=patient.id, to_specialty="respiratory_medicine", reason="NIV", referral_date=sent
        )
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["referrals"]
    tab.table.selectRow(0)
    type_date(qtbot, tab.on, sent.isoformat())
    tab.buttons["sent"].click()
    idle()
    assert [r.sent_on for r in stored(db, patient.id).referrals] == [sent]


def test_therapy_tab_dates_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import catalogs

    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("therapy")
    tab = window.pages["therapy"]
    start = date.today() - timedelta(days=7)
    qtbot.keyClicks(tab.title, "Breathing exercises")
    type_date(qtbot, tab.plan_start, start.isoformat())
    tab.count.setValue(2)
    button(tab, "Add plan").click()
    idle()
    (plan,) = stored(db, patient.id).plans
    assert plan.sessions[0].scheduled_on == start
    tab.session_table.selectRow(1)
    moved = date.today() + timedelta(days=3)
    type_date(qtbot, tab.move_to, moved.isoformat())
    button(tab, "Reschedule to").click()
    idle()
    (plan,) = stored(db, patient.id).plans
    assert moved in [s.scheduled_on for s in plan.sessions]
    with db.read() as s:
        code = next(d.code for d in catalogs.drugs(session=s) if d.monitoring == "riluzole_alt")
    qtbot.keyClicks(tab.lab_value, "30")  # the baseline ALT before starting riluzole
    qtbot.keyClicks(tab.lab_uln, "40")
    type_date(qtbot, tab.lab_on, "2025-06-20")
    button(tab, "Record lab").click()
    idle()
    tab.drug.setCurrentIndex(tab.drug.findData(code))
    type_date(qtbot, tab.med_start, "2025-07-01")
    button(tab, "Prescribe").click()
    idle()
    assert [m.started_on for m in stored(db, patient.id).medications] == [date(2025, 7, 1)]
    tab.lab_value.clear()
    tab.lab_uln.clear()
    qtbot.keyClicks(tab.lab_value, "30")
    qtbot.keyClicks(tab.lab_uln, "40")
    type_date(qtbot, tab.lab_on, "2025-08-01")
    button(tab, "Record lab").click()
    idle()
    assert sorted(lab.taken_on for lab in stored(db, patient.id).labs) == [date(2025, 6, 20), date(2025, 8, 1)]
    tab.milestone_kind.setCurrentIndex(tab.milestone_kind.findData("niv"))
    type_date(qtbot, tab.milestone_on, "01/09/2025")
    button(tab, "Record milestone").click()
    idle()
    assert [m.occurred_on for m in stored(db, patient.id).milestones] == [date(2025, 9, 1)]


def test_workup_due_and_action_dates_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["workup"]
    tab.kind.setCurrentIndex(tab.kind.findData("emg"))
    due = date.today() + timedelta(days=10)
    type_date(qtbot, tab.due, due.isoformat())
    button(tab, "Order").click()
    idle()
    (ordered,) = stored(db, patient.id).workups
    assert ordered.due_date == due
    tab.table.selectRow(0)
    type_date(qtbot, tab.on, date.today().isoformat())
    from tests.ui.modal import click_button, on_next_modal

    asked = on_next_modal(lambda box: click_button(box, "Record performed"))  # the step asks first
    tab.buttons["performed"].click()
    idle()
    assert asked
    (done,) = stored(db, patient.id).workups
    assert done.performed_on == date.today()


def test_enrollment_start_before_1900_is_refused_by_the_field(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["programs"]
    type_date(qtbot, tab.start, "1899-12-31")
    assert tab.start.problem() == "Enrollment starts on (1899-12-31) cannot be before 1900-01-01."
    button(tab, "Enroll").click()
    idle()
    assert tab.message.text() == "Start date (1899-12-31) cannot be before 1960-05-17."  # the service agrees
    assert not stored(db, patient.id).enrollments


# --- worklist, schedule, printing, audit --------------------------------------------------------


def test_worklist_reschedule_date_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import workups
    from alsdesk.ui.worklist.view import WorklistView

    yesterday = date.today() - timedelta(days=1)
    with db.write() as s:
        workups.create_workup(
            session=s, patient_id=patient.id, kind="emg", on=yesterday - timedelta(days=40), due_date=yesterday
        )
    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle(view)
    view.tree.setCurrentIndex(view.model.index(0, 0, view.model.index(0, 0)))
    assert view.selected_item() is not None and view.selected_item().kind == "workup_overdue"
    type_date(qtbot, view.move_to, "1/2/26")  # refused: nothing moves
    view.reschedule_button.click()
    assert view.message.text() == "New date: write the year with four digits (1967, not 67)."
    moved = date.today() + timedelta(days=5)
    type_date(qtbot, view.move_to, moved.strftime("%d/%m/%Y"))
    view.reschedule_button.click()
    idle(view)
    assert [w.scheduled_for for w in stored(db, patient.id).workups] == [moved]


def test_schedule_reschedule_date_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import therapy
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
    view = ScheduleView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle()
    view.grid.setCurrentIndex(view.week.index(0, 0))
    view.list.selectRow(0)
    type_date(qtbot, view.move_to, (monday + timedelta(days=3)).isoformat(), Qt.Key.Key_Return)
    button(view, "Reschedule to").click()
    idle()
    (plan,) = stored(db, patient.id).plans
    assert [s.scheduled_on for s in plan.sessions] == [monday + timedelta(days=3)]


def test_printing_days_typed(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.printing.view import PrintingView

    view = PrintingView(backend, lambda *a: None)
    qtbot.addWidget(view)
    type_date(qtbot, view.worklist_day, "2026-02-30")
    view.worklist_button.click()
    assert view.message.text() == "Worklist day: 2026-02-30 is not a day of the calendar."
    assert view.worklist_button.isEnabled() and view.preview is None  # nothing was prepared
    type_date(qtbot, view.batch_day, "31/12/25")
    view.batch_button.click()
    assert "four digits" in view.message.text() and view.batch is None
    type_date(qtbot, view.worklist_day, "2026-03-02")
    view.worklist_button.click()
    qtbot.waitUntil(lambda: view.preview is not None, timeout=30000)
    qtbot.addWidget(view.preview)
    assert view.preview.windowTitle().endswith("2026-03-02") or "2026-03-02" in view.preview.windowTitle()


def test_audit_trail_dates_typed(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import accounts
    from alsdesk.services.access import Actor
    from alsdesk.ui.admin.audit_view import AuditView

    with db.write() as s:
        admin = accounts.create_account(
            session=s, username="boss", display_name="Dr Ada Boss", role="administrator", password="a-long-passphrase-1"
        )
    backend.actor = Actor("boss", admin.id, "administrator")
    view = AuditView(backend)
    qtbot.addWidget(view)
    view.show()
    idle()
    assert view.model.rowCount() > 0  # the patient's registration at least
    type_date(qtbot, view.since, (date.today() + timedelta(days=1)).isoformat())
    view.apply_filters()
    idle()
    assert view.model.rowCount() == 0
    type_date(qtbot, view.since, "")
    type_date(qtbot, view.until, date.today().strftime("%d/%m/%Y"))
    view.apply_filters()
    idle()
    assert view.model.rowCount() > 0
    type_date(qtbot, view.until, "yesterday")
    view.apply_filters()
    assert view.message.text().startswith("To date (inclusive): “yesterday” is not a date.")
