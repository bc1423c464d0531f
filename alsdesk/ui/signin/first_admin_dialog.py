"""First start: create the administrator account (nothing else is allowed before it exists)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from alsdesk.app.files import database_file
from alsdesk.errors import AlsdeskError
from alsdesk.services import accounts
from alsdesk.services.accounts import MIN_PASSWORD
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.signin.dialog import SignedIn
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.worker import Backend


class FirstAdminDialog(QDialog):
    """User name, full name, password twice; creates the administrator and signs in as them."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.result_: SignedIn | None = None
        self.setWindowTitle(self.tr("Welcome to alsdesk: create the administrator"))
        intro = QLabel(
            self.tr(
                "This database has no staff accounts yet. Create the first administrator: this account "
                "adds the other staff, sets up the clinic, and can read the audit trail. Choose a password "
                "of at least {0} characters and keep it safe."
            ).format(MIN_PASSWORD)
        )
        intro.setWordWrap(True)
        # Which file (or server) this is, in full: a newcomer must be able to find and back it up.
        path = database_file(backend.db.url)
        self.where = QLabel(
            self.tr("Creating the clinic database file {0}").format(path)
            if path is not None
            else self.tr("Setting up the clinic database {0}").format(backend.db.display_url)
        )
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Full name"))
        self.password = QLineEdit()
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setAccessibleName(self.tr("Password again"))
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("Full &name"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Password &again"), self.again)
        # Offered for a SQLite file only: PostgreSQL encrypts on the server.
        self.encrypt = QCheckBox(self.tr("&Encrypt this database (staff passwords unlock it; keep them safe)"))
        self.encrypt.setToolTip(
            self.tr(
                "The file is encrypted with a random key that each staff password unlocks. "
                "If every password is lost, the records cannot be recovered."
            )
        )
        self.encrypt.setVisible(database_file(backend.db.url) is not None)
        # Set when the administrator was made with the box ticked: who encrypts (name, password).
        self.encrypt_as: tuple[str, str] | None = None
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create and sign in"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.where)
        layout.addLayout(form)
        layout.addWidget(self.encrypt)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        username, name = self.username.text().strip(), self.display_name.text().strip()
        password = self.password.text()
        if password != self.again.text():
            self._show(self.tr("The two passwords differ; type the same password twice."))
            return

        def work(session: Session) -> SignedIn:
            accounts.create_account(
                session=session, username=username, display_name=name, role="administrator", password=password
            )
            actor = accounts.sign_in(session=session, username=username, password=password).actor_or_raise()
            return SignedIn(actor, name)

        self.buttons.setEnabled(False)
        self.message.hide()
        wants_encryption = not self.encrypt.isHidden() and self.encrypt.isChecked()

        def created(signed: SignedIn) -> None:
            if wants_encryption:
                self.encrypt_as = (signed.actor.username, password)
            self._created(signed)

        self.backend.write(work, created, self._failed, owner=self)

    def _created(self, signed: SignedIn) -> None:
        self.buttons.setEnabled(True)
        self.result_ = signed
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.buttons.setEnabled(True)
        self._show(error_text(error))

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
