"""The audit trail table: one page of entries; sorting by time asks the database for the other order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from alsdesk.services.audit_log import AuditRow
from alsdesk.ui.widgets.record_model import Column, RecordTableModel

TIME_COLUMNS = (0, 1)
# Entries an administrator should not miss: failed sign-ins and refused attempts, and emergency
# access (amber).
COLOURS = {
    "signin_failed": "#fde2e1",
    "access_refused": "#fde2e1",
    "break_glass": "#fcd34d",
}  # entry number and time both follow the order of the trail


def local_time(row: AuditRow) -> str:
    return row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditTableModel(RecordTableModel):
    """Rows come from `audit_log.list_entries`; `sort_requested(oldest_first)` re-queries in SQL."""

    sort_requested = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("No."), lambda r: str(r.seq)),
                Column(self.tr("Time"), local_time, lambda r: r.at.isoformat() + " UTC"),
                Column(self.tr("Staff"), lambda r: r.username),
                Column(self.tr("Action"), lambda r: r.action),
                Column(self.tr("Data"), lambda r: r.category),
                Column(self.tr("Record"), lambda r: r.table_name),
                Column(self.tr("Patient (MRN)"), lambda r: r.patient_mrn or ""),
                Column(self.tr("Workstation"), lambda r: r.workstation),
                Column(
                    self.tr("Details"),
                    lambda r: r.detail if len(r.detail) <= 120 else r.detail[:119] + "…",
                    lambda r: r.detail,
                ),
            ],
            colour=lambda r: COLOURS.get(r.action),
            parent=parent,
        )
        self.oldest_first = False

    def sort(self, column: int, order: Any = Qt.SortOrder.AscendingOrder) -> None:
        if column not in TIME_COLUMNS:
            return  # only time order is kept in the database's index; other columns stay as they are
        oldest_first = order == Qt.SortOrder.AscendingOrder
        if oldest_first != self.oldest_first:
            self.oldest_first = oldest_first
            self.sort_requested.emit(oldest_first)
