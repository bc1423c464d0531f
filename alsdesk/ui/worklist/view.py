"""The worklist screen: everything due today or overdue, grouped by kind, filterable."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
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

from alsdesk.services import clinic, referrals, therapy, worklist, workups
from alsdesk.services.common import Changes
from alsdesk.ui.chart.lifecycle import confirm_step
from alsdesk.ui.i18n.texts import error_text, message_text
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import code_label, error_label
from alsdesk.ui.widgets.dates import DateEdit, reading_dates
from alsdesk.ui.widgets.day_picker import Clock, DayPicker
from alsdesk.ui.widgets.worker import Backend, Latest
from alsdesk.ui.worklist.model import WorklistModel
from alsdesk.vocab import DISCIPLINES

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
RESCHEDULE_AFTER = timedelta(days=7)  # the reschedule date offered: a week from today
ATTENDABLE = ("therapy_due", "therapy_unrecorded")
PERFORMABLE = ("workup_overdue", "workup_due")  # ordered or scheduled, not yet performed
RESCHEDULABLE = (
    "therapy_due",
    "therapy_unrecorded",
    "therapy_missed",
    "workup_overdue",
    "workup_due",
    "referral_followup",
)


class WorklistView(QWidget):
    confirmed = Signal(str)  # what a step from the list did, also shown in the window's status bar

    def __init__(
        self,
        backend: Backend,
        open_chart: Callable[..., Any],
        parent: QWidget | None = None,
        clock: Clock = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.open_chart = open_chart
        self.day_picker = DayPicker(clock)
        self.day_picker.changed.connect(self.reload)
        self._first_load = True
        self._latest = Latest()
        self.model = WorklistModel(self)
        self.model.page_wanted.connect(self._fetch_page)
        # Filters and day of the counts on screen: their pages must be read with the same ones.
        self._shown: tuple[date, str | None, uuid.UUID | None] = (self.day, None, None)
        self._keep: dict[str, int] = {}  # items a group had loaded before a reload, to read again
        # The item selected before a reload (kind, key, row), selected again as its page arrives.
        self._reselect: tuple[str, str | None, int] | None = None
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
        self.model.rowsInserted.connect(self._restore_selection)
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
        # The title has a row of its own: beside the day controls it was cut off at 1366 pixels.
        filters = QHBoxLayout()
        filters.addWidget(self.day_picker)
        filters.addWidget(QLabel(self.tr("Discipline:")))
        filters.addWidget(self.discipline)
        filters.addWidget(QLabel(self.tr("Staff:")))
        filters.addWidget(self.staff)
        filters.addStretch(1)
        self.attended_button = needs(QPushButton(self.tr("Mark &attended")), "care.write")
        self.attended_button.setToolTip(self.tr("For a therapy session: record that the patient came"))
        self.attended_button.clicked.connect(lambda: self.mark_attended(self.selected_item()))
        self.performed_button = needs(QPushButton(self.tr("Mark &performed…")), "care.write")
        self.performed_button.setToolTip(self.tr("For a workup: record that it was performed (asks first)"))
        self.performed_button.clicked.connect(lambda: self.ask_performed(self.selected_item()))
        # Marked like the button it serves: a role that cannot reschedule sees neither.
        self._move_to_default = self.day_picker.today() + RESCHEDULE_AFTER
        self.move_to = needs(DateEdit(self._move_to_default), "care.write")
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
        actions.addWidget(self.performed_button)
        actions.addWidget(self.reschedule_button)
        actions.addWidget(self.move_to)
        actions.addWidget(self.dismiss_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
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

    @property
    def day(self) -> date:
        """The day whose worklist is shown (today unless another was chosen)."""
        return self.day_picker.day()

    def reload(self, *_: Any) -> None:
        self.day_picker.catch_up()  # after the computer slept past midnight
        self._default_move_to()
        discipline = self.discipline.currentData() or None
        staff = self.staff.currentData() or None
        shown = (self.day, discipline, uuid.UUID(staff) if staff else None)

        def load(session: Any) -> dict[str, int]:
            on, discipline, staff_id = shown
            return worklist.worklist_counts(session=session, on=on, discipline=discipline, staff_id=staff_id)

        self.backend.read(load, self._latest(lambda counts: self._loaded(counts, shown)), owner=self)

    def _default_move_to(self) -> None:
        """A week from today, moved on past midnight unless the user typed a date of their own."""
        default = self.day_picker.today() + RESCHEDULE_AFTER
        if self.move_to.value() in (None, self._move_to_default) and not self.move_to.hasFocus():
            self.move_to.set_value(default)
        self._move_to_default = default

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
        current = self.tree.currentIndex()
        if current.isValid():
            item = self.model.item(current)
            group = current.parent() if item is not None else current
            self._reselect = (
                self.model.kind_at(group.row()),
                item.key if item else None,
                current.row() if item else -1,
            )
        self._shown = shown
        total = sum(counts.values())
        day = shown[0]
        self.model.set_counts(counts, day)
        for row in range(self.model.rowCount(root)):
            self.tree.setFirstColumnSpanned(row, root, True)
            # A short list opens fully; a long one shows its headings first, as the overview.
            if (first_load and total <= EXPAND_UP_TO) or self.model.kind_at(row) in opened:
                self.tree.expand(self.model.index(row, 0, root))
        self.title.setText(self.tr("Worklist for {0}: {1} items").format(day.isoformat(), total))
        self.hint.setVisible(total > EXPAND_UP_TO)
        widths = (130, 250, 110, 190)
        for column, width in enumerate(widths):
            self.tree.setColumnWidth(column, width)
        self._restore_selection()
        self._update_buttons()

    def _restore_selection(self, *_: Any) -> None:
        """Select again what was selected before the reload: the same item, else the one now in
        its place (a rescheduled item leaves the day's list), else its group's heading."""
        if self._reselect is None:
            return
        kind, key, row = self._reselect
        groups = [self.model.kind_at(r) for r in range(self.model.rowCount())]
        if kind not in groups:
            self._reselect = None
            if groups:
                self.tree.setCurrentIndex(self.model.index(0, 0))
            return
        group = self.model.index(groups.index(kind), 0)
        loaded = self.model.rowCount(group)
        if row < 0:
            target = group
        else:
            if loaded == 0:
                return  # its first page (as long as what was loaded before) has not arrived yet
            keys = [getattr(self.model.item(self.model.index(r, 0, group)), "key", None) for r in range(loaded)]
            found = keys.index(key) if key in keys else None
            target = self.model.index(found if found is not None else min(row, loaded - 1), 0, group)
        self._reselect = None
        self.tree.setCurrentIndex(target)
        self.tree.scrollTo(target)

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
            self._failed(error)

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
        self.performed_button.setEnabled(kind in PERFORMABLE)
        self.reschedule_button.setEnabled(kind in RESCHEDULABLE)
        # a restricted record's line has nothing to dismiss: its work is inside the record
        self.dismiss_button.setEnabled(item is not None and kind != worklist.RESTRICTED)
        self.open_button.setEnabled(item is not None)

    def _write(self, fn: Callable[[Session], Any], done: str = "") -> None:
        """Run a step; once saved, say so in the status bar (the list reloads by itself)."""
        self.message.hide()
        self.backend.write(fn, lambda _result: self._confirm(done), self._failed, owner=self)

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))
        self.message.show()

    def _confirm(self, text: str) -> None:
        if not text:
            return
        status: Any = getattr(self.window(), "statusMessage", None)
        if callable(status):
            status(text)
        self.confirmed.emit(text)

    def mark_attended(self, item: worklist.WorklistItem | None) -> None:
        if item is None or item.kind not in ATTENDABLE or item.record_id is None:
            return
        rid = item.record_id
        self._write(
            lambda s: therapy.mark_session(session=s, session_id=rid, status="attended"),
            self.tr("Attendance recorded: {0}").format(item.patient_name),
        )

    def ask_performed(self, item: worklist.WorklistItem | None) -> None:
        """Mark a workup performed on the day shown (today for a later day), after asking as the
        chart does (a clinician can revert it from the workup's history)."""
        if item is None or item.kind not in PERFORMABLE or item.record_id is None:
            return
        on = min(self.day, self.day_picker.today())
        if confirm_step(
            self,
            self.tr("Mark workup performed"),
            self.tr("Record that this workup was performed on {0}?\n{1}: {2}").format(
                on.isoformat(), item.patient_name, message_text(item.reason)
            ),
            self.tr("Record performed"),
        ):
            self.mark_performed(item, on)

    def mark_performed(self, item: worklist.WorklistItem, on: date) -> None:
        rid, staff = item.record_id, self.backend.staff_id
        assert rid is not None
        self._write(
            lambda s: workups.advance_workup(session=s, workup_id=rid, to="performed", on=on, staff_id=staff),
            self.tr("Workup recorded as performed on {0}: {1}").format(on.isoformat(), item.patient_name),
        )

    def reschedule(self, item: worklist.WorklistItem | None, on: date | None) -> None:
        if item is None or on is None or item.record_id is None or item.kind not in RESCHEDULABLE:
            return
        rid, staff = item.record_id, self.backend.staff_id
        done = self.tr("Rescheduled to {0}: {1}").format(on.isoformat(), item.patient_name)
        if item.kind.startswith("therapy"):
            self._write(lambda s: therapy.reschedule_session(session=s, session_id=rid, on=on), done)
        elif item.kind.startswith("workup"):
            self._write(lambda s: workups.reschedule_workup(session=s, workup_id=rid, on=on, staff_id=staff), done)
        else:
            done = self.tr("Follow-up set for {0}: {1}").format(on.isoformat(), item.patient_name)
            self._write(lambda s: referrals.set_follow_up(session=s, referral_id=rid, on=on), done)

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
        on, staff = self.day, self.backend.staff_id
        self.backend.write(
            lambda s: worklist.dismiss(
                session=s, item_key=item.key, patient_id=item.patient_id, on=on, reason=reason, staff_id=staff
            ),
            owner=self,
        )
