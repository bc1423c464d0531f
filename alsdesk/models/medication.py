"""Drug catalog, prescriptions, lab results used for drug monitoring, and milestones."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, choice, patient_fk, staff_fk
from alsdesk.vocab import APPROVAL, MILESTONES


class Drug(Base):
    """Catalog entry, loaded from resources/catalog/drugs.json; clinics may add more."""

    __tablename__ = "drug"

    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    name_zh: Mapped[str] = mapped_column(sa.String(200), default="")
    purpose: Mapped[str] = mapped_column(sa.String(200))
    purpose_zh: Mapped[str] = mapped_column(sa.String(200), default="")
    approval: Mapped[str] = mapped_column(choice("approval", APPROVAL))
    default_dose: Mapped[str] = mapped_column(sa.String(200), default="")
    default_dose_zh: Mapped[str] = mapped_column(sa.String(200), default="")
    facts: Mapped[str] = mapped_column(sa.Text, default="")
    facts_zh: Mapped[str] = mapped_column(sa.Text, default="")
    requires_genetics: Mapped[str] = mapped_column(sa.String(20), default="")
    monitoring: Mapped[str] = mapped_column(sa.String(40), default="")


class Medication(FromSite, Base):
    __tablename__ = "medication"
    __table_args__ = (
        sa.CheckConstraint("stopped_on IS NULL OR stopped_on >= started_on", name="stop_after_start"),
        sa.Index("ix_medication_drug_active", "drug_code", "stopped_on"),
        sa.Index("ix_medication_alt_due", "alt_due_on", "patient_id"),
    )

    patient_id: Mapped[uuid.UUID] = patient_fk()
    drug_code: Mapped[str] = mapped_column(sa.String(40))
    # The dose (services.doses): each part empty when unknown. A dose that could not be read from
    # the text it was written as (before revision 0017, or an older export file) is only its note.
    dose_amount: Mapped[float | None] = mapped_column(sa.Float, nullable=True)
    dose_unit: Mapped[str] = mapped_column(sa.String(20), default="")
    dose_route: Mapped[str] = mapped_column(sa.String(30), default="")
    dose_frequency: Mapped[str] = mapped_column(sa.String(30), default="")
    dose_regimen: Mapped[str] = mapped_column(sa.String(30), default="")
    dose_note: Mapped[str] = mapped_column(sa.String(200), default="")
    started_on: Mapped[date] = mapped_column(sa.Date)
    stopped_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    stop_reason: Mapped[str] = mapped_column(sa.String(300), default="")
    prescriber_id: Mapped[uuid.UUID | None] = staff_fk()
    warning_acknowledged: Mapped[str] = mapped_column(sa.String(300), default="")
    # The next liver test (ALT) due while a course of a monitored drug runs, else NULL: derived
    # from the course and the patient's last ALT by services.medications.refresh_alt_due, so the
    # worklist reads the due courses from an index instead of each course's lab history.
    alt_due_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)


class LabResult(FromSite, Base):
    """A laboratory value, e.g. ALT for riluzole liver monitoring."""

    __tablename__ = "lab_result"
    __table_args__ = (
        sa.Index("ix_lab_patient_test_date", "patient_id", "test", "taken_on"),
        sa.CheckConstraint("upper_limit IS NULL OR upper_limit > 0", name="uln_positive"),
    )

    patient_id: Mapped[uuid.UUID] = patient_fk()
    test: Mapped[str] = mapped_column(sa.String(40))
    taken_on: Mapped[date] = mapped_column(sa.Date)
    value: Mapped[float] = mapped_column(sa.Float)
    unit: Mapped[str] = mapped_column(sa.String(20), default="")
    upper_limit: Mapped[float | None] = mapped_column(sa.Float, nullable=True)


class Milestone(FromSite, Base):
    __tablename__ = "milestone"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    kind: Mapped[str] = mapped_column(choice("milestone", MILESTONES))
    occurred_on: Mapped[date] = mapped_column(sa.Date)
    note: Mapped[str] = mapped_column(sa.Text, default="")
