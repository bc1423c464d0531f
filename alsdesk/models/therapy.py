"""Therapy plans per discipline and the sessions generated from their recurrence."""

from __future__ import annotations

import uuid
from datetime import date, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, choice, patient_fk, staff_fk
from alsdesk.vocab import DISCIPLINES, SESSION_STATUS


class TherapyPlan(FromSite, Base):
    __tablename__ = "therapy_plan"
    __table_args__ = (
        sa.CheckConstraint("interval_days BETWEEN 1 AND 365", name="interval_range"),
        sa.CheckConstraint("session_count BETWEEN 1 AND 200", name="count_range"),
    )

    patient_id: Mapped[uuid.UUID] = patient_fk()
    discipline: Mapped[str] = mapped_column(choice("discipline", DISCIPLINES))
    title: Mapped[str] = mapped_column(sa.String(200))
    goals: Mapped[str] = mapped_column(sa.Text, default="")
    start_date: Mapped[date] = mapped_column(sa.Date)
    interval_days: Mapped[int] = mapped_column(sa.Integer)
    session_count: Mapped[int] = mapped_column(sa.Integer)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class TherapySession(FromSite, Base):
    __tablename__ = "therapy_session"
    __table_args__ = (sa.Index("ix_session_status_date", "status", "scheduled_on", "patient_id"),)

    patient_id: Mapped[uuid.UUID] = patient_fk()
    plan_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("therapy_plan.id"), index=True)
    scheduled_on: Mapped[date] = mapped_column(sa.Date)
    scheduled_time: Mapped[time | None] = mapped_column(sa.Time, nullable=True)  # its start, when known
    status: Mapped[str] = mapped_column(choice("session_status", SESSION_STATUS), default="scheduled")
    note: Mapped[str] = mapped_column(sa.Text, default="")
