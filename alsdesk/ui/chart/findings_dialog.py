"""Diagnostic findings per body region and the Gold Coast criteria, computed by the service."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.services import diagnosis
from alsdesk.services.chart import FindingView
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import code_label, error_label
from alsdesk.ui.widgets.dates import DateEdit, reads_dates
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import BODY_REGIONS

SIGNS = ("umn", "lmn", "emg_lmn")


class FindingsDialog(QDialog):
    """A grid of regions × (UMN, LMN, EMG LMN); the Gold Coast result updates as boxes change."""

    def __init__(
        self,
        backend: Backend,
        patient_id: Any,
        findings: tuple[FindingView, ...],
        parent: QWidget | None = None,
        *,
        progressive: bool | None = None,
        mimics_excluded: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patient_id = patient_id
        self.criteria_met: bool | None = None  # as saved (not `result`: that is QDialog.result())
        self.setWindowTitle(self.tr("Examination findings and Gold Coast criteria"))
        self.examined_on = DateEdit(max((f.examined_on for f in findings), default=date.today()), not_future=True)
        self.examined_on.setAccessibleName(self.tr("Examined on"))
        grid = QGridLayout()
        for column, title in enumerate((self.tr("UMN signs"), self.tr("LMN signs"), self.tr("LMN on EMG")), start=1):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        known = {f.region: f for f in findings}
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        for row, region in enumerate(BODY_REGIONS, start=1):
            grid.addWidget(QLabel(code_label(region)), row, 0)
            for column, sign in enumerate(SIGNS, start=1):
                box = QCheckBox()
                box.setAccessibleName(f"{code_label(region)} {sign}")
                box.setChecked(bool(region in known and getattr(known[region], sign)))
                box.toggled.connect(self._update)
                self.boxes[(region, sign)] = box
                grid.addWidget(box, row, column)
        self.progressive = QCheckBox(self.tr("Progressive motor impairment after normal function"))
        self.mimics = QCheckBox(self.tr("Investigations have excluded other diseases"))
        self.progressive.setChecked(bool(progressive))
        self.mimics.setChecked(bool(mimics_excluded))
        for box in (self.progressive, self.mimics):
            box.toggled.connect(self._update)
        self.verdict = QLabel()
        self.verdict.setStyleSheet("font-weight: bold; padding: 4px;")
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Examined on")))
        layout.addWidget(self.examined_on)
        layout.addLayout(grid)
        layout.addWidget(self.progressive)
        layout.addWidget(self.mimics)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update()

    def findings(self) -> list[diagnosis.RegionFinding]:
        return [
            diagnosis.RegionFinding(region, *(self.boxes[(region, sign)].isChecked() for sign in SIGNS))
            for region in BODY_REGIONS
            if any(self.boxes[(region, sign)].isChecked() for sign in SIGNS)
        ]

    def met(self) -> bool:
        return diagnosis.gold_coast_met(
            progressive=self.progressive.isChecked(), findings=self.findings(), mimics_excluded=self.mimics.isChecked()
        )

    def _update(self, *_: Any) -> None:
        self.verdict.setText(
            self.tr("Gold Coast criteria: met") if self.met() else self.tr("Gold Coast criteria: not met")
        )

    @reads_dates
    def save(self) -> None:
        pid, on, found = self.patient_id, self.examined_on.value(), self.findings()
        progressive, mimics = self.progressive.isChecked(), self.mimics.isChecked()
        self.backend.write(
            lambda s: diagnosis.record_findings(
                session=s,
                patient_id=pid,
                examined_on=on,
                findings=found,
                progressive=progressive,
                mimics_excluded=mimics,
            ),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, result: tuple[bool, Any]) -> None:
        self.criteria_met = result[0]
        announce_saved(self)
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()
