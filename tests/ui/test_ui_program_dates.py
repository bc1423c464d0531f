"""The chart follows a program's dates and shows ΔFS at diagnosis beside the latest slope,
driven from the keyboard: a start date typed, Alt+L to enroll."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from alsdesk.services import assessments, patients
from tests.ui.test_ui_keys import alt, open_chart

CTRL = Qt.KeyboardModifier.ControlModifier
ITEMS = {"1": 4, "2": 3, "3": 3, "4": 4, "5a": 3, "6": 3, "7": 4, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}  # 41


def enroll_typed(qtbot, idle, tab, template: str, start: date) -> None:  # type: ignore[no-untyped-def]
    tab.template.setFocus()
    tab.template.setCurrentIndex(tab.template.findData(template))
    qtbot.keyClick(tab.template, Qt.Key.Key_Tab)  # on to the start date
    assert tab.start.hasFocus()
    qtbot.keyClick(tab.start, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(tab.start, start.isoformat())
    alt(qtbot, tab.start, Qt.Key.Key_L)  # "Enro&ll"
    idle()
    idle()


def test_a_program_past_its_last_day_shows_ended(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    window, tab = open_chart(qtbot, backend, idle, patient.id, "programs")
    enroll_typed(qtbot, idle, tab, "daily_routine", today - timedelta(days=15))  # last day: yesterday
    (ended,) = window.data.chart.enrollments
    assert ended.end_date == today - timedelta(days=1), tab.message.text()
    status = tab.model.index(0, 4)
    assert (status.data(), tab.model.index(0, 3).data()) == ("Ended", ended.end_date.isoformat())
    enroll_typed(qtbot, idle, tab, "daily_routine", today - timedelta(days=14))  # last day: today
    current = tab.current_enrollment()
    assert current.start_date == today - timedelta(days=14)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).id == current.id)
    assert tab.model.index(row, 4).data() == "Current"


def test_header_shows_delta_fs_at_diagnosis_and_the_latest_slope(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.write() as s:  # onset 2025-01-01 (fixture); diagnosed 30 days before a visit scoring 41
        patients.update_patient(session=s, patient_id=patient.id, diagnosis_date=today - timedelta(days=80))
        assessments.record_assessment(
            session=s, patient_id=patient.id, assessed_on=today - timedelta(days=50), items=ITEMS
        )
        assessments.record_assessment(
            session=s, patient_id=patient.id, assessed_on=today, items={**ITEMS, "9": 1, "8": 2, "6": 2}
        )
    window, _tab = open_chart(qtbot, backend, idle, patient.id, "overview")
    header = window.header.fields
    days = (today - timedelta(days=50) - date(2025, 1, 1)).days
    rate = 7 / (days / 30.4375)
    assert header["dfs"].text().startswith(f"{rate:.2f}/month")
    assert header["dfs"].text().endswith(f"on {today - timedelta(days=50)}")
    assert header["slope"].text() == f"1.83/month lost ({today - timedelta(days=50)} → {today})"


def test_catalog_says_which_items_only_patients_with_an_intervention_get(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.programs.view import ProgramsView

    view = ProgramsView(backend)
    qtbot.addWidget(view)
    view.show()
    idle()
    codes = [view.model.row(r).code for r in range(view.model.rowCount())]
    view.table.setFocus()
    view.table.selectRow(0)
    for _ in range(codes.index("respiratory_home")):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    text = view.detail.toPlainText()
    assert "Ventilator (NIV) used as prescribed (only for patients with NIV (non-invasive ventilation))" in text
    assert "Morning breathing check (any breathlessness lying flat?)\n" in text  # for everyone: no note


def test_editing_a_template_keeps_what_its_items_need(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import catalogs
    from tests.ui.test_ui_catalog_edit import open_admin

    admin = open_admin(qtbot, backend, idle)
    admin.template_table.selectRow([t.code for t in admin.templates.rows()].index("respiratory_home"))
    admin.edit_template_button.click()
    dialog = admin.dialog
    first = dialog.items.item(0, 1)
    first.setText(first.text() + "。")  # an edit to another item (as test_ui_catalog_edit types them)
    dialog.save()
    idle()
    with db.read() as s:
        template = next(t for t in catalogs.program_templates(session=s) if t.code == "respiratory_home")
    assert template.items[0].zh.endswith("。")  # the edit was saved
    assert [i.needs for i in template.items] == ["", "", "niv", ""]
    assert [i.reading for i in template.items] == ["", "%", "", ""]  # the SpO2 item keeps its unit too
