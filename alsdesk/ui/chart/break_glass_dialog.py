"""Emergency ("break-glass") access to a restricted record: a mandatory reason, then the chart."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from alsdesk.errors import AlsdeskError
from alsdesk.services import restricted
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.keys import confirm_with_ctrl_enter
from alsdesk.ui.widgets.worker import Backend


class BreakGlassDialog(QDialog):
    """Asks why; the service records the reason in the audit trail and grants access for a while."""

    def __init__(self, backend: Backend, patient_id: uuid.UUID, mrn: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patient_id = patient_id
        self.grant: restricted.Grant | None = None
        self.setWindowTitle(self.tr("Emergency access"))
        intro = QLabel(
            self.tr(
                "This record ({0}) is restricted to its care team. Open it only if a patient's care needs "
                "it now. Your name, the time and your reason are written to the audit trail and "
                "reviewed by the clinic's administrators."
            ).format(mrn or self.tr("restricted"))
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for emergency access"))
        self.reason.setPlaceholderText(self.tr("Why do you need this record now? (required)"))
        self.reason.setTabChangesFocus(True)
        self.reason.textChanged.connect(self._update)
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton(
            self.tr("&Open with emergency access"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.take)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update()
        confirm_with_ctrl_enter(self)

    def _update(self) -> None:
        self.open_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def take(self) -> None:
        reason, pid = self.reason.toPlainText(), self.patient_id
        self.open_button.setEnabled(False)

        def work(session: Any) -> restricted.Grant:
            return restricted.break_glass(session=session, patient_id=pid, reason=reason)

        self.backend.write(work, self._granted, self._failed, owner=self)

    def _granted(self, grant: restricted.Grant) -> None:
        self.grant = grant
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()
        self._update()
