"""NIV settings and gastrostomy details: what a family's NIV plan and gastrostomy plan print.

Never changed in place: each change is a new row from its day (`set_on`), so the history stays;
the latest row on or before a day is the one in use (services.plan_settings)."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, choice, patient_fk, staff_fk
from alsdesk.vocab import NIV_MASKS, NIV_MODES, TUBE_TYPES


class NivSetting(FromSite, Base):
    __tablename__ = "niv_setting"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    set_on: Mapped[date] = mapped_column(sa.Date)
    mode: Mapped[str] = mapped_column(choice("niv_mode", NIV_MODES))
    ipap: Mapped[float] = mapped_column(sa.Float)  # cmH2O
    epap: Mapped[float] = mapped_column(sa.Float)  # cmH2O
    backup_rate: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # breaths a minute
    mask: Mapped[str] = mapped_column(choice("niv_mask", NIV_MASKS))
    overnight: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    hours_per_day: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # in all, night included
    machine: Mapped[str] = mapped_column(sa.String(200), default="")
    supplier_phone: Mapped[str] = mapped_column(sa.String(50), default="")
    staff_id: Mapped[uuid.UUID | None] = staff_fk()


class GastrostomySetting(FromSite, Base):
    __tablename__ = "gastrostomy_setting"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    set_on: Mapped[date] = mapped_column(sa.Date)
    tube_type: Mapped[str] = mapped_column(choice("tube_type", TUBE_TYPES))
    tube_size: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # French gauge
    placed_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    feed_name: Mapped[str] = mapped_column(sa.String(200), default="")
    feed_volume: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # ml a day
    feed_rate: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # ml an hour, by pump
    feed_times: Mapped[str] = mapped_column(sa.String(200), default="")
    flush_volume: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # ml of water each flush
    contact_name: Mapped[str] = mapped_column(sa.String(200), default="")
    contact_phone: Mapped[str] = mapped_column(sa.String(50), default="")
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
