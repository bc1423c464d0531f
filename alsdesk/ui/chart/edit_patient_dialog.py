"""Edit a patient's details and diagnosis; a stale copy is refused by the service, then reloaded."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError, ConflictError
from alsdesk.services import clinic, patients
from alsdesk.services.clinic import StaffView
from alsdesk.services.patients import PatientView
from alsdesk.ui.chart.conflict_dialog import ConflictDialog, conflict_text
from alsdesk.ui.i18n.texts import error_text, window_language
from alsdesk.ui.widgets.common import code_label, error_label, without_mnemonic
from alsdesk.ui.widgets.dates import DateEdit, birth_date_edit, confirm_plausible_age, reads_dates
from alsdesk.ui.widgets.geometry import open_dialog_at, scrolling_form
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import EL_ESCORIAL, GENETICS, ONSET_REGION, PATIENT_STATUS, SEX

TEXT_FIELDS = (
    "mrn",
    "family_name",
    "given_name",
    "name_zh",
    "phone",
    "address",
    "caregiver_name",
    "caregiver_phone",
    "gp_name",
    "gp_contact",
)


def _combo(values: tuple[str, ...], current: str | None, *, optional: bool = False) -> QComboBox:
    combo = QComboBox()
    if optional:
        combo.addItem("—", "")
    for code in values:
        combo.addItem(code_label(code), code)
    combo.setCurrentIndex(max(0, combo.findData(current or "")))
    return combo


class EditPatientDialog(QDialog):
    def __init__(self, backend: Backend, patient: PatientView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patient = patient
        self.saved: PatientView | None = None
        self.setWindowTitle(self.tr("Edit {0}").format(patient.display_name))
        labels = {
            "mrn": self.tr("&MRN"),
            "family_name": self.tr("&Family name"),
            "given_name": self.tr("&Given name"),
            "name_zh": self.tr("&Chinese name"),
            "phone": self.tr("&Phone"),
            "address": self.tr("Address"),
            "caregiver_name": self.tr("Caregiver"),
            "caregiver_phone": self.tr("Caregiver phone"),
            "gp_name": self.tr("GP"),
            "gp_contact": self.tr("GP practice and phone"),
        }
        form = QFormLayout()
        self.texts: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS:
            edit = QLineEdit(getattr(patient, key))
            edit.setAccessibleName(without_mnemonic(labels[key]))
            self.texts[key] = edit
            form.addRow(labels[key], edit)
        self.sex = _combo(SEX, patient.sex)
        self.birth = birth_date_edit(patient.birth_date)
        self.status = _combo(PATIENT_STATUS, patient.status)
        self.onset = DateEdit(patient.onset_date, optional=True, not_future=True)
        self.onset_region = _combo(ONSET_REGION, patient.onset_region, optional=True)
        self.diagnosis = DateEdit(patient.diagnosis_date, optional=True, not_future=True)
        self.el_escorial = _combo(EL_ESCORIAL, patient.el_escorial, optional=True)
        self.awaji = QCheckBox(self.tr("Awaji EMG rules applied"))
        self.awaji.setChecked(patient.awaji_applied)
        self.lung_disease = QCheckBox(self.tr("Known &lung disease (lowers the SpO2 line for a blood gas)"))
        self.lung_disease.setChecked(patient.lung_disease)
        self.genetics = _combo(GENETICS, patient.genetics)
        self.death = DateEdit(patient.death_date, optional=True, not_future=True)
        self.interpreter = QCheckBox(self.tr("&Interpreter needed at visits"))
        self.interpreter.setChecked(patient.interpreter_needed)
        # The named key worker a handout prints (NICE NG42): active staff, filled once they are read.
        self.key_worker = QComboBox()
        self.key_worker.addItem(self.tr("— nobody named —"), "")
        self.key_worker.setEnabled(False)
        self.staff_loaded = False
        for label, widget in (
            (self.tr("&Sex"), self.sex),
            (self.tr("&Birth date"), self.birth),
            (self.tr("S&tatus"), self.status),
            (self.tr("Symptom &onset"), self.onset),
            (self.tr("Onset &region"), self.onset_region),
            (self.tr("&Diagnosis date"), self.diagnosis),
            (self.tr("&El Escorial category"), self.el_escorial),
            ("", self.awaji),
            ("", self.lung_disease),
            (self.tr("Ge&netics"), self.genetics),
            (self.tr("Date of death"), self.death),
            (self.tr("&Key worker"), self.key_worker),
            ("", self.interpreter),
        ):
            box_text = widget.text() if isinstance(widget, QCheckBox) else ""
            widget.setAccessibleName(without_mnemonic(label or box_text))
            form.addRow(label, widget)
        self.message = error_label()
        self._date_problem = ""
        for date_edit in (self.birth, self.onset, self.diagnosis, self.death):
            date_edit.dateChanged.connect(self._show_date_problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Patients are never deleted: archiving hides them from lists and the worklist.
        self.archive_button = self.buttons.addButton(
            self.tr("Restore from archive") if patient.archived else self.tr("Archive patient…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.archive_button.clicked.connect(self._confirm_archive)
        area = scrolling_form(form)  # 16 rows: taller than a laptop screen at 125 %
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        open_dialog_at(self, max(420, self.sizeHint().width()), area)
        current = patient.responsible_staff_id
        self.backend.read(
            lambda s: (clinic.list_staff(session=s), clinic.get_staff(session=s, staff_id=current)),
            self._fill_key_workers,
            owner=self,
        )

    def _fill_key_workers(self, found: tuple[list[StaffView], StaffView | None]) -> None:
        """This clinic's active staff by name, with their job title in the window's language. The current key worker stays
        offered when not among them (a record keeps what it says until someone changes it): another
        clinic's, who came with a transferred patient, by name and site; one whose account was
        disabled since, as no longer active. Neither is offered to anyone else."""
        staff, member = found
        current = self.patient.responsible_staff_id
        lang = window_language()
        for person in staff:
            title = f" — {person.title(lang)}" if person.title(lang) else ""
            self.key_worker.addItem(f"{person.display_name}{title}", str(person.id))
        if current is not None and self.key_worker.findData(str(current)) < 0:
            shown = member.shown_name if member is not None and member.from_elsewhere else self.tr("(no longer active)")
            self.key_worker.addItem(shown, str(current))
        self.key_worker.setCurrentIndex(max(0, self.key_worker.findData(str(current) if current else "")))
        self.key_worker.setEnabled(True)
        self.staff_loaded = True

    def changes(self) -> dict[str, Any]:
        """Only what differs from the record as loaded, so an edit touches no other field."""
        values: dict[str, Any] = {key: edit.text() for key, edit in self.texts.items()}
        values.update(
            sex=self.sex.currentData(),
            birth_date=self.birth.value(),
            status=self.status.currentData(),
            onset_date=self.onset.value(),
            onset_region=self.onset_region.currentData() or None,
            diagnosis_date=self.diagnosis.value(),
            el_escorial=self.el_escorial.currentData() or None,
            awaji_applied=self.awaji.isChecked(),
            lung_disease=self.lung_disease.isChecked(),
            genetics=self.genetics.currentData(),
            death_date=self.death.value(),
            interpreter_needed=self.interpreter.isChecked(),
        )
        if self.staff_loaded:
            chosen = self.key_worker.currentData()
            values["responsible_staff_id"] = uuid.UUID(chosen) if chosen else None
        return {k: v for k, v in values.items() if v != getattr(self.patient, k)}

    def _show_date_problem(self) -> None:
        """A date the service would refuse (unreadable, before 1900, in the future) is named at once."""
        problem = next((p for d in (self.birth, self.onset, self.diagnosis, self.death) if (p := d.problem())), "")
        if problem:
            self.message.setText(problem)
            self.message.show()
        elif self.message.text() == self._date_problem:  # clear only our own message, not a conflict's
            self.message.hide()
        self._date_problem = problem

    @reads_dates
    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.accept()
            return
        if "birth_date" in changes and not confirm_plausible_age(self, self.birth):
            return
        pid, version = self.patient.id, self.patient.version
        self.buttons.setEnabled(False)
        self.backend.write(
            lambda s: patients.update_patient(session=s, patient_id=pid, expected_version=version, **changes),
            self._saved,
            self._failed,
            owner=self,
        )

    def _confirm_archive(self) -> None:
        if not self.patient.archived:
            answer = QMessageBox.question(
                self,
                self.tr("Archive patient"),
                self.tr("Archive {0}? They leave the patient list and the worklist; nothing is deleted.").format(
                    self.patient.display_name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.set_archived(not self.patient.archived)

    def set_archived(self, archived: bool) -> None:
        pid = self.patient.id
        self.backend.write(
            lambda s: patients.set_archived(session=s, patient_id=pid, archived=archived),
            lambda _c: self.accept(),
            self._failed,
            owner=self,
        )

    def _saved(self, result: tuple[PatientView, Any]) -> None:
        self.saved = result[0]
        announce_saved(self)
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(conflict_text(error) if isinstance(error, ConflictError) else error_text(error))
        self.message.show()
        if isinstance(error, ConflictError):
            self.conflict = ConflictDialog(error, self.reload, self)
            self.conflict.open()

    def reload(self) -> None:
        """Show the record as saved now (the other workstation's change), dropping this form's edits."""
        pid = self.patient.id
        self.backend.read(lambda s: patients.get_patient(session=s, patient_id=pid), self._reloaded, owner=self)

    def _reloaded(self, patient: PatientView) -> None:
        self.patient = patient
        for key, edit in self.texts.items():
            edit.setText(getattr(patient, key))
        for combo, value in (
            (self.sex, patient.sex),
            (self.status, patient.status),
            (self.onset_region, patient.onset_region),
            (self.el_escorial, patient.el_escorial),
            (self.genetics, patient.genetics),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value or "")))
        for date_edit, day in (
            (self.birth, patient.birth_date),
            (self.onset, patient.onset_date),
            (self.diagnosis, patient.diagnosis_date),
            (self.death, patient.death_date),
        ):
            date_edit.set_value(day)
        self.awaji.setChecked(patient.awaji_applied)
        self.lung_disease.setChecked(patient.lung_disease)
        self.interpreter.setChecked(patient.interpreter_needed)
        if self.staff_loaded:
            current = str(patient.responsible_staff_id) if patient.responsible_staff_id else ""
            self.key_worker.setCurrentIndex(max(0, self.key_worker.findData(current)))
        self.message.setText(self.tr("Reloaded: this is the record as saved now."))
