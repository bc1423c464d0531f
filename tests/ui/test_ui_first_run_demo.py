"""First run, as a newcomer meets it: the first dialog names the database file, and the window's
demo offer, accepted with real clicks and keys, loads a demo clinic the window then shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from alsdesk.services import patients
from alsdesk.storage.config import sqlite_path


def test_first_admin_dialog_names_the_database_file(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

    dialog = FirstAdminDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    path = sqlite_path(backend.db.url)
    assert path is not None and path.is_absolute()
    assert dialog.where.isVisible() and str(path) in dialog.where.text()


def test_accepting_the_demo_offer_loads_a_clinic_the_window_shows(qtbot, db_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services.access import Actor
    from alsdesk.ui import app
    from alsdesk.ui.first_run import FirstRunDialog
    from alsdesk.ui.signin.dialog import SignedIn

    monkeypatch.setattr(app, "sign_in", lambda backend: SignedIn(Actor("boss", role="administrator"), "Boss"))
    driven: list[FirstRunDialog] = []

    def drive() -> None:
        """Fill the modal dialog the way a person does, once it is up."""
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog) or driven:
            return
        driven.append(dialog)
        QTest.keyClicks(dialog.name, "Motor Neuron Disease Clinic")
        assert dialog.demo.isVisible() and not dialog.demo_count.isEnabled()
        QTest.mouseClick(dialog.demo, Qt.MouseButton.LeftButton)
        assert dialog.demo_count.isEnabled()
        dialog.demo_count.setFocus()
        QTest.keyClick(dialog.demo_count, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(dialog.demo_count, "12")
        QTest.keyClick(dialog.demo_count, Qt.Key.Key_Return)  # Enter saves (Save is the default)

    timer = QTimer(interval=50)
    timer.timeout.connect(drive)
    timer.start()
    started = app.start(db_url)
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    try:
        said: list[str] = []
        window.statusBar().messageChanged.connect(said.append)
        qtbot.waitUntil(lambda: any("Demo clinic loaded" in m for m in said), timeout=120000)
        assert driven and driven[0].result() == FirstRunDialog.DialogCode.Accepted
        assert [m for m in said if m.startswith("Demo clinic loaded: 12 patients,")]
        with backend.db.read(actor=backend.actor) as s:
            assert patients.count_patients(session=s, include_archived=True) == 12
        view = window.show_page("patients")
        qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=20000)
        assert view.model.rowCount() >= 10  # the listed (not archived) demo patients are on screen
    finally:
        timer.stop()
        qtbot.waitUntil(lambda: not backend.busy, timeout=60000)
        window.close()
        backend.shutdown()
