"""Sign-in: a panel (user name, password, the service's message) and the dialog shown at start."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
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

from alsdesk import app
from alsdesk.errors import AlsdeskError
from alsdesk.i18n import Msg
from alsdesk.services import accounts, clinic
from alsdesk.services.access import Actor
from alsdesk.ui.i18n.texts import error_text, message_text
from alsdesk.ui.widgets.common import code_label, error_label
from alsdesk.ui.widgets.worker import Backend


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, with the name the status bar shows."""

    actor: Actor
    display_name: str

    @property
    def role_label(self) -> str:
        return code_label(self.actor.role)


def sign_in_work(backend: Backend, username: str, password: str) -> Any:
    """The worker's part: check the password (committed even when refused) and find the name.
    Also audits failed unlocks of an encrypted database (app.signing_in).

    Its own session, opened for nobody: an attempt made at a screen locked for someone else is
    not recorded as that person's."""

    def work() -> SignedIn | Msg:
        with app.signing_in(backend.db, username, actor=Actor.from_os()) as session:
            result = accounts.sign_in(session=session, username=username, password=password)
            if result.actor is None:
                return result.message or accounts.WRONG
            # An account without a staff record (staff_id None) is named by its user name.
            names: dict[uuid.UUID | None, str] = {
                s.id: s.display_name for s in clinic.list_staff(session=session, include_inactive=True)
            }
            return SignedIn(result.actor, names.get(result.actor.staff_id, result.actor.username))

    return work


class SignInPanel(QWidget):
    """User name and password; emits `signed_in` once the service accepts them (`attempt` is the
    one step another way of signing in replaces: see unlock_dialog)."""

    signed_in = Signal(object)  # SignedIn

    def __init__(self, backend: Backend | None, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.username = QLineEdit(username)
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
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def set_user(self, username: str, fixed: bool) -> None:
        """Ask for this user's password only (locked screen), or let anyone sign in."""
        self.username.setText(username)
        self.username.setReadOnly(fixed)
        self.username.setStyleSheet("QLineEdit { background: #f3f4f6; color: #374151; }" if fixed else "")
        self.password.clear()
        self.message.hide()
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self._show(self.tr("Enter your user name."))
            return
        self.button.setEnabled(False)
        self.message.hide()
        self.attempt(username, password)

    def attempt(self, username: str, password: str) -> None:
        """Check the name and password; ends in `_done` (or `_failed`)."""
        assert self.backend is not None  # only the unlock panel has none, and it replaces this step
        self.backend.call(sign_in_work(self.backend, username, password), self._done, self._failed, owner=self)

    def _done(self, result: Any) -> None:  # SignedIn, or the refusal (a Msg, or the unlock panel's words)
        self.button.setEnabled(True)
        self.password.clear()
        if isinstance(result, Msg | str):
            self._show(message_text(result) if isinstance(result, Msg) else result)
            self.password.setFocus()
            return
        self.signed_in.emit(result)

    def _failed(self, error: AlsdeskError) -> None:
        self.button.setEnabled(True)
        self._show(error_text(error))

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class SignInDialog(QDialog):
    """Shown at start on a database with accounts, before the main window."""

    def __init__(self, backend: Backend, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to alsdesk"))
        self.result_: SignedIn | None = None
        title = QLabel(self.tr("Sign in"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        hint = QLabel(self.tr("Patient records are only shown to signed-in staff."))
        hint.setWordWrap(True)
        self.panel = SignInPanel(backend, username)
        self.panel.signed_in.connect(self._accepted)
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.clicked.connect(self.reject)
        self.panel.buttons.insertWidget(0, quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hint)
        layout.addWidget(self.panel)
        self.setMinimumWidth(420)
        self.panel.set_user(username, fixed=False)

    def _accepted(self, signed: SignedIn) -> None:
        self.result_ = signed
        self.accept()
