"""Quit from the lock screen: closes the app without signing in and without showing patient data."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from alsdesk.services import accounts
from alsdesk.services.access import Actor


def locked_window_with_unsaved_work(qtbot, backend, idle, settings, db, patient):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog
    from alsdesk.ui.main_window import MainWindow
    from alsdesk.ui.signin.dialog import SignedIn

    with db.write() as s:
        boss = accounts.create_account(
            session=s, username="boss", display_name="Dr Boss", role="administrator", password="correct horse battery"
        )
    window = MainWindow(backend, settings, signed_in=SignedIn(Actor("boss", boss.id, "administrator"), "Dr Boss"))
    qtbot.addWidget(window)
    window.show()
    idle()
    chart = window.open_chart(patient.id, "notes")
    idle()
    chart.pages["notes"].text.setPlainText("Unsaved: choking on thin fluids")
    dialog = EditPatientDialog(backend, chart.data.chart.patient, chart)
    qtbot.addWidget(dialog)
    dialog.show()
    window.guard.lock()
    assert window.guard.locked and window.guard.lock_screen.quit_button.isVisible()
    return window, chart, dialog


def test_quit_on_the_lock_screen_warns_by_count_then_discards_and_closes(
    qtbot, backend, idle, settings, db, patient, messages, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, chart, dialog = locked_window_with_unsaved_work(qtbot, backend, idle, settings, db, patient)
    screen = window.guard.lock_screen

    screen.quit_button.click()  # the recorded message box answers OK, not Discard: nothing happens
    assert messages and messages[-1][0] == "warning"
    text = messages[-1][1]
    assert text.startswith("2 open window(s) hold entries that were not saved")  # the chart and the dialog
    assert "TEST" not in text and "Patient" not in text  # whose chart it is stays hidden
    assert window.isVisible() and window.guard.locked and screen.isVisible() and dialog.isVisible()
    assert window.charts == {patient.id: chart}

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    screen.quit_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not screen.isVisible() and not dialog.isVisible() and window.charts == {}
    assert not [m for m in messages[1:] if m[0] == "question"]  # no chart asked about its unsaved tab


def test_closing_a_locked_window_goes_through_the_same_warning(
    qtbot, backend, idle, settings, db, patient, messages
) -> None:  # type: ignore[no-untyped-def]
    window, chart, _dialog = locked_window_with_unsaved_work(qtbot, backend, idle, settings, db, patient)
    window.close()  # e.g. the title bar's close button; the recorded box answers OK = cancel
    assert [kind for kind, _ in messages] == ["warning"]
    assert window.isVisible() and window.guard.locked and chart.unsaved_tabs()


def test_quit_with_nothing_unsaved_needs_no_confirmation(qtbot, backend, idle, settings, db, patient, messages) -> None:  # type: ignore[no-untyped-def]
    window, chart, dialog = locked_window_with_unsaved_work(qtbot, backend, idle, settings, db, patient)
    window.guard.unlock(window.guard.signed)
    chart.pages["notes"].text.clear()
    dialog.reject()
    window.guard.lock()
    assert window.guard.quit_locked()
    assert messages == [] and not window.isVisible()
