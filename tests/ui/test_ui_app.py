"""Start-up: a database that cannot be opened is explained, not a traceback; first run asks for the clinic."""

from __future__ import annotations

from alsdesk.services import clinic


def test_first_run_dialog_saves_the_clinic_profile(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(backend, empty=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo.isVisible()  # empty database: demo data offered
    dialog.save()
    idle()
    assert "Clinic name is required" in dialog.message.text()
    dialog.name.setText("Motor Neuron Disease Clinic")
    dialog.paper.setCurrentIndex(1)
    dialog.emergency.setText("99")  # too short even for an emergency number
    dialog.save()
    idle()
    assert dialog.message.text().startswith("Emergency number '99' is not a phone number")
    dialog.emergency.setText("999")
    dialog.out_of_hours.setText("0300 222 5700")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with db.read() as s:
        profile = clinic.get_clinic(session=s)
    assert profile is not None and profile.name == "Motor Neuron Disease Clinic" and profile.paper_size == "letter"
    assert (profile.emergency_phone, profile.out_of_hours_phone) == ("999", "0300 222 5700")


def test_demo_loader_fills_an_empty_database(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients
    from alsdesk.ui.first_run import DemoLoader

    loader = DemoLoader(backend, 12)
    with qtbot.waitSignal(loader.finished, timeout=60000) as blocker:
        loader.start()
    assert "12 patients" in blocker.args[0]
    with db.read() as s:
        assert patients.count_patients(session=s, include_archived=True) == 12


def test_cancelling_the_demo_loader_saves_nothing(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients
    from alsdesk.ui.first_run import DemoLoader

    loader = DemoLoader(backend, 12)
    loader.progress.dialog.canceled.emit()  # Cancel pressed: the next progress report stops the load
    with qtbot.waitSignal(loader.finished, timeout=60000) as blocker:
        loader.start()
    assert blocker.args[0] == "Loading the demo clinic was cancelled; nothing was saved."
    assert not loader.progress.dialog.isVisible()
    with db.read() as s:
        assert patients.count_patients(session=s, include_archived=True) == 0


def test_first_run_check_opens_dialog_only_without_profile(qtbot, backend, idle, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import app, first_run

    opened: list[bool] = []
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: opened.append(not self.demo.isHidden()) or 0)
    app.first_run(None, backend)
    idle()
    assert opened == [True]
    with db.write() as s:
        clinic.save_clinic(session=s, name="Clinic")
    app.first_run(None, backend)
    idle()
    assert opened == [True]  # a profile exists: no dialog


def test_start_opens_the_main_window_and_greets_an_empty_database(qtbot, db_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import app, first_run

    seen: list[bool] = []
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: seen.append(not self.demo.isHidden()) or 0)
    monkeypatch.setattr(app, "sign_in", lambda backend: None)
    assert app.start(db_url) is None  # nobody signed in (or the first administrator was not made): no window
    from alsdesk.services.access import Actor
    from alsdesk.ui.signin.dialog import SignedIn

    # the first administrator, just made by the first-run dialog (nothing is allowed without a role)
    monkeypatch.setattr(app, "sign_in", lambda backend: SignedIn(Actor("boss", role="administrator"), "Boss"))
    started = app.start(db_url)
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not backend.busy, timeout=10000)
    assert window.isVisible() and window.current_page_key() == "worklist"
    assert seen == [True]  # no clinic profile, no patients: the dialog offers demo data
    window.close()
    backend.shutdown()


def test_the_days_first_backup_runs_behind_a_usable_window(qtbot, sqlite_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A slow backup (as at 100,000 patients) does not hold the window: reads are answered and
    the status bar says it is backing up, then shows the new backup's time."""
    import threading

    import alsdesk.app
    from alsdesk.services import patients
    from alsdesk.services.access import Actor
    from alsdesk.storage.backup import backup_dir_for, list_backups
    from alsdesk.storage.config import sqlite_path
    from alsdesk.ui import app
    from alsdesk.ui.signin.dialog import SignedIn

    gate, called = threading.Event(), []
    real = alsdesk.app.daily_backup

    def slow(path):  # type: ignore[no-untyped-def]
        called.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(30)
        return real(path)

    monkeypatch.setattr(alsdesk.app, "daily_backup", slow)
    monkeypatch.setattr(app, "sign_in", lambda backend: SignedIn(Actor("admin", role="administrator"), "Admin"))
    monkeypatch.setattr(app, "first_run", lambda window, backend: None)
    started = app.start(sqlite_url)
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    try:
        assert window.isVisible() and window.backup_label.text() == "Backing up the database…"
        counted: list[int] = []
        backend.read(lambda s: patients.count_patients(session=s), counted.append)
        qtbot.waitUntil(lambda: counted == [0], timeout=10000)  # the database answers meanwhile
        window.show_page("patients")
        assert called == [False] and not gate.is_set()  # the backup is still running, on a worker
        assert window.backup_label.text() == "Backing up the database…"
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.backup_label.text().startswith("Last backup: 20"), timeout=30000)
    assert len(list_backups(backup_dir_for(sqlite_path(sqlite_url)))) == 1
    window.close()
    backend.shutdown()
