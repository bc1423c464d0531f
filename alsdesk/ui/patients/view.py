"""The patients screen: search as you type over a SQL-paged table, and registration."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alsdesk.services.common import Changes
from alsdesk.ui.patients.model import PatientTableModel
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.columns import fit_columns
from alsdesk.ui.widgets.worker import Backend

DEBOUNCE_MS = 200


class PatientsView(QWidget):
    def __init__(
        self, backend: Backend, open_chart: Callable[[uuid.UUID, str | None], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.open_chart = open_chart
        self.model = PatientTableModel(backend, self)
        self.model.loaded.connect(self._update_count)
        self.model.loaded.connect(self._results_loaded)
        self._loading = True  # a search or browse is on its way; Enter opens its first match when it lands
        self._open_on_load = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search by name, Chinese name, pinyin initials, MRN, phone or referral number (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search patients"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self._open_first)
        self.search.installEventFilter(self)  # ↓ moves into the list
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.new_button = needs(QPushButton(self.tr("&New patient… (Ctrl+N)")), "patient.write")
        self.new_button.clicked.connect(self.new_patient)
        self.count = QLabel()
        self.archived = QCheckBox(self.tr("Include &archived"))
        self.archived.toggled.connect(self._toggle_archived)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Patients"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((320, 130, 110, 90, 160)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        counts = QHBoxLayout()
        counts.addWidget(self.count, 1)
        counts.addWidget(self.archived)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)
        backend.changed.connect(self._on_changed)
        self.model.browse()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _typed(self, _text: str) -> None:
        self._timer.start()

    def run_search(self) -> None:
        self._timer.stop()
        self._loading = True
        self.model.search(self.search.text())

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.searching:
            text = self.tr("{0} patients match “{1}”").format(n, self.model.searching)
        else:
            text = self.tr("{0} patients").format(n)
        self.count.setText(text)

    def _toggle_archived(self, on: bool) -> None:
        self.model.include_archived = on
        self.run_search()

    def _open(self, index: QModelIndex) -> None:
        p = self.model.summary(index.row()) if index.isValid() else None
        if p is not None:
            self.open_chart(p.id, None)

    def _open_first(self) -> None:
        """Enter in the search box opens the selected match (the first, unless ↓ chose another),
        once the results for what was typed have arrived."""
        if self._timer.isActive():
            self.run_search()
        if self._loading:
            self._open_on_load = True
        else:
            self._open(self.table.currentIndex())

    def _results_loaded(self) -> None:
        self._loading = False
        if self.model.rowCount() and not self.table.property("alsdesk_fitted"):
            self.table.setProperty("alsdesk_fitted", True)  # once: later the user's widths stay
            fit_columns(self.table)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)  # the match Enter opens
        if self._open_on_load:
            self._open_on_load = False
            self._open(self.table.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _on_changed(self, changes: Changes) -> None:
        if changes.patients:
            self.model.refresh()

    def new_patient(self) -> None:
        from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog

        dialog = NewPatientDialog(self.backend, self)
        if dialog.exec() and dialog.created is not None:
            self.open_chart(dialog.created.id, None)
