"""A two-level item model: worklist kinds (with counts) over their items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QFont

from alsdesk.services.worklist import KINDS, WorklistItem
from alsdesk.ui.common import BACKGROUND, DISPLAY, FONT, HORIZONTAL, OVERDUE_COLOUR, TOOLTIP, code_label, tr
from alsdesk.ui.texts import message_text

Index = QModelIndex | QPersistentModelIndex
TOP = 0  # internalId of a group row; an item row stores its group's row + 1


class WorklistModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[WorklistItem]]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue = QBrush(QColor(OVERDUE_COLOUR))
        self._headers = [
            self.tr("Due"),
            self.tr("Patient"),
            self.tr("MRN"),
            self.tr("Discipline"),
            self.tr("What is due"),
        ]
        self._on = None

    def set_items(self, items: list[WorklistItem], on: Any) -> None:
        grouped: dict[str, list[WorklistItem]] = {}
        for item in items:
            grouped.setdefault(item.kind, []).append(item)
        self.beginResetModel()
        self._on = on
        self._groups = [(kind, grouped[kind]) for kind in KINDS if kind in grouped]
        self.endResetModel()

    def item(self, index: Index) -> WorklistItem | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def kind_at(self, row: int) -> str:
        return self._groups[row][0]

    def total(self) -> int:
        return sum(len(items) for _, items in self._groups)

    def group_counts(self) -> dict[str, int]:
        return {kind: len(items) for kind, items in self._groups}

    # --- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self._headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if index.internalId() == TOP:
            kind, items = self._groups[index.row()]
            if role == DISPLAY:
                return f"{tr(KINDS[kind], 'worklist')} ({len(items)})" if column == 0 else ""
            if role == FONT:
                return self._bold
            return None
        item = self._groups[index.internalId() - 1][1][index.row()]
        if role == DISPLAY:
            if column == 0:
                return item.due_date.isoformat()
            if column == 1:
                return item.patient_name
            if column == 2:
                return item.patient_mrn
            if column == 3:
                return code_label(item.discipline)
            return message_text(item.reason)
        if role == TOOLTIP and column == 4:
            return message_text(item.reason)
        # Alerts are dated by the visit that raised them; colour only what slipped past its date.
        if role == BACKGROUND and self._on is not None and item.kind != "alert" and item.due_date < self._on:
            return self._overdue
        return None

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == HORIZONTAL and 0 <= section < len(self._headers):
            return self._headers[section]
        return None
