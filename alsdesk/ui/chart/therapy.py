"""Therapies and medications tab: plans with their sessions, prescriptions, milestones."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.services import medications, therapy
from alsdesk.ui.chart.dose_edit import DoseEdit
from alsdesk.ui.chart.tab import ChartTab, make_table, select_by_id, selected
from alsdesk.ui.i18n.texts import catalog_name, catalog_text, error_text, message_text
from alsdesk.ui.i18n.translator import window_language
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import MUTED_COLOUR, OVERDUE_COLOUR, code_label, fmt_date, fmt_when
from alsdesk.ui.widgets.dates import DateEdit, TimeEdit, reads_dates
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import DISCIPLINES, MILESTONES


class TherapyTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        self.plans = RecordTableModel(
            [
                Column(self.tr("Discipline"), lambda p: code_label(p.discipline)),
                Column(self.tr("Plan"), lambda p: p.title, lambda p: p.goals),
                Column(self.tr("From"), lambda p: p.start_date.isoformat()),
                Column(self.tr("Every"), lambda p: self.tr("{0} days").format(p.interval_days)),
                Column(self.tr("Sessions"), lambda p: str(p.session_count)),
                Column(self.tr("Active"), lambda p: self.tr("yes") if p.active else self.tr("stopped")),
            ],
            parent=self,
        )
        self.plan_table = make_table(self.plans, self.tr("Therapy plans"), (170, 220, 95, 80, 70))
        self.plan_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_sessions())
        today = lambda: self.data.today if self.data else date.today()  # noqa: E731
        self.sessions = RecordTableModel(
            [
                Column(self.tr("Date"), lambda s: fmt_when(s.scheduled_on, s.scheduled_time)),
                Column(self.tr("Status"), lambda s: code_label(s.status)),
                Column(self.tr("Note"), lambda s: s.note),
            ],
            colour=lambda s: (
                OVERDUE_COLOUR
                if s.status == "missed" or (s.status == "scheduled" and s.scheduled_on < today())
                else None
            ),
            parent=self,
        )
        self.session_table = make_table(self.sessions, self.tr("Sessions"), (130, 90))
        self.session_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_session_time())
        attended = needs(QPushButton(self.tr("Attende&d")), "care.write")
        attended.clicked.connect(lambda: self._mark("attended"))
        missed = needs(QPushButton(self.tr("&Missed")), "care.write")
        missed.clicked.connect(lambda: self._mark("missed"))
        self.move_to = needs(DateEdit(date.today()), "care.write")
        self.move_to.setAccessibleName(self.tr("Reschedule the selected session to"))
        self.move_time = needs(TimeEdit(), "care.write")
        self.move_time.setAccessibleName(self.tr("Time of the rescheduled session"))
        move = needs(QPushButton(self.tr("Resc&hedule to")), "care.write")
        move.clicked.connect(self._reschedule)
        session_buttons = QHBoxLayout()
        stop_plan = needs(QPushButton(self.tr("&Stop plan")), "care.write")
        stop_plan.setToolTip(self.tr("End the selected plan: its future sessions are cancelled"))
        stop_plan.clicked.connect(self.stop_selected_plan)
        w: QWidget
        for w in (attended, missed, move, self.move_to, self.move_time):
            session_buttons.addWidget(w)
        session_buttons.addStretch(1)
        session_buttons.addWidget(stop_plan)
        self.discipline = QComboBox()
        self.discipline.setAccessibleName(self.tr("Discipline of the new plan"))
        for code in DISCIPLINES:
            self.discipline.addItem(code_label(code), code)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Home exercise programme"))
        self.title.setAccessibleName(self.tr("Plan title"))
        self.plan_start = DateEdit(date.today())
        self.plan_start.setAccessibleName(self.tr("First session on"))
        self.plan_time = TimeEdit()
        self.plan_time.setAccessibleName(self.tr("Time of each session"))
        self.interval = QSpinBox()
        self.interval.setAccessibleName(self.tr("Days between sessions"))
        self.interval.setRange(1, 365)
        self.interval.setValue(7)
        self.interval.setPrefix(self.tr("every "))
        self.interval.setSuffix(self.tr(" days"))
        self.count = QSpinBox()
        self.count.setAccessibleName(self.tr("Number of sessions"))
        self.count.setRange(1, 200)
        self.count.setValue(6)
        self.count.setSuffix(self.tr(" sessions"))
        add_plan = needs(QPushButton(self.tr("Add p&lan")), "care.write")
        add_plan.clicked.connect(self.add_plan)
        plan_form = QHBoxLayout()
        for w in (self.discipline, self.title, self.plan_start, self.plan_time, self.interval, self.count, add_plan):
            plan_form.addWidget(needs(w, "care.write"))
        plan_box = QGroupBox(self.tr("Therapy plans and sessions"))
        pl = QVBoxLayout(plan_box)
        pl.addLayout(plan_form)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plan_table)
        split.addWidget(self.session_table)
        split.setSizes([700, 400])
        pl.addWidget(split, 1)
        pl.addLayout(session_buttons)
        self.meds = RecordTableModel(
            [
                Column(self.tr("Drug"), lambda m: catalog_name(m.drug_name, m.drug_name_zh), self._drug_facts),
                Column(self.tr("Purpose"), self._drug_purpose),
                # A dose left to the catalog default reads in the window's language, like the drug's name.
                Column(self.tr("Dose"), self._dose),
                Column(self.tr("Started"), lambda m: m.started_on.isoformat()),
                Column(self.tr("Stopped"), lambda m: fmt_date(m.stopped_on)),
                Column(
                    self.tr("Why stopped / warning acknowledged"),
                    lambda m: message_text(medications.shown_stop_reason(m)) or m.warning_acknowledged,
                ),
            ],
            colour=lambda m: None if m.active else "#f3f4f6",
            parent=self,
        )
        self.med_table = make_table(self.meds, self.tr("Medications"), (180, 250, 180, 95, 95))
        self.drug = QComboBox()
        self.drug.setAccessibleName(self.tr("Drug to prescribe"))
        # Wide enough to read the chosen drug and its purpose (the dose field takes the rest of the row).
        self.drug.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.dose = DoseEdit()
        self.drug.currentIndexChanged.connect(self._show_default_dose)
        for line in (self.dose.amount, self.dose.note):  # Enter in a dose field prescribes, as the button does
            line.returnPressed.connect(lambda: self.prescribe(False))
        self.med_start = DateEdit(date.today())
        self.med_start.setAccessibleName(self.tr("Medication started on"))
        prescribe = needs(QPushButton(self.tr("Prescr&ibe")), "clinical.write")
        prescribe.clicked.connect(lambda: self.prescribe(False))
        stop = needs(QPushButton(self.tr("Stop sele&cted…")), "clinical.write")
        stop.clicked.connect(self._stop_medication)
        med_form = QHBoxLayout()
        for w in (self.drug, self.med_start, prescribe, stop):
            med_form.addWidget(needs(w, "clinical.write"))
        med_form.addStretch(1)
        self.lab_test = QLineEdit("ALT")
        self.lab_test.setAccessibleName(self.tr("Lab test"))
        self.lab_test.setMaximumWidth(80)
        self.lab_value = QLineEdit()
        self.lab_value.setPlaceholderText(self.tr("value"))
        self.lab_value.setAccessibleName(self.tr("Lab value"))
        self.lab_uln = QLineEdit()
        self.lab_uln.setPlaceholderText(self.tr("upper limit of normal"))
        self.lab_uln.setAccessibleName(self.tr("Upper limit of normal"))
        self.lab_on = DateEdit(date.today(), not_future=True)
        self.lab_on.setAccessibleName(self.tr("Lab taken on"))
        record_lab = needs(QPushButton(self.tr("Record la&b")), "clinical.write")
        record_lab.setToolTip(self.tr("Drug monitoring, e.g. ALT (liver test) on riluzole"))
        record_lab.clicked.connect(self.record_lab)
        self.labs = QLabel()
        self.labs.setWordWrap(True)
        lab_form = QHBoxLayout()
        lab_form.addWidget(QLabel(self.tr("Lab:")))
        for w in (self.lab_test, self.lab_value, self.lab_uln, self.lab_on, record_lab):
            lab_form.addWidget(needs(w, "clinical.write"))
        lab_form.addWidget(self.labs, 1)
        self.milestones = QLabel()
        self.milestones.setStyleSheet(f"color:{MUTED_COLOUR};")
        self.milestones.setWordWrap(True)  # a patient with several milestones must not widen the tab
        self.milestone_kind = QComboBox()
        self.milestone_kind.setAccessibleName(self.tr("Milestone"))
        for code in MILESTONES:
            self.milestone_kind.addItem(code_label(code), code)
        self.milestone_on = DateEdit(date.today(), not_future=True)
        self.milestone_on.setAccessibleName(self.tr("Milestone date"))
        add_milestone = needs(QPushButton(self.tr("Record milestone")), "clinical.write")
        add_milestone.clicked.connect(self.record_milestone)
        milestone_row = QHBoxLayout()
        milestone_row.addWidget(self.milestones, 1)
        for w in (self.milestone_kind, self.milestone_on, add_milestone):
            milestone_row.addWidget(needs(w, "clinical.write"))
        # What the family's NIV and gastrostomy plans print (ui/chart/plan_settings_dialog.py).
        self.plan_dialog: QWidget | None = None
        for kind, text in (("niv", self.tr("NIV settings…")), ("gastrostomy", self.tr("Tube and feed…"))):
            button = needs(QPushButton(text), "clinical.write")
            button.clicked.connect(lambda _=False, k=kind: self.edit_plan_settings(k))
            milestone_row.addWidget(button)
        med_box = QGroupBox(self.tr("Medications and milestones"))
        ml = QVBoxLayout(med_box)
        ml.addLayout(med_form)
        ml.addWidget(needs(self.dose, "clinical.write"))
        ml.addWidget(self.med_table, 1)
        ml.addLayout(lab_form)
        ml.addLayout(milestone_row)
        # What is in use today, so nobody has to open the forms to read it.
        self.plan_settings = QLabel()
        self.plan_settings.setObjectName("planSettings")
        self.plan_settings.setWordWrap(True)
        self.plan_settings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ml.addWidget(self.plan_settings)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(plan_box)
        outer.addWidget(med_box)
        layout = QVBoxLayout(self)
        layout.addWidget(outer, 1)
        layout.addWidget(self.message)

    def _drug(self, code: str) -> Any:
        return next((d for d in self.data.drugs if d.code == code), None) if self.data else None

    def _drug_purpose(self, m: Any) -> str:
        d = self._drug(m.drug_code)
        return catalog_text(d.purpose, d.purpose_zh) if d else ""

    def _dose(self, m: Any) -> str:
        return str(m.dose_text(window_language()))

    def _drug_facts(self, m: Any) -> str:
        d = self._drug(m.drug_code)
        return catalog_text(d.facts, d.facts_zh) if d else ""

    def _show_default_dose(self) -> None:
        """Fill the dose with the chosen drug's from the catalog (its text in the patient's
        language as the note where the catalog has no structured dose)."""
        d = self._drug(self.drug.currentData())
        if d is not None and self.data is not None:
            self.dose.set_dose(medications.default_dose(d, self.data.chart.patient.language))

    def select_record(self, record_id: uuid.UUID) -> bool:
        """A plan id selects the plan; a session id selects its plan and then the session; a medication
        id selects the medication."""
        if select_by_id(self.plan_table, self.plans, record_id):
            self._show_sessions()
            return True
        for row, plan in enumerate(self.plans.rows()):
            if any(s.id == record_id for s in plan.sessions):
                self.plan_table.selectRow(row)
                self._show_sessions()
                return select_by_id(self.session_table, self.sessions, record_id)
        return select_by_id(self.med_table, self.meds, record_id)

    def refresh(self) -> None:
        assert self.data is not None
        if self.drug.count() == 0:
            for d in self.data.drugs:
                name = catalog_name(d.name, d.name_zh)
                purpose = catalog_text(d.purpose, d.purpose_zh)
                self.drug.addItem(self.tr("{0} ({1})").format(name, purpose) if purpose else name, d.code)
                facts = catalog_text(d.facts, d.facts_zh)
                if facts:  # a withdrawn or genotype-limited drug says why before it is chosen
                    self.drug.setItemData(self.drug.count() - 1, facts, Qt.ItemDataRole.ToolTipRole)
            self.drug.setPlaceholderText(self.tr("choose a drug"))
            self.drug.setCurrentIndex(-1)  # no silent default: the first drug alphabetically is a withdrawn one
        chart = self.data.chart
        current = selected(self.plan_table, self.plans)
        self.plans.set_rows(chart.plans)
        keep = next((i for i, p in enumerate(chart.plans) if current is not None and p.id == current.id), 0)
        if chart.plans:
            self.plan_table.selectRow(keep)
        self._show_sessions()
        self.meds.set_rows(chart.medications)
        recent = chart.labs[-3:]
        self.labs.setText(
            self.tr("Latest: {0}").format(
                "; ".join(
                    (
                        self.tr("{0} {1:g} {2} (ULN {3:g}) on {4}")
                        if lab.upper_limit
                        else self.tr("{0} {1:g} {2} on {4}")
                    )
                    .format(lab.test, lab.value, lab.unit, lab.upper_limit, lab.taken_on)
                    .replace("  ", " ")
                    for lab in reversed(recent)
                )
            )
            if recent
            else self.tr("No lab results yet.")
        )
        self.milestones.setText(
            self.tr("Milestones: {0}").format(
                ", ".join(f"{code_label(m.kind)} {m.occurred_on}" for m in chart.milestones) or self.tr("none")
            )
        )

        self.plan_settings.setText("\n".join(self._settings_lines()))
        self.plan_settings.setVisible(self.data.niv_in_use is not None or self.data.tube_in_use is not None)

    def _settings_lines(self) -> list[str]:
        """The NIV settings and the tube and feed in use today, one line each (none: no line)."""
        assert self.data is not None
        lines = []
        niv, tube = self.data.niv_in_use, self.data.tube_in_use
        if niv is not None:
            parts = [
                code_label(niv.mode),
                self.tr("IPAP {0:g} / EPAP {1:g} cmH2O").format(niv.ipap, niv.epap),
                code_label(niv.mask),
            ]
            if niv.backup_rate is not None:
                parts.append(self.tr("backup rate {0}/min").format(niv.backup_rate))
            if niv.overnight:
                parts.append(self.tr("every night, all night"))
            if niv.hours_per_day is not None:
                parts.append(self.tr("{0} hours a day in all").format(niv.hours_per_day))
            lines.append(self.tr("NIV in use since {0}: {1}").format(fmt_date(niv.set_on), self.tr(", ").join(parts)))
        if tube is not None:
            parts = [code_label(tube.tube_type) + (f" {tube.tube_size} Fr" if tube.tube_size is not None else "")]
            if tube.feed_name or tube.feed_volume is not None:
                volume = self.tr("{0} ml a day").format(tube.feed_volume) if tube.feed_volume is not None else ""
                parts.append(" ".join(x for x in (tube.feed_name, volume) if x))
            if tube.feed_rate is not None:
                parts.append(self.tr("pump {0} ml an hour").format(tube.feed_rate))
            if tube.flush_volume is not None:
                parts.append(self.tr("flush {0} ml").format(tube.flush_volume))
            lines.append(
                self.tr("Tube and feed in use since {0}: {1}").format(fmt_date(tube.set_on), self.tr(", ").join(parts))
            )
        return lines

    def _show_sessions(self) -> None:
        plan = selected(self.plan_table, self.plans)
        self.sessions.set_rows(plan.sessions if plan else ())

    @reads_dates
    def add_plan(self) -> None:
        pid, staff = self.patient_id, self.backend.staff_id
        values = dict(
            discipline=self.discipline.currentData(),
            title=self.title.text(),
            start_date=self.plan_start.value(),
            interval_days=self.interval.value(),
            session_count=self.count.value(),
            at=self.plan_time.value(),
        )
        self.write(
            lambda s: therapy.create_plan(session=s, patient_id=pid, staff_id=staff, **values), self.select_created
        )

    def stop_selected_plan(self) -> None:
        plan = selected(self.plan_table, self.plans)
        if plan is not None and plan.active:
            on = date.today()
            self.write(lambda s: therapy.stop_plan(session=s, plan_id=plan.id, on=on))

    def _mark(self, status: str) -> None:
        s = selected(self.session_table, self.sessions)
        if s is not None:
            self.write(
                lambda db: therapy.mark_session(session=db, session_id=s.id, status=status, expected_version=s.version)
            )

    @reads_dates
    def _reschedule(self) -> None:
        s, on, at = selected(self.session_table, self.sessions), self.move_to.value(), self.move_time.value()
        if s is not None and on is not None:
            self.write(
                lambda db: therapy.reschedule_session(
                    session=db, session_id=s.id, on=on, at=at, expected_version=s.version
                )
            )

    def _show_session_time(self) -> None:
        """The selected session's time in the reschedule field, so moving its day keeps its time."""
        s = selected(self.session_table, self.sessions)
        self.move_time.set_value(s.scheduled_time if s is not None else None)

    @reads_dates
    def prescribe(self, acknowledged: bool) -> None:
        pid, staff = self.patient_id, self.backend.staff_id
        code, start = self.drug.currentData(), self.med_start.value()
        if code is None:
            self._failed(AlsdeskError(self.tr("Choose the drug to prescribe.")))
            return
        try:
            dose = self.dose.dose()
        except AlsdeskError as err:
            self._failed(err)
            return

        def work(s: Any) -> Any:
            return medications.prescribe(
                session=s,
                patient_id=pid,
                drug_code=code,
                started_on=start,
                dose=dose,
                acknowledge_warnings=acknowledged,
                staff_id=staff,
            )

        self.message.hide()
        self.backend.write(work, self._prescribed, self._prescribe_failed, owner=self)

    def _prescribed(self, result: Any) -> None:
        announce_saved(self)
        self.select_created(result)

    def _prescribe_failed(self, error: AlsdeskError) -> None:
        text = error_text(error)
        if getattr(error, "template", "") == medications.PRESCRIPTION_WARNING:  # in any language
            answer = QMessageBox.warning(
                self,
                self.tr("Prescription warning"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.prescribe(True)
            return
        self._failed(error)

    def edit_plan_settings(self, kind: str) -> None:
        """Open the NIV or gastrostomy form filled with the entry in use today."""
        from alsdesk.ui.chart.plan_settings_dialog import GastrostomySettingsDialog, NivSettingsDialog, current_settings

        pid = self.patient_id

        def show(current: Any) -> None:
            form = NivSettingsDialog if kind == "niv" else GastrostomySettingsDialog
            self.plan_dialog = form(self.backend, pid, current, self)
            self.plan_dialog.show()

        self.backend.read(lambda s: current_settings(s, pid, kind), show, self._failed, owner=self)

    @reads_dates
    def record_milestone(self) -> None:
        pid, kind, on = self.patient_id, self.milestone_kind.currentData(), self.milestone_on.value()
        self.write(lambda s: medications.record_milestone(session=s, patient_id=pid, kind=kind, occurred_on=on))

    @reads_dates
    def record_lab(self) -> None:
        pid, test, on = self.patient_id, self.lab_test.text(), self.lab_on.value()
        try:
            value = float(self.lab_value.text().replace(",", "."))
            uln = float(self.lab_uln.text().replace(",", ".")) if self.lab_uln.text().strip() else None
        except ValueError:
            self._failed(AlsdeskError(self.tr("Lab value and upper limit must be numbers.")))
            return
        self.write(
            lambda s: medications.record_lab(
                session=s,
                patient_id=pid,
                test=test,
                taken_on=on,
                value=value,
                upper_limit=uln,
                unit="U/L" if test.strip().upper() == "ALT" else "",
            ),
            lambda _r: (self.lab_value.clear(), self.lab_uln.clear()),
        )

    def _stop_medication(self) -> None:
        m = selected(self.med_table, self.meds)
        if m is None or not m.active:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Stop medication"), self.tr("Reason for stopping:"))
        if ok:
            on = date.today()
            self.write(
                lambda s: medications.stop_medication(session=s, medication_id=m.id, stopped_on=on, reason=reason)
            )
