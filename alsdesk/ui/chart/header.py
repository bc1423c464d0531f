"""The chart header: who the patient is and where they stand, with alert badges."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from alsdesk.services import scoring, stages
from alsdesk.services.chart import Chart
from alsdesk.ui.i18n.texts import investigational_warning, message_text
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import badge, code_label, fmt_date


class ChartHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ChartHeader { background: #f3f6fa; }")
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.identity = QLabel()
        self.badges = QHBoxLayout()
        self.badges.setSpacing(6)
        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        names = (
            ("onset", self.tr("Onset")),
            ("diagnosis", self.tr("Diagnosis")),
            ("alsfrs", self.tr("ALSFRS-R")),
            ("dfs", self.tr("ΔFS at diagnosis")),
            ("kings", self.tr("King's stage")),
            ("mitos", self.tr("MiToS stage")),
            ("fvc", self.tr("FVC")),
            ("slope", self.tr("Latest slope")),  # under ΔFS at diagnosis: the two rates side by side
            ("weight", self.tr("Weight change")),
        )
        for i, (key, title) in enumerate(names):
            caption = QLabel(title)
            caption.setStyleSheet("color: #6b7280;")
            value = QLabel("—")
            value.setStyleSheet("font-weight: bold;")
            value.setAccessibleName(title)
            self.fields[key] = value
            # Lines of four: more in one line made the chart too wide for a laptop at 125 %.
            row, column = divmod(i, 4)
            grid.addWidget(caption, 2 * row, column)
            grid.addWidget(value, 2 * row + 1, column)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addSpacing(12)
        top.addWidget(self.identity, 1)
        top.addLayout(self.badges)
        self.edit_button = needs(QPushButton(self.tr("&Edit details…")), "patient.write")
        self.edit_button.setAccessibleName(self.tr("Edit patient details and diagnosis"))
        top.addWidget(self.edit_button)
        self.findings_button = needs(QPushButton(self.tr("&Findings…")), "clinical.write")
        self.findings_button.setToolTip(self.tr("UMN/LMN/EMG findings per region and the Gold Coast criteria"))
        top.addWidget(self.findings_button)
        self.top = top
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)

    def add_button(self, button: QWidget) -> None:
        """A button at the end of the top row (the chart's Print menu)."""
        self.top.addWidget(button)

    def set_chart(self, chart: Chart, today: date) -> None:
        p = chart.patient
        self.name.setText(p.display_name)
        if p.death_date is not None:  # the date of death, where a living patient's status is
            self.identity.setText(
                self.tr("{0} y, {1} · MRN {2} · died {3}").format(
                    p.age_on(today), code_label(p.sex), p.mrn, fmt_date(p.death_date)
                )
            )
        else:
            self.identity.setText(
                self.tr("{0} y, {1} · MRN {2} · {3}").format(
                    p.age_on(today), code_label(p.sex), p.mrn, code_label(p.status)
                )
            )
        f = self.fields
        f["onset"].setText(
            self.tr("{0} ({1})").format(fmt_date(p.onset_date), code_label(p.onset_region))
            if p.onset_date
            else self.tr("not recorded")
        )
        category = code_label(p.el_escorial) if p.el_escorial else self.tr("no El Escorial category")
        if p.gold_coast_met is not None:
            category += self.tr(", Gold Coast met") if p.gold_coast_met else self.tr(", Gold Coast not met")
        f["diagnosis"].setText(category)
        latest = chart.latest_alsfrs
        if latest is not None and latest.scores is not None:
            s = latest.scores
            f["alsfrs"].setText(self.tr("{0}/48 on {1}").format(s.total, latest.assessed_on))
        else:
            f["alsfrs"].setText("—")
        at_dx = chart.delta_fs_at_diagnosis()
        f["dfs"].setText(
            self.tr("{0:.2f}/month ({1}) on {2}").format(
                at_dx[1], code_label(scoring.delta_fs_band(at_dx[1])), at_dx[0]
            )
            if at_dx
            else self.tr("none within 30 days")
        )
        slope = chart.latest_slope()
        f["slope"].setText(
            self.tr("{0:.2f}/month lost ({1} → {2})").format(slope[2], slope[0], slope[1]) if slope else "—"
        )
        now = stages.chart_stage_now(chart, today)  # 5 and 5 from the date of death
        if now.from_death:
            for key, value in (("kings", now.kings), ("mitos", now.mitos)):
                f[key].setText(self.tr("{0} (died {1})").format(value, fmt_date(now.since)))
        else:
            f["kings"].setText(now.kings or "—")
            f["mitos"].setText("—" if now.mitos is None else str(now.mitos))
        fvc = chart.latest("fvc_percent")
        f["fvc"].setText(self.tr("{0:.0f}% on {1}").format(fvc[1], fvc[0]) if fvc else "—")
        change = chart.weight_change_percent
        f["weight"].setText(self.tr("{0:+.1f}% since diagnosis").format(change) if change is not None else "—")
        for label in (self.identity, *f.values()):  # the whole text stays readable if a narrow window squeezes it
            label.setToolTip(label.text())
        self._set_badges(chart, today)

    def _set_badges(self, chart: Chart, today: date) -> None:
        while self.badges.count():
            item = self.badges.takeAt(0)
            old = item.widget() if item is not None else None
            if old:
                old.deleteLater()
        alerts = chart.open_alerts
        if alerts:
            details = "\n".join(f"{a.raised_on}: {message_text(a.message)}" for a in alerts)
            b = badge(self.tr("Open alerts: {0}").format(len(alerts)), "#b91c1c", details=details)
            b.setObjectName("alertBadge")
            self.badges.addWidget(b)
        if chart.investigational_on(today):
            b = badge(self.tr("Investigational"), "#7c3aed", details=investigational_warning())
            b.setObjectName("investigationalBadge")
            self.badges.addWidget(b)
        if chart.patient.restricted:
            b = badge(
                self.tr("Restricted"),
                "#b45309",
                details=self.tr("Restricted record: only administrators and the care team may open it"),
            )
            b.setObjectName("restrictedBadge")
            self.badges.addWidget(b)
        if chart.patient.archived:
            self.badges.addWidget(badge(self.tr("Archived"), "#6b7280"))
