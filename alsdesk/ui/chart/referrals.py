"""Referrals tab: lifecycle actions, follow-up dates (late ones highlighted), responses."""

from __future__ import annotations

import uuid
from datetime import date, time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.services import referrals
from alsdesk.services.referrals import ReferralView
from alsdesk.ui.chart.lifecycle import confirm_step, history_button
from alsdesk.ui.chart.tab import ChartTab, make_table, select_by_id, selected
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import OVERDUE_COLOUR, code_label, fmt_date, fmt_when
from alsdesk.ui.widgets.dates import DateEdit, TimeEdit, reads_dates
from alsdesk.ui.widgets.keys import multiline_text
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import DISCIPLINES, URGENCY

ACTIONS = ("sent", "received", "accepted", "scheduled", "completed", "declined", "cancelled")
WITH_RESPONSE = ("accepted", "declined", "completed")


def reference_digits(typed: str) -> str:
    """The hex digits of a reference as typed, whole or begun: "r-1a2" and "R 1A2" give "1A2"."""
    text = typed.strip().upper()
    return text.removeprefix("R").lstrip("- ") if text.startswith("R") else text


class ReferralsTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        today = lambda: self.data.today if self.data else date.today()  # noqa: E731
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda r: r.referral_date.isoformat()),
                Column(self.tr("Reference"), lambda r: r.reference),
                Column(
                    self.tr("To"),
                    lambda r: code_label(r.to_specialty) + (f", {r.to_facility}" if r.to_facility else ""),
                ),
                Column(self.tr("Urgency"), lambda r: code_label(r.urgency)),
                Column(self.tr("Status"), lambda r: code_label(r.status)),
                Column(self.tr("Sent"), lambda r: fmt_date(r.sent_on)),
                Column(self.tr("Follow up"), lambda r: fmt_date(r.follow_up_on)),
                Column(self.tr("Reply"), lambda r: fmt_date(r.reply_on)),
                Column(self.tr("Appointment"), lambda r: fmt_when(r.appointment_on, r.appointment_time)),
                Column(self.tr("Reason"), lambda r: r.reason, lambda r: r.reason),
                Column(
                    self.tr("Response"),
                    lambda r: r.findings or r.recommendations,
                    lambda r: f"{r.findings}\n{r.recommendations}".strip(),
                ),
            ],
            colour=lambda r: (
                OVERDUE_COLOUR
                if r.status in referrals.AWAITING_RESPONSE and r.follow_up_on and r.follow_up_on <= today()
                else None
            ),
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Referrals"), (95, 85, 230, 75, 85, 95, 95, 95, 130, 220))
        # A reply quotes the letter's reference: typing it (or its start) narrows the list to it.
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("find a reference, e.g. R-1A2B3C"))
        self.filter.setAccessibleName(self.tr("Filter by reference"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.refresh() if self.data is not None else None)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.to = QComboBox()
        self.to.setAccessibleName(self.tr("Refer to specialty"))
        for code in DISCIPLINES:
            self.to.addItem(code_label(code), code)
        self.facility = QLineEdit()
        self.facility.setPlaceholderText(self.tr("facility (optional)"))
        self.facility.setAccessibleName(self.tr("Facility"))
        self.urgency = QComboBox()
        self.urgency.setAccessibleName(self.tr("Urgency"))
        for code in URGENCY:
            self.urgency.addItem(code_label(code), code)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("reason for referral"))
        self.reason.setAccessibleName(self.tr("Reason for referral"))
        self.to_person = QLineEdit()
        self.to_person.setPlaceholderText(self.tr("recipient (optional)"))
        self.to_person.setAccessibleName(self.tr("Recipient"))
        self.requested = QLineEdit()
        self.requested.setPlaceholderText(self.tr("requested service, e.g. NIV assessment (optional)"))
        self.requested.setAccessibleName(self.tr("Requested service"))
        self.questions = QLineEdit()
        self.questions.setPlaceholderText(self.tr("questions for the recipient (optional)"))
        self.questions.setAccessibleName(self.tr("Questions for the recipient"))
        create = needs(QPushButton(self.tr("&Draft referral")), "care.write")
        create.clicked.connect(self.create)
        form = QHBoxLayout()
        for w in (self.to, self.facility, self.urgency):
            form.addWidget(needs(w, "care.write"))
        form.addWidget(needs(self.reason, "care.write"), 1)
        form.addWidget(create)
        details = QHBoxLayout()
        for w in (self.to_person, self.requested, self.questions):
            details.addWidget(needs(w, "care.write"), 1)
        self.on = DateEdit(date.today())
        self.on.setAccessibleName(self.tr("Date of the step"))
        self.at = TimeEdit()  # an appointment's start time; blank: not known yet
        self.at.setAccessibleName(self.tr("Appointment time"))
        self.buttons: dict[str, QPushButton] = {}
        labels = {
            "sent": self.tr("&Send"),
            "received": self.tr("Recei&ved"),
            "accepted": self.tr("A&ccepted…"),
            "scheduled": self.tr("Appo&intment on date"),
            "completed": self.tr("Co&mpleted…"),
            "declined": self.tr("Dec&lined…"),
            "cancelled": self.tr("Cancel referral"),
        }
        actions = QHBoxLayout()
        actions.addWidget(needs(QLabel(self.tr("Date:")), "care.write"))
        actions.addWidget(needs(self.on, "care.write"))
        actions.addWidget(needs(self.at, "care.write"))
        for to in ACTIONS:
            button = QPushButton(labels[to])
            button.clicked.connect(lambda _=False, t=to: self._act(t))
            self.buttons[to] = needs(button, "care.write")
            actions.addWidget(button)
        actions.addStretch(1)
        self.history = history_button(self, "referral", lambda r: code_label(r.to_specialty))
        # The patient's International Patient Summary (docs/fhir.md), a file to send with a referral.
        self.summary_button = needs(QPushButton(self.tr("IPS patient s&ummary…")), "export")
        self.summary_button.setAccessibleName(self.tr("Save the patient summary (IPS) to send with a referral"))
        self.summary_button.clicked.connect(self.save_summary)
        self.summary_progress: Any = None
        # Beside the reference search, not in the steps' row: that row must fit a 1366-pixel laptop.
        lookup = QHBoxLayout()
        lookup.addWidget(self.filter, 1)
        lookup.addWidget(self.history)
        lookup.addWidget(self.summary_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(details)
        layout.addLayout(lookup)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self._update_buttons()

    def select_record(self, record_id: uuid.UUID) -> bool:
        return select_by_id(self.table, self.model, record_id)

    def refresh(self) -> None:
        assert self.data is not None
        current = selected(self.table, self.model)
        wanted = reference_digits(self.filter.text())
        rows = [r for r in reversed(self.data.chart.referrals) if r.reference[2:].startswith(wanted)]
        self.model.set_rows(rows)
        for i, r in enumerate(rows):
            if current is not None and r.id == current.id:
                self.table.selectRow(i)
        self._update_buttons()

    def save_summary(self) -> None:
        """Write the patient's IPS document (FHIR R4) to a file the user chooses, to attach to a referral."""
        from alsdesk.ui.admin.exchange_page import exported_text, run_export
        from alsdesk.ui.widgets.progress import Cancelled

        mrn = self.data.chart.patient.mrn if self.data else ""
        name = f"ips-{mrn + '-' if mrn else ''}{date.today().isoformat()}.json"
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window(),
            self.tr("IPS patient summary"),
            str(Path.home() / name),
            self.tr("FHIR IPS document (*.json)"),
        )
        if not chosen:
            return
        path = Path(chosen)

        def done(count: int) -> None:
            QMessageBox.information(self.window(), self.tr("IPS patient summary"), exported_text(count, path))

        def failed(error: AlsdeskError) -> None:
            if not isinstance(error, Cancelled):  # cancelled: nothing was written, nothing to say
                self._failed(error)

        self.summary_progress = run_export(
            self.window(), self.backend, path, self.patient_id, done, failed, export_format="ips"
        )

    def _update_buttons(self) -> None:
        r = selected(self.table, self.model)
        allowed = r.next_actions if r is not None else ()
        for to, button in self.buttons.items():
            button.setEnabled(to in allowed)
        self.history.setEnabled(r is not None)

    def current_record(self) -> ReferralView | None:
        return selected(self.table, self.model)

    def create(self) -> None:  # type: ignore[override]  # hides QWidget.create (native window), never used here
        pid, staff = self.patient_id, self.backend.staff_id
        values = dict(
            to_specialty=self.to.currentData(),
            to_facility=self.facility.text(),
            urgency=self.urgency.currentData(),
            reason=self.reason.text(),
            to_person=self.to_person.text(),
            requested_service=self.requested.text(),
            questions=self.questions.text(),
        )
        self.write(
            lambda s: referrals.create_referral(
                session=s, patient_id=pid, referral_date=date.today(), staff_id=staff, **values
            ),
            lambda r: (
                [w.clear() for w in (self.reason, self.to_person, self.requested, self.questions)],
                self.select_created(r),
            ),
        )

    @reads_dates
    def _act(self, to: str) -> None:
        r = selected(self.table, self.model)
        if r is None:
            return
        findings = None
        if to == "cancelled" and not confirm_step(
            self,
            self.tr("Cancel referral"),
            self.tr("Cancel the referral to {0}? A clinician can revert this from its history.").format(
                code_label(r.to_specialty)
            ),
            self.tr("Cancel referral"),
        ):
            return
        if to in WITH_RESPONSE:
            findings, ok = multiline_text(
                self, self.tr("Response"), self.tr("Findings and recommendations from the reply:"), r.findings
            )
            if not ok:
                return
        on = self.on.value() or date.today()
        at = self.at.value() if to == "scheduled" else None
        self.advance(
            r, to, on, findings=findings, appointment_on=on if to == "scheduled" else None, appointment_time=at
        )

    def advance(
        self,
        r: ReferralView,
        to: str,
        on: date,
        *,
        findings: str | None = None,
        appointment_on: date | None = None,
        appointment_time: time | None = None,
    ) -> None:
        staff = self.backend.staff_id
        self.write(
            lambda s: referrals.advance_referral(
                session=s,
                referral_id=r.id,
                to=to,
                on=on,
                expected_version=r.version,
                findings=findings,
                appointment_on=appointment_on,
                appointment_time=appointment_time,
                staff_id=staff,
            )
        )
