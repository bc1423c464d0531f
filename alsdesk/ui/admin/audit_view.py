"""Administration › Audit trail: filtered, paged entries, a chain check and a CSV export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from alsdesk.errors import AlsdeskError
from alsdesk.services import audit, audit_log, clinic, patients
from alsdesk.services.audit_log import AuditRow
from alsdesk.services.restricted import BREAK_GLASS
from alsdesk.ui.admin.audit_model import AuditTableModel
from alsdesk.ui.chart.tab import make_table
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.dates import DateEdit, reads_dates
from alsdesk.ui.widgets.worker import Backend, Latest

PAGE = 200


@dataclass(frozen=True)
class Page:
    rows: list[AuditRow]
    total: int
    actions: list[str] = field(default_factory=list)
    users: list[str] = field(default_factory=list)


def _day_start(day: date | None) -> datetime | None:
    """Midnight of a local calendar day, as an aware moment (the trail is kept in UTC)."""
    return None if day is None else datetime.combine(day, time.min).astimezone()


class AuditView(QWidget):
    """Newest entries first; click the No. or Time header for the oldest first."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.offset = 0
        self.total = 0
        self.pending = False
        self._latest = Latest()
        self._filled = False
        self.model = AuditTableModel(self)
        self.model.sort_requested.connect(lambda _oldest: self.reload(keep_page=False))
        self.table = make_table(self.model, self.tr("Audit trail"), (60, 140, 110, 100, 110, 130, 110, 120))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.mrn = QLineEdit()
        self.mrn.setPlaceholderText(self.tr("patient MRN"))
        self.mrn.setAccessibleName(self.tr("Patient MRN"))
        self.mrn.setClearButtonEnabled(True)
        self.mrn.returnPressed.connect(self.apply_filters)
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setAccessibleName(self.tr("Staff user name"))
        line = self.user.lineEdit()
        assert line is not None  # the combo box was made editable just above
        line.setPlaceholderText(self.tr("any staff"))
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("any action"), "")
        self.since = DateEdit(optional=True)
        self.since.setPlaceholderText(self.tr("any date"))
        self.since.setAccessibleName(self.tr("From date"))
        self.until = DateEdit(optional=True)
        self.until.setPlaceholderText(self.tr("any date"))
        self.until.setAccessibleName(self.tr("To date (inclusive)"))
        self.emergency = QCheckBox(self.tr("E&mergency access only"))
        self.emergency.setToolTip(self.tr("Only break-glass entries: records opened outside the care team"))
        self.emergency.toggled.connect(lambda _on: self.apply_filters())
        show = QPushButton(self.tr("&Show"))
        show.clicked.connect(self.apply_filters)
        clear = QPushButton(self.tr("C&lear filters"))
        clear.clicked.connect(self.clear_filters)
        # Two rows, so the page fits a 1366-pixel screen at 125 % beside the navigation.
        who, when = QHBoxLayout(), QHBoxLayout()
        for row, label, widget in (
            (who, self.tr("Patient:"), self.mrn),
            (who, self.tr("Staff:"), self.user),
            (who, self.tr("Action:"), self.action),
            (when, self.tr("From:"), self.since),
            (when, self.tr("To:"), self.until),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        who.addStretch(1)
        when.addWidget(self.emergency)
        when.addWidget(show)
        when.addWidget(clear)
        when.addStretch(1)
        filters = QVBoxLayout()
        filters.addLayout(who)
        filters.addLayout(when)
        self.newer = QPushButton(self.tr("◀ &Previous page"))
        self.newer.clicked.connect(lambda: self._turn(-PAGE))
        self.older = QPushButton(self.tr("&Next page ▶"))
        self.older.clicked.connect(lambda: self._turn(PAGE))
        self.position = QLabel()
        self.verify_button = QPushButton(self.tr("&Verify chain"))
        self.verify_button.setToolTip(self.tr("Check that no entry was altered, deleted, inserted or reordered"))
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setToolTip(self.tr("Save every entry that matches the filters as a CSV file"))
        self.export_button.clicked.connect(self.ask_export)
        pager = QHBoxLayout()
        pager.addWidget(self.newer)
        pager.addWidget(self.position)
        pager.addWidget(self.older)
        pager.addStretch(1)
        pager.addWidget(self.verify_button)
        pager.addWidget(self.export_button)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(pager)
        layout.addWidget(self.result)
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The filters as the service takes them, except the MRN (resolved in the worker)."""
        until = self.until.value()
        return dict(
            username=self.user.currentText().strip() or None,
            action=BREAK_GLASS if self.emergency.isChecked() else self.action.currentData() or None,
            since=_day_start(self.since.value()),
            until=_day_start(until + timedelta(days=1)) if until else None,
        )

    def apply_filters(self) -> None:
        self.reload(keep_page=False)

    def clear_filters(self) -> None:
        self.mrn.clear()
        self.user.setEditText("")
        self.action.setCurrentIndex(0)
        self.since.set_value(None)
        self.until.set_value(None)
        self.emergency.blockSignals(True)
        self.emergency.setChecked(False)
        self.emergency.blockSignals(False)
        self.reload(keep_page=False)

    def _turn(self, step: int) -> None:
        self.offset = max(0, self.offset + step)
        self.reload()

    @reads_dates
    def reload(self, keep_page: bool = True) -> None:
        if not keep_page:
            self.offset = 0
        mrn, filters, offset = self.mrn.text().strip(), self.filters(), self.offset
        oldest_first, first = self.model.oldest_first, not self._filled

        def work(s: Session) -> Page:
            patient_id = patients.get_by_mrn(session=s, mrn=mrn).id if mrn else None
            rows = audit_log.list_entries(
                session=s, patient_id=patient_id, offset=offset, limit=PAGE, oldest_first=oldest_first, **filters
            )
            total = audit_log.count_entries(session=s, patient_id=patient_id, **filters)
            if not first:
                return Page(rows, total)
            users = sorted({v.username for v in clinic.list_staff(session=s, include_inactive=True)})
            return Page(rows, total, audit_log.list_actions(session=s), users)

        self.pending = True
        self.message.hide()
        self.backend.read(work, self._latest(self._loaded), self._failed, owner=self)

    def _loaded(self, page: Page) -> None:
        self.pending = False
        if page.actions or page.users:
            self._filled = True
            for action in page.actions:
                self.action.addItem(action, action)
            self.user.addItems(["", *page.users])
            self.user.setEditText("")
        self.total = page.total
        self.model.set_rows(page.rows)
        shown_to = self.offset + len(page.rows)
        self.position.setText(
            self.tr("Entries {0}–{1} of {2}").format(self.offset + 1 if page.rows else 0, shown_to, page.total)
        )
        self.newer.setEnabled(self.offset > 0)
        self.older.setEnabled(shown_to < page.total)

    def _failed(self, error: AlsdeskError) -> None:
        self.pending = False
        self.message.setText(error_text(error))
        self.message.show()

    # --- verify and export -----------------------------------------------------------------

    def verify(self) -> None:
        db = self.backend.db
        self.verify_button.setEnabled(False)
        self._say(self.tr("Checking the audit chain…"), "#374151")
        self.backend.read(
            lambda s: audit.verify(session=s, key=db.audit_key, anchors=db.audit_anchors()),
            self._verified,
            self._verify_failed,
            owner=self,
        )

    def _verified(self, result: audit.VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        if result.ok:
            self._say(
                self.tr("The audit trail is intact: all {0} entries check out.").format(result.entries), "#166534"
            )
        else:
            self._say(
                self.tr(
                    "The audit trail has been tampered with: {0}. Tell the clinic's data protection officer."
                ).format(error_text(result.error) if result.error else ""),
                "#b91c1c",
            )

    def _verify_failed(self, error: AlsdeskError) -> None:
        self.verify_button.setEnabled(True)
        self._say(error_text(error), "#b91c1c")

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit trail"), f"audit-{date.today().isoformat()}.csv", self.tr("CSV files (*.csv)")
        )
        if name:
            self.export(Path(name))

    @reads_dates
    def export(self, path: Path) -> None:
        mrn, filters = self.mrn.text().strip(), self.filters()
        self.export_button.setEnabled(False)
        self._say(self.tr("Exporting…"), "#374151")

        def work(s: Session) -> int:  # the file appears once the export's own audit entry commits
            return audit_log.export_csv(session=s, path=path, mrn=mrn or None, **filters)

        def written(count: int) -> None:
            self.export_button.setEnabled(True)
            self._say(self.tr("Exported {0} entries to {1}.").format(count, path), "#166534")

        self.backend.write(work, written, self._export_failed, owner=self)

    def _export_failed(self, error: AlsdeskError) -> None:
        self.export_button.setEnabled(True)
        self._say(error_text(error), "#b91c1c")

    def _say(self, text: str, colour: str) -> None:
        # Style first: a bold font set after the text wraps to more lines than the height laid out.
        self.result.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.result.setText(text)
        self.result.show()
