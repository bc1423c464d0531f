"""Assessments tab: past visits with scores and stages, and the entry form for a new one."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from alsdesk.services import assessments
from alsdesk.services.assessments import AssessmentView
from alsdesk.ui.chart.alsfrs_form import AlsfrsForm
from alsdesk.ui.chart.tab import ChartTab, make_table, select_by_id
from alsdesk.ui.signin.roles import needs, shown_without
from alsdesk.ui.widgets.common import MUTED_COLOUR, fmt_num
from alsdesk.ui.widgets.dates import reads_dates
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend


def _score(a: AssessmentView, what: str) -> str:
    if a.scores is None:
        return "—"
    s = a.scores
    if what == "total":
        return str(s.total)
    if what == "subs":
        v = s.subscores
        return f"{v['bulbar']}/{v['fine_motor']}/{v['gross_motor']}/{v['respiratory']}"
    if what == "dfs":
        return fmt_num(s.delta_fs, 2)
    return str(getattr(s, what))


class AssessmentsTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda a: a.assessed_on.isoformat()),
                Column(self.tr("Total"), lambda a: _score(a, "total")),
                Column(self.tr("B/FM/GM/R"), lambda a: _score(a, "subs")),
                Column(self.tr("King's"), lambda a: _score(a, "kings")),
                Column(self.tr("MiToS"), lambda a: _score(a, "mitos")),
                Column(self.tr("ΔFS"), lambda a: _score(a, "dfs")),
                Column(self.tr("FVC %"), lambda a: fmt_num(a.fvc_percent, 0)),
                Column(self.tr("SNIP"), lambda a: fmt_num(a.snip_cmh2o, 0)),
                Column(self.tr("SpO2"), lambda a: fmt_num(a.spo2_percent, 0)),
                Column(self.tr("Weight kg"), lambda a: fmt_num(a.weight_kg, 1)),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Assessments"), (90, 45, 90, 50, 50, 50, 55, 50, 50))
        self.form = AlsfrsForm()
        self.save_button = needs(QPushButton(self.tr("&Save assessment")), "clinical.write")
        # Ctrl+S as an action: a button's own shortcut is replaced whenever its text changes.
        save_action = needs(QAction(self.tr("Save assessment"), self), "clinical.write")
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_action.triggered.connect(lambda: self.save_button.isEnabled() and self.save())
        self.addAction(save_action)
        self.save_button.clicked.connect(self.save)
        self.clear_button = needs(QPushButton(self.tr("C&lear form")), "clinical.write")
        self.clear_button.clicked.connect(self.new_visit)
        self.table.doubleClicked.connect(lambda index: self.correct(self.model.row(index.row())))
        self.table.setToolTip(self.tr("Double-click a visit to correct it"))
        self.correcting: AssessmentView | None = None
        self.form.changed.connect(self._update_save)
        scroll = needs(QScrollArea(), "clinical.write")  # no form to fill in where nothing can be saved
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        # Where the form would be, a role that may only read says so instead of an empty pane.
        self.read_only_note = shown_without(
            QLabel(self.tr("Your role can read assessments but not enter them: a clinician records new visits.")),
            "clinical.write",
        )
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.read_only_note.setStyleSheet(f"color:{MUTED_COLOUR}; padding: 12px;")
        right = QWidget()
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(scroll, 1)
        rlayout.addWidget(self.read_only_note, 1)
        rlayout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        rlayout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([440, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.alerts_raised: list[Any] = []
        self._update_save()

    def select_record(self, record_id: uuid.UUID) -> bool:
        return select_by_id(self.table, self.model, record_id)

    def refresh(self) -> None:
        assert self.data is not None
        self.form.onset = self.data.chart.patient.onset_date
        self.form.changed.emit()
        self.model.set_rows(list(reversed(self.data.chart.assessments)))

    def has_unsaved(self) -> bool:
        f = self.form
        answered = f.unanswered() < len(f.combos)
        return answered or bool(f.measurements()) or bool(f.note.text().strip())

    def _update_save(self) -> None:
        ready = self.form.items() is not None or (not self.form.take_alsfrs.isChecked() and self.form.measurements())
        self.save_button.setEnabled(bool(ready))

    def correct(self, visit: AssessmentView) -> None:
        """Load a recorded visit into the form; Save then corrects it (its date stays)."""
        self.correcting = visit
        self.form.load(visit)
        self.form.assessed_on.setEnabled(False)
        self.save_button.setText(self.tr("&Save correction"))
        self.clear_button.setText(self.tr("C&ancel correction"))

    def new_visit(self) -> None:
        self.correcting = None
        self.form.clear()
        self.save_button.setText(self.tr("&Save assessment"))
        self.clear_button.setText(self.tr("C&lear form"))

    @reads_dates
    def save(self) -> None:
        f = self.form
        pid, on, items, staff = self.patient_id, f.assessed_on.value(), f.items(), self.backend.staff_id
        measurements, symptoms, note = f.measurements(), f.checked_symptoms(), f.note.text()
        visit = self.correcting
        if visit is not None:
            self.write(
                lambda s: assessments.update_assessment(
                    session=s,
                    assessment_id=visit.id,
                    expected_version=visit.version,
                    items=items,
                    symptoms=symptoms,
                    note=note,
                    **measurements,
                ),
                self._saved,
            )
            return
        self.write(
            lambda s: assessments.record_assessment(
                session=s,
                patient_id=pid,
                assessed_on=on,
                items=items,
                symptoms=symptoms,
                note=note,
                staff_id=staff,
                **measurements,
            ),
            self._saved,
        )

    def _saved(self, result: Any) -> None:
        _view, found, _changes = result
        self.alerts_raised = list(found)
        self.new_visit()
        self.select_created(result)
