"""The worklist screen: everything due today or overdue, grouped by kind, filterable."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from alsdesk.models.vocab import DISCIPLINES
from alsdesk.services import clinic, referrals, therapy, worklist, workups
from alsdesk.services.common import Changes
from alsdesk.ui.common import code_label, error_label
from alsdesk.ui.dates import DateEdit, reading_dates
from alsdesk.ui.roles import needs
from alsdesk.ui.texts import error_text, message_text
from alsdesk.ui.worker import Backend, Latest
from alsdesk.ui.worklist_model import WorklistModel

# The chart tab that deals with each kind of item.
KIND_TAB = {
    "alert": "overview",
    "workup_overdue": "workup",
    "workup_due": "workup",
    "workup_review": "workup",
    "referral_followup": "referrals",
    "reassessment_due": "assessments",
    "drug_monitoring": "therapy",
    "therapy_due": "therapy",
    "therapy_unrecorded": "therapy",
    "therapy_missed": "therapy",
    "program_sheet": "programs",
}


EXPAND_UP_TO = 60
PAGE = 100  # items of a group read at a time, as the user opens it or scrolls to its end
RELOAD_DEBOUNCE_MS = 250
ATTENDABLE = ("therapy_due", "therapy_unrecorded")
RESCHEDULABLE = (
    "therapy_due",
    "therapy_unrecorded",
    "therapy_missed",
    "workup_overdue",
    "workup_due",
    "referral_followup",
)


class WorklistView(QWidget):
    def __init__(self, backend: Backend, open_chart: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.open_chart = open_chart
        self.today = date.today()
        self._first_load = True
        self._latest = Latest()
        self.model = WorklistModel(self)
        self.model.page_wanted.connect(self._fetch_page)
        # Filters and day of the counts on screen: their pages must be read with the same ones.
        self._shown: tuple[date, str | None, uuid.UUID | None] = (self.today, None, None)
        self._keep: dict[str, int] = {}  # items a group had loaded before a reload, to read again
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setMinimumWidth(1)
        self.discipline = QComboBox()
        self.discipline.setAccessibleName(self.tr("Filter by discipline"))
        self.discipline.addItem(self.tr("All disciplines"), "")
        for code in DISCIPLINES:
            self.discipline.addItem(code_label(code), code)
        self.staff = QComboBox()
        self.staff.setAccessibleName(self.tr("Filter by staff member"))
        self.staff.addItem(self.tr("All staff"), "")
        self.discipline.currentIndexChanged.connect(self.reload)
        self.staff.currentIndexChanged.connect(self.reload)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Worklist items"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.doubleClicked.connect(self._open)
        # A group reads its next page when its last loaded row scrolls into view.
        self.tree.verticalScrollBar().valueChanged.connect(self._fetch_visible)
        self.tree.expanded.connect(self._fetch_visible)
        self.model.rowsInserted.connect(self._fetch_visible)
        self.tree.activated.connect(self._open)
        self.open_button = QPushButton(self.tr("&Open chart"))
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentIndex()))
        self.dismiss_button = needs(QPushButton(self.tr("&Dismiss…")), "care.write")
        self.dismiss_button.setToolTip(self.tr("Take the selected item off the worklist, with a reason"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.hint = QLabel(
            self.tr("Click a heading (or press →) to see its items; double-click an item to open the chart.")
        )
        self.hint.setStyleSheet("color: #6b7280;")
        self.hint.hide()
        filters = QHBoxLayout()
        filters.addWidget(self.title, 1)
        filters.addWidget(QLabel(self.tr("Discipline:")))
        filters.addWidget(self.discipline)
        filters.addWidget(QLabel(self.tr("Staff:")))
        filters.addWidget(self.staff)
        self.attended_button = needs(QPushButton(self.tr("Mark &attended")), "care.write")
        self.attended_button.setToolTip(self.tr("For a therapy session: record that the patient came"))
        self.attended_button.clicked.connect(lambda: self.mark_attended(self.selected_item()))
        self.move_to = DateEdit(date.today() + timedelta(days=7))
        self.move_to.setAccessibleName(self.tr("New date"))
        self.reschedule_button = needs(QPushButton(self.tr("Re&schedule to")), "care.write")
        self.reschedule_button.setToolTip(
            self.tr("Therapy session or workup: move it; referral: follow up on that date instead")
        )
        self.reschedule_button.clicked.connect(
            reading_dates(self, lambda: self.reschedule(self.selected_item(), self.move_to.value()))
        )
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.message = error_label()
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.attended_button)
        actions.addWidget(self.reschedule_button)
        actions.addWidget(self.move_to)
        actions.addWidget(self.dismiss_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self._update_buttons()
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DEBOUNCE_MS)
        self._reload_timer.timeout.connect(self.reload)
        backend.changed.connect(self._on_changed)
        self._load_staff()
        self.reload()

    @property
    def pending(self) -> bool:
        """A reload is waiting for its debounce."""
        return self._reload_timer.isActive()

    def _load_staff(self) -> None:
        self.backend.read(lambda s: clinic.list_staff(session=s), self._fill_staff, owner=self)

    def _fill_staff(self, staff: list[clinic.StaffView]) -> None:
        for s in staff:
            self.staff.addItem(s.display_name, str(s.id))

    def reload(self, *_: Any) -> None:
        discipline = self.discipline.currentData() or None
        staff = self.staff.currentData() or None
        shown = (self.today, discipline, uuid.UUID(staff) if staff else None)

        def load(session: Any) -> dict[str, int]:
            on, discipline, staff_id = shown
            return worklist.worklist_counts(session=session, on=on, discipline=discipline, staff_id=staff_id)

        self.backend.read(load, self._latest(lambda counts: self._loaded(counts, shown)), owner=self)

    def _loaded(self, counts: dict[str, int], shown: tuple[date, str | None, uuid.UUID | None]) -> None:
        root = QModelIndex()
        opened = {
            self.model.kind_at(row)
            for row in range(self.model.rowCount(root))
            if self.tree.isExpanded(self.model.index(row, 0, root))
        }
        # After a reload (a dismissal, a filter) open groups stay open and read as far as before.
        self._keep = {self.model.kind_at(row): self.model.loaded(row) for row in range(self.model.rowCount(root))}
        first_load = self._first_load
        self._first_load = False
        self._shown = shown
        total = sum(counts.values())
        self.model.set_counts(counts, self.today)
        for row in range(self.model.rowCount(root)):
            self.tree.setFirstColumnSpanned(row, root, True)
            # A short list opens fully; a long one shows its headings first, as the overview.
            if (first_load and total <= EXPAND_UP_TO) or self.model.kind_at(row) in opened:
                self.tree.expand(self.model.index(row, 0, root))
        self.title.setText(self.tr("Worklist for {0}: {1} items").format(self.today.isoformat(), total))
        self.hint.setVisible(total > EXPAND_UP_TO)
        widths = (130, 250, 110, 190)
        for column, width in enumerate(widths):
            self.tree.setColumnWidth(column, width)
        self._update_buttons()

    def _fetch_page(self, generation: int, kind: str, offset: int) -> None:
        """Read one page of a group in a worker; the model drops it if a reload came first."""
        on, discipline, staff_id = self._shown
        limit = max(PAGE, self._keep.pop(kind, 0)) if offset == 0 else PAGE

        def load(session: Any) -> list[worklist.WorklistItem]:
            return worklist.worklist_page(
                session=session,
                on=on,
                kind=kind,
                offset=offset,
                limit=limit,
                discipline=discipline,
                staff_id=staff_id,
            )

        def failed(error: Exception) -> None:
            self.model.page_failed(generation, kind)
            self.message.setText(error_text(error))
            self.message.show()

        self.backend.read(load, lambda items: self.model.add_page(generation, kind, offset, items), failed, owner=self)

    def _fetch_visible(self, *_: Any) -> None:
        """Ask for the next page of every open group whose last loaded row is on screen."""
        root = QModelIndex()
        bottom = self.tree.viewport().height()
        for row in range(self.model.rowCount(root)):
            group = self.model.index(row, 0, root)
            if not self.tree.isExpanded(group) or not self.model.can_load_more(group):
                continue
            loaded = self.model.rowCount(group)
            last = self.model.index(loaded - 1, 0, group) if loaded else group
            rect = self.tree.visualRect(last)
            if rect.isValid() and 0 <= rect.bottom() and rect.top() <= bottom:
                self.model.load_more(group)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fetch_visible()  # a taller window shows more rows: read them

    def _update_buttons(self) -> None:
        item = self.selected_item()
        kind = item.kind if item else ""
        self.attended_button.setEnabled(kind in ATTENDABLE)
        self.reschedule_button.setEnabled(kind in RESCHEDULABLE)
        self.dismiss_button.setEnabled(item is not None)
        self.open_button.setEnabled(item is not None)

    def _write(self, fn: Callable[[Session], Any]) -> None:
        self.message.hide()
        self.backend.write(fn, None, lambda e: (self.message.setText(error_text(e)), self.message.show()), owner=self)

    def mark_attended(self, item: worklist.WorklistItem | None) -> None:
        if item is None or item.kind not in ATTENDABLE or item.record_id is None:
            return
        rid = item.record_id
        self._write(lambda s: therapy.mark_session(session=s, session_id=rid, status="attended"))

    def reschedule(self, item: worklist.WorklistItem | None, on: date | None) -> None:
        if item is None or on is None or item.record_id is None or item.kind not in RESCHEDULABLE:
            return
        rid, staff = item.record_id, self.backend.staff_id
        if item.kind.startswith("therapy"):
            self._write(lambda s: therapy.reschedule_session(session=s, session_id=rid, on=on))
        elif item.kind.startswith("workup"):
            self._write(lambda s: workups.reschedule_workup(session=s, workup_id=rid, on=on, staff_id=staff))
        else:
            self._write(lambda s: referrals.set_follow_up(session=s, referral_id=rid, on=on))

    def _on_changed(self, changes: Changes) -> None:
        if changes.worklist:
            self._reload_timer.start()  # several saves in a row cost one reload

    def selected_item(self) -> worklist.WorklistItem | None:
        return self.model.item(self.tree.currentIndex())

    def _open(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if item is not None:
            self.open_chart(item.patient_id, KIND_TAB.get(item.kind), item.record_id)

    def dismiss_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Dismiss worklist item"),
            self.tr("Why is this no longer due?\n{0}: {1}").format(item.patient_name, message_text(item.reason)),
        )
        if ok:
            self.dismiss(item, reason)

    def dismiss(self, item: worklist.WorklistItem, reason: str) -> None:
        on, staff = self.today, self.backend.staff_id
        self.backend.write(
            lambda s: worklist.dismiss(
                session=s, item_key=item.key, patient_id=item.patient_id, on=on, reason=reason, staff_id=staff
            ),
            owner=self,
        )
