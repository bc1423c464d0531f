"""The therapy tab's dose: choosing a drug fills it from the catalog; a prescriber changes it with
the keyboard alone (type, Tab, Enter), accepts the prescription warning, and the course stores
what was entered; the table shows it in the window's language."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from alsdesk.services import medications
from alsdesk.services.doses import Dose

REAL_WARNING = QMessageBox.warning  # the `messages` fixture stands in for it; one test answers the real one


def _therapy_tab(qtbot, backend, idle, patient):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    chart = ChartWindow(backend, patient.id)
    qtbot.addWidget(chart)
    chart.resize(1366, 768)
    chart.show()
    chart.show_tab("therapy")
    qtbot.waitUntil(lambda: chart.pages["therapy"].drug.count() > 0)
    idle()
    return chart, chart.pages["therapy"]


def _courses(db, patient) -> list[medications.MedicationView]:  # type: ignore[no-untyped-def]
    from alsdesk.services import chart

    with db.read() as s:
        return list(chart.patient_chart(session=s, patient_id=patient.id).medications)


def test_choosing_a_drug_fills_its_catalog_dose(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    _chart, tab = _therapy_tab(qtbot, backend, idle, patient)
    tab.drug.setCurrentIndex(tab.drug.findData("tofersen"))
    assert tab.dose.dose() == Dose(100.0, "mg", "intrathecal", "every_28_days", "tofersen_loading")
    assert tab.dose.route.currentText() == "intrathecal injection"
    tab.drug.setCurrentIndex(tab.drug.findData("botulinum_toxin"))  # no structured dose: its text as the note
    assert tab.dose.dose() == Dose(note="遵专科医生医嘱")  # the fixture patient reads Chinese


def test_a_dose_entered_with_the_keyboard_is_stored(qtbot, backend, idle, db, patient, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", REAL_WARNING)
    _chart, tab = _therapy_tab(qtbot, backend, idle, patient)
    tab.drug.setFocus()
    QTest.keyClicks(tab.drug, "Ril")  # the combo box finds Riluzole as it is typed
    assert tab.drug.currentData() == "riluzole"
    assert tab.dose.amount.text() == "50" and tab.dose.frequency.currentData() == "twice_daily"
    tab.dose.amount.setFocus()
    tab.dose.amount.selectAll()
    QTest.keyClicks(tab.dose.amount, "100")
    for _ in range(2):  # past the unit to the route
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.dose.route
    QTest.keyClicks(tab.dose.route, "via")
    QTest.keyClick(tab.dose.route, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.dose.frequency
    QTest.keyClicks(tab.dose.frequency, "on")  # once a day
    QTest.keyClick(tab.dose.frequency, Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # past the regimen
    assert QApplication.focusWidget() is tab.dose.note
    QTest.keyClicks(tab.dose.note, "dissolved in water")
    # No ALT on record: the baseline warning asks "prescribe anyway?"; accept it with the keyboard.
    answered: list[str] = []

    def accept() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, accept)
            return
        answered.append(box.text())
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setFocus()
        QTest.keyClick(yes, Qt.Key.Key_Space)

    QTimer.singleShot(0, accept)
    QTest.keyClick(tab.dose.note, Qt.Key.Key_Return)  # Enter prescribes
    qtbot.waitUntil(lambda: bool(_courses(db, patient)), timeout=10_000)
    assert answered and "ALT" in answered[0]
    (course,) = _courses(db, patient)
    assert course.dose == Dose(100.0, "mg", "feeding_tube", "once_daily", note="dissolved in water")
    assert "baseline" in course.warning_acknowledged
    idle()
    texts = [str(tab.meds.data(tab.meds.index(r, 2))) for r in range(tab.meds.rowCount())]
    assert texts == ["100 mg via feeding tube once a day; dissolved in water"]


def test_an_amount_that_is_no_number_is_refused_naming_the_field(qtbot, backend, idle, db, patient, messages) -> None:  # type: ignore[no-untyped-def]
    _chart, tab = _therapy_tab(qtbot, backend, idle, patient)
    tab.drug.setCurrentIndex(tab.drug.findData("gabapentin"))
    tab.dose.amount.setFocus()
    tab.dose.amount.selectAll()
    QTest.keyClicks(tab.dose.amount, "three")
    QTest.keyClick(tab.dose.amount, Qt.Key.Key_Return)
    idle()
    assert tab.message.isVisibleTo(tab) and "Dose amount must be a number" in tab.message.text()
    assert _courses(db, patient) == []


def test_the_chinese_window_words_the_dose_in_chinese(qtbot, backend, idle, db, patient, chinese) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code="tofersen",
            started_on=patient.onset_date,
            acknowledge_warnings=True,
        )
    _chart, tab = _therapy_tab(qtbot, backend, idle, patient)
    assert tab.dose.route.findText("鞘内注射") > 0 and tab.dose.frequency.findText("每日两次") > 0
    texts = [str(tab.meds.data(tab.meds.index(r, 2))) for r in range(tab.meds.rowCount())]
    assert texts == ["100 mg 鞘内注射 每28天一次；先给予3次负荷剂量，每次间隔14天"]
