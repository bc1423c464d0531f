"""Care programs tab: enroll from a template, the 15-day sheet grid, returned ticks, adherence."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from alsdesk.services import programs
from alsdesk.services.programs import EnrollmentView
from alsdesk.ui.chart.lifecycle import confirm_step, history_button
from alsdesk.ui.chart.tab import ChartTab, make_table, select_by_id, selected
from alsdesk.ui.i18n.texts import catalog_name, investigational_warning
from alsdesk.ui.programs.grid import ProgramGrid, ProgramGridModel
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.dates import DateEdit, reading_dates, reads_dates
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend


def adherence_text(e: EnrollmentView, on: date) -> str:
    value = e.adherence(on)
    return "—" if value is None else f"{value:.0%}"


class ProgramsTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        today = lambda: self.data.today if self.data else date.today()  # noqa: E731
        self.model = RecordTableModel(
            [
                Column(self.tr("Program"), lambda e: catalog_name(e.name_en, e.name_zh)),
                Column(self.tr("Evidence"), lambda e: code_label(e.evidence_level)),
                Column(self.tr("From"), lambda e: e.start_date.isoformat()),
                Column(self.tr("To"), lambda e: e.end_date.isoformat()),
                Column(self.tr("Status"), lambda e: code_label(e.state(today()))),
                Column(self.tr("Adherence"), lambda e: adherence_text(e, today())),
            ],
            colour=lambda e: "#ede9fe" if e.investigational else None,
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Enrollments"), (300, 130, 95, 95, 90))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Program template"))
        self.start = DateEdit(date.today())
        self.start.setAccessibleName(self.tr("Enrollment starts on"))
        enroll = needs(QPushButton(self.tr("Enro&ll")), "care.write")
        enroll.clicked.connect(
            reading_dates(self, lambda: self.enroll(self.template.currentData(), self.start.value() or date.today()))
        )
        self.grid_model = ProgramGridModel(self)
        self.grid = ProgramGrid(self.grid_model)
        self.grid.refused.connect(self._show_message)
        self.warning = QLabel(investigational_warning())
        self.warning.setStyleSheet("background:#ede9fe; color:#4c1d95; padding:6px; border-radius:4px;")
        self.warning.hide()
        self.summary = QLabel()
        self.returned = DateEdit(date.today(), optional=True)
        self.returned.setAccessibleName(self.tr("Sheet returned on"))
        self.returned.setToolTip(self.tr("The day the family brought the sheet back"))
        stop = needs(QPushButton(self.tr("Stop pro&gram")), "care.write")
        stop.setToolTip(self.tr("End the selected enrollment early"))
        stop.clicked.connect(self.stop_selected)
        save = self.save_button = needs(QPushButton(self.tr("&Save sheet")), "care.write")
        save.clicked.connect(self.save_sheet)
        top = QHBoxLayout()
        top.addWidget(needs(QLabel(self.tr("Enroll in:")), "care.write"))
        top.addWidget(needs(self.template, "care.write"), 1)
        top.addWidget(needs(QLabel(self.tr("from")), "care.write"))
        top.addWidget(needs(self.start, "care.write"))
        top.addWidget(enroll)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(needs(QLabel(self.tr("Sheet returned on")), "care.write"))
        bottom.addWidget(needs(self.returned, "care.write"))
        bottom.addWidget(save)
        bottom.addWidget(stop)
        bottom.addWidget(history_button(self, "enrollment", lambda e: catalog_name(e.name_en, e.name_zh)))
        hint = needs(
            QLabel(self.tr("Keys: Space toggles a tick · X or 1 ticks and moves on · 0 or - clears and moves on")),
            "care.write",
        )
        hint.setStyleSheet("color:#6b7280;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        # The enrollments above the sheet, split so a short screen (125 % on a laptop) can give the
        # 15-day grid the room: the table opens at a third of the height.
        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(self.warning)
        sheet_layout.addWidget(self.grid, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(sheet)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def select_record(self, record_id: uuid.UUID) -> bool:
        return select_by_id(self.table, self.model, record_id)

    def refresh(self) -> None:
        assert self.data is not None
        if self.template.count() == 0:
            for t in self.data.templates:
                label = self.tr("{0} ({1}, {2} days)").format(
                    catalog_name(t.name_en, t.name_zh), code_label(t.evidence_level), t.duration_days
                )
                self.template.addItem(label, t.code)
        current = selected(self.table, self.model)
        rows = list(reversed(self.data.chart.enrollments))
        self.model.set_rows(rows)
        keep = next((i for i, e in enumerate(rows) if current is not None and e.id == current.id), 0)
        if rows:
            self.table.selectRow(keep)
        self._show_selected()

    def current_enrollment(self) -> EnrollmentView | None:
        return selected(self.table, self.model)

    current_record = current_enrollment

    def _show_selected(self) -> None:
        e = self.current_enrollment()
        shown = self.grid_model.enrollment
        # A reload caused by some other save must not wipe ticks typed but not yet saved.
        keep = self.grid_model.dirty and e is not None and shown is not None and shown.id == e.id
        if not keep:
            self.grid_model.set_enrollment(e, self.data.today if self.data else None)
        self.warning.setVisible(e is not None and e.investigational)
        self.grid.setVisible(e is not None)
        self.table.setVisible(bool(self.model.rowCount()))
        if e is None:
            self.summary.setText(self.tr("No care program yet: choose one above and enroll."))
            return
        on = self.data.today if self.data else date.today()
        elapsed = programs.days_elapsed(e.start_date, e.duration_days, on)
        self.summary.setText(
            self.tr("{0}: {1} ticks of {2} items × {3} days elapsed · adherence {4}").format(
                catalog_name(e.name_en, e.name_zh), len(e.marks), len(e.items), elapsed, adherence_text(e, on)
            )
        )

    def enroll(self, template_code: str, start: date) -> None:
        pid = self.patient_id
        self.write(
            lambda s: programs.enroll(session=s, patient_id=pid, template_code=template_code, start_date=start),
            self.select_created,
        )

    def stop_selected(self) -> None:
        e = self.current_enrollment()
        if e is not None and confirm_step(
            self,
            self.tr("Stop program"),
            self.tr("Stop {0} now? Its sheet is kept. A clinician can revert this from its history.").format(
                catalog_name(e.name_en, e.name_zh)
            ),
            self.tr("Stop program"),
        ):
            self.write(lambda s: programs.stop_enrollment(session=s, enrollment_id=e.id, expected_version=e.version))

    @reads_dates
    def save_sheet(self) -> None:
        e = self.current_enrollment()
        if e is None:
            return
        ticks, returned = self.grid_model.ticks(), self.returned.value()

        def saved(_: object) -> None:
            if self.grid_model.ticks() == ticks:  # nothing typed while it saved: the sheet is clean
                self.grid_model.dirty = False

        self.write(
            lambda s: programs.enter_sheet(
                session=s, enrollment_id=e.id, ticks=ticks, returned_on=returned, expected_version=e.version
            ),
            saved,
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def has_unsaved(self) -> bool:
        return self.grid_model.dirty
