"""Care program templates and patient enrollments with their daily checklist marks."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, UTCDateTime, choice, patient_fk, staff_fk
from alsdesk.vocab import ENROLLMENT_STATUS, EVIDENCE


class ProgramTemplate(Base):
    """Catalog entry, loaded from resources/catalog/programs.json; clinics may add and edit."""

    __tablename__ = "program_template"
    __table_args__ = (sa.CheckConstraint("duration_days BETWEEN 1 AND 366", name="duration_range"),)

    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name_en: Mapped[str] = mapped_column(sa.String(200))
    name_zh: Mapped[str] = mapped_column(sa.String(200), default="")
    purpose: Mapped[str] = mapped_column(sa.Text, default="")
    evidence_level: Mapped[str] = mapped_column(choice("evidence_level", EVIDENCE))
    duration_days: Mapped[int] = mapped_column(sa.Integer, default=15)
    diet_restrictions: Mapped[str] = mapped_column(sa.Text, default="")
    instructions: Mapped[str] = mapped_column(sa.Text, default="")
    # Simplified Chinese for families' handouts and sheets; empty prints the English.
    diet_restrictions_zh: Mapped[str] = mapped_column(sa.Text, default="")
    instructions_zh: Mapped[str] = mapped_column(sa.Text, default="")
    source: Mapped[str] = mapped_column(sa.Text, default="")
    items_json: Mapped[str] = mapped_column(sa.Text)  # [{"en": ..., "zh": ...}, ...]
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class Enrollment(FromSite, Base):
    """A patient's own copy of a template, so later template edits never rewrite a sheet."""

    __tablename__ = "enrollment"
    __table_args__ = (
        sa.CheckConstraint("duration_days BETWEEN 1 AND 366", name="duration_range"),
        sa.Index(
            "ix_enrollment_status_start", "status", "start_date", "sheet_returned_on", "duration_days", "patient_id"
        ),
    )

    patient_id: Mapped[uuid.UUID] = patient_fk()
    template_code: Mapped[str] = mapped_column(sa.String(40))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    name_zh: Mapped[str] = mapped_column(sa.String(200), default="")
    evidence_level: Mapped[str] = mapped_column(choice("evidence_level", EVIDENCE))
    diet_restrictions: Mapped[str] = mapped_column(sa.Text, default="")
    instructions: Mapped[str] = mapped_column(sa.Text, default="")
    diet_restrictions_zh: Mapped[str] = mapped_column(sa.Text, default="")
    instructions_zh: Mapped[str] = mapped_column(sa.Text, default="")
    items_json: Mapped[str] = mapped_column(sa.Text)
    start_date: Mapped[date] = mapped_column(sa.Date)
    duration_days: Mapped[int] = mapped_column(sa.Integer)
    status: Mapped[str] = mapped_column(choice("enrollment_status", ENROLLMENT_STATUS), default="active")
    sheet_returned_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)


class EnrollmentMark(FromSite, Base):
    """One tick on a returned sheet: item `item_index` was done on day `day_index` (0-based)."""

    __tablename__ = "enrollment_mark"
    __table_args__ = (
        sa.UniqueConstraint("enrollment_id", "item_index", "day_index", name="uq_mark_cell"),
        sa.CheckConstraint("item_index >= 0 AND day_index >= 0", name="index_nonnegative"),
    )

    patient_id: Mapped[uuid.UUID] = patient_fk()
    enrollment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("enrollment.id"), index=True)
    item_index: Mapped[int] = mapped_column(sa.Integer)
    day_index: Mapped[int] = mapped_column(sa.Integer)
    done: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class EnrollmentEvent(FromSite, Base):
    """One status change of an enrollment (enrolled, completed, stopped, reverted) and who made it."""

    __tablename__ = "enrollment_event"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    enrollment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("enrollment.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(sa.String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
    reason: Mapped[str] = mapped_column(sa.Text, default="")
