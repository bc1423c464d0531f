"""Administrators restrict a patient's record and choose its care team (the staff who may open it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.services import clinic, restricted
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import code_label, error_label
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend

STAFF_ID = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Loaded:
    state: restricted.Restriction
    staff: list[clinic.StaffView]


class CareTeamDialog(QDialog):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patient_id = patient_id
        self.saved = False
        self._ids: list[uuid.UUID] = []
        self.setWindowTitle(self.tr("Restricted record and care team"))
        self.restricted = QCheckBox(self.tr("&Restricted record: only administrators and the care team may open it"))
        note = QLabel(
            self.tr(
                "A clinician outside the care team can still take emergency access, giving a reason; "
                "each time is flagged in the audit trail."
            )
        )
        note.setWordWrap(True)
        self.team = QListWidget()
        self.team.setAccessibleName(self.tr("Care team"))
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the current team is loaded
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restricted)
        layout.addWidget(note)
        team_label = QLabel(self.tr("Care &team:"))
        team_label.setBuddy(self.team)
        layout.addWidget(team_label)
        layout.addWidget(self.team, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        pid = patient_id

        def load(session: Any) -> _Loaded:
            return _Loaded(restricted.restriction(session=session, patient_id=pid), clinic.list_staff(session=session))

        backend.read(load, self._loaded, self._failed, owner=self)

    def _loaded(self, loaded: _Loaded) -> None:
        self.restricted.setChecked(loaded.state.restricted)
        self.team.clear()
        for s in loaded.staff:
            item = QListWidgetItem(
                self.tr("{0} ({1}, {2})").format(s.display_name, code_label(s.role), code_label(s.discipline))
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.id in loaded.state.team else Qt.CheckState.Unchecked)
            self._ids.append(s.id)
            self.team.addItem(item)
        self.save_button.setEnabled(True)

    def chosen(self) -> list[uuid.UUID]:
        return [
            self._ids[row]
            for row in range(self.team.count())
            if self.team.item(row).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        pid, flag, team = self.patient_id, self.restricted.isChecked(), self.chosen()
        self.save_button.setEnabled(False)
        self.backend.write(
            lambda s: restricted.set_restriction(session=s, patient_id=pid, restricted=flag, team=team),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, _changes: Any) -> None:
        self.saved = True
        announce_saved(self)
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()
        self.save_button.setEnabled(True)
