"""NIV settings and gastrostomy details, with their history (the family's NIV and gastrostomy plans).

A change is a new record from its day, never an edit, so what a patient was told to use on any day
stays known; the latest record on or before a day is the one in use. The ranges are the limits of
home ventilators and tubes, not guideline figures (docs/clinical-rules.md, "NIV settings and
gastrostomy details"): a value outside them is a typing slip.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import GastrostomySetting, NivSetting
from alsdesk.printdata import GastrostomySettings as GastrostomySettings  # the window and CLI build these
from alsdesk.printdata import NivSettings as NivSettings
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, Check, Day, RecordRules, RowCheck, Text, check_choice, phone_rule
from alsdesk.services.restricted import fetch_patient, opened_patient_id
from alsdesk.vocab import NIV_MASKS, NIV_MODES, TUBE_TYPES


@dataclass(frozen=True)
class Number:
    """A number field's rule: its name in messages, its unit, its range; whole numbers only if
    `whole`; None (left blank) passes unless `required`."""

    what: str
    low: float
    high: float
    unit: str
    whole: bool = False
    required: bool = False

    def __call__(self, value: object) -> Any:
        if value is None and not self.required:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if self.low <= value <= self.high and (not self.whole or value == int(value)):
                return int(value) if self.whole else float(value)
        values = {"what": self.what, "low": self.low, "high": self.high, "unit": self.unit, "value": value}
        if self.whole:
            raise DomainError("{what} must be a whole number from {low:g} to {high:g} {unit}, not {value!r}.", **values)
        raise DomainError("{what} must be a number from {low:g} to {high:g} {unit}, not {value!r}.", **values)


SET_ON = Day("Settings date", past=True)
IPAP = Number("IPAP", 4, 30, "cmH2O", required=True)
EPAP = Number("EPAP", 3, 25, "cmH2O", required=True)
BACKUP_RATE = Number("Backup rate", 5, 40, "/min", whole=True)
HOURS = Number("Hours a day", 1, 24, "h", whole=True)
MACHINE = Text("Machine", 200, line=True)
SUPPLIER_PHONE = phone_rule("Supplier phone")
TUBE_SIZE = Number("Tube size", 8, 30, "Fr", whole=True)
PLACED_ON = Day("Date placed", past=True)
FEED_NAME = Text("Feed", 200, line=True)
FEED_VOLUME = Number("Feed volume", 50, 4000, "ml/day", whole=True)
FEED_RATE = Number("Pump rate", 10, 300, "ml/h", whole=True)
FEED_TIMES = Text("Feed times", 200, line=True)
FLUSH = Number("Water flush", 10, 100, "ml", whole=True)
CONTACT_NAME = Text("Whom to call", 200, line=True)
CONTACT_PHONE = phone_rule("Their phone")


def check_pressures(values: Mapping[str, Any]) -> None:
    """EPAP below IPAP: bilevel NIV ventilates by the difference (the pressure support); equal
    pressures are CPAP, which does not help weak breathing muscles."""
    ipap, epap = IPAP(values["ipap"]), EPAP(values["epap"])
    if epap >= ipap:
        raise DomainError("EPAP ({epap:g} cmH2O) must be below IPAP ({ipap:g} cmH2O).", epap=epap, ipap=ipap)


NIV_RULES: RecordRules = {
    "set_on": SET_ON,
    "ipap": Check(IPAP),
    "epap": RowCheck(check_pressures),
    "backup_rate": Check(BACKUP_RATE),
    "hours_per_day": Check(HOURS),
    "machine": MACHINE,
    "supplier_phone": Check(SUPPLIER_PHONE),
}
GASTROSTOMY_RULES: RecordRules = {
    "set_on": SET_ON,
    "tube_size": Check(TUBE_SIZE),
    "placed_on": PLACED_ON,
    "feed_name": FEED_NAME,
    "feed_volume": Check(FEED_VOLUME),
    "feed_rate": Check(FEED_RATE),
    "feed_times": FEED_TIMES,
    "flush_volume": Check(FLUSH),
    "contact_name": CONTACT_NAME,
    "contact_phone": Check(CONTACT_PHONE),
}


S = TypeVar("S", NivSettings, GastrostomySettings)


def _view(kind: type[S], row: Any) -> S:
    return kind(**{f.name: getattr(row, f.name) for f in fields(kind)})


@requires("clinical.write")
def record_niv_settings(
    *, session: Session, patient_id: uuid.UUID | str, settings: NivSettings, staff_id: uuid.UUID | None = None
) -> tuple[NivSettings, Changes]:
    """Record the NIV settings in use from `settings.set_on`; each field's rule names the field."""
    patient = fetch_patient(session, patient_id)
    s = settings
    row = NivSetting(
        patient_id=patient.id,
        set_on=SET_ON(s.set_on, patient.birth_date),
        mode=check_choice(s.mode, NIV_MODES, "Mode"),
        ipap=IPAP(s.ipap),
        epap=EPAP(s.epap),
        backup_rate=BACKUP_RATE(s.backup_rate),
        mask=check_choice(s.mask, NIV_MASKS, "Mask"),
        overnight=bool(s.overnight),
        hours_per_day=HOURS(s.hours_per_day),
        machine=MACHINE(s.machine),
        supplier_phone=SUPPLIER_PHONE(s.supplier_phone),
        staff_id=staff_id,
    )
    check_pressures({"ipap": row.ipap, "epap": row.epap})
    session.add(row)
    session.flush()
    return _view(NivSettings, row), Changes(medications=True, worklist=False)


@requires("clinical.write")
def record_gastrostomy_settings(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    settings: GastrostomySettings,
    staff_id: uuid.UUID | None = None,
) -> tuple[GastrostomySettings, Changes]:
    """Record the tube and feed in use from `settings.set_on`; each field's rule names the field."""
    patient = fetch_patient(session, patient_id)
    s = settings
    row = GastrostomySetting(
        patient_id=patient.id,
        set_on=SET_ON(s.set_on, patient.birth_date),
        tube_type=check_choice(s.tube_type, TUBE_TYPES, "Tube type"),
        tube_size=TUBE_SIZE(s.tube_size),
        placed_on=None if s.placed_on is None else PLACED_ON(s.placed_on, patient.birth_date),
        feed_name=FEED_NAME(s.feed_name),
        feed_volume=FEED_VOLUME(s.feed_volume),
        feed_rate=FEED_RATE(s.feed_rate),
        feed_times=FEED_TIMES(s.feed_times),
        flush_volume=FLUSH(s.flush_volume),
        contact_name=CONTACT_NAME(s.contact_name),
        contact_phone=CONTACT_PHONE(s.contact_phone),
        staff_id=staff_id,
    )
    session.add(row)
    session.flush()
    return _view(GastrostomySettings, row), Changes(medications=True, worklist=False)


@requires("patient.read")
def niv_history(*, session: Session, patient_id: uuid.UUID | str) -> list[NivSettings]:
    """Every NIV setting recorded for the patient, the latest first."""
    return [_view(NivSettings, r) for r in _latest_first(session, NivSetting, patient_id)]


@requires("patient.read")
def gastrostomy_history(*, session: Session, patient_id: uuid.UUID | str) -> list[GastrostomySettings]:
    """Every gastrostomy record for the patient, the latest first."""
    return [_view(GastrostomySettings, r) for r in _latest_first(session, GastrostomySetting, patient_id)]


def _latest_first(session: Session, model: type[NivSetting | GastrostomySetting], patient_id: uuid.UUID | str) -> Any:
    """Rows of one patient, the latest day first; two on one day, the one recorded later first."""
    pid = opened_patient_id(session, patient_id)  # exists, and may be opened by this actor
    query = sa.select(model).where(model.patient_id == pid).order_by(model.set_on.desc(), model.created_at.desc())
    return session.scalars(query)


def in_use(history: Sequence[S], on: date) -> S | None:
    """The record in use on `on`: the latest set on or before it (`history` is latest first)."""
    return next((s for s in history if s.set_on <= on), None)
