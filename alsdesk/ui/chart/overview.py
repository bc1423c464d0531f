"""Overview tab: a timeline of everything that happened, and trends of ALSFRS-R, FVC and weight."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from alsdesk.i18n.values import Name
from alsdesk.services import alerts, medications
from alsdesk.services.alerts import AlertView
from alsdesk.services.chart import Chart
from alsdesk.ui.chart.tab import ChartTab, make_table
from alsdesk.ui.chart.trend_charts import TrendChart
from alsdesk.ui.i18n.texts import catalog_name, message_text, workup_name
from alsdesk.ui.i18n.translator import window_language
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend


@dataclass(frozen=True)
class Event:
    on: date
    what: str
    text: str


def timeline(chart: Chart, workup_names: dict[str, Name]) -> list[Event]:
    """Every dated fact in the chart, newest first."""
    ev: list[Event] = []
    p = chart.patient
    for on, text in (
        (p.onset_date, QCoreApplication.translate("timeline", "Symptom onset")),
        (p.diagnosis_date, QCoreApplication.translate("timeline", "Diagnosis")),
    ):
        if on:
            ev.append(Event(on, QCoreApplication.translate("timeline", "Patient"), text))
    for a in chart.assessments:
        if a.scores:
            ev.append(
                Event(
                    a.assessed_on,
                    QCoreApplication.translate("timeline", "Assessment"),
                    QCoreApplication.translate("timeline", "ALSFRS-R {0}/48").format(a.scores.total),
                )
            )
        elif a.fvc_percent or a.weight_kg:
            ev.append(
                Event(
                    a.assessed_on,
                    QCoreApplication.translate("timeline", "Assessment"),
                    QCoreApplication.translate("timeline", "Measurements"),
                )
            )
    for w in chart.workups:
        name = workup_name(workup_names, w.type_code)
        for on, step in ((w.ordered_on, "ordered"), (w.performed_on, "performed"), (w.resulted_on, "resulted")):
            if on:
                ev.append(Event(on, QCoreApplication.translate("timeline", "Workup"), f"{name}: {code_label(step)}"))
    for r in chart.referrals:
        ev.append(
            Event(
                r.referral_date,
                QCoreApplication.translate("timeline", "Referral"),
                f"{code_label(r.to_specialty)}: {code_label(r.status)}",
            )
        )
    for m in chart.medications:
        ev.append(
            Event(
                m.started_on,
                QCoreApplication.translate("timeline", "Medication"),
                QCoreApplication.translate("timeline", "Started {0} {1}").format(
                    catalog_name(m.drug_name, m.drug_name_zh), m.dose_text(window_language())
                ),
            )
        )
        if m.stopped_on:
            ev.append(
                Event(
                    m.stopped_on,
                    QCoreApplication.translate("timeline", "Medication"),
                    QCoreApplication.translate("timeline", "Stopped {0}: {1}").format(
                        catalog_name(m.drug_name, m.drug_name_zh), message_text(medications.shown_stop_reason(m))
                    ),
                )
            )
    for ms in chart.milestones:
        ev.append(Event(ms.occurred_on, QCoreApplication.translate("timeline", "Milestone"), code_label(ms.kind)))
    for e in chart.enrollments:
        ev.append(
            Event(
                e.start_date, QCoreApplication.translate("timeline", "Care program"), catalog_name(e.name_en, e.name_zh)
            )
        )
    for n in chart.notes:
        ev.append(Event(n.occurred_on, code_label(n.kind), n.topic or n.text[:80]))
    for al in chart.alerts:
        text = message_text(al.message)
        if al.status != "open":  # kept as history: say where it stands (and why it closed)
            why = f": {code_label(al.closed_reason)}" if al.closed_reason else ""
            text = f"{text} — {code_label(al.status)}{why}"
        ev.append(Event(al.raised_on, QCoreApplication.translate("timeline", "Alert"), text))
    ev.sort(key=lambda e: e.on, reverse=True)
    return ev


class OverviewTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda e: e.on.isoformat()),
                Column(self.tr("What"), lambda e: e.what),
                Column(self.tr("Details"), lambda e: e.text, lambda e: e.text),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Timeline"), (95, 110))
        self.alerts = RecordTableModel(
            [
                Column(self.tr("Raised"), lambda a: a.raised_on.isoformat()),
                Column(self.tr("Open alert"), lambda a: message_text(a.message), lambda a: message_text(a.message)),
            ],
            colour=lambda a: "#fde2e1",
            parent=self,
        )
        self.alert_table = make_table(self.alerts, self.tr("Open alerts"), (95,))
        self.alert_table.setMaximumHeight(130)
        ack = needs(QPushButton(self.tr("Ac&knowledge…")), "clinical.write")
        ack.setToolTip(self.tr("Record what was done about the selected alert"))
        ack.clicked.connect(self._acknowledge_selected)
        alert_row = QHBoxLayout()
        alert_row.addWidget(QLabel(self.tr("Open guideline alerts")))
        alert_row.addStretch(1)
        alert_row.addWidget(ack)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(alert_row)
        ll.addWidget(self.alert_table)
        ll.addWidget(self.message)
        ll.addWidget(self.table, 1)
        self.alsfrs = TrendChart(self.tr("ALSFRS-R"), self.tr("points"), 0, 48)
        self.fvc = TrendChart(self.tr("FVC"), self.tr("% predicted"), 0, 150)
        self.weight = TrendChart(self.tr("Weight"), self.tr("kg"), 30, 120)
        charts = QSplitter(Qt.Orientation.Vertical)
        for c in (self.alsfrs, self.fvc, self.weight):
            charts.addWidget(c)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(charts)
        splitter.setSizes([520, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        assert self.data is not None
        chart = self.data.chart
        self.model.set_rows(timeline(chart, self.data.workup_names))
        self.alerts.set_rows(chart.open_alerts)
        scored = [(a.assessed_on, a.scores) for a in chart.assessments if a.scores]
        lines = [(self.tr("Total"), [(on, float(scores.total)) for on, scores in scored])]
        for key, name in (
            ("bulbar", self.tr("Bulbar")),
            ("fine_motor", self.tr("Fine motor")),
            ("gross_motor", self.tr("Gross motor")),
            ("respiratory", self.tr("Respiratory")),
        ):
            lines.append((name, [(on, float(scores.subscores[key])) for on, scores in scored]))
        self.alsfrs.plot(lines if scored else [])
        self.fvc.plot(
            [(self.tr("FVC"), [(a.assessed_on, a.fvc_percent) for a in chart.assessments if a.fvc_percent is not None])]
        )
        weights = [(a.assessed_on, a.weight_kg) for a in chart.assessments if a.weight_kg is not None]
        if weights:
            low = min(w for _, w in weights)
            high = max(w for _, w in weights)
            self.weight.low, self.weight.high = max(0, int(low) - 5), int(high) + 5
        self.weight.plot([(self.tr("Weight"), weights)])

    def _acknowledge_selected(self) -> None:
        index = self.alert_table.currentIndex()
        if not index.isValid():
            return
        alert = self.alerts.row(index.row())
        note, ok = QInputDialog.getText(
            self, self.tr("Acknowledge alert"), self.tr("What was done?\n{0}").format(message_text(alert.message))
        )
        if ok:
            self.acknowledge(alert, note)

    def acknowledge(self, alert: AlertView, note: str) -> None:
        staff = self.backend.staff_id
        self.write(lambda s: alerts.acknowledge_alert(session=s, alert_id=alert.id, note=note, staff_id=staff))
