"""A read-only table model over a list of frozen dataclasses, one column spec per column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor

from alsdesk.ui.widgets.common import ALIGN, BACKGROUND, DISPLAY, HORIZONTAL, TOOLTIP, USER

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows are plain records; `colour(row)` may return a background colour name for a row."""

    def __init__(
        self,
        columns: Sequence[Column],
        colour: Callable[[Any], str | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._colour = colour
        self._brushes: dict[str, QBrush] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == DISPLAY:
            return column.text(record)
        if role == TOOLTIP and column.tooltip is not None:
            return column.tooltip(record)
        if role == BACKGROUND and self._colour is not None:
            name = self._colour(record)
            if name:
                if name not in self._brushes:
                    self._brushes[name] = QBrush(QColor(name))
                return self._brushes[name]
        if role == USER:
            return index.row()
        return None

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            if orientation == HORIZONTAL:
                return self._columns[section].title if 0 <= section < len(self._columns) else None
            return str(section + 1)
        if role == ALIGN:
            return None
        return None
