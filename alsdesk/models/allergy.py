"""Allergies and intolerances (shaped like FHIR AllergyIntolerance, which issue 14 maps it to)."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, choice, patient_fk, staff_fk
from alsdesk.vocab import ALLERGY_SEVERITY, ALLERGY_STATUS


class Allergy(FromSite, Base):
    """One substance a patient reacts to. Never deleted: one entered in error is marked so
    (status), and stays in the record's history like everything clinical."""

    __tablename__ = "allergy"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    substance: Mapped[str] = mapped_column(sa.String(200))
    reaction: Mapped[str] = mapped_column(sa.String(500), default="")
    severity: Mapped[str] = mapped_column(choice("allergy_severity", ALLERGY_SEVERITY), default="unknown")
    status: Mapped[str] = mapped_column(choice("allergy_status", ALLERGY_STATUS), default="active")
    recorded_on: Mapped[date] = mapped_column(sa.Date)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
