"""A week grid: one row per discipline, one column per day, the sessions and workup appointments of each cell."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

from alsdesk.ui.i18n.texts import weekday
from alsdesk.ui.widgets.common import DISPLAY, HORIZONTAL, TOOLTIP, code_label

Index = QModelIndex | QPersistentModelIndex
MARK = {"attended": "✓", "missed": "✗", "scheduled": "○"}
WORKUP_MARK = "◆"  # a workup appointment, told apart from therapy sessions at a glance


@dataclass(frozen=True)
class Booking:
    """A therapy session (kind 'therapy') or a scheduled workup (kind 'workup') in the week view."""

    session_id: uuid.UUID  # the therapy session's id, or the workup's
    patient_id: uuid.UUID
    patient: str
    on: date
    discipline: str
    title: str
    status: str
    version: int
    kind: str = "therapy"
    at: time | None = None  # its start time, when known

    @property
    def when(self) -> str:
        """Its start time and a space, "" without one: the line in a day's cell begins with it."""
        return "" if self.at is None else f"{self.at.isoformat(timespec='minutes')} "

    @property
    def mark(self) -> str:
        return WORKUP_MARK if self.kind == "workup" else MARK.get(self.status, "·")


class WeekModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self._rows: list[str] = []
        self._cells: dict[tuple[int, int], list[Booking]] = {}

    def set_week(self, monday: date, bookings: list[Booking]) -> None:
        self.beginResetModel()
        self.monday = monday
        self._rows = sorted({b.discipline for b in bookings}, key=code_label)
        self._cells = {}
        for b in bookings:
            key = (self._rows.index(b.discipline), (b.on - monday).days)
            self._cells.setdefault(key, []).append(b)
        self.endResetModel()

    def bookings(self, index: Index) -> list[Booking]:
        if not index.isValid():
            return []
        return list(self._cells.get((index.row(), index.column()), []))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        cell = self._cells.get((index.row(), index.column()), [])
        if role == DISPLAY:
            # Short lines so nothing wraps: a status mark and the family name.
            lines = [f"{b.mark} {b.when}{b.patient.split(',')[0]}" for b in cell[:4]]
            if len(cell) > 4:
                lines[-1] = self.tr("+{0} more").format(len(cell) - 3)
            return "\n".join(lines)
        if role == TOOLTIP and cell:
            return "\n".join(f"{b.mark} {b.when}{b.patient}: {b.title} ({code_label(b.status)})" for b in cell)
        return None

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == HORIZONTAL:
            if not 0 <= section < 7:
                return None
            day = self.monday + timedelta(days=section)
            return f"{weekday(day)} {day.isoformat()}"
        return code_label(self._rows[section]) if 0 <= section < len(self._rows) else None
