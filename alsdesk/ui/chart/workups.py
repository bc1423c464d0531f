"""Workup tab: investigations with their lifecycle actions; overdue and unreviewed rows highlighted."""

from __future__ import annotations

import uuid
from datetime import date, time

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.services import workups
from alsdesk.services.workups import CLINICAL_STEPS, WorkupView
from alsdesk.ui.chart.lifecycle import confirm_step, history_button
from alsdesk.ui.chart.tab import ChartTab, make_table, select_by_id, selected
from alsdesk.ui.i18n.texts import message_text, workup_name
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import OVERDUE_COLOUR, REVIEW_COLOUR, code_label, fmt_date, fmt_when
from alsdesk.ui.widgets.dates import DateEdit, TimeEdit, reading_dates, reads_dates
from alsdesk.ui.widgets.keys import multiline_text
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend

ACTIONS = ("scheduled", "performed", "resulted", "reviewed", "cancelled")


class WorkupsTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        self.model = RecordTableModel(
            [
                Column(self.tr("Investigation"), self._name),
                Column(self.tr("Status"), lambda w: code_label(w.status) + self._state_text(w)),
                Column(self.tr("Due"), lambda w: fmt_date(w.due_date)),
                Column(self.tr("Ordered"), lambda w: fmt_date(w.ordered_on)),
                # The place is this cell's tooltip (the row has no room for another column).
                Column(self.tr("Scheduled"), lambda w: fmt_when(w.scheduled_for, w.scheduled_time), lambda w: w.place),
                Column(self.tr("Performed"), lambda w: fmt_date(w.performed_on)),
                Column(self.tr("Resulted"), lambda w: fmt_date(w.resulted_on)),
                Column(self.tr("Reviewed"), lambda w: fmt_date(w.reviewed_on)),
                Column(
                    self.tr("Result"),
                    lambda w: w.result.splitlines()[0] if w.result else "",
                    lambda w: f"{w.result}\n\n{w.interpretation}".strip(),
                ),
            ],
            colour=self._colour,
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Workups"), (190, 150, 95, 95, 130, 95, 95, 95))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Investigation to order"))
        self.due = DateEdit(optional=True)
        self.due.setAccessibleName(self.tr("Due date of the new order"))
        self.due.setToolTip(self.tr("Due date; left blank, an order is due in 30 days"))
        order = needs(QPushButton(self.tr("Or&der")), "care.write")
        order.clicked.connect(reading_dates(self, lambda: self.order(self.kind.currentData(), self.due.value())))
        self.on = DateEdit(date.today())
        self.on.setAccessibleName(self.tr("Date of the action"))
        # Scheduling books a time and a place too (both may stay blank: not known yet).
        self.at = TimeEdit()
        self.at.setAccessibleName(self.tr("Appointment time"))
        self.place = QLineEdit()
        self.place.setMaxLength(120)
        self.place.setPlaceholderText(self.tr("place, e.g. EMG lab (optional)"))
        self.place.setAccessibleName(self.tr("Appointment place"))
        self.buttons: dict[str, QPushButton] = {}
        labels = {
            "scheduled": self.tr("&Schedule for date"),
            "performed": self.tr("Record perfor&med"),
            "resulted": self.tr("Enter res&ult…"),
            "reviewed": self.tr("Re&view…"),
            "cancelled": self.tr("&Cancel workup"),
        }
        actions = QHBoxLayout()
        actions.addWidget(needs(QLabel(self.tr("Date:")), "care.write"))
        actions.addWidget(needs(self.on, "care.write"))
        actions.addWidget(needs(self.at, "care.write"))
        actions.addWidget(needs(self.place, "care.write"))
        for to in ACTIONS:
            button = QPushButton(labels[to])
            button.clicked.connect(lambda _=False, t=to: self._act(t))
            self.buttons[to] = needs(button, "clinical.write" if to in CLINICAL_STEPS else "care.write")
            actions.addWidget(button)
        self.history = history_button(self, "workup", self._name)
        actions.addWidget(self.history)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(needs(QLabel(self.tr("New:")), "care.write"))
        top.addWidget(needs(self.kind, "care.write"), 1)
        top.addWidget(needs(QLabel(self.tr("due")), "care.write"))
        top.addWidget(needs(self.due, "care.write"))
        top.addWidget(order)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self._update_buttons()

    def _name(self, w: WorkupView) -> str:
        return workup_name(self.data.workup_names, w.type_code) if self.data else w.type_code

    def current_record(self) -> WorkupView | None:
        return selected(self.table, self.model)

    def _confirmed(self, w: WorkupView, to: str, on: date) -> bool:
        """Steps that act on one click ask first; the others open a dialog of their own."""
        if to == "performed":
            return confirm_step(
                self,
                self.tr("Record performed"),
                self.tr("Record {0} as performed on {1}?").format(self._name(w), on.isoformat()),
                self.tr("Record performed"),
            )
        if to == "cancelled":
            return confirm_step(
                self,
                self.tr("Cancel workup"),
                self.tr("Cancel {0}? It will no longer be due. A clinician can revert this from its history.").format(
                    self._name(w)
                ),
                self.tr("Cancel workup"),
            )
        return True

    def _state_text(self, w: WorkupView) -> str:
        if self.data is None:
            return ""
        state = workups.workup_state(w, self.data.today, self.data.review_days)
        if state == "overdue":
            return self.tr(" (overdue)")
        if state == "review":
            return self.tr(" (review due)")
        return ""

    def _colour(self, w: WorkupView) -> str | None:
        if self.data is None:
            return None
        state = workups.workup_state(w, self.data.today, self.data.review_days)
        return {"overdue": OVERDUE_COLOUR, "review": REVIEW_COLOUR}.get(state or "")

    def select_record(self, record_id: uuid.UUID) -> bool:
        return select_by_id(self.table, self.model, record_id)

    def refresh(self) -> None:
        assert self.data is not None
        if self.kind.count() == 0:
            names = {code: message_text(name) for code, name in self.data.workup_names.items()}
            for code, name in sorted(names.items(), key=lambda kv: kv[1]):
                self.kind.addItem(name, code)
        current = selected(self.table, self.model)
        self.model.set_rows(self.data.chart.workups)
        if current is not None:
            for row, w in enumerate(self.model.rows()):
                if w.id == current.id:
                    self.table.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        w = selected(self.table, self.model)
        allowed = w.next_actions if w is not None else ()
        for to, button in self.buttons.items():
            button.setEnabled(to in allowed)
        self.history.setEnabled(w is not None)

    def order(self, kind: str, due: date | None = None) -> None:
        pid, on, staff = self.patient_id, date.today(), self.backend.staff_id
        self.write(
            lambda s: workups.create_workup(session=s, patient_id=pid, kind=kind, on=on, due_date=due, staff_id=staff),
            self.select_created,
        )

    @reads_dates
    def _act(self, to: str) -> None:
        w = selected(self.table, self.model)
        if w is None:
            return
        result = interpretation = None
        if to == "resulted":
            result, ok = multiline_text(self, self.tr("Enter result"), self.tr("Result:"))
            if not ok:
                return
        if to == "reviewed":
            interpretation, ok = multiline_text(
                self, self.tr("Review result"), self.tr("Interpretation (optional):"), w.interpretation
            )
            if not ok:
                return
        on = self.on.value() or date.today()
        at = self.at.value() if to == "scheduled" else None
        if not self._confirmed(w, to, on):
            return
        if to == "scheduled":
            self.book(w, on, at, self.place.text())
            return
        self.advance(w, to, on, result=result, interpretation=interpretation)

    def book(self, w: WorkupView, on: date, at: time | None, place: str) -> None:
        """Schedule the workup on `on` at `at` (None: no time known) at `place` ("" when not said)."""
        staff = self.backend.staff_id
        self.write(
            lambda s: workups.advance_workup(
                session=s,
                workup_id=w.id,
                to="scheduled",
                on=on,
                expected_version=w.version,
                staff_id=staff,
                at=at,
                place=place,
            )
        )

    def advance(
        self,
        w: WorkupView,
        to: str,
        on: date,
        *,
        result: str | None = None,
        interpretation: str | None = None,
    ) -> None:
        staff = self.backend.staff_id
        self.write(
            lambda s: workups.advance_workup(
                session=s,
                workup_id=w.id,
                to=to,
                on=on,
                expected_version=w.version,
                result=result,
                interpretation=interpretation,
                staff_id=staff,
            )
        )
