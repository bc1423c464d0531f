"""The assessment form records the NG42 respiratory symptoms (ticked with the keyboard) and the
patient form the lung-disease flag the SpO2 rule reads; both are stored and change the alerts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alsdesk.services import chart, patients


def open_chart(qtbot, backend, idle, patient_id):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    idle()
    return window


def test_a_symptom_ticked_with_the_keyboard_is_stored_and_raises_the_symptomatic_niv_alert(  # type: ignore[no-untyped-def]
    qtbot, backend, idle, patient, db
) -> None:
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("assessments")
    idle()
    tab = window.pages["assessments"]
    form = tab.form
    qtbot.waitUntil(form.isVisible)  # a tab's page is made when first shown
    assert not hasattr(form, "lung_disease")  # asked on the patient form now
    qtbot.mouseClick(form.take_alsfrs, Qt.MouseButton.LeftButton)  # measurements only
    fvc = form.measure["fvc_percent"]
    fvc.setFocus()
    qtbot.keyClicks(fvc, "75")  # below 80 %: NIV only with a symptom (NICE NG42)
    for _ in range(6):  # SNIP, SpO2, weight, height, the note, then the first symptom
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.symptoms["breathlessness"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.symptoms["orthopnoea"]
    qtbot.keyClick(form.symptoms["orthopnoea"], Qt.Key.Key_Space)
    assert form.checked_symptoms() == ["orthopnoea"]
    tab.save_button.setFocus()
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    idle()
    idle()
    assert [(a.kind, a.criteria) for a in tab.alerts_raised] == [("niv", ("fvc_symptomatic",))]
    with db.read() as s:
        (visit,) = chart.patient_chart(session=s, patient_id=patient.id).assessments
    assert visit.symptoms == ("orthopnoea",) and visit.fvc_percent == 75
    assert form.checked_symptoms() == []  # the form is cleared for the next visit
    tab.correct(visit)
    assert form.symptoms["orthopnoea"].isChecked() and not form.symptoms["breathlessness"].isChecked()


def test_lung_disease_box_on_the_patient_form(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    dialog = EditPatientDialog(backend, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    box = dialog.lung_disease
    qtbot.waitUntil(box.isVisible)
    assert not box.isChecked() and box.accessibleName() == "Known lung disease (lowers the SpO2 line for a blood gas)"
    assert "&l" in box.text()  # Alt+L reaches it
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and dialog.changes() == {"lung_disease": True}
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.Key.Key_Space)
    with db.read() as s:
        assert patients.get_patient(session=s, patient_id=patient.id).lung_disease is True


def test_overview_timeline_shows_a_closed_alert_with_its_reason(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from alsdesk.services import assessments, medications

    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 7, 1), fvc_percent=45.0)
        medications.record_milestone(session=s, patient_id=patient.id, kind="niv", occurred_on=date(2025, 7, 20))
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["overview"]
    idle()
    texts = [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())]
    assert any(t.endswith("discuss NIV; refer to respiratory service — Closed: NIV in place") for t in texts), texts
    assert not window.data.chart.open_alerts


def test_lung_disease_ticked_when_registering_a_patient(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog

    dialog = NewPatientDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.keyClicks(dialog.mrn, "L200")
    qtbot.keyClicks(dialog.family, "Wang")
    qtbot.keyClicks(dialog.given, "Fang")
    qtbot.keyClicks(dialog.birth, "1950-04-02")
    box = dialog.lung_disease
    assert "&l" in box.text() and not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.Key.Key_Space)
    with db.read() as s:
        saved = patients.get_patient(session=s, patient_id=dialog.created.id)
    assert (saved.mrn, saved.birth_date, saved.lung_disease) == ("L200", date(1950, 4, 2), True)
