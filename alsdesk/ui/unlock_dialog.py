"""Sign-in that opens an encrypted database: the password unwraps its key, then signs in inside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.storage import encryption
from alsdesk.storage.config import sqlite_path
from alsdesk.ui.common import error_label
from alsdesk.ui.signin_dialog import SignedIn, sign_in_work
from alsdesk.ui.worker import Backend


class UnlockDialog(QDialog):
    """Shown at start instead of the sign-in dialog when the database file is encrypted.

    The work runs on the GUI thread: nothing else can happen before the database is open, and it
    takes one key derivation plus the open (a fraction of a second) unless an upgrade is due."""

    def __init__(self, url: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.result_: tuple[Backend, SignedIn] | None = None
        self.setWindowTitle(self.tr("Sign in to alsdesk"))
        title = QLabel(self.tr("Sign in"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        hint = QLabel(self.tr("This database is encrypted: signing in opens it."))
        hint.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        self.message.setAccessibleName(self.tr("Sign-in message"))
        self.button = QPushButton(self.tr("&Sign in"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        row = QHBoxLayout()
        row.addWidget(quit_button)
        row.addStretch(1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        self.password.clear()
        if not username:
            self._show(self.tr("Enter your user name."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opened = self._open(username, password)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if opened is not None:
            self.result_ = opened
            self.accept()

    def _open(self, username: str, password: str) -> tuple[Backend, SignedIn] | None:
        from alsdesk.app import open_clinic, unlock

        try:
            db = open_clinic(self.url, key=unlock(self.url, username, password), backup_now=False)
        except AlsdeskError as err:
            self._show(str(err))
            return None
        backend = Backend(db)
        try:
            result: Any = sign_in_work(backend, username, password)()
        except AlsdeskError as err:
            result = str(err)
        if isinstance(result, str):  # disabled, locked: refused inside the database
            backend.shutdown()
            path = sqlite_path(db.url)
            if path is not None:
                encryption.forget_key(path)  # nobody is signed in: the key leaves memory again
            self._show(result)
            return None
        return backend, result

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
