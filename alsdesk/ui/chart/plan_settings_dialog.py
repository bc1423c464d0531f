"""NIV settings and gastrostomy details, opened from the milestones row: what the family's NIV plan
and gastrostomy plan print. Saving records a new entry from its day (the history is kept); the form
opens filled with the entry in use, so a change is typed over it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from alsdesk.printdata import GastrostomySettings, NivSettings
from alsdesk.services import plan_settings
from alsdesk.ui.admin.catalog_dialog import CatalogDialog, Row
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.dates import DateEdit, DateTextError
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import NIV_MASKS, NIV_MODES, TUBE_TYPES


def number(field: QLineEdit) -> Any:
    """A number typed in `field` (a comma as the decimal mark too); blank is None; anything else
    goes to the service as typed, whose refusal names the field."""
    text = field.text().strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return field.text()
    return int(value) if value.is_integer() else value


def shown(value: object) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def choices(codes: tuple[str, ...], current: str) -> QComboBox:
    box = QComboBox()
    for code in codes:
        box.addItem(code_label(code), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def day(field: DateEdit) -> Any:
    """The field's date; an unreadable text as typed (the service names the field)."""
    try:
        return field.date_or_none() if field.optional else field.value()
    except DateTextError:
        return field.text()


class NivSettingsDialog(CatalogDialog):
    def __init__(
        self, backend: Backend, patient_id: uuid.UUID, current: NivSettings | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(backend, parent)
        self.patient_id = patient_id
        self.setWindowTitle(self.tr("NIV settings"))
        s = current or NivSettings(date.today(), NIV_MODES[0], 0, 0, NIV_MASKS[1])
        self.set_on = DateEdit(date.today(), not_future=True)
        self.mode = choices(NIV_MODES, s.mode)
        self.ipap, self.epap = QLineEdit(shown(s.ipap or None)), QLineEdit(shown(s.epap or None))
        self.backup_rate, self.hours = QLineEdit(shown(s.backup_rate)), QLineEdit(shown(s.hours_per_day))
        self.mask_kind = choices(NIV_MASKS, s.mask)
        self.overnight = QCheckBox(self.tr("Every night, all night"))
        self.overnight.setChecked(s.overnight)
        self.machine, self.supplier_phone = QLineEdit(s.machine), QLineEdit(s.supplier_phone)
        rows: list[Row] = [
            (self.tr("&From"), self.set_on),
            (self.tr("M&ode"), self.mode),
            (self.tr("&IPAP (cmH2O)"), self.ipap),
            (self.tr("&EPAP (cmH2O)"), self.epap),
            (self.tr("&Backup rate (/min)"), self.backup_rate),
            (self.tr("M&ask"), self.mask_kind),
            (self.tr("&Night"), self.overnight),
            (self.tr("&Hours a day in all"), self.hours),
            (self.tr("&Machine"), self.machine),
            (self.tr("Su&pplier phone"), self.supplier_phone),
        ]
        self.lay_out(rows, 420)

    def values(self) -> dict[str, Any]:
        settings = NivSettings(
            set_on=day(self.set_on),
            mode=self.mode.currentData(),
            ipap=number(self.ipap),
            epap=number(self.epap),
            mask=self.mask_kind.currentData(),
            backup_rate=number(self.backup_rate),
            overnight=self.overnight.isChecked(),
            hours_per_day=number(self.hours),
            machine=self.machine.text(),
            supplier_phone=self.supplier_phone.text(),
        )
        return dict(patient_id=self.patient_id, settings=settings)

    def service(self) -> Callable[..., Any]:
        return plan_settings.record_niv_settings


class GastrostomySettingsDialog(CatalogDialog):
    def __init__(
        self,
        backend: Backend,
        patient_id: uuid.UUID,
        current: GastrostomySettings | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(backend, parent)
        self.patient_id = patient_id
        self.setWindowTitle(self.tr("Gastrostomy tube and feed"))
        s = current or GastrostomySettings(date.today(), TUBE_TYPES[0])
        self.set_on = DateEdit(date.today(), not_future=True)
        self.tube_type = choices(TUBE_TYPES, s.tube_type)
        self.tube_size = QLineEdit(shown(s.tube_size))
        self.placed_on = DateEdit(s.placed_on, optional=True, not_future=True)
        self.feed_name, self.feed_times = QLineEdit(s.feed_name), QLineEdit(s.feed_times)
        self.feed_volume, self.feed_rate = QLineEdit(shown(s.feed_volume)), QLineEdit(shown(s.feed_rate))
        self.flush_volume = QLineEdit(shown(s.flush_volume))
        self.contact_name, self.contact_phone = QLineEdit(s.contact_name), QLineEdit(s.contact_phone)
        rows: list[Row] = [
            (self.tr("&From"), self.set_on),
            (self.tr("&Tube"), self.tube_type),
            (self.tr("Tube si&ze (Fr)"), self.tube_size),
            (self.tr("&Placed on"), self.placed_on),
            (self.tr("F&eed"), self.feed_name),
            (self.tr("&Amount (ml a day)"), self.feed_volume),
            (self.tr("Pump &rate (ml an hour)"), self.feed_rate),
            (self.tr("Feed t&imes"), self.feed_times),
            (self.tr("&Water flush (ml)"), self.flush_volume),
            (self.tr("Wh&om to call"), self.contact_name),
            (self.tr("T&heir phone"), self.contact_phone),
        ]
        self.lay_out(rows, 420)

    def values(self) -> dict[str, Any]:
        settings = GastrostomySettings(
            set_on=day(self.set_on),
            tube_type=self.tube_type.currentData(),
            tube_size=number(self.tube_size),
            placed_on=day(self.placed_on),
            feed_name=self.feed_name.text(),
            feed_volume=number(self.feed_volume),
            feed_rate=number(self.feed_rate),
            feed_times=self.feed_times.text(),
            flush_volume=number(self.flush_volume),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
        )
        return dict(patient_id=self.patient_id, settings=settings)

    def service(self) -> Callable[..., Any]:
        return plan_settings.record_gastrostomy_settings


def current_settings(session: Any, patient_id: uuid.UUID, kind: str) -> NivSettings | GastrostomySettings | None:
    """The entry of `kind` ("niv" or "gastrostomy") in use today: what the form opens with."""
    if kind == "niv":
        return plan_settings.in_use(plan_settings.niv_history(session=session, patient_id=patient_id), date.today())
    return plan_settings.in_use(plan_settings.gastrostomy_history(session=session, patient_id=patient_id), date.today())
