"""The 15-day sheet as an editable grid: items down, days across, a tick per cell."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from alsdesk.services.programs import EnrollmentView
from alsdesk.ui.i18n.texts import item_name
from alsdesk.ui.widgets.common import ACCESSIBLE, BACKGROUND, CHECK, CHECKED, DISPLAY, HORIZONTAL, TOOLTIP, UNCHECKED

Index = QModelIndex | QPersistentModelIndex
VISIBLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
CHECKABLE = VISIBLE | Qt.ItemFlag.ItemIsUserCheckable
FUTURE_COLOUR = QColor("#e5e7eb")  # days still to come: grey, without a box to tick


class ProgramGridModel(QAbstractTableModel):
    """Edits a copy of the enrollment's ticks; `ticks()` is what `programs.enter_sheet` takes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enrollment: EnrollmentView | None = None
        self._ticks: set[tuple[int, int]] = set()
        self.today = date.today()
        self.dirty = False

    def set_enrollment(self, enrollment: EnrollmentView | None, today: date | None = None) -> None:
        self.beginResetModel()
        self.enrollment = enrollment
        self.today = today or date.today()
        self._ticks = set(enrollment.marks) if enrollment else set()
        self.dirty = False
        self.endResetModel()

    def ticks(self) -> set[tuple[int, int]]:
        """The ticks to save: never a day after today (a sheet saved before that rule may hold
        some; they never counted towards adherence and the service refuses them)."""
        if self.enrollment is None:
            return set(self._ticks)
        dates = self.enrollment.dates()
        return {(i, d) for i, d in self._ticks if dates[d] <= self.today}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.enrollment is None else len(self.enrollment.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.enrollment is None else self.enrollment.duration_days

    def future(self, index: Index) -> bool:
        """A day after today: the family cannot have done it yet (programs.enter_sheet refuses it)."""
        return self.enrollment is not None and self.enrollment.dates()[index.column()] > self.today

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return VISIBLE if self.future(index) else CHECKABLE

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or self.enrollment is None:
            return None
        cell = (index.row(), index.column())
        future = self.future(index)
        if role == CHECK:
            if future and cell not in self._ticks:
                return None
            return CHECKED if cell in self._ticks else UNCHECKED
        if role == BACKGROUND:
            return FUTURE_COLOUR if future else None
        if role in (TOOLTIP, ACCESSIBLE):
            item = self.enrollment.items[index.row()]
            day = self.enrollment.dates()[index.column()]
            if future:
                done = self.tr("after today, cannot be ticked yet")
            else:
                done = self.tr("done") if cell in self._ticks else self.tr("not done")
            return f"{item_name(item)}, {day.isoformat()}: {done}"
        return None

    def setData(self, index: Index, value: Any, role: int = CHECK) -> bool:
        if not index.isValid() or role != CHECK or self.future(index):
            return False
        cell = (index.row(), index.column())
        ticked = value == CHECKED or value == CHECKED.value or value is True
        if ticked:
            self._ticks.add(cell)
        else:
            self._ticks.discard(cell)
        self.dirty = True
        self.dataChanged.emit(index, index, [CHECK])
        return True

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY) -> Any:
        if self.enrollment is None or role != DISPLAY:
            return None
        if orientation == HORIZONTAL:
            if not 0 <= section < self.enrollment.duration_days:
                return None
            day = self.enrollment.dates()[section]
            return f"{section + 1}\n{day.month}/{day.day}"
        if not 0 <= section < len(self.enrollment.items):
            return None
        item = self.enrollment.items[section]
        return item_name(item)


class ProgramGrid(QTableView):
    """Keyboard entry: Space toggles; X or 1 ticks and moves right; 0 or - clears and moves right.
    A tick typed on a day after today is refused: `refused` carries the reason for the tab to show."""

    refused = Signal(str)

    def __init__(self, model: ProgramGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setDefaultSectionSize(48)
        self.horizontalHeader().setMinimumSectionSize(48)
        self.verticalHeader().setDefaultSectionSize(28)
        self.setAccessibleName(self.tr("Program sheet: items by day"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().lower()
        index = self.currentIndex()
        model = self.model()
        if index.isValid() and text in ("x", "1", " ") and isinstance(model, ProgramGridModel) and model.future(index):
            day = model.enrollment.dates()[index.column()] if model.enrollment else None
            self.refused.emit(self.tr("{0} is after today: it cannot be ticked yet.").format(day))
            return
        if index.isValid() and text in ("x", "1", "0", "-"):
            self.model().setData(index, CHECKED if text in ("x", "1") else UNCHECKED, CHECK)
            self._advance(index)
            return
        super().keyPressEvent(event)

    def _advance(self, index: QModelIndex) -> None:
        model = self.model()
        row, column = index.row(), index.column() + 1
        if column >= model.columnCount():
            row, column = row + 1, 0
        if row < model.rowCount():
            self.setCurrentIndex(model.index(row, column))
