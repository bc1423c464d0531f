"""New-patient dialog: validates as you type with the service's rules, warns of duplicates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError, DomainError
from alsdesk.services import patients
from alsdesk.services.common import Changes
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import code_label, error_label, without_mnemonic
from alsdesk.ui.widgets.dates import DateEdit, birth_date_edit, confirm_plausible_age
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend, Latest
from alsdesk.vocab import PATIENT_STATUS, SEX


class NewPatientDialog(QDialog):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.created: patients.PatientView | None = None
        self.duplicates: list[patients.PatientSummary] = []
        self._latest = Latest()
        self.setWindowTitle(self.tr("New patient"))
        self.mrn = QLineEdit()
        self.family = QLineEdit()
        self.given = QLineEdit()
        self.name_zh = QLineEdit()
        self.sex = QComboBox()
        for code in SEX:
            self.sex.addItem(code_label(code), code)
        self.birth = birth_date_edit()  # blank: no plausible-looking default a busy desk could leave
        self.phone = QLineEdit()
        self.status = QComboBox()
        for code in PATIENT_STATUS[:4]:
            self.status.addItem(code_label(code), code)
        self.onset = DateEdit(optional=True, not_future=True)
        self.diagnosis = DateEdit(optional=True, not_future=True)
        self.gp_name = QLineEdit()
        self.gp_contact = QLineEdit()
        self.dates = {"birth_date": self.birth, "onset_date": self.onset, "diagnosis_date": self.diagnosis}
        form = QFormLayout()
        self.field_errors: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        for key, label, widget in (
            ("mrn", self.tr("&MRN"), self.mrn),
            ("family_name", self.tr("&Family name"), self.family),
            ("given_name", self.tr("&Given name"), self.given),
            ("name_zh", self.tr("&Chinese name"), self.name_zh),
            ("sex", self.tr("&Sex"), self.sex),
            ("birth_date", self.tr("&Birth date"), self.birth),
            ("phone", self.tr("&Phone"), self.phone),
            ("status", self.tr("S&tatus"), self.status),
            ("onset_date", self.tr("Symptom &onset"), self.onset),
            ("diagnosis_date", self.tr("&Diagnosis date"), self.diagnosis),
            ("gp_name", self.tr("GP"), self.gp_name),
            ("gp_contact", self.tr("GP practice and phone"), self.gp_contact),
        ):
            widget.setAccessibleName(without_mnemonic(label))
            form.addRow(label, widget)
            error = error_label()
            self.field_errors[key] = error
            form.addRow("", error)
            form.setRowVisible(error, False)
            # Typed (text and date fields are line edits) or chosen: either way the user touched it.
            signal = widget.textEdited if isinstance(widget, QLineEdit) else widget.currentIndexChanged
            signal.connect(lambda *_, k=key: self.touched.add(k))
        # Asked at registration too: the SpO2 rule reads it from the first visit (services.alerts).
        self.lung_disease = QCheckBox(self.tr("Known &lung disease (lowers the SpO2 line for a blood gas)"))
        self.lung_disease.setAccessibleName(without_mnemonic(self.lung_disease.text()))
        form.addRow("", self.lung_disease)
        self.interpreter = QCheckBox(self.tr("&Interpreter needed at visits"))
        self.interpreter.setAccessibleName(without_mnemonic(self.interpreter.text()))
        form.addRow("", self.interpreter)
        self._form = form
        self.message = error_label()
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet("background:#fff3cd; padding:6px; border-radius:4px;")
        self.duplicate_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.duplicate_label)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.check)
        for edit in (self.mrn, self.family, self.given, self.name_zh, self.phone, self.gp_name, self.gp_contact):
            edit.textEdited.connect(self._timer.start)
        for combo in (self.sex, self.status):
            combo.currentIndexChanged.connect(self._timer.start)
        for date_edit in (self.birth, self.onset, self.diagnosis):
            date_edit.dateChanged.connect(self._timer.start)
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        """What the form holds; a date field whose text is not a date reads None here, so callers
        check `date_problems` first (problem() does)."""
        values: dict[str, Any] = dict(
            mrn=self.mrn.text(),
            family_name=self.family.text(),
            given_name=self.given.text(),
            birth_date=self.birth.date_or_none(),
            sex=self.sex.currentData(),
            name_zh=self.name_zh.text(),
            phone=self.phone.text(),
            status=self.status.currentData(),
            onset_date=self.onset.date_or_none(),
            diagnosis_date=self.diagnosis.date_or_none(),
            lung_disease=self.lung_disease.isChecked(),
            interpreter_needed=self.interpreter.isChecked(),
            gp_name=self.gp_name.text(),
            gp_contact=self.gp_contact.text(),
        )
        return values

    def date_problems(self) -> dict[str, str]:
        """Each date field's own refusal (unreadable, required, before 1900 or in the future): field → message."""
        return {key: field.problem() for key, field in self.dates.items() if field.problem()}

    def field_problems(self) -> dict[str, str]:
        """Each field checked by the service's own rule for it: field → message."""
        found = self.date_problems()
        for key, value in self.values().items():
            if key in found:
                continue
            try:
                patients.FIELD_RULES[key](value)
            except DomainError as err:
                found[key] = error_text(err)
        return found

    def problem(self) -> str:
        """The service's message for the first broken rule, or '' when the form is valid."""
        dates = self.date_problems()
        if dates:  # a text that is not a date must not pass as "not recorded"
            return next(iter(dates.values()))
        values = self.values()
        try:
            checked = patients.validate_fields(values)
            checked.setdefault("death_date", None)
            patients.check_consistency(checked)
        except DomainError as err:
            return error_text(err)
        return ""

    def check(self, *, everything: bool = False) -> None:
        """Validate now (no database needed) and look for possible duplicates in the background.

        Messages show beside the fields the user has already touched (all of them on Save).
        """
        fields = self.field_problems()
        for key, label in self.field_errors.items():
            text = fields.get(key, "") if everything or key in self.touched else ""
            label.setText(text)
            self._form.setRowVisible(label, bool(text))
        problem = "" if fields else self.problem()  # what spans fields: dates in order
        self._show_problem(problem)
        values = self.values()
        if not values["family_name"].strip() and not values["phone"].strip():
            return
        self.backend.read(
            lambda s: patients.possible_duplicates(
                session=s,
                family_name=values["family_name"],
                given_name=values["given_name"],
                birth_date=values["birth_date"],
                phone=values["phone"],
            ),
            self._latest(self._show_duplicates),
            owner=self,
        )

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_duplicates(self, found: list[patients.PatientSummary]) -> None:
        self.duplicates = found
        if not found:
            self.duplicate_label.hide()
            return
        names = "\n".join(
            self.tr("• {0}, MRN {1}, born {2}, phone {3}").format(
                p.display_name, p.mrn, p.birth_date or "—", p.phone or "—"
            )
            for p in found[:5]
        )
        self.duplicate_label.setText(
            self.tr("Possible duplicate: a patient with the same name and birth date, or the same phone, exists:\n")
            + names
            + self.tr("\nCheck before saving a second record.")
        )
        self.duplicate_label.show()

    def reject(self) -> None:
        """Cancel (or Esc) with typed details asks first: a registration is easy to lose at a busy desk."""
        if self.touched and self.created is None:
            answer = QMessageBox.question(
                self,
                self.tr("Discard new patient?"),
                self.tr("Close without saving this patient?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def save(self) -> None:
        if self.problem():
            self.check(everything=True)
            return
        if not confirm_plausible_age(self, self.birth):
            return
        values = self.values()
        self.buttons.setEnabled(False)
        self.backend.write(lambda s: patients.add_patient(session=s, **values), self._saved, self._failed, owner=self)

    def _saved(self, view: patients.PatientView) -> None:
        self.created = view
        self.backend.changed.emit(Changes(patients=True))
        announce_saved(self)
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.buttons.setEnabled(True)
        self._show_problem(error_text(error))
