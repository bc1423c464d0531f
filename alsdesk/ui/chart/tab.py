"""Base for chart tabs: the backend, the patient, the loaded data, and writes with inline errors."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget
from sqlalchemy.orm import Session

from alsdesk.app.chart import ChartData
from alsdesk.errors import AlsdeskError, ConflictError
from alsdesk.ui.chart.conflict_dialog import conflict_text
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.columns import fit_columns_when_filled
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.record_model import RecordTableModel
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend


class ChartTab(QWidget):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patient_id = patient_id
        self.data: ChartData | None = None
        self.message: QLabel = error_label()
        self._pending_select: uuid.UUID | None = None

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.refresh()
        if self._pending_select is not None:
            record_id, self._pending_select = self._pending_select, None
            self.select_record(record_id)

    def show_record(self, record_id: uuid.UUID) -> None:
        """Select the row of a record (a worklist item's workup, referral, session...), now or once loaded."""
        if self.data is None:
            self._pending_select = record_id
        else:
            self.select_record(record_id)

    def select_record(self, record_id: uuid.UUID) -> bool:
        """Select the row whose record has this id; tabs with a main table override it."""
        return False

    def refresh(self) -> None:
        raise NotImplementedError

    def write(self, fn: Callable[[Session], Any], done: Callable[[Any], object] | None = None) -> None:
        """Save in the writer thread; a refused change shows its reason above the buttons, a saved
        one is confirmed in the chart window's status bar."""
        self.message.hide()

        def ok(result: Any) -> None:
            announce_saved(self)
            if done is not None:
                done(result)

        self.backend.write(fn, ok, self._failed, owner=self)

    def select_created(self, result: Any) -> None:
        """`done` of an add action: select the new record's row once the chart reloads with it."""
        for part in result if isinstance(result, tuple) else (result,):
            record_id = getattr(part, "id", None)
            if isinstance(record_id, uuid.UUID):
                self._pending_select = record_id
                return

    def has_unsaved(self) -> bool:
        """True when the tab holds typed-in work that leaving would lose."""
        return False

    def _failed(self, error: AlsdeskError) -> None:
        text = error_text(error)
        if isinstance(error, ConflictError):
            text = conflict_text(error)
            # Lost a race with another workstation: show the latest record so the edit can be redone.
            text += "\n" + self.tr("The chart has been reloaded with the other workstation's change.")
            window = self.window()
            if hasattr(window, "reload"):
                window.reload()
        self.message.setText(text)
        self.message.show()


def make_table(model: RecordTableModel, name: str, widths: tuple[int, ...] = ()) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setWordWrap(False)
    for column, width in enumerate(widths):  # while empty; fitted to the rows once they arrive
        table.setColumnWidth(column, width)
    fit_columns_when_filled(table)
    return table


def selected(table: QTableView, model: RecordTableModel) -> Any:
    index = table.currentIndex()
    return model.row(index.row()) if index.isValid() else None


def select_by_id(table: QTableView, model: RecordTableModel, record_id: uuid.UUID) -> bool:
    for row, record in enumerate(model.rows()):
        if getattr(record, "id", None) == record_id:
            table.selectRow(row)
            table.scrollTo(model.index(row, 0))
            return True
    return False
