"""Diagnostic workups (EMG, NCS, imaging, blood, genetics) and their lifecycle events."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, UTCDateTime, choice, patient_fk, staff_fk
from alsdesk.vocab import DISCIPLINES, WORKUP_STATUS


class WorkupType(Base):
    """Catalog entry, loaded from resources/catalog/workup_types.json; clinics may add more."""

    __tablename__ = "workup_type"

    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name_en: Mapped[str] = mapped_column(sa.String(200))
    name_zh: Mapped[str] = mapped_column(sa.String(200), default="")
    discipline: Mapped[str] = mapped_column(choice("discipline", DISCIPLINES))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class Workup(FromSite, Base):
    __tablename__ = "workup"
    __table_args__ = (
        sa.Index("ix_workup_status_due", "status", "due_date", "patient_id", "type_code"),
        sa.Index("ix_workup_status_resulted", "status", "resulted_on", "patient_id", "type_code"),
    )

    patient_id: Mapped[uuid.UUID] = patient_fk()
    type_code: Mapped[str] = mapped_column(sa.String(40))
    status: Mapped[str] = mapped_column(choice("workup_status", WORKUP_STATUS))
    due_date: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    ordered_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    scheduled_for: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    scheduled_time: Mapped[time | None] = mapped_column(sa.Time, nullable=True)  # its start, when known
    # Where it is done (the EMG lab, another hospital's imaging), "" when not said.
    place: Mapped[str] = mapped_column(sa.String(120), default="", server_default="")
    performed_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    resulted_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    reviewed_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    result: Mapped[str] = mapped_column(sa.Text, default="")
    interpretation: Mapped[str] = mapped_column(sa.Text, default="")
    reviewer_id: Mapped[uuid.UUID | None] = staff_fk()
    note: Mapped[str] = mapped_column(sa.Text, default="")


class WorkupEvent(FromSite, Base):
    """One status transition: who moved the workup, from what, to what, and when."""

    __tablename__ = "workup_event"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    workup_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("workup.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(sa.String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
    # Why a step was reverted (services.lifecycle.revert); empty for an ordinary step.
    reason: Mapped[str] = mapped_column(sa.Text, default="")
