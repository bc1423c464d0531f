"""The print log: what was printed or exported, for whom, when and by whom."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, UTCDateTime, staff_fk


class PrintLog(Base):
    """One printed or exported document.

    An audit trail, not a patient record: `patient_id` has no foreign key and the MRN is copied,
    so the entry survives the patient being merged or deleted, and export/import leave it alone.
    """

    __tablename__ = "print_log"

    printed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(sa.String(30))
    patient_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, nullable=True, index=True)
    patient_mrn: Mapped[str] = mapped_column(sa.String(40), default="")
    record_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, nullable=True)
    language: Mapped[str] = mapped_column(sa.String(10))
    paper: Mapped[str] = mapped_column(sa.String(10))
    pages: Mapped[int] = mapped_column(sa.Integer)
    destination: Mapped[str] = mapped_column(sa.String(500))
    printed_by: Mapped[str] = mapped_column(sa.String(200), default="")
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
