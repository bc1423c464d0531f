"""The schedule screen: a week of therapy sessions and workup appointments per discipline, with
attendance (sessions) and rebooking (both; workups through their lifecycle service)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from alsdesk.services import clinic, therapy, workups
from alsdesk.services.common import Changes
from alsdesk.ui.chart.tab import make_table, selected
from alsdesk.ui.i18n.texts import catalog_name, error_text
from alsdesk.ui.schedule.model import Booking, WeekModel
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import code_label, error_label, fmt_when
from alsdesk.ui.widgets.dates import DateEdit, TimeEdit, reads_dates
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend, Latest
from alsdesk.vocab import DISCIPLINES


def load_week(
    session: Session, monday: date, discipline: str | None, staff_id: uuid.UUID | None = None
) -> list[Booking]:
    """A week's therapy sessions and workup appointments; one staff member's week holds only
    their sessions (a workup appointment is booked with a department, not with a person)."""
    end = monday + timedelta(days=6)
    sessions = [
        Booking(s.session_id, s.patient_id, s.patient_name, s.on, s.discipline, s.title, s.status, s.version, at=s.at)
        for s in therapy.week_slots(session=session, start=monday, end=end, discipline=discipline, staff_id=staff_id)
    ]
    appointments = [
        Booking(
            a.workup_id,
            a.patient_id,
            a.patient_name,
            a.on,
            a.discipline,
            catalog_name(a.name_en, a.name_zh),
            a.status,
            a.version,
            "workup",
            a.at,
        )
        for a in workups.appointments_between(session=session, start=monday, end=end, discipline=discipline)
        if staff_id is None
    ]
    return sorted(sessions + appointments, key=lambda b: (b.on, b.at is None, b.at or time(0)))


class ScheduleView(QWidget):
    def __init__(self, backend: Backend, open_chart: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.open_chart = open_chart
        self.week = WeekModel(self)
        self._latest = Latest()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setMinimumWidth(1)  # a long title must not widen the whole window
        legend = QLabel(
            self.tr(
                "✓ attended   ✗ missed   ○ scheduled   ◆ workup appointment · "
                "select a day to see and record its sessions"
            )
        )
        legend.setStyleSheet("color: #6b7280;")
        prev, today, nxt = (
            QPushButton(self.tr("◀ &Previous")),
            QPushButton(self.tr("&This week")),
            QPushButton(self.tr("&Next ▶")),
        )
        prev.clicked.connect(lambda: self.show_week(self.week.monday - timedelta(days=7)))
        nxt.clicked.connect(lambda: self.show_week(self.week.monday + timedelta(days=7)))
        today.clicked.connect(lambda: self.show_week(date.today()))
        self.discipline = QComboBox()
        self.discipline.setAccessibleName(self.tr("Filter by discipline"))
        self.discipline.addItem(self.tr("All disciplines"), "")
        for code in DISCIPLINES:
            self.discipline.addItem(code_label(code), code)
        self.discipline.currentIndexChanged.connect(lambda *_: self.show_week(self.week.monday))
        # The longest discipline name must not squeeze the title.
        self.discipline.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.discipline.setMinimumContentsLength(16)
        self.staff = QComboBox()
        self.staff.setAccessibleName(self.tr("Filter by staff member"))
        self.staff.setToolTip(
            self.tr("One therapist's week: their sessions only (workups are booked with a department)")
        )
        self.staff.addItem(self.tr("All staff"), "")
        self.staff.currentIndexChanged.connect(lambda *_: self.show_week(self.week.monday))
        backend.read(lambda s: clinic.list_staff(session=s), self._staff_loaded, owner=self)
        self.grid = QTableView()
        self.grid.setModel(self.week)
        self.grid.setAccessibleName(self.tr("Week of therapy sessions and workup appointments"))
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_cell())
        self.kinds = {"therapy": self.tr("Therapy session"), "workup": self.tr("Workup appointment")}
        self.cell = RecordTableModel(
            [
                Column(self.tr("Date"), lambda b: fmt_when(b.on, b.at)),
                Column(self.tr("Patient"), lambda b: b.patient),
                Column(self.tr("Discipline"), lambda b: code_label(b.discipline)),
                Column(self.tr("Kind"), lambda b: self.kinds[b.kind]),
                Column(self.tr("Plan or investigation"), lambda b: b.title),
                Column(self.tr("Status"), lambda b: code_label(b.status)),
            ],
            parent=self,
        )
        self.list = make_table(
            self.cell, self.tr("Sessions and appointments in the selected day"), (130, 240, 150, 130, 220)
        )
        self.list.doubleClicked.connect(self._open)
        self.move_to = DateEdit(date.today())
        self.move_to.setAccessibleName(self.tr("Reschedule the selected item to"))
        self.move_time = TimeEdit()
        self.move_time.setAccessibleName(self.tr("Time of the rescheduled item"))
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_time())
        buttons = QHBoxLayout()
        for text, handler, permission in (
            (self.tr("Open &chart"), lambda: self._open(), ""),
            (self.tr("Attende&d"), lambda: self._mark("attended"), "care.write"),
            (self.tr("&Missed"), lambda: self._mark("missed"), "care.write"),
            (self.tr("Re&schedule to"), self._reschedule, "care.write"),
        ):
            b = QPushButton(text)
            if permission:
                needs(b, permission)
            b.clicked.connect(handler)
            buttons.addWidget(b)
        buttons.addWidget(self.move_to)
        buttons.addWidget(needs(self.move_time, "care.write"))
        buttons.addStretch(1)
        self.message = error_label()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for w in (self.discipline, self.staff, prev, today, nxt):
            top.addWidget(w)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.message)
        ll.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(lower)
        split.setSizes([480, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(legend)
        layout.addWidget(split, 1)
        backend.changed.connect(self._on_changed)
        self.show_week(date.today())

    def _staff_loaded(self, staff: list[clinic.StaffView]) -> None:
        for s in staff:
            self.staff.addItem(s.display_name, str(s.id))

    def show_week(self, day: date) -> None:
        monday = day - timedelta(days=day.weekday())
        discipline = self.discipline.currentData() or None
        chosen = self.staff.currentData()
        staff_id = uuid.UUID(chosen) if chosen else None
        self.backend.read(
            lambda s: load_week(s, monday, discipline, staff_id),
            self._latest(lambda rows: self._loaded(monday, rows)),
            owner=self,
        )

    def _loaded(self, monday: date, rows: list[Booking]) -> None:
        self.week.set_week(monday, rows)
        today = (date.today() - monday).days
        if self.week.rowCount() and 0 <= today < 7:
            self.grid.setCurrentIndex(self.week.index(0, today))
        appointments = sum(b.kind == "workup" for b in rows)
        self.title.setText(
            self.tr("Week of {0}: {1} sessions, {2} workups").format(
                monday.isoformat(), len(rows) - appointments, appointments
            )
        )
        self._show_cell()

    def _show_cell(self) -> None:
        self.cell.set_rows(self.week.bookings(self.grid.currentIndex()))

    def _on_changed(self, changes: Changes) -> None:
        if changes.schedule:
            self.show_week(self.week.monday)

    def _open(self, *_: Any) -> None:
        b = selected(self.list, self.cell)
        if b is not None:
            self.open_chart(b.patient_id, "workup" if b.kind == "workup" else "therapy", b.session_id)

    def _write(self, fn: Callable[[Session], Any]) -> None:
        self.message.hide()
        self.backend.write(
            fn,
            lambda _r: announce_saved(self),
            lambda e: (self.message.setText(error_text(e)), self.message.show()),
            owner=self,
        )

    def _mark(self, status: str) -> None:
        b = selected(self.list, self.cell)
        if b is not None and b.kind == "workup":
            self.message.setText(self.tr("Record a workup as performed in the Workup tab of the patient's chart."))
            self.message.show()
            return
        if b is not None:
            self._write(
                lambda s: therapy.mark_session(
                    session=s, session_id=b.session_id, status=status, expected_version=b.version
                )
            )

    @reads_dates
    def _reschedule(self) -> None:
        b, on, at = selected(self.list, self.cell), self.move_to.value(), self.move_time.value()
        if b is not None and on is not None and b.kind == "workup":
            staff = self.backend.staff_id
            self._write(
                lambda s: workups.reschedule_workup(
                    session=s, workup_id=b.session_id, on=on, at=at, expected_version=b.version, staff_id=staff
                )
            )
        elif b is not None and on is not None:
            self._write(
                lambda s: therapy.reschedule_session(
                    session=s, session_id=b.session_id, on=on, at=at, expected_version=b.version
                )
            )

    def _show_time(self) -> None:
        """The selected item's time in the reschedule field, so moving its day keeps its time."""
        b = selected(self.list, self.cell)
        self.move_time.set_value(b.at if b is not None else None)
