"""Start-up recovery: a damaged database is explained and a good backup restored; a newer or locked
one gets its own words and no restore offer; the refused file is never changed."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from alsdesk.services import patients
from alsdesk.services.access import Actor

ADMIN = Actor("test-admin", role="administrator")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def clinic_file(template_db: Path, tmp_path: Path) -> Path:
    """A clinic database with patient K1, and a checked backup of it in backups/."""
    from alsdesk.app import open_clinic
    from alsdesk.storage.backup import take_backup

    path = tmp_path / "clinic.sqlite3"
    shutil.copy(template_db, path)
    db = open_clinic(f"sqlite:///{path}")
    with db.write(actor=ADMIN) as s:
        patients.add_patient(
            session=s, mrn="K1", family_name="Kept", given_name="Safe", birth_date=date(1950, 1, 1), sex="female"
        )
    db.dispose()
    take_backup(path, "manual")
    return path


@pytest.fixture
def dialogs(monkeypatch):  # type: ignore[no-untyped-def]
    """Recovery dialogs never block: each is recorded, then `answer(dialog)` plays the user."""
    from alsdesk.ui import recovery_dialog

    shown: list = []
    answers: list = []

    def fake_exec(self) -> int:  # type: ignore[no-untyped-def]
        shown.append(self)
        if answers:
            answers.pop(0)(self)
        else:
            self.reject()
        return self.result()

    monkeypatch.setattr(recovery_dialog.RecoveryDialog, "exec", fake_exec)
    return shown, answers


@pytest.fixture
def signed_in(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import app, first_run
    from alsdesk.ui.signin.dialog import SignedIn

    monkeypatch.setattr(app, "sign_in", lambda backend: SignedIn(ADMIN, "Test Admin"))
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: 0)


def scramble_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(2 * 4096, len(data), 4096):
        data[offset + 8 : offset + 40] = bytes(32)
    path.write_bytes(bytes(data))


@pytest.mark.logs_errors("database not opened")
def test_damaged_database_offers_the_backup_and_opens_it_after_restore(
    qtbot, clinic_file, dialogs, signed_in, messages
) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import app

    shown, answers = dialogs
    scramble_pages(clinic_file)
    damaged = digest(clinic_file)
    answers.append(lambda d: d.restore_button.click())

    started = app.start(f"sqlite:///{clinic_file}")

    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.windowTitle() == "The clinic database is damaged"
    assert dialog.backup_list.count() == 1 and dialog.retry_button is None
    assert "MB" in dialog.backup_list.item(0).text() or "KB" in dialog.backup_list.item(0).text()
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        with backend.db.read(actor=ADMIN) as s:
            assert [p.mrn for p in patients.list_patients(session=s)] == ["K1"]
    finally:
        qtbot.waitUntil(lambda: not backend.busy, timeout=10000)
        window.close()
        backend.shutdown()
    aside = list(clinic_file.parent.glob("clinic-damaged-*.sqlite3"))
    assert len(aside) == 1 and digest(aside[0]) == damaged  # the damaged file, byte for byte
    assert messages and messages[-1][0] == "information" and str(aside[0]) in messages[-1][1]


@pytest.mark.logs_errors("database not opened")
@pytest.mark.parametrize("state", ["empty", "missing"])
def test_lost_database_is_never_opened_as_a_new_clinic_and_enter_restores_the_backup(
    qtbot, clinic_file, dialogs, signed_in, messages, state
) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: an empty or missing clinic file beside its backups opened as a new, empty clinic."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from alsdesk.ui import app

    shown, answers = dialogs
    for side in ("-wal", "-shm"):
        Path(f"{clinic_file}{side}").unlink(missing_ok=True)
    if state == "empty":
        clinic_file.write_bytes(b"")
    else:
        clinic_file.unlink()

    def press_enter(dialog) -> None:  # type: ignore[no-untyped-def]
        assert not clinic_file.exists() or clinic_file.stat().st_size == 0  # refused before anything was made
        dialog.show()
        qtbot.waitExposed(dialog)
        QTest.keyClick(dialog.backup_list, Qt.Key.Key_Return)  # the restore button is the default

    answers.append(press_enter)
    started = app.start(f"sqlite:///{clinic_file}")

    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.windowTitle() == "The clinic database is missing or empty"
    assert "is missing or empty, but backups of it exist" in dialog.details.text()
    assert dialog.backup_list.count() >= 1 and dialog.restore_button is not None
    assert "manual" in dialog.backup_list.item(0).text()  # the newest good backup first
    assert messages and messages[-1][0] == "information"
    if state == "empty":  # the empty file (and any WAL) was set aside, and is named
        aside = list(clinic_file.parent.glob("clinic-damaged-*.sqlite3"))
        assert len(aside) == 1 and f"kept as {aside[0]}" in messages[-1][1]
    else:  # nothing was there to replace, so nothing is said to be kept
        assert messages[-1][1].startswith("The database was restored from the backup of ")
        assert "kept" not in messages[-1][1]
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    try:
        with backend.db.read(actor=ADMIN) as s:
            assert [p.mrn for p in patients.list_patients(session=s)] == ["K1"]
    finally:
        qtbot.waitUntil(lambda: not backend.busy, timeout=10000)
        window.close()
        backend.shutdown()


@pytest.mark.logs_errors("database not opened")
def test_damaged_database_without_backups_says_so_and_quits_untouched(qtbot, tmp_path, dialogs, messages) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.app import run

    shown, _answers = dialogs
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("this is not a database")
    assert run(f"sqlite:///{bad}") == 1
    assert len(shown) == 1 and shown[0].restore_button is None
    assert "is not an alsdesk database" in shown[0].details.text()
    assert bad.read_text() == "this is not a database"


@pytest.mark.logs_errors("database not opened")
def test_newer_version_gets_its_own_message_and_no_backup_offer(qtbot, clinic_file, dialogs) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import app

    shown, _answers = dialogs
    with sqlite3.connect(clinic_file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = digest(clinic_file)
    assert app.start(f"sqlite:///{clinic_file}") is None
    dialog = shown[0]
    assert dialog.windowTitle() == "This database was made by a newer version of alsdesk"
    assert "Install that newer version" in dialog.advice.text()
    assert "schema 9999" in dialog.details.text()
    assert dialog.restore_button is None and dialog.retry_button is None and dialog.backup_list.count() == 0
    assert digest(clinic_file) == before


@pytest.mark.logs_errors("database not opened")
def test_locked_database_gets_its_own_message_and_retry_opens_it(
    qtbot, clinic_file, dialogs, signed_in, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.storage import sqlite_check
    from alsdesk.ui import app

    shown, answers = dialogs
    monkeypatch.setattr(sqlite_check, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(clinic_file, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM alembic_version WHERE 0")  # takes the exclusive lock
    before = digest(clinic_file)

    def close_the_other_program_and_retry(dialog) -> None:  # type: ignore[no-untyped-def]
        holder.execute("ROLLBACK")
        holder.close()
        assert digest(clinic_file) == before
        dialog.retry_button.click()

    answers.append(close_the_other_program_and_retry)
    started = app.start(f"sqlite:///{clinic_file}")
    dialog = shown[0]
    assert dialog.windowTitle() == "The clinic database is in use by another program"
    assert "locked by another program" in dialog.details.text()
    assert dialog.restore_button is None and dialog.backup_list.count() == 0  # a backup exists, not offered
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not backend.busy, timeout=10000)
    assert window.isVisible()
    window.close()
    backend.shutdown()


def test_status_bar_shows_the_postgresql_sslmode_and_warns_without_verify_full(
    qtbot, backend, idle, settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A PostgreSQL URL (no connection needed for the label): the effective sslmode is shown, and
    a remote server without verify-full gets the advice as a tooltip; the password never shows."""
    from alsdesk.storage import Database
    from alsdesk.ui.main_window import MainWindow

    monkeypatch.setenv("ALSDESK_PG_SSLMODE", "require")
    monkeypatch.setattr(backend.db, "url", "postgresql+psycopg://clinic:s3cret@db.clinic.example/alsdesk")
    assert isinstance(backend.db, Database)
    window = MainWindow(backend, settings, signed_in=None)
    qtbot.addWidget(window)
    idle()
    text = window.db_label.text()
    assert "(SSL: prefer)" in text and "s3cret" not in text  # the URL itself names no sslmode: libpq's default
    assert "verify-full" in window.db_label.toolTip()
    window.close()
    idle()
    from alsdesk.storage.config import with_sslmode

    monkeypatch.setattr(backend.db, "url", with_sslmode("postgresql+psycopg://clinic:s3cret@db.clinic.example/alsdesk"))
    window = MainWindow(backend, settings, signed_in=None)
    qtbot.addWidget(window)
    idle()
    assert "(SSL: require)" in window.db_label.text() and "sslmode=require" in window.db_label.text()
    window.close()
    idle()
