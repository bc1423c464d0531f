"""The first-run 'Encrypt this database' box, and the sign-in that opens an encrypted database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from alsdesk.storage import encryption

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def no_remembered_keys() -> Iterator[None]:
    yield
    encryption._keys.clear()


def first_admin(qtbot, encrypt: bool):  # type: ignore[no-untyped-def]
    def fill(self) -> int:  # type: ignore[no-untyped-def]
        assert self.encrypt.isVisibleTo(self)  # offered: the database is a SQLite file
        self.username.setText("admin")
        self.display_name.setText("Mei Lin")
        self.password.setText(PASSWORD)
        self.again.setText(PASSWORD)
        if encrypt:
            qtbot.mouseClick(self.encrypt, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)
        self.save()
        qtbot.waitUntil(lambda: self.result_ is not None, timeout=10000)
        return 1

    return fill


def start_window(qtbot, db_url: str):  # type: ignore[no-untyped-def]
    from alsdesk.ui import app

    started = app.start(db_url)
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not backend.busy, timeout=10000)
    return window, backend


def test_first_start_can_encrypt_the_new_database(qtbot, sqlite_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients
    from alsdesk.ui import first_run
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog
    from alsdesk.ui.signin.unlock_dialog import UnlockDialog

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: 0)
    monkeypatch.setattr(FirstAdminDialog, "exec", first_admin(qtbot, encrypt=True))
    window, backend = start_window(qtbot, sqlite_url)
    assert backend.actor is not None and backend.actor.username == "admin"
    assert encryption.is_encrypted(path)
    with backend.db.read(actor=backend.actor) as s:  # the window works on the encrypted file
        assert patients.count_patients(session=s) == 0
    window.close()
    backend.shutdown()
    encryption._keys.clear()  # a new process: only a sign-in knows the key

    attempts: list[str] = []

    def sign_in(self) -> int:  # type: ignore[no-untyped-def]
        self.username.setText("admin")
        self.password.setText("wrong password!")
        self.submit()
        attempts.append(self.message.text())
        self.username.setText("admin")
        self.password.setText(PASSWORD)
        self.submit()
        return 1

    monkeypatch.setattr(UnlockDialog, "exec", sign_in)
    window, backend = start_window(qtbot, sqlite_url)
    assert attempts == ["Wrong user name or password."]
    assert backend.actor is not None and backend.actor.username == "admin"
    assert window.user_label.text() == "Signed in: Mei Lin (Administrator)"
    # The wrong password, refused before the database could be opened, is in its audit trail now.
    from alsdesk.app import UNLOCK_FAILED
    from alsdesk.services import audit_log
    from alsdesk.storage.keystore import KeyStore

    with backend.db.read(actor=backend.actor) as s:
        failed = audit_log.list_entries(session=s, action="signin_failed")
    assert len(failed) == 1 and UNLOCK_FAILED in failed[0].detail and '"admin"' in failed[0].detail
    assert KeyStore.for_database(path).failures("admin") == (0, None, [])
    window.close()
    backend.shutdown()


def test_first_start_without_the_box_stays_plain(qtbot, sqlite_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import first_run
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: 0)
    monkeypatch.setattr(FirstAdminDialog, "exec", first_admin(qtbot, encrypt=False))
    window, backend = start_window(qtbot, sqlite_url)
    assert not encryption.is_encrypted(path) and encryption.has_sqlite_header(path)
    assert not encryption.keystore_path(path).exists()
    window.close()
    backend.shutdown()


def test_the_encrypt_box_and_unlock_dialog_are_translated(qtbot, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from alsdesk.ui.i18n.translator import CatalogueTranslator

    translator = CatalogueTranslator("zh_CN")
    QCoreApplication.installTranslator(translator)
    try:
        from alsdesk.ui.signin.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(sqlite_url)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "登录 alsdesk"
        assert dialog.button.text() == "登录(&S)"
        text = QCoreApplication.translate(
            "FirstAdminDialog", "&Encrypt this database (staff passwords unlock it; keep them safe)"
        )
        assert "加密" in text
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_refusal_inside_an_encrypted_database_is_shown_and_signs_nobody_in(qtbot, sqlite_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The key opens the file, then the database itself refuses (a disabled or locked account): the
    panel shows the refusal, emits no sign-in and lets the key leave memory."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from alsdesk.i18n import Msg
    from alsdesk.ui import first_run
    from alsdesk.ui.signin import unlock_dialog
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: 0)
    monkeypatch.setattr(FirstAdminDialog, "exec", first_admin(qtbot, encrypt=True))
    window, backend = start_window(qtbot, sqlite_url)
    window.close()
    backend.shutdown()
    encryption._keys.clear()
    refusal = Msg("This account is disabled; ask an administrator.")
    monkeypatch.setattr(unlock_dialog, "sign_in_work", lambda backend, username, password: lambda: refusal)
    panel = unlock_dialog.UnlockPanel(sqlite_url)
    qtbot.addWidget(panel)
    signed: list[object] = []
    panel.signed_in.connect(signed.append)
    QTest.keyClicks(panel.username, "admin")
    QTest.keyClicks(panel.password, PASSWORD)
    QTest.keyClick(panel.password, Qt.Key.Key_Return)
    assert signed == []
    assert panel.message.text() == "This account is disabled; ask an administrator."
    assert not encryption._keys  # nobody is signed in: the key is forgotten
