# ruff: noqa: F811  (the fixtures of test_ui_printing.py, imported, are taken as arguments)
"""NIV settings and gastrostomy details typed in from the milestones row of the therapy tab, with
real keystrokes: a refusal names the field, Save records a new entry (issue 13 item 7)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from alsdesk.services import plan_settings
from tests.ui.test_ui_printing import chart, charted  # noqa: F401  (fixtures)


def opened(qtbot, chart, idle, text: str):  # type: ignore[no-untyped-def]
    """Click `text` in the milestones row; the form it opens."""
    chart.show_tab("therapy")
    idle()
    tab = chart.pages["therapy"]
    (button,) = [b for b in tab.findChildren(QPushButton) if b.text() == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.plan_dialog is not None and tab.plan_dialog.isVisible(), timeout=5000)
    qtbot.addWidget(tab.plan_dialog)
    return tab.plan_dialog


def test_niv_settings_are_typed_in_from_the_milestones_row_and_a_bad_pair_is_named(qtbot, db, chart, idle) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(qtbot, chart, idle, "NIV settings…")
    dialog.ipap.setFocus()
    QTest.keyClicks(dialog.ipap, "14")
    QTest.keyClick(dialog.ipap, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.epap
    QTest.keyClicks(dialog.epap, "14")
    QTest.keyClick(dialog.epap, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.message.text() == "EPAP (14 cmH2O) must be below IPAP (14 cmH2O)."
    dialog.epap.selectAll()
    QTest.keyClicks(dialog.epap, "5")
    dialog.machine.setFocus()
    QTest.keyClicks(dialog.machine, "Lumis 150")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.machine, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        (saved,) = plan_settings.niv_history(session=s, patient_id=chart.patient_id)
    assert (saved.ipap, saved.epap, saved.machine, saved.mode, saved.set_on) == (
        14,
        5,
        "Lumis 150",
        "spontaneous_timed",
        date.today(),
    )
    # The therapy tab shows what is in use without opening the form.
    shown = chart.pages["therapy"].plan_settings
    qtbot.waitUntil(lambda: "IPAP 14 / EPAP 5 cmH2O" in shown.text(), timeout=5000)
    assert shown.isVisible() and shown.text().startswith(f"NIV in use since {date.today()}")


def test_tube_and_feed_are_typed_in_and_open_again_filled_with_the_entry_in_use(qtbot, db, chart, idle) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(qtbot, chart, idle, "Tube and feed…")
    assert chart.pages["therapy"].plan_settings.isHidden()  # nothing in use: no line
    assert dialog.tube_type.currentData() == "peg" and dialog.tube_size.text() == ""  # nothing recorded yet
    dialog.tube_type.setFocus()
    QTest.keyClick(dialog.tube_type, Qt.Key.Key_Down)  # RIG
    QTest.keyClick(dialog.tube_type, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.tube_size
    QTest.keyClicks(dialog.tube_size, "40")
    dialog.feed_name.setFocus()
    QTest.keyClicks(dialog.feed_name, "Jevity 1.5")
    QTest.keyClick(dialog.feed_name, Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.feed_volume, "1500")
    dialog.flush_volume.setFocus()
    QTest.keyClicks(dialog.flush_volume, "50")
    QTest.keyClick(dialog.flush_volume, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.message.text() == "Tube size must be a whole number from 8 to 30 Fr, not 40."
    dialog.tube_size.selectAll()
    QTest.keyClicks(dialog.tube_size, "18")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.tube_size, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        (saved,) = plan_settings.gastrostomy_history(session=s, patient_id=chart.patient_id)
    assert (saved.tube_type, saved.tube_size, saved.feed_name, saved.feed_volume, saved.flush_volume) == (
        "rig",
        18,
        "Jevity 1.5",
        1500,
        50,
    )
    shown = chart.pages["therapy"].plan_settings
    qtbot.waitUntil(lambda: "Jevity 1.5 1500 ml a day" in shown.text(), timeout=5000)
    assert "18 Fr" in shown.text() and "flush 50 ml" in shown.text() and "NIV in use" not in shown.text()
    again = opened(qtbot, chart, idle, "Tube and feed…")  # a change is typed over the entry in use
    assert (again.tube_type.currentData(), again.tube_size.text(), again.feed_name.text()) == (
        "rig",
        "18",
        "Jevity 1.5",
    )
