"""Allergies tab: the patient's allergies and intolerances, and "no known allergies" confirmed.

Three states a referral letter tells apart (services.allergies): allergies recorded; none known,
confirmed on a day; and nothing recorded either way, which the tab says plainly."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.services import allergies
from alsdesk.ui.chart.tab import ChartTab, make_table, select_by_id, selected
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.dates import DateEdit, reads_dates
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import ALLERGY_SEVERITY


class AllergiesTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        self.model = RecordTableModel(
            [
                Column(self.tr("Substance"), lambda a: a.substance),
                Column(self.tr("Severity"), lambda a: code_label(a.severity)),
                Column(self.tr("Reaction"), lambda a: a.reaction),
                Column(self.tr("Recorded"), lambda a: a.recorded_on.isoformat()),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Allergies"), (200, 110, 260))
        self.state = QLabel()
        self.state.setObjectName("allergyState")
        self.state.setStyleSheet("font-weight: bold;")
        self.substance = QLineEdit()
        self.reaction = QLineEdit()
        self.reaction.setPlaceholderText(self.tr("e.g. rash, wheeze, swelling"))
        self.severity = QComboBox()
        for code in ALLERGY_SEVERITY:
            self.severity.addItem(code_label(code), code)
        self.severity.setCurrentIndex(self.severity.findData("unknown"))
        self.on = DateEdit(date.today(), not_future=True)
        add = needs(QPushButton(self.tr("Add allerg&y")), "clinical.write")
        add.clicked.connect(self.add)
        self.substance.returnPressed.connect(add.click)
        self.reaction.returnPressed.connect(add.click)
        self.remove_button = needs(QPushButton(self.tr("&Mark as entered in error")), "clinical.write")
        self.remove_button.setToolTip(self.tr("Take the selected allergy off the list; it stays in the history"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.none_button = needs(QPushButton(self.tr("No &known allergies")), "clinical.write")
        self.none_button.setToolTip(self.tr("Record that the patient was asked today and has no known allergies"))
        self.none_button.clicked.connect(self.confirm_none)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Su&bstance"), self.substance),
            (self.tr("Rea&ction"), self.reaction),
            (self.tr("Se&verity"), self.severity),
            (self.tr("Recor&ded on"), self.on),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        editor = needs(QWidget(), "clinical.write")
        el = QVBoxLayout(editor)
        el.addLayout(form)
        el.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.none_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(add)
        el.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignBottom)

    def select_record(self, record_id: uuid.UUID) -> bool:
        return select_by_id(self.table, self.model, record_id)

    def refresh(self) -> None:
        assert self.data is not None
        self.model.set_rows(list(self.data.allergies))
        checked = self.data.chart.patient.allergies_checked_on
        if self.data.allergies:
            text = self.tr("Allergies: {0}").format(", ".join(a.substance for a in self.data.allergies))
        elif checked is not None:
            text = self.tr("No known allergies (confirmed {0})").format(checked.isoformat())
        else:
            text = self.tr("Allergies not recorded yet: ask, then add them or confirm none known.")
        self.state.setText(text)
        self.remove_button.setEnabled(bool(self.data.allergies))

    def has_unsaved(self) -> bool:
        return bool(self.substance.text().strip())

    @reads_dates
    def add(self) -> None:
        pid, staff = self.patient_id, self.backend.staff_id
        substance, reaction = self.substance.text(), self.reaction.text()
        severity, on = self.severity.currentData(), self.on.value()
        self.write(
            lambda s: allergies.add_allergy(
                session=s,
                patient_id=pid,
                substance=substance,
                reaction=reaction,
                severity=severity,
                recorded_on=on,
                staff_id=staff,
            ),
            lambda r: (self.substance.clear(), self.reaction.clear(), self.select_created(r)),
        )

    def remove_selected(self) -> None:
        chosen = selected(self.table, self.model)
        if chosen is None:
            return
        aid, version = chosen.id, chosen.version
        self.write(lambda s: allergies.remove_allergy(session=s, allergy_id=aid, expected_version=version))

    @reads_dates
    def confirm_none(self) -> None:
        pid, on = self.patient_id, date.today()
        self.write(lambda s: allergies.confirm_no_known_allergies(session=s, patient_id=pid, on=on))
