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
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with db.read() as s:
        profile = clinic.get_clinic(session=s)
    assert profile is not None and profile.name == "Motor Neuron Disease Clinic" and profile.paper_size == "letter"


def test_demo_loader_fills_an_empty_database(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients
    from alsdesk.ui.first_run import DemoLoader

    loader = DemoLoader(backend, 12)
    with qtbot.waitSignal(loader.finished, timeout=60000) as blocker:
        loader.start()
    assert "12 patients" in blocker.args[0]
    with db.read() as s:
        assert patients.count_patients(session=s, include_archived=True) == 12


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
    from alsdesk.ui.signin_dialog import SignedIn

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
