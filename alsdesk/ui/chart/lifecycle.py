"""Lifecycle steps in the chart: asking before a one-click step, and a record's history, where a
clinician can revert a mistaken last step with a reason (services.lifecycle holds the rule)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.services import lifecycle
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import code_label, error_label
from alsdesk.ui.widgets.worker import Backend


def confirm_step(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before a step that acts on one click; the safe answer (keep it as it is) is the default,
    so Enter or Escape changes nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    do = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(
        QCoreApplication.translate("LifecycleSteps", "Keep it as it is"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is do


class HistoryDialog(QDialog):
    """Every status change of one workup, referral or enrollment, with who made it and why; for a
    clinician, the last step's revert when the rule allows it."""

    def __init__(
        self, backend: Backend, kind: str, record_id: uuid.UUID, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backend, self.kind, self.record_id = backend, kind, record_id
        self.history: lifecycle.History | None = None
        self.reverted_to: str | None = None
        self.setWindowTitle(self.tr("History: {0}").format(title))
        self.resize(640, 380)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("From"), self.tr("To"), self.tr("By"), self.tr("Reason for a revert")]
        )
        self.table.setAccessibleName(self.tr("Status history"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why the last step was a mistake"))
        self.reason.returnPressed.connect(self.revert)
        self.revert_button = QPushButton(self.tr("&Revert last step"))
        self.revert_button.clicked.connect(self.revert)
        self.reason_label = QLabel(self.tr("Reaso&n:"))
        self.reason_label.setBuddy(self.reason)
        self.message = error_label()
        row = QHBoxLayout()
        row.addWidget(self.reason_label)
        row.addWidget(self.reason, 1)
        row.addWidget(self.revert_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show_revert(False)
        kind_, rid = kind, record_id
        backend.read(
            lambda s: lifecycle.history(session=s, kind=kind_, record_id=rid), self._loaded, self._failed, owner=self
        )

    def _show_revert(self, shown: bool) -> None:
        for w in (self.reason_label, self.reason, self.revert_button):
            w.setVisible(shown)

    def _loaded(self, history: lifecycle.History) -> None:
        self.history = history
        self.table.setRowCount(len(history.steps))
        for row, step in enumerate(history.steps):
            cells = (
                step.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                code_label(step.from_status) if step.from_status else "—",
                code_label(step.to_status),
                step.staff_name,
                step.reason,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        may = self.backend.may("clinical.write")
        if history.revert_to is None:
            self.note.setText(self.tr("The last step cannot be reverted."))
        elif not may:
            self.note.setText(self.tr("A clinician can revert the last step."))
        else:
            self.note.setText(
                self.tr("Revert the last step: from {0} back to {1}. The step stays in the history.").format(
                    code_label(history.status), code_label(history.revert_to)
                )
            )
        shown = may and history.revert_to is not None
        self._show_revert(shown)
        if shown:
            self.reason.setFocus()

    def revert(self) -> None:
        h = self.history
        if h is None or h.revert_to is None:
            return
        kind, rid, why, version = self.kind, self.record_id, self.reason.text(), h.version
        self.message.hide()
        self.backend.write(
            lambda s: lifecycle.revert(session=s, kind=kind, record_id=rid, reason=why, expected_version=version),
            self._reverted,
            self._failed,
            owner=self,
        )

    def _reverted(self, result: tuple[str, Any]) -> None:
        self.reverted_to = result[0]
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()


def history_button(tab: Any, kind: str, title: Any) -> QPushButton:
    """A "History…" button for a chart tab: the selected record's history (and revert). `tab` has
    current_record(); `title(record)` names the record in the dialog's title."""
    button = QPushButton(QCoreApplication.translate("LifecycleSteps", "Histor&y…"))
    button.setToolTip(
        QCoreApplication.translate(
            "LifecycleSteps", "Status changes of the selected row; a clinician can revert a mistaken last step"
        )
    )

    def show() -> None:
        record = tab.current_record()
        if record is not None:
            HistoryDialog(tab.backend, kind, record.id, title(record), tab).exec()

    button.clicked.connect(show)
    return button
