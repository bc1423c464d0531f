"""Patient table paged from SQL: a count, then windows of rows fetched lazily as the view asks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Signal

from alsdesk.services import patients
from alsdesk.services.patients import PatientSummary
from alsdesk.ui.widgets.common import DISPLAY, FOREGROUND, HORIZONTAL, code_label
from alsdesk.ui.widgets.worker import Backend

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
LOADING = "…"


class PatientTableModel(QAbstractTableModel):
    """Browse mode pages `list_patients` by offset; search mode holds one page of matches.

    Rows not loaded yet show "…" and are requested in the background; a generation number
    drops pages that arrive after the model was reset (a newer search won).
    """

    loaded = Signal()

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._count = 0
        self._pages: dict[int, list[PatientSummary]] = {}
        self._requested: set[int] = set()
        self._generation = 0
        self._search = ""
        self.include_archived = False
        self._headers = [
            self.tr("Name"),
            self.tr("MRN"),
            self.tr("Born"),
            self.tr("Sex"),
            self.tr("Phone"),
            self.tr("Status"),
        ]

    # --- loading -----------------------------------------------------------------------------

    def browse(self) -> None:
        """Show all (non-archived) patients in name order."""
        self._generation += 1
        generation = self._generation
        archived = self.include_archived
        self._search = ""
        self.backend.read(
            lambda s: patients.count_patients(session=s, include_archived=archived),
            lambda n: self._counted(generation, n),
            owner=self,
        )

    def search(self, text: str) -> None:
        if not text.strip():
            self.browse()
            return
        self._generation += 1
        generation = self._generation
        archived = self.include_archived
        self._search = text
        self.backend.read(
            lambda s: patients.search_patients(session=s, text=text, limit=PAGE, include_archived=archived),
            lambda rows: self._found(generation, rows),
            owner=self,
        )

    def refresh(self) -> None:
        """Patients changed somewhere: reload what is shown, keeping the scroll position if the count holds."""
        if self._search:
            self.search(self._search)
            return
        self._generation += 1
        generation = self._generation
        archived = self.include_archived
        self.backend.read(
            lambda s: patients.count_patients(session=s, include_archived=archived),
            lambda n: self._recounted(generation, n),
            owner=self,
        )

    def _recounted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        if count != self._count:
            self._counted(generation, count)
            return
        # Same size: fetch the cached pages again; old rows stay on screen until the new ones arrive.
        stale, self._requested = list(self._pages), set()
        for page in stale:
            self._request(page)

    def _counted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count, self._pages, self._requested = count, {}, set()
        self.endResetModel()
        if count:
            self._request(0)
        else:
            self.loaded.emit()

    def _found(self, generation: int, rows: list[PatientSummary]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count, self._pages, self._requested = len(rows), {0: rows}, {0}
        self.endResetModel()
        self.loaded.emit()

    def _request(self, page: int) -> None:
        if page in self._requested or self._search:
            return
        self._requested.add(page)
        generation = self._generation
        archived = self.include_archived
        self.backend.read(
            lambda s: patients.list_patients(session=s, offset=page * PAGE, limit=PAGE, include_archived=archived),
            lambda rows: self._page_arrived(generation, page, rows),
            owner=self,
        )

    def _page_arrived(self, generation: int, page: int, rows: list[PatientSummary]) -> None:
        if generation != self._generation:
            return
        first = page * PAGE
        # Rows may have been archived since the count; keep the row count, leave gaps as "…".
        self._pages[page] = rows
        last = min(self._count, first + PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.loaded.emit()

    # --- access ------------------------------------------------------------------------------

    def summary(self, row: int) -> PatientSummary | None:
        """The patient on a row, or None while its page is loading."""
        page, offset = divmod(row, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            if 0 <= row < self._count:
                self._request(page)
            return None
        return rows[offset] if offset < len(rows) else None

    @property
    def searching(self) -> str:
        return self._search

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role == DISPLAY:
            p = self.summary(index.row())
            if p is None:
                return LOADING
            column = index.column()
            if column == 0:
                return p.display_name
            if column == 1:
                return p.mrn
            if p.birth_date is None:  # a restricted record this user may not open: name and MRN only
                return self.tr("Restricted record") if column == 5 else ""
            if column == 2:
                return p.birth_date.isoformat()
            if column == 3:
                return code_label(p.sex)
            if column == 4:
                return p.phone
            return code_label(p.status)
        if role == FOREGROUND:
            p = self.summary(index.row())
            if p is not None and (p.archived or p.status in ("deceased", "discharged")):
                from PySide6.QtGui import QColor

                return QColor("#6b7280")
        return None

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == HORIZONTAL:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)
