"""Sign-in that opens an encrypted database: the password unwraps its key, then signs in inside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.app.files import forget_key
from alsdesk.errors import AlsdeskError
from alsdesk.i18n import Msg
from alsdesk.ui.i18n.texts import error_text, message_text
from alsdesk.ui.signin.dialog import SignedIn, SignInPanel, sign_in_work
from alsdesk.ui.widgets.worker import Backend


class UnlockPanel(SignInPanel):
    """The sign-in panel whose password first unwraps the database key, then signs in inside it.

    The work runs on the GUI thread: nothing else can happen before the database is open, and it
    takes one key derivation plus the open (a fraction of a second) unless an upgrade is due."""

    def __init__(self, url: str | None, parent: QWidget | None = None) -> None:
        super().__init__(None, parent=parent)
        self.url = url

    def attempt(self, username: str, password: str) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opened = self._open(username, password)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._done(opened)

    def _open(self, username: str, password: str) -> tuple[Backend, SignedIn] | str:
        from alsdesk.app import open_clinic, unlock

        try:
            db = open_clinic(self.url, key=unlock(self.url, username, password), backup_now=False)
        except AlsdeskError as err:
            return error_text(err)
        backend = Backend(db)
        try:
            result: Any = sign_in_work(backend, username, password)()
        except AlsdeskError as err:
            result = error_text(err)
        if not isinstance(result, SignedIn):  # disabled, locked: refused inside the database
            backend.shutdown()
            forget_key(db.url)  # nobody is signed in: the key leaves memory again
            return message_text(result) if isinstance(result, Msg) else result
        return backend, result


class UnlockDialog(QDialog):
    """Shown at start instead of the sign-in dialog when the database file is encrypted."""

    def __init__(self, url: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_: tuple[Backend, SignedIn] | None = None
        self.setWindowTitle(self.tr("Sign in to alsdesk"))
        title = QLabel(self.tr("Sign in"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        hint = QLabel(self.tr("This database is encrypted: signing in opens it."))
        hint.setWordWrap(True)
        self.panel = UnlockPanel(url, self)
        self.panel.signed_in.connect(self._opened)
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.clicked.connect(self.reject)
        self.panel.buttons.insertWidget(0, quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hint)
        layout.addWidget(self.panel)
        self.setMinimumWidth(420)
        # The panel's parts, as the sign-in dialog's callers know them.
        self.username, self.password = self.panel.username, self.panel.password
        self.message, self.button = self.panel.message, self.panel.button
        self.submit = self.panel.submit

    def _opened(self, opened: tuple[Backend, SignedIn]) -> None:
        self.result_ = opened
        self.accept()
