"""Record the advance care plan, or a change to it (a new revision; services.care_plans).

Opened with the current plan filled in. A refused save names the field and keeps everything typed;
the fields a choice makes meaningless (what an ADRT refuses when none is in place, the date of a
decision not discussed, the person's details when no one is named) are disabled, and sent empty.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.services import care_plans
from alsdesk.services.care_plans import PlanFields
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import code_label, error_label
from alsdesk.ui.widgets.dates import DateEdit, reads_dates
from alsdesk.ui.widgets.keys import confirm_with_ctrl_enter
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import ADRT_REFUSES, CARE_PLACES, DECIDERS, RESUSCITATION


def _choices(codes: tuple[str, ...], blank: str | None = None) -> QComboBox:
    box = QComboBox()
    if blank is not None:
        box.addItem(blank, None)
    for code in codes:
        box.addItem(code_label(code), code)
    return box


class CarePlanDialog(QDialog):
    def __init__(
        self,
        backend: Backend,
        patient_id: uuid.UUID,
        current: care_plans.PlanView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patient_id = patient_id
        self.saved: care_plans.PlanView | None = None
        self.setWindowTitle(self.tr("Advance care plan"))
        plan = current or PlanFields(recorded_on=None)
        self.recorded_on = DateEdit(date.today(), not_future=True)
        self.preferences = QPlainTextEdit(plan.preferences)
        self.preferences.setTabChangesFocus(True)
        self.preferences.setPlaceholderText(self.tr("What matters to the patient; their wishes for care"))
        self.adrt = QCheckBox(self.tr("An advance decision to refuse treatment is in place"))
        self.adrt.setChecked(plan.adrt_in_place)
        self.refuses = {code: QCheckBox(code_label(code)) for code in ADRT_REFUSES}
        for code, box in self.refuses.items():
            box.setChecked(code in plan.adrt_refuses)
        self.adrt_text = QLineEdit(plan.adrt_text)
        self.adrt_text.setPlaceholderText(self.tr("Anything else it refuses, in its own words"))
        self.resuscitation = _choices(RESUSCITATION)
        self.resuscitation.setCurrentIndex(self.resuscitation.findData(plan.resuscitation))
        self.resuscitation_on = DateEdit(plan.resuscitation_on, optional=True, not_future=True)
        blank = self.tr("Not stated")
        self.care_place, self.death_place = _choices(CARE_PLACES, blank), _choices(CARE_PLACES, blank)
        self.care_place.setCurrentIndex(self.care_place.findData(plan.care_place))
        self.death_place.setCurrentIndex(self.death_place.findData(plan.death_place))
        self.care_place_text, self.death_place_text = QLineEdit(plan.care_place_text), QLineEdit(plan.death_place_text)
        self.decider = _choices(DECIDERS)
        self.decider.setCurrentIndex(self.decider.findData(plan.decider))
        self.decider_name = QLineEdit(plan.decider_name)
        self.decider_relationship = QLineEdit(plan.decider_relationship)
        self.decider_phone = QLineEdit(plan.decider_phone)
        self.review_on = DateEdit(plan.review_on, optional=True)
        self.message = error_label()

        refused = QGridLayout()
        for i, box in enumerate(self.refuses.values()):
            refused.addWidget(box, i // 2, i % 2)
        form = QFormLayout()
        rows: tuple[tuple[str, Any], ...] = (
            (self.tr("&Recorded on"), self.recorded_on),
            (self.tr("&Preferences and wishes"), self.preferences),
            (self.tr("Advance &decision"), self.adrt),
            (self.tr("It refuses"), refused),
            (self.tr("Refuses, in &words"), self.adrt_text),
            (self.tr("Resusc&itation decision"), self.resuscitation),
            (self.tr("Decision da&te"), self.resuscitation_on),
            (self.tr("Pre&ferred place of care"), self.care_place),
            (self.tr("Place of care, details"), self.care_place_text),
            (self.tr("Place at the &end of life"), self.death_place),
            (self.tr("End of life, details"), self.death_place_text),
            (self.tr("Person with &authority"), self.decider),
            (self.tr("&Name"), self.decider_name),
            (self.tr("Re&lationship"), self.decider_relationship),
            (self.tr("P&hone"), self.decider_phone),
            (self.tr("Re&view on"), self.review_on),
        )
        for label, field in rows:
            if isinstance(field, QWidget):
                field.setAccessibleName(label.replace("&", ""))
                form.addRow(label, field)
            else:
                form.addRow(QLabel(label), field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        for signal in (self.adrt.toggled, self.resuscitation.currentIndexChanged, self.decider.currentIndexChanged):
            signal.connect(self._enable)
        self.care_place.currentIndexChanged.connect(self._enable)
        self.death_place.currentIndexChanged.connect(self._enable)
        self._enable()
        confirm_with_ctrl_enter(self)

    def _enable(self) -> None:
        """Only the fields the choices give a meaning to are open."""
        adrt = self.adrt.isChecked()
        for box in self.refuses.values():
            box.setEnabled(adrt)
        self.adrt_text.setEnabled(adrt)
        self.resuscitation_on.setEnabled(self.resuscitation.currentData() != "not_discussed")
        self.care_place_text.setEnabled(self.care_place.currentData() is not None)
        self.death_place_text.setEnabled(self.death_place.currentData() is not None)
        named = self.decider.currentData() != "no_one_named"
        for field in (self.decider_name, self.decider_relationship, self.decider_phone):
            field.setEnabled(named)

    def fields(self) -> PlanFields:
        """What the form says (raises DateTextError for a date that is not one); disabled fields empty."""

        def text(field: QLineEdit) -> str:
            return field.text() if field.isEnabled() else ""

        adrt = self.adrt.isChecked()
        return PlanFields(
            recorded_on=self.recorded_on.value(),
            preferences=self.preferences.toPlainText(),
            adrt_in_place=adrt,
            adrt_refuses=tuple(c for c, box in self.refuses.items() if adrt and box.isChecked()),
            adrt_text=text(self.adrt_text),
            resuscitation=self.resuscitation.currentData(),
            resuscitation_on=self.resuscitation_on.value() if self.resuscitation_on.isEnabled() else None,
            care_place=self.care_place.currentData(),
            care_place_text=text(self.care_place_text),
            death_place=self.death_place.currentData(),
            death_place_text=text(self.death_place_text),
            decider=self.decider.currentData(),
            decider_name=text(self.decider_name),
            decider_relationship=text(self.decider_relationship),
            decider_phone=text(self.decider_phone),
            review_on=self.review_on.value(),
        )

    @reads_dates
    def save(self) -> None:
        plan, pid, staff = self.fields(), self.patient_id, self.backend.staff_id
        self.message.hide()

        def work(session: Any) -> Any:
            return care_plans.record_plan(session=session, patient_id=pid, plan=plan, staff_id=staff)

        self.backend.write(work, self._saved, self._failed, owner=self)

    def _saved(self, result: tuple[care_plans.PlanView, Any]) -> None:
        self.saved = result[0]
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.message.setText(error_text(error))  # the dialog stays open with everything typed
        self.message.show()
