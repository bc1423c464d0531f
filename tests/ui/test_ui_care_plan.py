"""The chart's advance care plan, driven with the keyboard (issue 13 item 7): the tab shows the
current plan and its history (notes of the plan's kind listed, read-only), and the dialog records a
plan with real keystrokes; a refused save names the field and loses nothing typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from alsdesk.services import care_plans, notes
from tests.ui.test_ui_care_contacts import chart_window


def test_the_plan_is_recorded_with_the_keyboard_and_a_refused_save_keeps_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, backend, idle, patient, db
) -> None:
    with db.write() as s:
        notes.add_note(
            session=s, patient_id=patient.id, kind="advance_care_plan", occurred_on=date(2025, 8, 1), text="First talk."
        )
    window = chart_window(qtbot, backend, idle, patient)
    window.show_tab("care_plan")
    idle()
    tab = window.pages["care_plan"]
    assert tab.current.text() == "No advance care plan recorded yet."
    assert [tab.model.row(0).on, tab.model.row(0).text] == [date(2025, 8, 1), "First talk."]  # the note, listed
    assert tab.edit_button.text() == "Set &up the plan…"
    QTest.keyClick(tab.edit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    dialog = tab.dialog
    assert not dialog.adrt_text.isEnabled() and not dialog.decider_name.isEnabled()
    dialog.preferences.setFocus()
    QTest.keyClicks(dialog.preferences, "Wants to stay at home.")
    QTest.keyClick(dialog.preferences, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.adrt
    QTest.keyClick(dialog.adrt, Qt.Key.Key_Space)
    QTest.keyClick(dialog.adrt, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.refuses["niv"]
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)  # tube feeding
    dialog.resuscitation.setFocus()
    QTest.keyClick(dialog.resuscitation, Qt.Key.Key_End)  # not for CPR
    QTest.keyClick(dialog.resuscitation, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.resuscitation_on and dialog.resuscitation_on.isEnabled()
    QTest.keyClick(dialog.resuscitation_on, Qt.Key.Key_Return)  # the decision's date left blank
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.message.text() == "Date of the resuscitation decision is required." and dialog.isVisible()
    assert dialog.preferences.toPlainText() == "Wants to stay at home." and dialog.refuses["tube_feeding"].isChecked()
    QTest.keyClicks(dialog.resuscitation_on, date.today().isoformat())
    dialog.decider.setFocus()
    QTest.keyClick(dialog.decider, Qt.Key.Key_Down)  # lasting power of attorney
    QTest.keyClick(dialog.decider, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.decider_name
    QTest.keyClicks(dialog.decider_name, "Li Na")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.decider_name, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        plan = care_plans.current_plan(session=s, patient_id=patient.id)
    assert plan is not None and plan.revision == 1 and plan.preferences == "Wants to stay at home."
    assert (plan.adrt_in_place, plan.adrt_refuses, plan.resuscitation) == (True, ("tube_feeding",), "not_for_cpr")
    assert (plan.resuscitation_on, plan.decider, plan.decider_name) == (date.today(), "lpa_health", "Li Na")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    lines = tab.current.text().splitlines()
    assert lines[0].startswith("Current plan, version 1, recorded") and "Not for CPR (DNACPR)" in lines[1]
    assert lines[2] == "Advance decision to refuse treatment: Tube feeding"
    assert tab.edit_button.text() == "&Update the plan…"
    assert window.print_button.actions_by_kind["care-plan-summary"].isEnabled()


def test_a_change_is_a_new_version_opened_with_the_current_plan(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services.care_plans import PlanFields

    with db.write() as s:
        first = PlanFields(date(2025, 9, 1), "At home", care_place="other", care_place_text="My sister's flat")
        care_plans.record_plan(session=s, patient_id=patient.id, plan=first)
    window = chart_window(qtbot, backend, idle, patient)
    window.show_tab("care_plan")
    idle()
    tab = window.pages["care_plan"]
    tab.edit()
    dialog = tab.dialog
    assert dialog.preferences.toPlainText() == "At home" and dialog.care_place_text.text() == "My sister's flat"
    dialog.review_on.setFocus()
    QTest.keyClicks(dialog.review_on, "2025-08-31")  # before the plan: refused, naming the field
    QTest.keyClick(dialog.review_on, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert "Review date" in dialog.message.text()
    dialog.review_on.clear()
    QTest.keyClicks(dialog.review_on, "2027-01-15")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.review_on, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    assert [tab.model.row(i).revision for i in range(2)] == [2, 1]
    with db.read() as s:
        assert [p.review_on for p in care_plans.revisions(session=s, patient_id=patient.id)] == [
            date(2027, 1, 15),
            None,
        ]
