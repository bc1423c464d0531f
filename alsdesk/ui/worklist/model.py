"""A two-level item model: worklist kinds (with counts) over their items, paged in on demand.

The counts come first (counted by the database); a group's items arrive a page at a time when
the group is expanded or scrolled to its end. The model never reads the database itself: it
asks for a page with `page_wanted` and the view answers with add_page() from a worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from alsdesk.services.worklist import KINDS, RESTRICTED, WorklistItem
from alsdesk.ui.i18n.texts import message_text
from alsdesk.ui.widgets.common import BACKGROUND, DISPLAY, FONT, HORIZONTAL, OVERDUE_COLOUR, TOOLTIP, code_label, tr

Index = QModelIndex | QPersistentModelIndex
TOP = 0  # internalId of a group row; an item row stores its group's row + 1


@dataclass
class _Group:
    kind: str
    count: int
    items: list[WorklistItem] = field(default_factory=list)
    loading: bool = False


class WorklistModel(QAbstractItemModel):
    # (generation, kind, offset): load the next page of a group; answer with add_page().
    page_wanted = Signal(int, str, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._generation = 0
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

    @property
    def generation(self) -> int:
        """Changes with every set_counts(): pages asked for before it are dropped."""
        return self._generation

    def set_counts(self, counts: dict[str, int], on: Any, items: list[WorklistItem] | None = None) -> None:
        """The groups, empty until their pages arrive (or filled from `items`, a list already in
        memory); kinds with nothing due are left out."""
        grouped: dict[str, list[WorklistItem]] = {}
        for item in items or ():
            grouped.setdefault(item.kind, []).append(item)
        self.beginResetModel()
        self._generation += 1
        self._on = on
        self._groups = [_Group(kind, counts[kind], grouped.get(kind, [])) for kind in KINDS if counts.get(kind)]
        self.endResetModel()

    def set_items(self, items: list[WorklistItem], on: Any) -> None:
        """Every item at once: the counts are their numbers."""
        counts: dict[str, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        self.set_counts(counts, on, items)

    def add_page(self, generation: int, kind: str, offset: int, items: list[WorklistItem]) -> None:
        """Items from `offset` of `kind`, as asked for by page_wanted; stale answers are dropped."""
        row = self._row_of(kind)
        if generation != self._generation or row is None:
            return
        group = self._groups[row]
        group.loading = False
        if offset != len(group.items):
            return
        if not items:  # the list got shorter since it was counted: stop asking
            group.count = len(group.items)
            return
        parent = self.index(row, 0)
        self.beginInsertRows(parent, offset, offset + len(items) - 1)
        group.items.extend(items)
        group.count = max(group.count, len(group.items))
        self.endInsertRows()

    def page_failed(self, generation: int, kind: str) -> None:
        row = self._row_of(kind)
        if generation == self._generation and row is not None:
            self._groups[row].loading = False

    # Not Qt's canFetchMore/fetchMore: QTreeView calls those for every open group each time it
    # lays out, which would read a 14,000-item group to its end. The view asks when a group's
    # last loaded row is on screen.
    def can_load_more(self, group: Index) -> bool:
        if not group.isValid() or group.internalId() != TOP or group.column() != 0:
            return False
        found = self._groups[group.row()]
        return not found.loading and len(found.items) < found.count

    def load_more(self, group: Index) -> None:
        """Ask (with page_wanted) for the group's next page, once until it arrives."""
        if self.can_load_more(group):
            found = self._groups[group.row()]
            found.loading = True
            self.page_wanted.emit(self._generation, found.kind, len(found.items))

    def _row_of(self, kind: str) -> int | None:
        return next((row for row, g in enumerate(self._groups) if g.kind == kind), None)

    def item(self, index: Index) -> WorklistItem | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]

    def kind_at(self, row: int) -> str:
        return self._groups[row].kind

    def loaded(self, row: int) -> int:
        return len(self._groups[row].items)

    def total(self) -> int:
        return sum(g.count for g in self._groups)

    def group_counts(self) -> dict[str, int]:
        return {g.kind: g.count for g in self._groups}

    # --- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index | None = None) -> Any:
        if index is None:
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._groups)
        # A group has items before they are loaded: the view shows it expandable.
        return parent.internalId() == TOP and parent.column() == 0 and self._groups[parent.row()].count > 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self._headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if index.internalId() == TOP:
            group = self._groups[index.row()]
            if role == DISPLAY:
                return f"{tr(KINDS[group.kind], 'worklist')} ({group.count:,})" if column == 0 else ""
            if role == FONT:
                return self._bold
            return None
        item = self._groups[index.internalId() - 1].items[index.row()]
        if role == DISPLAY:
            if column == 0:  # a closed record's line is not dated: when its work falls due is inside it
                return "" if item.kind == RESTRICTED else item.due_date.isoformat()
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
